// The user accounts (app/users/user_accounts.h): adding, signing in, changing roles,
// status and password, and the refusals, through the layer with real argon2id hashes.
#include <catch2/catch.hpp>

#include <string>
#include <vector>

#include "app/users/user_accounts.h"
#include "db/audit_log.h"
#include "db/sha256.h"
#include "db/users.h"
#include "tests/app/app_fixture.h"

namespace hsg::test {

namespace {

using app::Role;

constexpr const char* kPassword = "correct horse battery staple";
const std::vector<std::string> kSignInRefused{"hsg: error: unknown user name or wrong password"};

std::string head(db::Database& database) {
  auto checkpoint = db::AuditLog(database).checkpoint();
  REQUIRE(checkpoint.ok());
  return checkpoint.value();
}

app::UserAccount add_asha(AppStore& store) {
  return ok(app::add_user(store.database(), stamp("admin"),
                          {"Asha", {Role::approver, Role::assessor, Role::approver}, kPassword}));
}

}  // namespace

TEST_CASE("users: an added user signs in with the right password, by any spelling of the name") {
  AppStore store;
  const app::UserAccount added = add_asha(store);
  const app::UserAccount expected{"asha", {Role::assessor, Role::approver}, false, kAt};
  CHECK(added == expected);
  CHECK(ok(app::authenticate(store.database(), "asha", kPassword)) == expected);
  CHECK(ok(app::authenticate(store.database(), "  ASHA ", kPassword)) == expected);
  CHECK(ok(app::find_user(store.database(), "Asha")) == expected);
  CHECK_FALSE(ok(app::find_user(store.database(), "bob")).has_value());
  CHECK_FALSE(ok(app::find_user(store.database(), "b!b")).has_value());
  CHECK(ok(app::list_users(store.database())) == std::vector<app::UserAccount>{expected});
}

TEST_CASE("users: unknown user, wrong password and disabled user get the same refusal") {
  AppStore store;
  add_asha(store);
  CHECK(refused(app::authenticate(store.database(), "asha", "correct horse battery")) ==
        kSignInRefused);
  CHECK(refused(app::authenticate(store.database(), "asha", "")) == kSignInRefused);
  CHECK(refused(app::authenticate(store.database(), "bob", kPassword)) == kSignInRefused);
  CHECK(refused(app::authenticate(store.database(), "b!b", kPassword)) == kSignInRefused);
  CHECK(refused(app::authenticate(store.database(), "", kPassword)) == kSignInRefused);
  CHECK(refused(app::authenticate(store.database(), "asha", std::string(2000, 'x'))) ==
        kSignInRefused);
  ok(app::disable_user(store.database(), stamp("admin"), "asha", "left the team"));
  CHECK(refused(app::authenticate(store.database(), "asha", kPassword)) == kSignInRefused);
  ok(app::enable_user(store.database(), stamp("admin"), "asha", "came back"));
  CHECK(ok(app::authenticate(store.database(), "asha", kPassword)).name == "asha");
}

TEST_CASE("users: a new password replaces the old one at once") {
  AppStore store;
  add_asha(store);
  const app::UserAccount changed =
      ok(app::set_password(store.database(), stamp("admin"), "asha", "a much better passphrase"));
  CHECK(changed.name == "asha");
  CHECK(refused(app::authenticate(store.database(), "asha", kPassword)) == kSignInRefused);
  CHECK(ok(app::authenticate(store.database(), "asha", "a much better passphrase")).name == "asha");
}

TEST_CASE(
    "users: the password is stored as an argon2id hash and its event holds only its SHA-256") {
  AppStore store;
  add_asha(store);
  const auto stored = db::UserRepository(store.database()).find("asha");
  REQUIRE(stored.ok());
  REQUIRE(stored.value().has_value());
  const std::string& hash = stored.value()->password_hash;
  CHECK(hash.starts_with("$argon2id$v=19$m=65536,t=2,p=1$"));
  CHECK(hash.find(kPassword) == std::string::npos);
  const auto events = db::AuditLog(store.database()).events();
  REQUIRE(events.ok());
  const db::AuditEvent& password_event = events.value().back();
  CHECK(password_event.action == "user.password");
  CHECK(password_event.payload.find(db::sha256_hex(hash)) != std::string::npos);
  for (const db::AuditEvent& event : events.value()) {
    CHECK(event.payload.find(kPassword) == std::string::npos);
    CHECK(event.payload.find(hash) == std::string::npos);
  }
  // Two users with the same password get different hashes (each has its own salt).
  ok(app::add_user(store.database(), stamp("admin"), {"bob", {Role::finance}, kPassword}));
  const auto bob = db::UserRepository(store.database()).find("bob");
  REQUIRE(bob.ok());
  CHECK(bob.value()->password_hash != hash);
}

TEST_CASE("users: a refused add lists every problem with its field and writes nothing") {
  AppStore store;
  const std::string before = head(store.database());
  CHECK(refused(app::add_user(store.database(), stamp("admin"), {"b!b", {}, "short\tone"})) ==
        std::vector<std::string>{
            "hsg: error: the user name: the actor 'b!b' may hold only letters a-z (capitals are "
            "lowercased), digits 0-9, '.', '_', '-', '@' and single spaces",
            "hsg: error: a user needs at least one role: one or more of assessor, approver, "
            "finance, auditor, commissioner, admin",
            "hsg: error: the password is 9 bytes long: it must be 12 to 1024 bytes",
            "hsg: error: the password has a control character at character 6: it must be "
            "printable text"});
  CHECK(refused(app::add_user(store.database(), stamp("admin"),
                              {"bob", {Role::finance}, std::string(1025, 'p')})) ==
        std::vector<std::string>{
            "hsg: error: the password is 1025 bytes long: it must be 12 to 1024 bytes"});
  CHECK(refused(app::add_user(store.database(), stamp("admin"),
                              {"bob", {Role::finance}, "twelve bytes\xff"})) ==
        std::vector<std::string>{
            "hsg: error: the password is not UTF-8 (at byte 13): it must be UTF-8 text"});
  CHECK(head(store.database()) == before);
  // 12 bytes and 1024 bytes are both allowed, and any UTF-8 text.
  ok(app::add_user(store.database(), stamp("admin"), {"min", {Role::auditor}, "twelve bytes"}));
  ok(app::add_user(store.database(), stamp("admin"),
                   {"max", {Role::auditor}, std::string(1024, 'p')}));
  ok(app::add_user(store.database(), stamp("admin"), {"utf", {Role::auditor}, "mot de passe é"}));
  CHECK(ok(app::authenticate(store.database(), "utf", "mot de passe é")).name == "utf");
  const std::string after = head(store.database());
  CHECK(refused(app::add_user(store.database(), stamp("admin"),
                              {"MIN", {Role::auditor}, "twelve bytes"})) ==
        std::vector<std::string>{
            "hsg: error: cannot add user 'min': there is already a user of that name"});
  CHECK(head(store.database()) == after);
}

TEST_CASE("users: roles are granted and revoked, and a change that changes nothing is refused") {
  AppStore store;
  add_asha(store);
  CHECK(ok(app::grant_role(store.database(), stamp("admin"), "asha", Role::admin)).roles ==
        std::vector<Role>{Role::assessor, Role::approver, Role::admin});
  CHECK(ok(app::revoke_role(store.database(), stamp("admin"), "asha", Role::assessor)).roles ==
        std::vector<Role>{Role::approver, Role::admin});
  const std::string before = head(store.database());
  CHECK(refused(app::grant_role(store.database(), stamp("admin"), "asha", Role::admin)) ==
        std::vector<std::string>{
            "hsg: error: cannot grant user 'asha' a role: they already hold admin"});
  CHECK(refused(app::revoke_role(store.database(), stamp("admin"), "asha", Role::finance)) ==
        std::vector<std::string>{
            "hsg: error: cannot revoke a role of user 'asha': they do not hold finance"});
  CHECK(refused(app::grant_role(store.database(), stamp("admin"), "bob", Role::admin)) ==
        std::vector<std::string>{
            "hsg: error: cannot grant user 'bob' a role: no such user (hsg user list)"});
  CHECK(refused(app::disable_user(store.database(), stamp("admin"), "asha", "  ")) ==
        std::vector<std::string>{"hsg: error: the reason is required: say why, in one line"});
  CHECK(refused(app::set_password(store.database(), stamp("admin"), "asha", "short")) ==
        std::vector<std::string>{
            "hsg: error: the password is 5 bytes long: it must be 12 to 1024 bytes"});
  CHECK(head(store.database()) == before);
  const auto verified = db::AuditLog(store.database()).verify(std::nullopt);
  REQUIRE(verified.ok());
  CHECK(verified.value().ok);
}

TEST_CASE("users: a password row replaced behind hsg's back does not sign in") {
  AppStore store;
  add_asha(store);
  ok(app::add_user(store.database(), stamp("admin"), {"mallory", {Role::auditor}, kPassword}));
  // mallory copies her own hash over asha's, triggers out of the way, to sign in as asha.
  store.tamper(
      "DROP TRIGGER user_passwords_no_update;"
      "UPDATE user_passwords SET hash = (SELECT hash FROM user_passwords WHERE user_name = "
      "'mallory') WHERE user_name = 'asha';");
  CHECK(refused(app::authenticate(store.database(), "asha", kPassword)) ==
        std::vector<std::string>{
            "hsg: error: refusing to act on user 'asha': the schema is not intact: trigger "
            "user_passwords_no_update on user_passwords is missing; run 'hsg audit verify'"});
  // With the trigger put back as it was, the row itself no longer matches its event.
  store.tamper(
      "CREATE TRIGGER user_passwords_no_update BEFORE UPDATE ON user_passwords\n"
      "BEGIN SELECT RAISE(ABORT, 'append-only: user_passwords rows are never updated'); END;");
  const std::vector<std::string> lines =
      refused(app::authenticate(store.database(), "asha", kPassword));
  REQUIRE(lines.size() == 1);
  CHECK(lines[0].starts_with(
      "hsg: error: refusing to act on user 'asha': user_passwords 1 no longer matches audit "
      "event "));
  CHECK(lines[0].ends_with(" that wrote it; run 'hsg audit verify'"));
  // The wrong password still gets the one refusal: only who knows the password learns more.
  CHECK(refused(app::authenticate(store.database(), "asha", "not the password")) == kSignInRefused);
}

TEST_CASE("users: the only enabled admin can be neither disabled nor stripped of admin") {
  AppStore store;
  ok(app::add_user(store.database(), stamp("root"), {"ada", {Role::admin}, kPassword}));
  ok(app::add_user(store.database(), stamp("root"), {"ben", {Role::admin}, kPassword}));
  // With two, either may go; then the one left is kept.
  ok(app::disable_user(store.database(), stamp("ada"), "ben", "left"));
  const std::string before = head(store.database());
  const std::string lockout =
      "they are the only enabled admin, and without one nobody can manage users in the "
      "browser; grant admin to another user first";
  CHECK(refused(app::disable_user(store.database(), stamp("ada"), "ada", "leaving")) ==
        std::vector<std::string>{"hsg: error: cannot disable user 'ada': " + lockout});
  CHECK(refused(app::revoke_role(store.database(), stamp("ada"), "ada", Role::admin)) ==
        std::vector<std::string>{"hsg: error: cannot revoke admin from user 'ada': " + lockout});
  CHECK(head(store.database()) == before);
  // A disabled admin does not count; enabled again, ada may step down.
  ok(app::enable_user(store.database(), stamp("ada"), "ben", "back"));
  CHECK(ok(app::revoke_role(store.database(), stamp("ben"), "ada", Role::admin)).roles.empty());
  CHECK(refused(app::disable_user(store.database(), stamp("ben"), "ben", "leaving")) ==
        std::vector<std::string>{"hsg: error: cannot disable user 'ben': " + lockout});
  // Users who are not admins are not held back by it.
  ok(app::add_user(store.database(), stamp("ben"), {"cat", {Role::auditor}, kPassword}));
  CHECK(ok(app::disable_user(store.database(), stamp("ben"), "cat", "left")).disabled);
}

}  // namespace hsg::test
