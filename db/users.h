// The people who sign in, their roles, passwords and whether they are disabled.
//
// Nothing is overwritten (schema version 9): a user is added once; each grant or revoke
// of a role, each password set and each disablement or re-enablement is a row of its
// own, and a user's state is read back by replaying their rows in order. The store keeps
// a password only as the crypto_pwhash_str string it is given (hashing is the use
// case's, app/users/); the audit event of a password row carries the SHA-256 of that
// string, not the string. Every row written gets one audit event carrying its canonical
// JSON, and every write is one transaction.
//
// Names are an actor's normal form (db/stamp.h normalise_actor) and are matched
// exactly. Roles are the words in kUserRoles (app/users/roles.h spells the same ones for
// the use cases). A change that would change nothing (granting a role held, revoking one
// not held, disabling a disabled user, enabling an enabled one) is refused.
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "db/database.h"
#include "db/result.h"
#include "db/stamp.h"

namespace hsg::db {

// In the order a user's roles are listed; the CHECK of user_role_changes names the same.
inline constexpr std::string_view kUserRoles[] = {"assessor", "approver",     "finance",
                                                  "auditor",  "commissioner", "admin"};

enum class RoleChange { grant, revoke };
enum class UserStatus { disabled, enabled };

struct StoredUser {
  std::string name;
  std::string added_by;
  std::string added_at;
  std::vector<std::string> roles;  // held now, in kUserRoles order
  bool disabled = false;
  std::string password_hash;  // the latest crypto_pwhash_str string
  bool operator==(const StoredUser&) const = default;
};

struct NewUser {
  std::string name;                // in normal form
  std::vector<std::string> roles;  // at least one, each once
  std::string password_hash;       // a crypto_pwhash_str string ("$argon2id$…")
};

class UserRepository {
 public:
  explicit UserRepository(Database& database) : database_(database) {}

  // The user row, a grant per role (in the order given) and the password row.
  DbResult<StoredUser> add(const Stamp& stamp, const NewUser& user);
  DbResult<StoredUser> change_role(const Stamp& stamp, std::string_view name, std::string_view role,
                                   RoleChange change);
  DbResult<StoredUser> set_password(const Stamp& stamp, std::string_view name,
                                    std::string_view password_hash);
  // `reason` is required: one line of at most 4000 bytes.
  DbResult<StoredUser> change_status(const Stamp& stamp, std::string_view name, UserStatus status,
                                     std::string_view reason);

  // Indexed reads only: cheap enough to call on every request.
  DbResult<std::optional<StoredUser>> find(std::string_view name);
  // By name.
  DbResult<std::vector<StoredUser>> list();

 private:
  Database& database_;
};

std::string_view to_string(RoleChange change);
std::string_view to_string(UserStatus status);

}  // namespace hsg::db
