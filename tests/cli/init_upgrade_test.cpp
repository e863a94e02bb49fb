// Databases made by an older hsg (schema version 5, before adoptions): what was in force
// by date stays in force where that was unambiguous, and init then changes nothing.
#include <catch2/catch.hpp>

#include <nlohmann/json.hpp>
#include <string>
#include <variant>

#include "db/database.h"
#include "db/rulesets.h"
#include "db/schema.h"
#include "rules/ruleset_loader.h"
#include "tests/cli/in_process.h"

namespace {

using hsg::test::run_in_process;

const std::string kMedway = HSG_SOURCE_DIR "/rules/medway.toml";
const std::string kWorked = HSG_SOURCE_DIR "/docs/examples/worked-example.toml";

// medway.toml as an older hsg shipped it: everything before the [plans] table.
std::string older_medway() {
  const std::string text = hsg::test::read_file(kMedway);
  const std::size_t plans = text.find("\n[plans]\n");
  REQUIRE(plans != std::string::npos);
  return text.substr(0, plans + 1);
}

// A schema version 5 database holding `texts` as rule sets; their ids.
std::vector<std::string> version_5_database(const std::string& path,
                                            const std::vector<std::string>& texts) {
  auto database = hsg::db::Database::open(path, hsg::db::shipped_migrations().first(5));
  REQUIRE(database.ok());
  REQUIRE(database.value().schema_version() == 5);
  std::vector<std::string> ids;
  for (const std::string& text : texts) {
    auto loaded = hsg::rules::load_ruleset_text(text, "rules.toml");
    REQUIRE(std::holds_alternative<hsg::rules::LoadedRuleset>(loaded));
    const auto added = hsg::db::RulesetRepository(database.value())
                           .add({"asha", "2025-01-01T00:00:00Z"}, text,
                                std::get<hsg::rules::LoadedRuleset>(loaded).ruleset);
    REQUIRE(added.ok());
    ids.push_back(added.value().info.id);
  }
  return ids;
}

std::string allocated_under(const std::string& db, const std::string& date) {
  const auto allocated = run_in_process({"allocate", "C-1", "--answers", kWorked, "--date", date,
                                         "--db", db, "--actor", "asha", "--json"});
  INFO(allocated.err);
  REQUIRE(allocated.exit_code == 0);
  return nlohmann::json::parse(allocated.out)["ruleset"]["id"];
}

void add_client(const std::string& db) {
  REQUIRE(run_in_process(
              {"client", "add", "C-1", "--group", "older_people", "--db", db, "--actor", "asha"})
              .exit_code == 0);
}

}  // namespace

TEST_CASE("upgrade to 6: an older hsg's medway stays in force, and init keeps it") {
  hsg::test::TempDir dir;
  const std::string db = (dir / "hsg.db").string();
  const std::string older_id = version_5_database(db, {older_medway()}).front();
  const auto init = run_in_process({"init", "--db", db, "--actor", "asha"});
  REQUIRE(init.exit_code == 0);
  CHECK(init.out == "database " + db + " (schema version " +
                        std::to_string(hsg::db::shipped_migrations().size()) +
                        ")\nrule sets kept as adopted (hsg rules list); this hsg's "
                        "built-in medway (f8a37111e360) is not stored: to use it, hsg rules add "
                        "rules/medway.toml and adopt it\n");
  CHECK(run_in_process({"rules", "list", "--db", db}).out ==
        "effective      name                 version          id            status\n"
        "2024-04-01     medway               1.0              " +
            older_id.substr(0, 12) + "  in force from 2024-04-01\n");
  add_client(db);
  CHECK(allocated_under(db, "2025-01-15") == older_id);
  const auto verified = run_in_process({"audit", "verify", "--db", db});
  CHECK(verified.out.rfind("ok: 4 events and 4 records verified", 0) == 0);
  CHECK(hsg::test::run_sqlite(db,
                              "SELECT actor, action, entity_id, payload FROM audit_events "
                              "WHERE seq = 2;") ==
        "hsg-upgrade|ruleset.adopt|1|{\"actor\":\"hsg-upgrade\",\"at\":\"2025-01-01T00:00:00Z\","
        "\"basis\":\"upgrade\",\"from_on\":\"2024-04-01\",\"id\":1,\"reason\":\"upgrade to "
        "schema 6: in force from its effective_from, as before\",\"ruleset_id\":\"" +
            older_id + "\"}\n");
}

TEST_CASE("upgrade to 6: each rule set is in force until the next effective date") {
  hsg::test::TempDir dir;
  const std::string db = (dir / "hsg.db").string();
  std::string medway_2025 = hsg::test::read_file(kMedway);
  medway_2025.replace(medway_2025.find("effective_from = 2024-04-01"), 27,
                      "effective_from = 2025-04-01");
  const auto ids = version_5_database(db, {hsg::test::read_file(kMedway), medway_2025});
  REQUIRE(run_in_process({"init", "--db", db, "--actor", "asha"}).exit_code == 0);
  CHECK(run_in_process({"rules", "list", "--db", db}).out ==
        "effective      name                 version          id            status\n"
        "2024-04-01     medway               1.0              f8a37111e360  retired from "
        "2025-04-01 (in force from 2024-04-01)\n"
        "2025-04-01     medway               1.0              " +
            ids[1].substr(0, 12) + "  in force from 2025-04-01\n");
  add_client(db);
  CHECK(allocated_under(db, "2025-03-31") == ids[0]);
  CHECK(allocated_under(db, "2025-04-01") == ids[1]);
  CHECK(run_in_process({"audit", "verify", "--db", db}).out.rfind("ok: 8 events", 0) == 0);
}

TEST_CASE("upgrade to 6: two rule sets sharing the latest date leave none in force") {
  hsg::test::TempDir dir;
  const std::string db = (dir / "hsg.db").string();
  version_5_database(db,
                     {hsg::test::read_file(kMedway),
                      hsg::test::read_file(HSG_SOURCE_DIR "/docs/examples/candidate-rate.toml")});
  const auto opened = hsg::db::Database::open(db);
  REQUIRE(opened.ok());
  CHECK(opened.value().schema_version() ==
        static_cast<std::int32_t>(hsg::db::shipped_migrations().size()));
  CHECK(run_in_process({"rules", "list", "--db", db}).out ==
        "effective      name                 version          id            status\n"
        "2024-04-01     medway               1.0-rate-20.00   e55cdeef035e  draft\n"
        "2024-04-01     medway               1.0              f8a37111e360  draft\n");
  // Nothing was recorded, so init's bootstrap decides: the built-in medway.
  REQUIRE(run_in_process({"init", "--db", db, "--actor", "asha"}).exit_code == 0);
  add_client(db);
  CHECK(allocated_under(db, "2025-01-15") ==
        "f8a37111e36020b1d657fc89e6958f27e0567dd73daeb86c9ce51d4ed0c48d2b");
}
