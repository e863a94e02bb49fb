// What the what-if page and `hsg whatif` read the same way: the budget as written, and a
// candidate given as uploaded bytes checked exactly as `hsg rules check` checks a file.
#include <catch2/catch.hpp>

#include <fstream>
#include <sstream>
#include <string>
#include <vector>

#include "app/whatif/budget_amount.h"
#include "app/whatif/candidate_rules.h"

namespace {

std::string example(const std::string& name) {
  std::ifstream in(std::string(HSG_SOURCE_DIR) + "/docs/examples/" + name, std::ios::binary);
  std::ostringstream text;
  text << in.rdbuf();
  return text.str();
}

}  // namespace

TEST_CASE("what-if inputs: a budget is pounds with at most two decimals and more than 0.00") {
  CHECK(hsg::app::budget_amount("4046310", "budget").value().pence() == 404631000);
  CHECK(hsg::app::budget_amount("4046310.05", "budget").value().pence() == 404631005);
  const auto sign = hsg::app::budget_amount("£4,046,310", "budget");
  REQUIRE_FALSE(sign.ok());
  CHECK(sign.refusal().lines() ==
        std::vector<std::string>{
            "hsg: error: budget '£4,046,310' is not an amount of pounds: is not a decimal number "
            "(digits, optionally '.' and up to two decimals)"});
  const auto zero = hsg::app::budget_amount("0.00", "--budget");
  REQUIRE_FALSE(zero.ok());
  CHECK(zero.refusal().lines() ==
        std::vector<std::string>{"hsg: error: --budget '0.00' must be more than 0.00"});
}

TEST_CASE("what-if inputs: an uploaded candidate is checked as a file and named as uploaded") {
  const auto good = hsg::app::candidate_from_text(example("candidate-rate.toml"), "upload.toml");
  REQUIRE(good.ok());
  CHECK(good.value().id == "e55cdeef035eaba7ef2093d9cc73b613748f72482f843edae82f6f0e6dff0d16");
  CHECK(good.value().source == "upload.toml");
  CHECK(good.value().ruleset.spec().hourly_rate.pence() == 2000);

  const auto bad = hsg::app::candidate_from_text(example("rules-with-mistakes.toml"), "m.toml");
  REQUIRE_FALSE(bad.ok());
  CHECK(bad.refusal().lines() ==
        std::vector<std::string>{
            "m.toml:3:18: effective_from must be a real date such as 2024-04-01",
            "m.toml:6:15: hourly_rate must be exact: write it as a string such as \"18.50\", not "
            "a floating-point number",
            "m.toml:11:1: missing key 'weeks' in interventions[0]",
            "m.toml:14:34: thresholds.medium (3) must be greater than thresholds.low (3)",
            "m.toml:16:1: unknown key 'wekks' in interventions[0]; allowed: key, label, "
            "thresholds, hours_per_week, weeks",
            "m.toml:30:12: points name unknown intervention type 'basic'; known: intensive"});
}
