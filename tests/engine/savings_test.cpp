// The savings estimate's arithmetic (engine/savings.h): shares of a group's spend, one
// rounding per row, percentages from the exact pence, groups with no ratio kept apart.
#include <catch2/catch.hpp>

#include <stdexcept>
#include <string>
#include <string_view>
#include <vector>

#include "engine/savings.h"

using hsg::engine::GroupSpend;
using hsg::engine::Money;
using hsg::engine::SavingsTable;
using hsg::engine::SavingsTableRow;

namespace {

Money pence(std::int64_t value) { return Money::from_pence(value); }

SavingsTableRow study(std::string label, std::vector<std::string> groups, std::int64_t savings,
                      std::int64_t investment) {
  return {std::move(label), std::move(groups), pence(savings), pence(investment), std::nullopt};
}

SavingsTableRow per_pound(std::string label, std::vector<std::string> groups,
                          std::int64_t pence_per_pound) {
  return {std::move(label), std::move(groups), std::nullopt, std::nullopt, pence_per_pound};
}

constexpr std::string_view kKnown[] = {"older_people", "mental_health", "hiv_aids", "refugees"};

}  // namespace

TEST_CASE("savings: a row's savings is its spend times savings over investment rounded once") {
  // Seed 003's Mental H row: £2,263,716 saved on £462,129; spend of exactly that.
  const SavingsTable table{"t", "s", {study("Mental H", {"mental_health"}, 2263716'00, 462129'00)}};
  const std::vector<GroupSpend> spend{{"mental_health", pence(462129'00)}};
  const auto estimate = hsg::engine::estimate_savings(table, spend, kKnown);
  REQUIRE(estimate.rows.size() == 1);
  CHECK(estimate.rows[0].spend == pence(462129'00));
  CHECK(estimate.rows[0].savings == pence(2263716'00));
  CHECK(estimate.rows[0].percent == 490);  // 489.85…%, and £4.90 per £1
  // £100.00 of spend: 10000p × 2263716 / 462129 = 48,984.504…p, so £489.85.
  const std::vector<GroupSpend> hundred{{"mental_health", pence(100'00)}};
  CHECK(hsg::engine::estimate_savings(table, hundred, kKnown).rows[0].savings == pence(489'85));
}

TEST_CASE("savings: halves go away from zero for gains and losses alike") {
  // Ratio 3/2: 1p of spend is 1.5p of savings → 2p; a ratio of -3/2 gives -1.5p → -2p.
  const SavingsTable gain{"t", "s", {study("gain", {"older_people"}, 3, 2)}};
  const SavingsTable loss{"t", "s", {study("loss", {"older_people"}, -3, 2)}};
  const std::vector<GroupSpend> one_penny{{"older_people", pence(1)}};
  CHECK(hsg::engine::estimate_savings(gain, one_penny, kKnown).rows[0].savings == pence(2));
  CHECK(hsg::engine::estimate_savings(loss, one_penny, kKnown).rows[0].savings == pence(-2));
  // A negative spend (a recovery larger than the period's payments) is symmetric too.
  const std::vector<GroupSpend> minus_one{{"older_people", pence(-1)}};
  CHECK(hsg::engine::estimate_savings(gain, minus_one, kKnown).rows[0].savings == pence(-2));
  CHECK(hsg::engine::estimate_savings(loss, minus_one, kKnown).rows[0].savings == pence(2));
  // Seed 003's Physical D: -£72,595 on £277,936 is -26% and -£0.26 per £1.
  const SavingsTable physical{
      "t", "s", {study("Physical D", {"older_people"}, -72595'00, 277936'00)}};
  const std::vector<GroupSpend> spend{{"older_people", pence(277936'00)}};
  const auto estimate = hsg::engine::estimate_savings(physical, spend, kKnown);
  CHECK(estimate.rows[0].savings == pence(-72595'00));
  CHECK(estimate.rows[0].percent == -26);
}

TEST_CASE("savings: percentages round halves away from zero from the exact pence") {
  CHECK(hsg::engine::savings_percent(pence(1), pence(200)) == 1);    // 0.5% → 1%
  CHECK(hsg::engine::savings_percent(pence(-1), pence(200)) == -1);  // -0.5% → -1%
  CHECK(hsg::engine::savings_percent(pence(1), pence(-200)) == -1);  // spend negative
  CHECK(hsg::engine::savings_percent(pence(-1), pence(-200)) == 1);
  CHECK(hsg::engine::savings_percent(pence(1), pence(201)) == 0);  // 0.497…%
  CHECK(hsg::engine::savings_percent(pence(12147794'00), pence(4046310'00)) == 300);
  CHECK(hsg::engine::savings_percent(pence(5), pence(0)) == std::nullopt);
}

TEST_CASE(
    "savings: a shared group's spend is split by investment with pennies by largest remainder") {
  // older_people named by rows investing 1 and 2: £1.00 is 33⅓p and 66⅔p, so 33p and 67p.
  const SavingsTable table{"t",
                           "s",
                           {study("A", {"older_people"}, 1'00, 1'00),
                            study("B", {"older_people", "mental_health"}, 4'00, 2'00)}};
  const std::vector<GroupSpend> spend{{"older_people", pence(1'00)},
                                      {"mental_health", pence(10'00)}};
  const auto estimate = hsg::engine::estimate_savings(table, spend, kKnown);
  REQUIRE(estimate.rows.size() == 2);
  CHECK(estimate.rows[0].shares.size() == 1);
  CHECK(estimate.rows[0].shares[0].spend == pence(33));
  REQUIRE(estimate.rows[1].shares.size() == 2);
  CHECK(estimate.rows[1].shares[0].client_group == "older_people");
  CHECK(estimate.rows[1].shares[0].spend == pence(67));
  CHECK(estimate.rows[1].shares[1].spend == pence(10'00));
  CHECK(estimate.rows[1].spend == pence(10'67));
  CHECK(estimate.rows[1].savings == pence(21'34));  // × 2
  CHECK(estimate.total.spend == pence(11'00));
  CHECK(estimate.total.savings == pence(21'67));
  CHECK(estimate.total.percent == 197);  // 2167 / 1100 = 1.97 exactly

  // Equal investments and a penny each to spare: ties go to the row listed first.
  const SavingsTable three{"t",
                           "s",
                           {study("X", {"older_people"}, 1, 5), study("Y", {"older_people"}, 1, 5),
                            study("Z", {"older_people"}, 1, 5)}};
  const std::vector<GroupSpend> hundred{{"older_people", pence(100)}};
  const auto split = hsg::engine::estimate_savings(three, hundred, kKnown);
  CHECK(split.rows[0].spend == pence(34));
  CHECK(split.rows[1].spend == pence(33));
  CHECK(split.rows[2].spend == pence(33));
  // A negative spend is split as its magnitude, then negated.
  const std::vector<GroupSpend> minus{{"older_people", pence(-100)}};
  const auto negative = hsg::engine::estimate_savings(three, minus, kKnown);
  CHECK(negative.rows[0].spend == pence(-34));
  CHECK(negative.rows[1].spend == pence(-33));
  CHECK(negative.rows[2].spend == pence(-33));
}

TEST_CASE("savings: seed 003's older people rows take their own investments back exactly") {
  const SavingsTable table{"t",
                           "s",
                           {study("OP (fltg sp)", {"older_people"}, 928609'00, 112788'00),
                            study("OP (vry sh)", {"older_people"}, 852546'00, 110352'00),
                            study("OP (shel)", {"older_people"}, 3002181'00, 850460'00)}};
  const std::vector<GroupSpend> spend{{"older_people", pence((112788 + 110352 + 850460) * 100)}};
  const auto estimate = hsg::engine::estimate_savings(table, spend, kKnown);
  CHECK(estimate.rows[0].spend == pence(112788'00));
  CHECK(estimate.rows[1].spend == pence(110352'00));
  CHECK(estimate.rows[2].spend == pence(850460'00));
  CHECK(estimate.rows[0].savings == pence(928609'00));
  CHECK(estimate.rows[1].savings == pence(852546'00));
  CHECK(estimate.rows[2].savings == pence(3002181'00));
  CHECK(estimate.rows[0].percent == 823);
  CHECK(estimate.rows[1].percent == 773);
  CHECK(estimate.rows[2].percent == 353);
}

TEST_CASE("savings: a per-pound row multiplies exactly and a zero spend has no percent") {
  const SavingsTable table{
      "national", "s", {per_pound("All", {"older_people", "mental_health"}, 179)}};
  const std::vector<GroupSpend> spend{{"older_people", pence(4000000'00)},
                                      {"mental_health", pence(46310'00)}};
  const auto estimate = hsg::engine::estimate_savings(table, spend, kKnown);
  CHECK(estimate.rows[0].savings == pence(7242894'90));  // £4,046,310 × 1.79
  CHECK(estimate.rows[0].percent == 179);
  const auto nothing = hsg::engine::estimate_savings(table, {}, kKnown);
  CHECK(nothing.rows[0].spend == Money());
  CHECK(nothing.rows[0].savings == Money());
  CHECK(nothing.rows[0].percent == std::nullopt);
  CHECK(nothing.total.percent == std::nullopt);
}

TEST_CASE("savings: groups no row names are listed with their spend and kept out of the total") {
  const SavingsTable table{"t", "s", {per_pound("OP", {"older_people"}, 200)}};
  const std::vector<GroupSpend> spend{
      {"hiv_aids", pence(5'00)}, {"older_people", pence(10'00)}, {"zz_retired_group", pence(1'00)}};
  const auto estimate = hsg::engine::estimate_savings(table, spend, kKnown);
  REQUIRE(estimate.unmapped.size() == 4);
  CHECK(estimate.unmapped[0].client_group == "mental_health");
  CHECK(estimate.unmapped[0].spend == Money());
  CHECK(estimate.unmapped[1].client_group == "hiv_aids");
  CHECK(estimate.unmapped[1].spend == pence(5'00));
  CHECK(estimate.unmapped[2].client_group == "refugees");
  CHECK(estimate.unmapped[3].client_group == "zz_retired_group");
  CHECK(estimate.unmapped[3].spend == pence(1'00));
  CHECK(estimate.total.spend == pence(10'00));
  CHECK(estimate.total.savings == pence(20'00));
  CHECK(estimate.total.spend_unmapped == pence(6'00));
  CHECK(estimate.total.spend_all == pence(16'00));
}

TEST_CASE("savings: a table that breaks the rules is refused rather than guessed at") {
  const std::vector<GroupSpend> none;
  const auto refuses = [&](SavingsTable table) {
    CHECK_THROWS_AS(hsg::engine::estimate_savings(table, none, kKnown), std::invalid_argument);
  };
  refuses({"t", "s", {study("A", {"older_people"}, 1, 0)}});
  refuses({"t", "s", {study("A", {}, 1, 1)}});
  refuses({"t", "s", {study("", {"older_people"}, 1, 1)}});
  refuses({"t", "s", {study("A", {"older_people", "older_people"}, 1, 1)}});
  refuses({"t", "s", {study("A", {"older_people"}, 1, 1), per_pound("B", {"older_people"}, 1)}});
  refuses({"t", "s", {{"A", {"older_people"}, pence(1), std::nullopt, std::nullopt}}});
  const std::vector<GroupSpend> twice{{"older_people", pence(1)}, {"older_people", pence(2)}};
  CHECK_THROWS_AS(hsg::engine::estimate_savings({"t", "s", {per_pound("A", {"older_people"}, 1)}},
                                                twice, kKnown),
                  std::invalid_argument);
}
