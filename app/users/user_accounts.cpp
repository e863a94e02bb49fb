#include "app/users/user_accounts.h"

#include <fmt/format.h>

#include <algorithm>
#include <stdexcept>

#include "app/unwrap.h"
#include "app/users/password_hash.h"
#include "db/record_check.h"
#include "db/users.h"
#include "db/write_transaction.h"
#include "engine/text.h"

namespace hsg::app {

namespace {

constexpr std::size_t kMinPasswordBytes = 12;
constexpr std::size_t kMaxPasswordBytes = 1024;

UserAccount account_of(const db::StoredUser& stored) {
  UserAccount account{stored.name, {}, stored.disabled, stored.added_at};
  for (const std::string& text : stored.roles) {
    const auto role = parse_role(text);
    if (!role) throw std::runtime_error(fmt::format("stored role '{}' is not a role", text));
    account.roles.push_back(*role);
  }
  std::sort(account.roles.begin(), account.roles.end());
  return account;
}

// The normal form of a typed name, or why there is none, naming the field.
db::DbResult<std::string> normal_name(std::string_view typed) {
  db::DbResult<std::string> normal = db::normalise_actor(typed);
  if (!normal.ok()) return db::DbError{"the user name: " + normal.error().message};
  return normal;
}

std::string required_name(std::string_view typed) { return unwrap(normal_name(typed)); }

std::string required_reason(std::string_view reason) {
  if (std::all_of(reason.begin(), reason.end(), [](char c) { return c == ' ' || c == '\t'; })) {
    throw Refusal("the reason is required: say why, in one line");
  }
  return std::string(reason);
}

void require_password(std::string_view password) {
  const std::vector<std::string> problems = password_problems(password);
  if (!problems.empty()) throw Refusal::of_messages(problems);
}

// A write to an existing user first checks the rows it rests on against the audit log.
void check_rows_of(db::Database& database, std::string_view name) {
  unwrap(db::check_user(database, name));
}

// Whoever manages users on the web must be able to go on doing so: the one enabled admin
// can be neither disabled nor stripped of admin (an administrator holding the file can
// still add one with hsg user add; this stops locking the web out by a slip).
void keep_an_admin(db::Database& database, std::string_view name, std::string_view doing) {
  bool is_admin = false;
  std::size_t others = 0;
  for (const db::StoredUser& user : unwrap(db::UserRepository(database).list())) {
    const bool admin = !user.disabled && std::find(user.roles.begin(), user.roles.end(),
                                                   to_string(Role::admin)) != user.roles.end();
    if (!admin) continue;
    if (user.name == name) {
      is_admin = true;
    } else {
      ++others;
    }
  }
  if (is_admin && others == 0) {
    throw Refusal(fmt::format(
        "cannot {} user '{}': they are the only enabled admin, and without one nobody can "
        "manage users in the browser; grant admin to another user first",
        doing, name));
  }
}

UserAccount change_status(db::Database& database, const db::Stamp& stamp, std::string_view typed,
                          db::UserStatus status, std::string_view reason) {
  const std::string name = required_name(typed);
  const std::string why = required_reason(reason);
  check_rows_of(database, name);
  // The check and the change in one transaction, so two admins cannot disable each other.
  auto transaction = unwrap(db::WriteTransaction::begin(database));
  if (status == db::UserStatus::disabled) keep_an_admin(database, name, "disable");
  UserAccount account =
      account_of(unwrap(db::UserRepository(database).change_status(stamp, name, status, why)));
  unwrap(transaction.commit());
  return account;
}

UserAccount change_role(db::Database& database, const db::Stamp& stamp, std::string_view typed,
                        Role role, db::RoleChange change) {
  const std::string name = required_name(typed);
  check_rows_of(database, name);
  auto transaction = unwrap(db::WriteTransaction::begin(database));
  if (change == db::RoleChange::revoke && role == Role::admin) {
    keep_an_admin(database, name, "revoke admin from");
  }
  UserAccount account = account_of(
      unwrap(db::UserRepository(database).change_role(stamp, name, to_string(role), change)));
  unwrap(transaction.commit());
  return account;
}

}  // namespace

std::vector<std::string> password_problems(std::string_view password) {
  std::vector<std::string> problems;
  // Positions only: a message never quotes any part of a password.
  if (password.size() < kMinPasswordBytes || password.size() > kMaxPasswordBytes) {
    problems.push_back(fmt::format("the password is {} bytes long: it must be {} to {} bytes",
                                   password.size(), kMinPasswordBytes, kMaxPasswordBytes));
  }
  if (const auto bad = engine::first_invalid_utf8(password)) {
    problems.push_back(
        fmt::format("the password is not UTF-8 (at byte {}): it must be UTF-8 text", *bad + 1));
  } else if (const auto control = engine::first_control_character(password)) {
    problems.push_back(fmt::format(
        "the password has a control character at character {}: it must be printable text",
        engine::characters_before(password, *control) + 1));
  }
  return problems;
}

Result<UserAccount> add_user(db::Database& database, const db::Stamp& stamp,
                             const AddUserRequest& request) {
  return attempt([&] {
    std::vector<std::string> problems;
    const auto name = normal_name(request.name);
    if (!name.ok()) problems.push_back(name.error().message);
    if (request.roles.empty()) {
      problems.push_back(
          fmt::format("a user needs at least one role: one or more of {}", kRoleNames));
    }
    for (std::string& problem : password_problems(request.password)) {
      problems.push_back(std::move(problem));
    }
    if (!problems.empty()) throw Refusal::of_messages(problems);
    std::vector<Role> roles = request.roles;
    std::sort(roles.begin(), roles.end());
    roles.erase(std::unique(roles.begin(), roles.end()), roles.end());
    db::NewUser user{name.value(), {}, hash_password(request.password)};
    for (const Role role : roles) user.roles.emplace_back(to_string(role));
    return account_of(unwrap(db::UserRepository(database).add(stamp, user)));
  });
}

Result<std::vector<UserAccount>> list_users(db::Database& database) {
  return attempt([&] {
    std::vector<UserAccount> accounts;
    for (const db::StoredUser& user : unwrap(db::UserRepository(database).list())) {
      accounts.push_back(account_of(user));
    }
    return accounts;
  });
}

Result<UserAccount> disable_user(db::Database& database, const db::Stamp& stamp,
                                 std::string_view name, std::string_view reason) {
  return attempt(
      [&] { return change_status(database, stamp, name, db::UserStatus::disabled, reason); });
}

Result<UserAccount> enable_user(db::Database& database, const db::Stamp& stamp,
                                std::string_view name, std::string_view reason) {
  return attempt(
      [&] { return change_status(database, stamp, name, db::UserStatus::enabled, reason); });
}

Result<UserAccount> grant_role(db::Database& database, const db::Stamp& stamp,
                               std::string_view name, Role role) {
  return attempt([&] { return change_role(database, stamp, name, role, db::RoleChange::grant); });
}

Result<UserAccount> revoke_role(db::Database& database, const db::Stamp& stamp,
                                std::string_view name, Role role) {
  return attempt([&] { return change_role(database, stamp, name, role, db::RoleChange::revoke); });
}

Result<UserAccount> set_password(db::Database& database, const db::Stamp& stamp,
                                 std::string_view typed, std::string_view password) {
  return attempt([&] {
    const std::string name = required_name(typed);
    require_password(password);
    check_rows_of(database, name);
    return account_of(
        unwrap(db::UserRepository(database).set_password(stamp, name, hash_password(password))));
  });
}

Result<std::optional<UserAccount>> find_user(db::Database& database, std::string_view typed) {
  return attempt([&]() -> std::optional<UserAccount> {
    const auto name = normal_name(typed);
    if (!name.ok()) return std::nullopt;
    const auto stored = unwrap(db::UserRepository(database).find(name.value()));
    if (!stored) return std::nullopt;
    return account_of(*stored);
  });
}

Result<UserAccount> authenticate(db::Database& database, std::string_view typed,
                                 std::string_view password) {
  return attempt([&] {
    const Refusal refused{std::string(kSignInRefused)};
    const auto name = normal_name(typed);
    std::optional<db::StoredUser> stored;
    if (name.ok() && password.size() <= kMaxPasswordBytes) {
      stored = unwrap(db::UserRepository(database).find(name.value()));
    }
    if (!stored) {
      spend_verify_time(password.substr(0, kMaxPasswordBytes));
      throw refused;
    }
    // The hash is checked before the status, so a disabled user takes as long as any.
    if (!password_matches(stored->password_hash, password) || stored->disabled) throw refused;
    // Only someone who knows the password learns that the store was tampered with.
    check_rows_of(database, stored->name);
    return account_of(*stored);
  });
}

}  // namespace hsg::app
