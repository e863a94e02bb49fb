// hsg user …: the administrator's commands on the real binary and a real file.
#include <catch2/catch.hpp>
#include <nlohmann/json.hpp>

#include <string>
#include <vector>

#include "tests/cli/store_fixture.h"

namespace hsg::test {

namespace {

constexpr const char* kPassword = "correct horse battery staple";

// A command reading its password from stdin, as `printf '%s\n' "$PW" | hsg …` does.
ProcessResult with_password(const StoreFixture& store, std::vector<std::string> args,
                            const std::string& stdin_text) {
  args.push_back("--db");
  args.push_back(store.path());
  return run_hsg(args, {stdin_text, {}, HSG_SOURCE_DIR, {}});
}

std::string counts(const StoreFixture& store) {
  return store.sql(
      "SELECT (SELECT count(*) FROM users), (SELECT count(*) FROM user_role_changes), "
      "(SELECT count(*) FROM user_passwords), (SELECT count(*) FROM user_status_changes);");
}

}  // namespace

TEST_CASE("user: add, list, disable, enable, grant, revoke and password, then verify") {
  const StoreFixture store;
  const ProcessResult added = with_password(store,
                                            {"user", "add", "Asha", "--role", "assessor", "--role",
                                             "approver", "--password-stdin", "--actor", "admin"},
                                            std::string(kPassword) + "\n");
  INFO(added.err);
  CHECK(added.exit_code == 0);
  CHECK(added.out == "Added user asha: assessor, approver; enabled\n");
  CHECK(added.err.empty());
  const ProcessResult bob = with_password(
      store, {"user", "add", "bob", "--role", "finance", "auditor", "--password-stdin"},
      "another long password\r\n");
  CHECK(bob.out == "Added user bob: finance, auditor; enabled\n");

  CHECK(store.ok({"user", "list"}).out ==
        "name  roles               status\n"
        "asha  assessor, approver  enabled\n"
        "bob   finance, auditor    enabled\n");
  CHECK(store.ok({"user", "disable", "bob", "--reason", "left the team", "--actor", "admin"}).out ==
        "Disabled user bob: finance, auditor; disabled\n");
  CHECK(store.ok({"user", "grant", "asha", "--role", "admin", "--actor", "admin"}).out ==
        "Granted admin: user asha: assessor, approver, admin; enabled\n");
  CHECK(store.ok({"user", "revoke", "asha", "--role", "assessor", "--actor", "admin"}).out ==
        "Revoked assessor: user asha: approver, admin; enabled\n");
  const nlohmann::json listed = nlohmann::json::parse(store.ok({"user", "list", "--json"}).out);
  REQUIRE(listed.size() == 2);
  CHECK(listed[0]["name"] == "asha");
  CHECK(listed[0]["roles"] == nlohmann::json::array({"approver", "admin"}));
  CHECK(listed[0]["status"] == "enabled");
  CHECK(listed[1]["name"] == "bob");
  CHECK(listed[1]["status"] == "disabled");
  CHECK(listed[1].size() == 4);  // name, roles, status, added_at: no password, no hash
  CHECK(store.ok({"user", "enable", "bob", "--reason", "came back", "--actor", "admin"}).out ==
        "Enabled user bob: finance, auditor; enabled\n");
  const ProcessResult changed =
      with_password(store, {"user", "password", "asha", "--password-stdin", "--actor", "admin"},
                    "a newer long passphrase\n");
  CHECK(changed.exit_code == 0);
  CHECK(changed.out == "Set the password of user asha\n");
  CHECK(counts(store) == "2|6|3|2\n");
  CHECK(store.sql("SELECT actor FROM user_status_changes ORDER BY id;") == "admin\nadmin\n");
  const ProcessResult verified = store.ok({"audit", "verify"});
  CHECK(verified.out.rfind("ok: ", 0) == 0);
}

TEST_CASE("user: an unknown role is refused with the roles listed, and nothing is written") {
  const StoreFixture store;
  with_password(store, {"user", "add", "asha", "--role", "assessor", "--password-stdin"},
                std::string(kPassword) + "\n");
  const std::string before = counts(store);
  const std::string fingerprint = store.fingerprint();
  const ProcessResult bad = with_password(store,
                                          {"user", "add", "bob", "--role", "boss", "--role",
                                           "finance", "--role", "chief", "--password-stdin"},
                                          std::string(kPassword) + "\n");
  CHECK(bad.exit_code == 1);
  CHECK(bad.out.empty());
  CHECK(bad.err ==
        "hsg: error: --role 'boss' is not a role: the roles are assessor, approver, finance, "
        "auditor, commissioner, admin\n"
        "hsg: error: --role 'chief' is not a role: the roles are assessor, approver, finance, "
        "auditor, commissioner, admin\n");
  CHECK(store.refused({"user", "grant", "asha", "--role", "Admin"}) ==
        "hsg: error: --role 'Admin' is not a role: the roles are assessor, approver, finance, "
        "auditor, commissioner, admin\n");
  CHECK(store.refused({"user", "revoke", "asha", "--role", "approver"}) ==
        "hsg: error: cannot revoke a role of user 'asha': they do not hold approver\n");
  CHECK(store.refused({"user", "disable", "nobody", "--reason", "x"}) ==
        "hsg: error: cannot disable user 'nobody': no such user (hsg user list)\n");
  CHECK(counts(store) == before);
  CHECK(store.fingerprint() == fingerprint);
}

TEST_CASE("user: a password comes only from stdin or a terminal, and must be long enough") {
  const StoreFixture store;
  const std::string fingerprint = store.fingerprint();
  // Not a terminal and no --password-stdin: the error says what to do.
  const ProcessResult none =
      with_password(store, {"user", "add", "asha", "--role", "assessor"}, kPassword);
  CHECK(none.exit_code == 1);
  CHECK(none.out.empty());
  CHECK(none.err ==
        "hsg: error: no password given: pass --password-stdin and the password on standard "
        "input's first line (a password is never an argument), or run on a terminal to be "
        "asked\n");
  const ProcessResult short_one = with_password(
      store, {"user", "add", "asha", "--role", "assessor", "--password-stdin"}, "too short\n");
  CHECK(short_one.exit_code == 1);
  CHECK(short_one.err == "hsg: error: the password is 9 bytes long: it must be 12 to 1024 bytes\n");
  // Only the first line is the password.
  const ProcessResult two_lines =
      with_password(store, {"user", "add", "asha", "--role", "assessor", "--password-stdin"},
                    "short\ncorrect horse battery staple\n");
  CHECK(two_lines.exit_code == 1);
  CHECK(two_lines.err == "hsg: error: the password is 5 bytes long: it must be 12 to 1024 bytes\n");
  CHECK(store.fingerprint() == fingerprint);
}

TEST_CASE("user: the database file never holds a password in clear") {
  const StoreFixture store;
  with_password(store, {"user", "add", "asha", "--role", "assessor", "--password-stdin"},
                std::string(kPassword) + "\n");
  with_password(store, {"user", "password", "asha", "--password-stdin"},
                "second secret passphrase\n");
  store.ok({"audit", "verify"});
  for (const std::string suffix : {"", "-wal"}) {
    const std::filesystem::path file = store.path() + suffix;
    if (!std::filesystem::exists(file)) continue;
    const std::string bytes = read_file(file);
    INFO(file);
    CHECK(bytes.find(kPassword) == std::string::npos);
    CHECK(bytes.find("second secret passphrase") == std::string::npos);
  }
  CHECK(store.sql("SELECT count(*) FROM user_passwords WHERE hash LIKE '$argon2id$%';") == "2\n");
}

}  // namespace hsg::test
