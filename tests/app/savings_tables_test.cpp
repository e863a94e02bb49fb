// The shipped savings tables (rules/savings-*.toml) load with hsg's own client groups,
// hold seed 003's figures exactly, and the built-in copy is the file byte for byte.
#include <catch2/catch.hpp>

#include <fstream>
#include <set>
#include <sstream>
#include <string>

#include "app/savings/savings_report.h"
#include "db/client_groups.h"
#include "rules/shipped_savings.h"

namespace {

hsg::engine::Money pounds(std::int64_t whole) {
  return hsg::engine::Money::from_pence(whole * 100);
}

std::string file_bytes(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  std::ostringstream bytes;
  bytes << in.rdbuf();
  return bytes.str();
}

}  // namespace

TEST_CASE("savings tables: the built-in table is rules/savings-bnes-2011.toml byte for byte") {
  CHECK(hsg::rules::savings_bnes_2011_toml() ==
        file_bytes(HSG_SOURCE_DIR "/rules/savings-bnes-2011.toml"));
}

TEST_CASE("savings tables: the BNES table is seed 003's fifteen rows mapped to client groups") {
  const auto loaded = hsg::app::load_savings_table(std::nullopt);
  REQUIRE(loaded.ok());
  const hsg::engine::SavingsTable& table = loaded.value().table;
  CHECK(loaded.value().source == "rules/savings-bnes-2011.toml (built in)");
  CHECK(table.name == "bnes-2011");
  REQUIRE(table.rows.size() == 15);
  CHECK(table.rows[0].label == "Alcohol");
  CHECK(table.rows[0].savings == pounds(179239));
  CHECK(table.rows[0].investment == pounds(33978));
  CHECK(table.rows[11].label == "Physical D");
  CHECK(table.rows[11].savings == pounds(-72595));
  CHECK(table.rows[11].investment == pounds(277936));
  CHECK(table.rows[14].label == "OP (shel)");
  CHECK(table.rows[14].savings == pounds(3002181));
  CHECK(table.rows[14].investment == pounds(850460));
  CHECK(table.rows[14].client_groups ==
        std::vector<std::string>{"older_people", "older_people_mental_health"});
  hsg::engine::Money savings;
  hsg::engine::Money investment;
  std::set<std::string> named;
  for (const auto& row : table.rows) {
    savings += *row.savings;
    investment += *row.investment;
    named.insert(row.client_groups.begin(), row.client_groups.end());
  }
  CHECK(savings == pounds(12147794));
  // The seed prints £4,046,310; its own rows add up to a pound more.
  CHECK(investment == pounds(4046311));
  std::set<std::string> unnamed;
  for (const auto& group : hsg::db::client_groups()) {
    if (!named.contains(std::string(group.key))) unnamed.insert(std::string(group.key));
  }
  CHECK(unnamed == std::set<std::string>{"hiv_aids", "refugees", "travellers"});
}

TEST_CASE("savings tables: the national table is £1.79 per £1 for every client group") {
  const auto loaded =
      hsg::app::load_savings_table(HSG_SOURCE_DIR "/rules/savings-national-2009.toml");
  REQUIRE(loaded.ok());
  const hsg::engine::SavingsTable& table = loaded.value().table;
  CHECK(table.name == "national-2009");
  REQUIRE(table.rows.size() == 1);
  CHECK(table.rows[0].per_pound_pence == 179);
  CHECK(table.rows[0].client_groups.size() == hsg::db::client_groups().size());
}
