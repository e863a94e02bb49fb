// The users repository (db/users.h): accounts, role changes, passwords and
// disablements as append-only rows, each written by one audit event.
#include <catch2/catch.hpp>

#include "db/audit_log.h"
#include "db/record_check.h"
#include "db/sha256.h"
#include "db/users.h"
#include "tests/db/db_fixture.h"

namespace hsg::test {

namespace {

// The store checks the form of a hash, never the hash: these are two real
// crypto_pwhash_str strings (of no password anyone uses).
constexpr std::string_view kHash1 =
    "$argon2id$v=19$m=65536,t=2,p=1$xf5RmNW3+sleuqoROwCzqQ$oGv09/"
    "oO6AIsDZRvKjngsa6M284OWwFkk3DoAt7L888";
constexpr std::string_view kHash2 =
    "$argon2id$v=19$m=65536,t=2,p=1$qyOvBFQ0p6XMsnEKTuR9qw$/"
    "zwnKtHDZS2a93OrM98i3yS6SiH5fziMM3i1ZBdI+gA";

db::NewUser asha() { return {"asha", {"assessor", "approver"}, std::string(kHash1)}; }

std::string error_of(const db::DbResult<db::StoredUser>& result) {
  REQUIRE_FALSE(result.ok());
  return result.error().message;
}

std::vector<db::AuditEvent> events_of(db::Database& database) {
  return ok(db::AuditLog(database).events());
}

}  // namespace

TEST_CASE("users: an added user is read back with roles, password hash and who added them") {
  TempDir dir;
  db::Database database = open_database(dir.file("hsg.db"));
  db::UserRepository users(database);
  const db::StoredUser added = ok(users.add(stamp("admin"), asha()));
  const db::StoredUser expected{"asha",
                                "admin",
                                "2025-01-31T14:05:09Z",
                                {"assessor", "approver"},
                                false,
                                std::string(kHash1)};
  CHECK(added == expected);
  CHECK(ok(users.find("asha")) == expected);
  CHECK_FALSE(ok(users.find("Asha")).has_value());  // names are matched exactly
  CHECK_FALSE(ok(users.find("bob")).has_value());

  const std::vector<db::AuditEvent> events = events_of(database);
  REQUIRE(events.size() == 4);
  CHECK(events[0].action == "user.add");
  CHECK(events[0].entity_type == "users");
  CHECK(events[0].entity_id == "asha");
  CHECK(events[0].payload == R"({"added_by":"admin","at":"2025-01-31T14:05:09Z","name":"asha"})");
  CHECK(events[1].action == "user.grant_role");
  CHECK(events[1].entity_type == "user_role_changes");
  CHECK(events[1].entity_id == "1");
  CHECK(
      events[1].payload ==
      R"({"actor":"admin","at":"2025-01-31T14:05:09Z","change":"grant","id":1,"role":"assessor","user_name":"asha"})");
  CHECK(events[2].entity_id == "2");
  CHECK(events[3].action == "user.password");
  CHECK(events[3].entity_type == "user_passwords");
  CHECK(events[3].payload == R"({"actor":"admin","at":"2025-01-31T14:05:09Z","hash_sha256":")" +
                                 db::sha256_hex(kHash1) + R"(","id":1,"user_name":"asha"})");
  CHECK(events[3].payload.find(kHash1) == std::string::npos);
  CHECK(ok(db::AuditLog(database).verify(std::nullopt)).ok);
}

TEST_CASE("users: roles are granted and revoked by new rows, kept in the listed order") {
  TempDir dir;
  db::Database database = open_database(dir.file("hsg.db"));
  db::UserRepository users(database);
  ok(users.add(stamp("admin"), {"asha", {"approver"}, std::string(kHash1)}));
  CHECK(ok(users.change_role(stamp("admin"), "asha", "admin", db::RoleChange::grant)).roles ==
        std::vector<std::string>{"approver", "admin"});
  CHECK(ok(users.change_role(stamp("admin"), "asha", "assessor", db::RoleChange::grant)).roles ==
        std::vector<std::string>{"assessor", "approver", "admin"});
  CHECK(ok(users.change_role(stamp("admin"), "asha", "approver", db::RoleChange::revoke)).roles ==
        std::vector<std::string>{"assessor", "admin"});
  CHECK(ok(users.change_role(stamp("admin"), "asha", "approver", db::RoleChange::grant)).roles ==
        std::vector<std::string>{"assessor", "approver", "admin"});
  const std::vector<db::AuditEvent> events = events_of(database);
  REQUIRE(events.size() == 7);
  CHECK(events[5].action == "user.revoke_role");
  CHECK(
      events[5].payload ==
      R"({"actor":"admin","at":"2025-01-31T14:05:09Z","change":"revoke","id":4,"role":"approver","user_name":"asha"})");
  CHECK(ok(db::AuditLog(database).verify(std::nullopt)).ok);
}

TEST_CASE("users: a change that changes nothing or names no user is refused and writes nothing") {
  TempDir dir;
  db::Database database = open_database(dir.file("hsg.db"));
  db::UserRepository users(database);
  ok(users.add(stamp("admin"), asha()));
  const std::string head = ok(db::AuditLog(database).checkpoint());
  CHECK(error_of(users.add(stamp("admin"), asha())) ==
        "cannot add user 'asha': there is already a user of that name");
  CHECK(error_of(users.add(stamp("admin"), {"Bob", {"finance"}, std::string(kHash1)})) ==
        "cannot add user 'Bob': the user name 'Bob' is not in normal form ('bob')");
  CHECK(error_of(users.add(stamp("admin"), {"bob", {}, std::string(kHash1)})) ==
        "cannot add user 'bob': a user needs a role (assessor, approver, finance, auditor, "
        "commissioner, admin)");
  CHECK(error_of(users.add(stamp("admin"), {"bob", {"boss"}, std::string(kHash1)})) ==
        "cannot add user 'bob': 'boss' is not a role (assessor, approver, finance, auditor, "
        "commissioner, admin)");
  CHECK(error_of(users.add(stamp("admin"), {"bob", {"finance", "finance"}, std::string(kHash1)})) ==
        "cannot add user 'bob': the role finance is given twice");
  CHECK(error_of(users.add(stamp("admin"), {"bob", {"finance"}, "hunter2 hunter2"})) ==
        "cannot add user 'bob': the password hash is not a crypto_pwhash_str argon2id string");
  CHECK(error_of(users.change_role(stamp("admin"), "asha", "assessor", db::RoleChange::grant)) ==
        "cannot grant user 'asha' a role: they already hold assessor");
  CHECK(error_of(users.change_role(stamp("admin"), "asha", "finance", db::RoleChange::revoke)) ==
        "cannot revoke a role of user 'asha': they do not hold finance");
  CHECK(error_of(users.change_role(stamp("admin"), "bob", "finance", db::RoleChange::grant)) ==
        "cannot grant user 'bob' a role: no such user (hsg user list)");
  CHECK(error_of(users.set_password(stamp("admin"), "bob", kHash2)) ==
        "cannot set the password of user 'bob': no such user (hsg user list)");
  CHECK(error_of(users.change_status(stamp("admin"), "asha", db::UserStatus::enabled, "back")) ==
        "cannot enable user 'asha': the user is already enabled");
  CHECK(error_of(users.change_status(stamp("admin"), "asha", db::UserStatus::disabled, "")) ==
        "cannot disable user 'asha': the reason is empty");
  CHECK(ok(db::AuditLog(database).checkpoint()) == head);
}

TEST_CASE("users: a new password replaces the old and a disablement can be undone") {
  TempDir dir;
  db::Database database = open_database(dir.file("hsg.db"));
  db::UserRepository users(database);
  ok(users.add(stamp("admin"), asha()));
  CHECK(ok(users.set_password(stamp("asha"), "asha", kHash2)).password_hash == kHash2);
  const db::StoredUser disabled =
      ok(users.change_status(stamp("admin"), "asha", db::UserStatus::disabled, "left the team"));
  CHECK(disabled.disabled);
  CHECK(disabled.roles == std::vector<std::string>{"assessor", "approver"});
  CHECK(error_of(users.change_status(stamp("admin"), "asha", db::UserStatus::disabled, "again")) ==
        "cannot disable user 'asha': the user is already disabled");
  CHECK_FALSE(ok(users.change_status(stamp("admin"), "asha", db::UserStatus::enabled, "came back"))
                  .disabled);
  const std::vector<db::AuditEvent> events = events_of(database);
  REQUIRE(events.size() == 7);
  CHECK(events[5].action == "user.disable");
  CHECK(events[5].entity_type == "user_status_changes");
  CHECK(
      events[5].payload ==
      R"({"actor":"admin","at":"2025-01-31T14:05:09Z","id":1,"reason":"left the team","status":"disabled","user_name":"asha"})");
  CHECK(events[6].action == "user.enable");
  CHECK(ok(db::AuditLog(database).verify(std::nullopt)).ok);
}

TEST_CASE("users: listed by name") {
  TempDir dir;
  db::Database database = open_database(dir.file("hsg.db"));
  db::UserRepository users(database);
  ok(users.add(stamp("admin"), {"zoe", {"auditor"}, std::string(kHash1)}));
  ok(users.add(stamp("admin"), {"asha", {"finance"}, std::string(kHash2)}));
  const std::vector<db::StoredUser> listed = ok(users.list());
  REQUIRE(listed.size() == 2);
  CHECK(listed[0].name == "asha");
  CHECK(listed[1].name == "zoe");
  CHECK(listed[1].roles == std::vector<std::string>{"auditor"});
}

TEST_CASE("users: every user table refuses UPDATE and DELETE") {
  TempDir dir;
  const auto path = dir.file("hsg.db");
  {
    db::Database database = open_database(path);
    db::UserRepository users(database);
    ok(users.add(stamp("admin"), asha()));
    ok(users.change_status(stamp("admin"), "asha", db::UserStatus::disabled, "left"));
  }
  for (const std::string table :
       {"users", "user_role_changes", "user_passwords", "user_status_changes"}) {
    INFO(table);
    CHECK(refusal(path, "UPDATE " + table + " SET rowid = rowid") ==
          "append-only: " + table + " rows are never updated");
    CHECK(refusal(path, "DELETE FROM " + table) ==
          "append-only: " + table + " rows are never deleted");
  }
  CHECK(refusal(path,
                "INSERT INTO user_role_changes (user_name, role, change, actor, at) VALUES "
                "('asha', 'boss', 'grant', 'admin', 'x')")
            .starts_with("CHECK constraint failed: role IN ('assessor', 'approver',"));
}

TEST_CASE("users: a user row changed behind hsg's back is found by verify and the record check") {
  TempDir dir;
  const auto path = dir.file("hsg.db");
  {
    db::Database database = open_database(path);
    db::UserRepository users(database);
    ok(users.add(stamp("admin"), asha()));
    ok(users.add(stamp("admin"), {"bob", {"finance"}, std::string(kHash2)}));
    CHECK(db::check_user(database, "asha").ok());
    CHECK(db::check_user(database, "nobody").ok());
  }
  std::string table;
  std::string expected;
  SECTION("a password replaced by one the editor knows") {
    tamper(path, "UPDATE user_passwords SET hash = '" + std::string(kHash2) + "' WHERE id = 1");
    table = "user_passwords 1 no longer matches audit event 4 that wrote it";
  }
  SECTION("a role granted by editing a row") {
    tamper(path, "UPDATE user_role_changes SET role = 'admin' WHERE id = 1");
    table = "user_role_changes 1 no longer matches audit event 2 that wrote it";
  }
  SECTION("a disablement deleted") {
    {
      db::Database database = open_database(path);
      ok(db::UserRepository(database).change_status(stamp("admin"), "asha",
                                                    db::UserStatus::disabled, "left"));
    }
    tamper(path, "DELETE FROM user_status_changes");
    table = "user_status_changes 1 (written by audit event 8) is missing";
  }
  SECTION("a role row that no event wrote") {
    tamper(path,
           "INSERT INTO user_role_changes (user_name, role, change, actor, at) VALUES ('asha', "
           "'admin', 'grant', 'admin', '2025-01-31T14:05:09Z')");
    expected = "user_role_changes 4 was not written by any audit event";
    table = "user_role_changes 4 was not written by any audit event (4 rows, 3 written)";
  }
  db::Database database = open_database(path);
  const db::VerifyReport report = ok(db::AuditLog(database).verify(std::nullopt));
  CHECK_FALSE(report.ok);
  CHECK(report.problem == table);
  const auto checked = db::check_user(database, "asha");
  CHECK(db::check_user(database, "bob").ok());
  if (table.ends_with("is missing")) {
    // A row that is gone is verify's to find: the record check names the rows there are.
    CHECK(checked.ok());
    return;
  }
  REQUIRE_FALSE(checked.ok());
  if (expected.empty()) expected = table;
  CHECK(checked.error().message ==
        "refusing to act on user 'asha': " + expected + "; run 'hsg audit verify'");
}

}  // namespace hsg::test
