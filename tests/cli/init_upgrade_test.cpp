// hsg init on a database made by an older hsg, whose built-in medway had other bytes
// (before its [plans] table): the older one is kept, so one rule set stays in force.
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

// medway.toml as an older hsg shipped it: everything before the [plans] table.
std::string older_medway() {
  const std::string text = hsg::test::read_file(kMedway);
  const std::size_t plans = text.find("\n[plans]\n");
  REQUIRE(plans != std::string::npos);
  return text.substr(0, plans + 1);
}

}  // namespace

TEST_CASE("init keeps an older hsg's medway effective the same day, not two in force") {
  hsg::test::TempDir dir;
  const std::string db = (dir / "hsg.db").string();
  const std::string older = older_medway();
  std::string older_id;
  {
    auto database = hsg::db::Database::open(db);
    REQUIRE(database.ok());
    auto loaded = hsg::rules::load_ruleset_text(older, "older medway.toml");
    REQUIRE(std::holds_alternative<hsg::rules::LoadedRuleset>(loaded));
    const auto added = hsg::db::RulesetRepository(database.value())
                           .add({"asha", "2025-01-01T00:00:00Z"}, older,
                                std::get<hsg::rules::LoadedRuleset>(loaded).ruleset);
    REQUIRE(added.ok());
    older_id = added.value().info.id;
  }
  const auto init = run_in_process({"init", "--db", db, "--actor", "asha"});
  REQUIRE(init.exit_code == 0);
  CHECK(init.out ==
        "database " + db + " (schema version " +
            std::to_string(hsg::db::shipped_migrations().size()) + ")\nkept rule set " + older_id +
            " medway version 1.0, effective from 2024-04-01: this hsg's built-in medway "
            "(f8a37111e360) is effective the same day, and two rule sets in force together "
            "would have to be named on every command; to change the rules in force, add a "
            "rule set effective from a later date (docs/rules.md)\n");
  CHECK(run_in_process({"rules", "list", "--db", db}).out.find("f8a37111e360") ==
        std::string::npos);
  // Allocations still find exactly one rule set in force, the older one.
  REQUIRE(run_in_process(
              {"client", "add", "C-1", "--group", "older_people", "--db", db, "--actor", "asha"})
              .exit_code == 0);
  const auto allocated = run_in_process(
      {"allocate", "C-1", "--answers", HSG_SOURCE_DIR "/docs/examples/worked-example.toml",
       "--date", "2025-01-15", "--db", db, "--actor", "asha", "--json"});
  REQUIRE(allocated.exit_code == 0);
  CHECK(nlohmann::json::parse(allocated.out)["ruleset"]["id"] == older_id);
}
