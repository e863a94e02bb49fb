#include "db/users.h"

#include <fmt/format.h>

#include <algorithm>
#include <stdexcept>

#include "db/audit_append.h"
#include "db/canonical_json.h"
#include "db/guard.h"
#include "db/record_payloads.h"
#include "db/sha256.h"
#include "engine/text.h"

namespace hsg::db {

namespace {

constexpr std::size_t kMaxReasonBytes = 4000;
// crypto_pwhash_STRBYTES is 128 including the NUL; anything longer is not such a string.
constexpr std::size_t kMaxHashBytes = 127;

constexpr char kInsertUser[] = "INSERT INTO users (name, added_by, at) VALUES (?1, ?2, ?3)";
constexpr char kSelectUser[] = "SELECT name, added_by, at FROM users WHERE name = ?1";
constexpr char kSelectUserNames[] = "SELECT name FROM users ORDER BY name";
constexpr char kInsertRoleChange[] =
    "INSERT INTO user_role_changes (user_name, role, change, actor, at) "
    "VALUES (?1, ?2, ?3, ?4, ?5)";
constexpr char kSelectRoleChanges[] =
    "SELECT role, change FROM user_role_changes WHERE user_name = ?1 ORDER BY id";
constexpr char kSelectRoleChange[] =
    "SELECT user_name, role, change, actor, at FROM user_role_changes WHERE id = ?1";
constexpr char kInsertPassword[] =
    "INSERT INTO user_passwords (user_name, hash, actor, at) VALUES (?1, ?2, ?3, ?4)";
constexpr char kSelectLatestPassword[] =
    "SELECT hash FROM user_passwords WHERE user_name = ?1 ORDER BY id DESC LIMIT 1";
constexpr char kSelectPassword[] =
    "SELECT user_name, hash, actor, at FROM user_passwords WHERE id = ?1";
constexpr char kInsertStatus[] =
    "INSERT INTO user_status_changes (user_name, status, reason, actor, at) "
    "VALUES (?1, ?2, ?3, ?4, ?5)";
constexpr char kSelectLatestStatus[] =
    "SELECT status FROM user_status_changes WHERE user_name = ?1 ORDER BY id DESC LIMIT 1";
constexpr char kSelectStatus[] =
    "SELECT user_name, status, reason, actor, at FROM user_status_changes WHERE id = ?1";

std::optional<std::size_t> role_index(std::string_view role) {
  const auto found = std::find(std::begin(kUserRoles), std::end(kUserRoles), role);
  if (found == std::end(kUserRoles)) return std::nullopt;
  return static_cast<std::size_t>(found - std::begin(kUserRoles));
}

std::string role_list() {
  std::string list;
  for (std::string_view role : kUserRoles) {
    if (!list.empty()) list += ", ";
    list += role;
  }
  return list;
}

std::optional<std::string> role_problem(std::string_view role) {
  if (role_index(role)) return std::nullopt;
  return fmt::format("'{}' is not a role ({})", engine::excerpt(role), role_list());
}

std::optional<std::string> name_problem(std::string_view name) {
  const DbResult<std::string> normal = normalise_actor(name);
  if (!normal.ok()) return "the user name: " + normal.error().message;
  if (normal.value() != name) {
    return fmt::format("the user name '{}' is not in normal form ('{}')", engine::excerpt(name),
                       normal.value());
  }
  return std::nullopt;
}

// Not a check that the string is a valid hash (libsodium's verify is); a check that it is
// one short line of printable ASCII in the "$argon2id$" form, so nothing else is stored.
std::optional<std::string> hash_problem(std::string_view hash) {
  const bool printable = std::all_of(hash.begin(), hash.end(), [](char c) {
    return static_cast<unsigned char>(c) > 0x20 && static_cast<unsigned char>(c) < 0x7f;
  });
  if (!hash.starts_with("$argon2id$") || hash.size() > kMaxHashBytes || !printable) {
    return "the password hash is not a crypto_pwhash_str argon2id string";
  }
  return std::nullopt;
}

std::string user_payload(std::string_view name, std::string_view added_by, std::string_view at) {
  return CanonicalObject().add("name", name).add("added_by", added_by).add("at", at).str();
}

std::string role_change_payload(std::int64_t id, std::string_view user_name, std::string_view role,
                                std::string_view change, std::string_view actor,
                                std::string_view at) {
  return CanonicalObject()
      .add("id", id)
      .add("user_name", user_name)
      .add("role", role)
      .add("change", change)
      .add("actor", actor)
      .add("at", at)
      .str();
}

// The hash string's SHA-256, not the string: the log vouches for the row without holding
// what an attacker would try passwords against.
std::string password_payload(std::int64_t id, std::string_view user_name, std::string_view hash,
                             std::string_view actor, std::string_view at) {
  return CanonicalObject()
      .add("id", id)
      .add("user_name", user_name)
      .add("hash_sha256", sha256_hex(hash))
      .add("actor", actor)
      .add("at", at)
      .str();
}

std::string status_payload(std::int64_t id, std::string_view user_name, std::string_view status,
                           std::string_view reason, std::string_view actor, std::string_view at) {
  return CanonicalObject()
      .add("id", id)
      .add("user_name", user_name)
      .add("status", status)
      .add("reason", reason)
      .add("actor", actor)
      .add("at", at)
      .str();
}

std::optional<StoredUser> read_user(Connection& connection, std::string_view name) {
  auto select = connection.statement(kSelectUser);
  select->bind(1, std::string(name));
  if (!select->executeStep()) return std::nullopt;
  StoredUser user;
  user.name = select->getColumn(0).getString();
  user.added_by = select->getColumn(1).getString();
  user.added_at = select->getColumn(2).getString();
  std::vector<bool> held(std::size(kUserRoles), false);
  auto changes = connection.statement(kSelectRoleChanges);
  changes->bind(1, user.name);
  while (changes->executeStep()) {
    const std::string role = changes->getColumn(0).getString();
    const auto index = role_index(role);
    if (!index) throw std::runtime_error(fmt::format("stored role '{}' is not a role", role));
    held[*index] = changes->getColumn(1).getString() == to_string(RoleChange::grant);
  }
  for (std::size_t i = 0; i < held.size(); ++i) {
    if (held[i]) user.roles.emplace_back(kUserRoles[i]);
  }
  auto status = connection.statement(kSelectLatestStatus);
  status->bind(1, user.name);
  user.disabled =
      status->executeStep() && status->getColumn(0).getString() == to_string(UserStatus::disabled);
  auto password = connection.statement(kSelectLatestPassword);
  password->bind(1, user.name);
  if (password->executeStep()) user.password_hash = password->getColumn(0).getString();
  return user;
}

void insert_role_change(Connection& connection, const Stamp& stamp, std::string_view name,
                        std::string_view role, RoleChange change) {
  const std::string_view change_text = to_string(change);
  auto insert = connection.statement(kInsertRoleChange);
  insert->bind(1, std::string(name));
  insert->bind(2, std::string(role));
  insert->bind(3, std::string(change_text));
  insert->bind(4, stamp.actor);
  insert->bind(5, stamp.at);
  insert->exec();
  const std::int64_t id = connection.sqlite.getLastInsertRowid();
  append_audit_event(connection, stamp,
                     change == RoleChange::grant ? "user.grant_role" : "user.revoke_role",
                     "user_role_changes", std::to_string(id),
                     role_change_payload(id, name, role, change_text, stamp.actor, stamp.at));
}

void insert_password(Connection& connection, const Stamp& stamp, std::string_view name,
                     std::string_view hash) {
  auto insert = connection.statement(kInsertPassword);
  insert->bind(1, std::string(name));
  insert->bind(2, std::string(hash));
  insert->bind(3, stamp.actor);
  insert->bind(4, stamp.at);
  insert->exec();
  const std::int64_t id = connection.sqlite.getLastInsertRowid();
  append_audit_event(connection, stamp, "user.password", "user_passwords", std::to_string(id),
                     password_payload(id, name, hash, stamp.actor, stamp.at));
}

std::string no_such_user(std::string_view doing) {
  return fmt::format("{}: no such user (hsg user list)", doing);
}

}  // namespace

std::string_view to_string(RoleChange change) {
  return change == RoleChange::grant ? "grant" : "revoke";
}

std::string_view to_string(UserStatus status) {
  return status == UserStatus::disabled ? "disabled" : "enabled";
}

std::optional<std::string> stored_user_payload(Connection& connection, std::string_view name) {
  auto select = connection.statement(kSelectUser);
  select->bind(1, std::string(name));
  if (!select->executeStep()) return std::nullopt;
  return user_payload(select->getColumn(0).getString(), select->getColumn(1).getString(),
                      select->getColumn(2).getString());
}

std::optional<std::string> stored_role_change_payload(Connection& connection, std::string_view id) {
  const auto number = parse_entity_number(id);
  if (!number) return std::nullopt;
  auto select = connection.statement(kSelectRoleChange);
  select->bind(1, *number);
  if (!select->executeStep()) return std::nullopt;
  return role_change_payload(*number, select->getColumn(0).getString(),
                             select->getColumn(1).getString(), select->getColumn(2).getString(),
                             select->getColumn(3).getString(), select->getColumn(4).getString());
}

std::optional<std::string> stored_password_payload(Connection& connection, std::string_view id) {
  const auto number = parse_entity_number(id);
  if (!number) return std::nullopt;
  auto select = connection.statement(kSelectPassword);
  select->bind(1, *number);
  if (!select->executeStep()) return std::nullopt;
  return password_payload(*number, select->getColumn(0).getString(),
                          select->getColumn(1).getString(), select->getColumn(2).getString(),
                          select->getColumn(3).getString());
}

std::optional<std::string> stored_status_payload(Connection& connection, std::string_view id) {
  const auto number = parse_entity_number(id);
  if (!number) return std::nullopt;
  auto select = connection.statement(kSelectStatus);
  select->bind(1, *number);
  if (!select->executeStep()) return std::nullopt;
  return status_payload(*number, select->getColumn(0).getString(), select->getColumn(1).getString(),
                        select->getColumn(2).getString(), select->getColumn(3).getString(),
                        select->getColumn(4).getString());
}

DbResult<StoredUser> UserRepository::add(const Stamp& stamp, const NewUser& user) {
  const std::string doing = fmt::format("cannot add user '{}'", engine::excerpt(user.name));
  if (auto problem = stamp_problem(stamp)) return DbError{doing + ": " + *problem};
  if (auto problem = name_problem(user.name)) return DbError{doing + ": " + *problem};
  if (user.roles.empty())
    return DbError{fmt::format("{}: a user needs a role ({})", doing, role_list())};
  for (std::size_t i = 0; i < user.roles.size(); ++i) {
    if (auto problem = role_problem(user.roles[i])) return DbError{doing + ": " + *problem};
    if (std::find(user.roles.begin(), user.roles.begin() + static_cast<std::ptrdiff_t>(i),
                  user.roles[i]) != user.roles.begin() + static_cast<std::ptrdiff_t>(i)) {
      return DbError{fmt::format("{}: the role {} is given twice", doing, user.roles[i])};
    }
  }
  if (auto problem = hash_problem(user.password_hash)) return DbError{doing + ": " + *problem};
  return guarded_write(database_, doing, [&](Connection& connection) -> DbResult<StoredUser> {
    if (read_user(connection, user.name)) {
      return DbError{fmt::format("{}: there is already a user of that name", doing)};
    }
    {
      auto insert = connection.statement(kInsertUser);
      insert->bind(1, user.name);
      insert->bind(2, stamp.actor);
      insert->bind(3, stamp.at);
      insert->exec();
    }
    append_audit_event(connection, stamp, "user.add", "users", user.name,
                       user_payload(user.name, stamp.actor, stamp.at));
    for (const std::string& role : user.roles) {
      insert_role_change(connection, stamp, user.name, role, RoleChange::grant);
    }
    insert_password(connection, stamp, user.name, user.password_hash);
    return *read_user(connection, user.name);
  });
}

DbResult<StoredUser> UserRepository::change_role(const Stamp& stamp, std::string_view name,
                                                 std::string_view role, RoleChange change) {
  const std::string doing =
      change == RoleChange::grant
          ? fmt::format("cannot grant user '{}' a role", engine::excerpt(name))
          : fmt::format("cannot revoke a role of user '{}'", engine::excerpt(name));
  if (auto problem = stamp_problem(stamp)) return DbError{doing + ": " + *problem};
  if (auto problem = role_problem(role)) return DbError{doing + ": " + *problem};
  return guarded_write(database_, doing, [&](Connection& connection) -> DbResult<StoredUser> {
    const auto before = read_user(connection, name);
    if (!before) return DbError{no_such_user(doing)};
    const bool held =
        std::find(before->roles.begin(), before->roles.end(), role) != before->roles.end();
    if (change == RoleChange::grant && held) {
      return DbError{fmt::format("{}: they already hold {}", doing, role)};
    }
    if (change == RoleChange::revoke && !held) {
      return DbError{fmt::format("{}: they do not hold {}", doing, role)};
    }
    insert_role_change(connection, stamp, before->name, role, change);
    return *read_user(connection, before->name);
  });
}

DbResult<StoredUser> UserRepository::set_password(const Stamp& stamp, std::string_view name,
                                                  std::string_view password_hash) {
  const std::string doing =
      fmt::format("cannot set the password of user '{}'", engine::excerpt(name));
  if (auto problem = stamp_problem(stamp)) return DbError{doing + ": " + *problem};
  if (auto problem = hash_problem(password_hash)) return DbError{doing + ": " + *problem};
  return guarded_write(database_, doing, [&](Connection& connection) -> DbResult<StoredUser> {
    const auto before = read_user(connection, name);
    if (!before) return DbError{no_such_user(doing)};
    insert_password(connection, stamp, before->name, password_hash);
    return *read_user(connection, before->name);
  });
}

DbResult<StoredUser> UserRepository::change_status(const Stamp& stamp, std::string_view name,
                                                   UserStatus status, std::string_view reason) {
  const std::string doing =
      fmt::format("cannot {} user '{}'", status == UserStatus::disabled ? "disable" : "enable",
                  engine::excerpt(name));
  if (auto problem = stamp_problem(stamp)) return DbError{doing + ": " + *problem};
  if (auto problem = one_line_problem("the reason", reason, kMaxReasonBytes)) {
    return DbError{doing + ": " + *problem};
  }
  return guarded_write(database_, doing, [&](Connection& connection) -> DbResult<StoredUser> {
    const auto before = read_user(connection, name);
    if (!before) return DbError{no_such_user(doing)};
    if (before->disabled == (status == UserStatus::disabled)) {
      return DbError{fmt::format("{}: the user is already {}", doing, to_string(status))};
    }
    const std::string_view status_text = to_string(status);
    auto insert = connection.statement(kInsertStatus);
    insert->bind(1, before->name);
    insert->bind(2, std::string(status_text));
    insert->bind(3, std::string(reason));
    insert->bind(4, stamp.actor);
    insert->bind(5, stamp.at);
    insert->exec();
    const std::int64_t id = connection.sqlite.getLastInsertRowid();
    append_audit_event(
        connection, stamp, status == UserStatus::disabled ? "user.disable" : "user.enable",
        "user_status_changes", std::to_string(id),
        status_payload(id, before->name, status_text, reason, stamp.actor, stamp.at));
    return *read_user(connection, before->name);
  });
}

DbResult<std::optional<StoredUser>> UserRepository::find(std::string_view name) {
  return guarded("cannot read users", [&]() -> DbResult<std::optional<StoredUser>> {
    return read_user(database_.connection(), name);
  });
}

DbResult<std::vector<StoredUser>> UserRepository::list() {
  return guarded("cannot list users", [&]() -> DbResult<std::vector<StoredUser>> {
    Connection& connection = database_.connection();
    std::vector<std::string> names;
    {
      auto select = connection.statement(kSelectUserNames);
      while (select->executeStep()) names.push_back(select->getColumn(0).getString());
    }
    std::vector<StoredUser> users;
    for (const std::string& name : names) {
      if (auto user = read_user(connection, name)) users.push_back(std::move(*user));
    }
    return users;
  });
}

}  // namespace hsg::db
