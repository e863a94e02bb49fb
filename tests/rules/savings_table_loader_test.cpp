// Savings tables (hsg report savings --table): exact values, and every refusal with its
// file:line:column.
#include <catch2/catch.hpp>

#include <string>
#include <string_view>
#include <variant>
#include <vector>

#include "rules/savings_table_loader.h"

namespace {

using Lines = std::vector<std::string>;

constexpr std::string_view kGroups[] = {"older_people", "mental_health", "substance_misuse",
                                        "hiv_aids"};

Lines problems_of(const std::string& text) {
  auto loaded = hsg::rules::load_savings_table_text(text, "table.toml", kGroups);
  Lines lines;
  if (const auto* problems = std::get_if<std::vector<hsg::rules::Diagnostic>>(&loaded)) {
    for (const auto& problem : *problems) lines.push_back(problem.to_string());
  }
  return lines;
}

}  // namespace

TEST_CASE("savings table: a valid file loads with its exact figures") {
  const std::string text =
      "name = \"mini\"\n"
      "source = \"a study\"\n"
      "\n"
      "[[rows]]\n"
      "label = \"Alcohol\"\n"
      "client_groups = [\"substance_misuse\"]\n"
      "savings = \"179239.50\"\n"
      "investment = 33978\n"
      "\n"
      "[[rows]]\n"
      "label = \"Physical D\"\n"
      "client_groups = [\"older_people\", \"mental_health\"]\n"
      "savings = \"-72595\"\n"
      "investment = \"277936.01\"\n"
      "\n"
      "[[rows]]\n"
      "label = \"Everyone else\"\n"
      "client_groups = [\"hiv_aids\"]\n"
      "per_pound = \"1.79\"\n";
  auto loaded = hsg::rules::load_savings_table_text(text, "table.toml", kGroups);
  REQUIRE(std::holds_alternative<hsg::engine::SavingsTable>(loaded));
  const auto& table = std::get<hsg::engine::SavingsTable>(loaded);
  CHECK(table.name == "mini");
  CHECK(table.source == "a study");
  REQUIRE(table.rows.size() == 3);
  CHECK(table.rows[0].label == "Alcohol");
  CHECK(table.rows[0].client_groups == std::vector<std::string>{"substance_misuse"});
  CHECK(table.rows[0].savings == hsg::engine::Money::from_pence(17923950));
  CHECK(table.rows[0].investment == hsg::engine::Money::from_pence(3397800));
  CHECK(table.rows[0].per_pound_pence == std::nullopt);
  CHECK(table.rows[1].client_groups == std::vector<std::string>{"older_people", "mental_health"});
  CHECK(table.rows[1].savings == hsg::engine::Money::from_pence(-7259500));
  CHECK(table.rows[1].investment == hsg::engine::Money::from_pence(27793601));
  CHECK(table.rows[2].savings == std::nullopt);
  CHECK(table.rows[2].investment == std::nullopt);
  CHECK(table.rows[2].per_pound_pence == 179);
}

TEST_CASE("savings table: every problem at its line and column") {
  const std::string text =
      "name = \"\"\n"                                                            // 1
      "colour = \"red\"\n"                                                       // 2
      "\n"                                                                       // 3
      "[[rows]]\n"                                                               // 4
      "label = \"A\"\n"                                                          // 5
      "client_groups = [\"older_people\", \"older_peple\", \"older_people\"]\n"  // 6
      "savings = \"10\"\n"                                                       // 7
      "investment = \"0\"\n"                                                     // 8
      "rate = 3\n"                                                               // 9
      "\n"                                                                       // 10
      "[[rows]]\n"                                                               // 11
      "label = \"A\"\n"                                                          // 12
      "client_groups = []\n"                                                     // 13
      "savings = \"1\"\n"                                                        // 14
      "\n"                                                                       // 15
      "[[rows]]\n"                                                               // 16
      "label = \"C\"\n"                                                          // 17
      "client_groups = [\"mental_health\", 7]\n"                                 // 18
      "savings = \"1.234\"\n"                                                    // 19
      "investment = 2.5\n"                                                       // 20
      "\n"                                                                       // 21
      "[[rows]]\n"                                                               // 22
      "label = \"D\"\n"                                                          // 23
      "client_groups = [\"older_people\"]\n"                                     // 24
      "per_pound = \"1\"\n"                                                      // 25
      "investment = \"5\"\n"                                                     // 26
      "\n"                                                                       // 27
      "[[rows]]\n"                                                               // 28
      "label = \"E\"\n"                                                          // 29
      "client_groups = [\"older_people\"]\n"                                     // 30
      "per_pound = \"2\"\n"                                                      // 31
      "\n"                                                                       // 32
      "[[rows]]\n"                                                               // 33
      "label = \"F\"\n"                                                          // 34
      "client_groups = [\"hiv_aids\"]\n";                                        // 35
  CHECK(problems_of(text) ==
        Lines{
            "table.toml:1:1: missing key 'source' at the top level",
            "table.toml:1:8: name must not be empty",
            "table.toml:2:1: unknown key 'colour' at the top level; allowed: name, source, rows",
            "table.toml:6:34: unknown client group 'older_peple' in rows[0].client_groups; "
            "allowed: older_people, mental_health, substance_misuse, hiv_aids",
            "table.toml:6:49: rows[0].client_groups names 'older_people' twice",
            "table.toml:8:14: rows[0].investment must be more than 0: the ratio is savings / "
            "investment",
            "table.toml:9:1: unknown key 'rate' in rows[0]; allowed: label, client_groups, "
            "savings, investment, per_pound",
            "table.toml:11:1: rows[1] gives savings without investment: the ratio is savings / "
            "investment",
            "table.toml:12:9: rows[1].label 'A' is already the label of the row at line 5; each "
            "row's label is its own",
            "table.toml:13:17: rows[1].client_groups must be a non-empty array of client group "
            "keys such as [\"older_people\"]",
            "table.toml:18:35: rows[2].client_groups must hold client group keys as strings",
            "table.toml:19:11: rows[2].savings: has more than two decimal places",
            "table.toml:20:14: rows[2].investment must be exact: write it as a string such as "
            "\"18.50\", not a floating-point number",
            "table.toml:22:1: rows[3] gives per_pound and investment: give savings and "
            "investment, or per_pound, not both",
            "table.toml:30:18: client group 'older_people' is named by 3 rows, and rows[4] gives "
            "per_pound: a group's spend is shared among its rows by their investments, so every "
            "row naming it needs savings and investment",
            "table.toml:33:1: rows[5] needs savings and investment, or per_pound",
        });
}

TEST_CASE("savings table: syntax and unreadable files") {
  CHECK(problems_of("name = \"x\"\nsource = \n") ==
        Lines{"table.toml:2:10: Error while parsing key-value pair: expected value, saw '\\n'"});
  auto missing = hsg::rules::load_savings_table_file("/nonexistent/table.toml", kGroups);
  REQUIRE(std::holds_alternative<std::vector<hsg::rules::Diagnostic>>(missing));
  CHECK(std::get<std::vector<hsg::rules::Diagnostic>>(missing)[0].to_string() ==
        "/nonexistent/table.toml: cannot read the savings table file");
  CHECK(problems_of("rows = 3\n") ==
        Lines{"table.toml:1:1: missing key 'name' at the top level",
              "table.toml:1:1: missing key 'source' at the top level",
              "table.toml:1:8: rows must be an array of tables, got an integer"});
}
