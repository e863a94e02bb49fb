// The people who sign in to hsg (hsg user add | list | disable | enable | grant |
// revoke | password): their names, roles, whether they are disabled, and their
// passwords, kept as append-only records in the audit chain (db/users.h).
//
// A user's name is the normal form of db/stamp.h normalise_actor, because it is the
// actor stamped on every write made through the server. A password is 12 to 1024 bytes
// of UTF-8 without control characters; it is stored only as a libsodium
// crypto_pwhash_str (argon2id) string and the audit event carries the SHA-256 of that
// string, never the password.
//
// Requires an open store (writable for the writes). Promises: every write is one
// transaction; a refusal lists every problem found (with the field and, for a role, the
// allowed values) and writes nothing; a change that would change nothing (granting a
// role held, disabling a disabled user) is refused, and so is disabling the only enabled
// admin or revoking their admin role. authenticate gives one and the same
// refusal whatever is wrong, and takes about as long for an unknown name as for a known
// one.
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "app/result.h"
#include "app/users/roles.h"
#include "db/database.h"
#include "db/stamp.h"

namespace hsg::app {

struct UserAccount {
  std::string name;
  std::vector<Role> roles;  // sorted by enum, each once
  bool disabled = false;
  std::string added_at;  // the stamp's time when the user was added
  bool operator==(const UserAccount&) const = default;
};

struct AddUserRequest {
  std::string name;         // as typed: normalised as an actor name
  std::vector<Role> roles;  // at least one
  std::string password;
};

// The refusal authenticate gives for every failure.
inline constexpr std::string_view kSignInRefused = "unknown user name or wrong password";

Result<UserAccount> add_user(db::Database& database, const db::Stamp& stamp,
                             const AddUserRequest& request);
// By name.
Result<std::vector<UserAccount>> list_users(db::Database& database);
Result<UserAccount> disable_user(db::Database& database, const db::Stamp& stamp,
                                 std::string_view name, std::string_view reason);
Result<UserAccount> enable_user(db::Database& database, const db::Stamp& stamp,
                                std::string_view name, std::string_view reason);
Result<UserAccount> grant_role(db::Database& database, const db::Stamp& stamp,
                               std::string_view name, Role role);
Result<UserAccount> revoke_role(db::Database& database, const db::Stamp& stamp,
                                std::string_view name, Role role);
Result<UserAccount> set_password(db::Database& database, const db::Stamp& stamp,
                                 std::string_view name, std::string_view password);

// The account as it stands now (nothing when unknown): the server re-reads it on every
// request so a disablement or a revoked role takes effect at once. Cheap (indexed reads).
Result<std::optional<UserAccount>> find_user(db::Database& database, std::string_view name);

// Sign-in: the account when the name is known, enabled and the password matches;
// otherwise the one Refusal kSignInRefused whatever the reason.
Result<UserAccount> authenticate(db::Database& database, std::string_view name,
                                 std::string_view password);

// Why `password` may not be a password (every problem), or nothing when it may.
std::vector<std::string> password_problems(std::string_view password);

}  // namespace hsg::app
