// hsg assess end to end: the worked example and the upper limit of domain.md, exactly.
#include <catch2/catch.hpp>

#include <nlohmann/json.hpp>

#include <cstdint>
#include <string>
#include <vector>

#include "tests/cli/run_process.h"

using hsg::test::read_file;
using hsg::test::run_hsg;

namespace {

const std::string kWorked = "docs/examples/worked-example.toml";
const std::string kGolden = HSG_SOURCE_DIR "/tests/cli/golden/";

// "2500.00" as 250000 pence, read as text: money never passes through a double here.
std::int64_t pence(const std::string& amount) {
  const std::size_t point = amount.find('.');
  REQUIRE(point != std::string::npos);
  REQUIRE(amount.size() == point + 3);
  return std::stoll(amount.substr(0, point)) * 100 + std::stoll(amount.substr(point + 1));
}

}  // namespace

TEST_CASE("assess: the worked example's statement, word for word") {
  const auto result = run_hsg({"assess", "--answers", kWorked, "--date", "2025-01-15"});
  CHECK(result.exit_code == 0);
  CHECK(result.err.empty());
  CHECK(result.out == read_file(kGolden + "worked-example.txt"));
  CHECK(result.out.find("8.00 hours a week × 12 weeks × £18.50 an hour = £1,776.00") !=
        std::string::npos);
  CHECK(result.out.find("Indicative grant:  £2,405.00") != std::string::npos);
}

TEST_CASE("assess --json: the worked example's figures") {
  const auto result = run_hsg({"assess", "--answers", kWorked, "--date", "2025-01-15", "--json"});
  REQUIRE(result.exit_code == 0);
  CHECK(result.out == read_file(kGolden + "worked-example.json"));
  const auto json = nlohmann::json::parse(result.out);
  CHECK(json["ruleset"]["id"] ==
        "f8a37111e36020b1d657fc89e6958f27e0567dd73daeb86c9ce51d4ed0c48d2b");
  CHECK(json["engine_version"] == "1.0.0");
  CHECK(json["total"] == "2405.00");
  CHECK(json["cap_applied"] == false);
  const auto& types = json["interventions"];
  CHECK(types[0]["type"] == "short_term_intensive");
  CHECK(types[0]["score"] == 15);
  CHECK(types[0]["level"] == "high");
  CHECK(types[0]["amount"] == "1776.00");
  CHECK(types[0]["points_to_next_level"].is_null());
  CHECK(types[1]["level"] == "low");
  CHECK(types[1]["amount"] == "148.00");
  CHECK(types[1]["points_to_next_level"] == 2);
  CHECK(types[2]["hours_per_week"] == "0.50");
  CHECK(types[2]["amount"] == "481.00");
  CHECK(json["trace"]["amounts"][0]["exact_hundredths_of_penny"] == 17760000);
  CHECK(json["trace"]["limit"].is_null());
}

TEST_CASE("assess: over the upper limit the parts are scaled and sum to £2,500.00") {
  const auto result = run_hsg(
      {"assess", "--answers", "docs/examples/upper-limit.toml", "--date", "2025-01-15", "--json"});
  REQUIRE(result.exit_code == 0);
  CHECK(result.out == read_file(kGolden + "upper-limit.json"));
  const auto json = nlohmann::json::parse(result.out);
  CHECK(json["calculated_total"] == "2553.00");
  CHECK(json["total"] == "2500.00");
  CHECK(json["cap_applied"] == true);
  // 2500 × 1776/2553 = 1739.130…, × 296/2553 = 289.855…, × 481/2553 = 471.014…: floors
  // sum to 2499.99 and the penny goes to the largest remainder (basic).
  CHECK(json["interventions"][0]["amount"] == "1739.13");
  CHECK(json["interventions"][1]["amount"] == "289.86");
  CHECK(json["interventions"][2]["amount"] == "471.01");
  CHECK(json["trace"]["limit"]["parts"][1]["extra_penny"] == true);
  std::int64_t sum_pence = 0;
  for (const auto& type : json["interventions"]) sum_pence += pence(type["amount"]);
  CHECK(sum_pence == 250000);
}

TEST_CASE("assess: over the upper limit the statement shows the calculated total and each part") {
  const auto result =
      run_hsg({"assess", "--answers", "docs/examples/upper-limit.toml", "--date", "2025-01-15"});
  CHECK(result.exit_code == 0);
  CHECK(result.err.empty());
  CHECK(result.out == read_file(kGolden + "upper-limit.txt"));
  // basic: 1 + 1 (housing, home) + 2 (money) + 1 (health) advice = 2+2+4+2 = 10, high.
  CHECK(result.out.find("    Score 10: high (thresholds: low 2, medium 6, high 10)\n") !=
        std::string::npos);
  CHECK(result.out.find("  Calculated total:  £2,553.00\n") != std::string::npos);
  CHECK(result.out.find("    Short-term basic support: £296.00 → £289.86\n") != std::string::npos);
  CHECK(result.out.find("  Indicative grant:  £2,500.00 (the upper limit)\n") != std::string::npos);
}

TEST_CASE("assess: the same inputs give the same bytes, and --json without --date has no date") {
  const std::vector<std::string> text{"assess", "--answers", kWorked, "--date", "2025-01-15"};
  CHECK(run_hsg(text).out == run_hsg(text).out);
  const auto dated = nlohmann::ordered_json::parse(
      run_hsg({"assess", "--answers", kWorked, "--date", "2025-01-15", "--json"}).out);
  auto undated =
      nlohmann::ordered_json::parse(run_hsg({"assess", "--answers", kWorked, "--json"}).out);
  CHECK_FALSE(undated.contains("date"));
  // Apart from the date, nothing in the JSON depends on it.
  auto without_date = dated;
  without_date.erase("date");
  CHECK(undated == without_date);
}

TEST_CASE("assess: every mistake in an answers file is reported at file:line:column") {
  const auto result = run_hsg(
      {"assess", "--answers", "docs/examples/answers-with-mistakes.toml", "--date", "2025-01-15"});
  CHECK(result.exit_code == 1);
  CHECK(result.out.empty());
  CHECK(result.err ==
        "docs/examples/answers-with-mistakes.toml:8:1: unknown option 'some advice' for area "
        "'money'; allowed: none, advice, alongside, monitoring\n"
        "docs/examples/answers-with-mistakes.toml:9:1: unknown area 'helth'; allowed: "
        "tenancy_skills, housing_options, home_maintenance, settling_in, on_call, money, health, "
        "safety, social, work_learning\n"
        "docs/examples/answers-with-mistakes.toml:2:1: no answer for 2 areas: health, "
        "work_learning\n");
}

TEST_CASE("assess: TOML file, JSON file and --answer flags give byte-identical JSON") {
  const auto from_toml =
      run_hsg({"assess", "--answers", kWorked, "--date", "2025-01-15", "--json"});
  const auto again = run_hsg({"assess", "--answers", kWorked, "--date", "2025-01-15", "--json"});
  const auto from_json = run_hsg({"assess", "--answers", "docs/examples/worked-example.json",
                                  "--date", "2025-01-15", "--json"});
  const auto from_flags = run_hsg({"assess",     "--date",
                                   "2025-01-15", "--json",
                                   "--answer",   "work_learning=none",
                                   "--answer",   "tenancy_skills=alongside",
                                   "--answer",   "money=advice",
                                   "--answer",   "safety=alongside",
                                   "--answer",   "settling_in=alongside",
                                   "--answer",   "on_call=monitoring",
                                   "--answer",   "housing_options=none",
                                   "--answer",   "home_maintenance=none",
                                   "--answer",   "health=none",
                                   "--answer",   "social=none"});
  REQUIRE(from_toml.exit_code == 0);
  CHECK(again.out == from_toml.out);
  CHECK(from_json.out == from_toml.out);
  CHECK(from_flags.out == from_toml.out);
}

TEST_CASE("assess: an unknown area names it and lists the allowed ones, stdout stays empty") {
  const auto result = run_hsg({"assess", "--answer", "helth=none", "--date", "2025-01-15"});
  CHECK(result.exit_code == 1);
  CHECK(result.out.empty());
  CHECK(result.err ==
        "hsg: error: unknown area 'helth'; allowed: tenancy_skills, housing_options, "
        "home_maintenance, settling_in, on_call, money, health, safety, social, work_learning\n"
        "hsg: error: no answer for 10 areas: tenancy_skills, housing_options, home_maintenance, "
        "settling_in, on_call, money, health, safety, social, work_learning\n");
}

TEST_CASE("assess: an unknown option lists the area's options, missing areas are all listed") {
  const auto result = run_hsg(
      {"assess", "--answer", "money=lots", "--answer", "health=none", "--date", "2025-01-15"});
  CHECK(result.exit_code == 1);
  CHECK(result.out.empty());
  CHECK(result.err ==
        "hsg: error: unknown option 'lots' for area 'money'; allowed: none, advice, alongside, "
        "monitoring\n"
        "hsg: error: no answer for 8 areas: tenancy_skills, housing_options, home_maintenance, "
        "settling_in, on_call, safety, social, work_learning\n");
}

TEST_CASE("assess: input errors exit 1 with a clear message") {
  const auto both = run_hsg({"assess", "--answers", kWorked, "--answer", "money=none"});
  CHECK(both.exit_code == 1);
  CHECK(both.err ==
        "hsg: error: give either --answers FILE or --answer flags, not both (see 'hsg assess "
        "--help')\n");
  const auto none = run_hsg({"assess"});
  CHECK(none.exit_code == 1);
  CHECK(none.err ==
        "hsg: error: no answers: give --answers FILE or --answer AREA=OPTION for "
        "every area (see 'hsg assess --help')\n");
  const auto date = run_hsg({"assess", "--answers", kWorked, "--date", "2025-02-30"});
  CHECK(date.exit_code == 1);
  CHECK(date.err == "hsg: error: --date '2025-02-30' is not a real date in the form YYYY-MM-DD\n");
  const auto rules = run_hsg(
      {"assess", "--rules", "docs/examples/rules-with-mistakes.toml", "--answers", kWorked});
  CHECK(rules.exit_code == 1);
  CHECK(rules.out.empty());
  CHECK(rules.err.rfind("docs/examples/rules-with-mistakes.toml:3:18: effective_from", 0) == 0);
  const auto unknown = run_hsg({"assess", "--colour"});
  CHECK(unknown.exit_code == 1);
  CHECK(unknown.err == "hsg: error: unrecognised option '--colour' (see 'hsg assess --help')\n");
}

TEST_CASE("a statement that cannot be written is not a success: exit 2") {
  hsg::test::RunOptions options;
  options.stdout_path = "/dev/full";
  const auto result = run_hsg({"assess", "--answers", kWorked, "--date", "2025-01-15"}, options);
  CHECK(result.exit_code == 2);
  CHECK(result.err == "hsg: error: could not write the output\n");
}
