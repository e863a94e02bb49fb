// hsg rules check / show on real files.
#include <catch2/catch.hpp>

#include <fmt/core.h>

#include <algorithm>

#include "tests/cli/run_process.h"

using hsg::test::run_hsg;
using hsg::test::TempDir;
using hsg::test::write_file;

TEST_CASE("rules check: a good file prints its id and a summary") {
  const auto result = run_hsg({"rules", "check", "rules/medway.toml"});
  CHECK(result.exit_code == 0);
  CHECK(result.out ==
        "rules/medway.toml: ok\n"
        "id:             f8a37111e36020b1d657fc89e6958f27e0567dd73daeb86c9ce51d4ed0c48d2b\n"
        "name:           medway\n"
        "version:        1.0\n"
        "effective from: 2024-04-01\n"
        "types:          3\n"
        "questions:      10\n");
}

TEST_CASE("rules check: every problem at file:line:column, exit 1, nothing on stdout") {
  const auto result = run_hsg({"rules", "check", "docs/examples/rules-with-mistakes.toml"});
  CHECK(result.exit_code == 1);
  CHECK(result.out.empty());
  CHECK(result.err ==
        "docs/examples/rules-with-mistakes.toml:3:18: effective_from must be a real date such as "
        "2024-04-01\n"
        "docs/examples/rules-with-mistakes.toml:6:15: hourly_rate must be exact: write it as a "
        "string such as \"18.50\", not a floating-point number\n"
        "docs/examples/rules-with-mistakes.toml:11:1: missing key 'weeks' in interventions[0]\n"
        "docs/examples/rules-with-mistakes.toml:14:34: thresholds.medium (3) must be greater than "
        "thresholds.low (3)\n"
        "docs/examples/rules-with-mistakes.toml:16:1: unknown key 'wekks' in interventions[0]; "
        "allowed: key, label, thresholds, hours_per_week, weeks\n"
        "docs/examples/rules-with-mistakes.toml:30:12: points name unknown intervention type "
        "'basic'; known: intensive\n");
}

TEST_CASE("rules check: a rule set made by hand with one mistake, at its line and column") {
  TempDir dir;
  std::string medway = hsg::test::read_file(HSG_SOURCE_DIR "/rules/medway.toml");
  const std::string rate = "hourly_rate = \"18.50\"";
  const std::size_t at = medway.find(rate);
  REQUIRE(at != std::string::npos);
  medway.replace(at, rate.size(), "hourly_rate = 18.5");
  write_file(dir / "rules.toml", medway);
  const std::size_t line = 1 + static_cast<std::size_t>(std::count(
                                   medway.begin(), medway.begin() + static_cast<long>(at), '\n'));
  const auto result = run_hsg({"rules", "check", (dir / "rules.toml").string()});
  CHECK(result.exit_code == 1);
  CHECK(result.out.empty());
  CHECK(result.err == fmt::format("{}:{}:15: hourly_rate must be exact: write it as a string such "
                                  "as \"18.50\", not a floating-point number\n",
                                  (dir / "rules.toml").string(), line));
}

TEST_CASE("rules show: the built-in medway as tables") {
  const auto result = run_hsg({"rules", "show"});
  CHECK(result.exit_code == 0);
  CHECK(result.out.find("  hourly rate           18.50\n") != std::string::npos);
  CHECK(result.out.find("  short_term_intensive        12  ≥3 3.00h 666.00") != std::string::npos);
  CHECK(result.out.find("≥15 8.00h 1,776.00") != std::string::npos);
  CHECK(result.out.find("  money (weight 2): Income, benefits, bills and debt\n") !=
        std::string::npos);
  CHECK(result.out.find(" \n") == std::string::npos);
}
