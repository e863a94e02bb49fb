// Instalments and the sharing of an agreed total, with domain.md's figures written out.
#include <catch2/catch.hpp>

#include <cstdint>
#include <random>
#include <stdexcept>
#include <vector>

#include "engine/instalments.h"

using hsg::engine::Date;
using hsg::engine::instalment_count;
using hsg::engine::last_due_on;
using hsg::engine::Money;
using hsg::engine::schedule_instalments;
using hsg::engine::ScheduledInstalment;
using hsg::engine::share_agreed;

namespace {

Date date(const char* text) { return *Date::parse(text); }
Money pence(std::int64_t value) { return Money::from_pence(value); }

std::vector<std::int64_t> amounts_of(const std::vector<ScheduledInstalment>& instalments) {
  std::vector<std::int64_t> amounts;
  for (const auto& instalment : instalments) amounts.push_back(instalment.amount.pence());
  return amounts;
}

}  // namespace

TEST_CASE("worked example: intensive 3 x 592.00, basic 2 x 74.00, maintenance 13 x 37.00") {
  const Date start = date("2025-02-03");
  const auto intensive = schedule_instalments(pence(177600), 12, 4, start);
  CHECK(intensive == std::vector<ScheduledInstalment>{{1, date("2025-02-03"), pence(59200)},
                                                      {2, date("2025-03-03"), pence(59200)},
                                                      {3, date("2025-03-31"), pence(59200)}});
  const auto basic = schedule_instalments(pence(14800), 8, 4, start);
  CHECK(basic == std::vector<ScheduledInstalment>{{1, date("2025-02-03"), pence(7400)},
                                                  {2, date("2025-03-03"), pence(7400)}});
  const auto maintenance = schedule_instalments(pence(48100), 52, 4, start);
  CHECK(amounts_of(maintenance) == std::vector<std::int64_t>(13, 3700));
  CHECK(maintenance.front().due_on == date("2025-02-03"));
  CHECK(maintenance.back().number == 13);
  CHECK(maintenance.back().due_on == date("2026-01-05"));  // start + 12 x 28 days
}

TEST_CASE("limit case: 1,739.13 / 289.86 / 471.01, pennies to the earliest instalments") {
  const Date start = date("2025-01-01");
  CHECK(amounts_of(schedule_instalments(pence(173913), 12, 4, start)) ==
        std::vector<std::int64_t>{57971, 57971, 57971});
  CHECK(amounts_of(schedule_instalments(pence(28986), 8, 4, start)) ==
        std::vector<std::int64_t>{14493, 14493});
  // 471.01 / 13 = 36.23 remainder 2p: two of 36.24 then eleven of 36.23.
  CHECK(amounts_of(schedule_instalments(pence(47101), 52, 4, start)) ==
        std::vector<std::int64_t>{3624, 3624, 3623, 3623, 3623, 3623, 3623, 3623, 3623, 3623, 3623,
                                  3623, 3623});
}

TEST_CASE("instalment count is weeks over the period rounded up") {
  CHECK(instalment_count(12, 4) == 3);
  CHECK(instalment_count(13, 4) == 4);
  CHECK(instalment_count(1, 4) == 1);
  CHECK(instalment_count(52, 1) == 52);
  // 13 weeks paid every 4: four instalments, the last on start + 84 days.
  const auto odd = schedule_instalments(pence(1000), 13, 4, date("2025-01-01"));
  CHECK(amounts_of(odd) == std::vector<std::int64_t>{250, 250, 250, 250});
  CHECK(odd.back().due_on == date("2025-03-26"));
}

TEST_CASE("a zero amount has no instalments, a tiny amount only the non-zero ones") {
  CHECK(schedule_instalments(pence(0), 52, 4, date("2025-01-01")).empty());
  const auto tiny = schedule_instalments(pence(3), 52, 4, date("2025-01-01"));
  CHECK(amounts_of(tiny) == std::vector<std::int64_t>{1, 1, 1});
  CHECK(tiny.back().number == 3);
}

TEST_CASE("an agreed total is shared in proportion to the indicative amounts") {
  // 2,200.00 over 1,776.00 / 148.00 / 481.00: floors 1624.61, 135.38, 440.00 and the
  // last penny to the largest remainder (intensive).
  const std::vector<Money> indicative{pence(177600), pence(14800), pence(48100)};
  CHECK(share_agreed(pence(220000), indicative) ==
        std::vector<Money>{pence(162462), pence(13538), pence(44000)});
  CHECK(share_agreed(pence(240500), indicative) == indicative);
  // Ties go to the type listed first.
  CHECK(share_agreed(pence(101), std::vector<Money>{pence(100), pence(100)}) ==
        std::vector<Money>{pence(51), pence(50)});
  // A type with no indicative amount gets no share.
  CHECK(share_agreed(pence(1000), std::vector<Money>{pence(0), pence(300), pence(100)}) ==
        std::vector<Money>{pence(0), pence(750), pence(250)});
}

TEST_CASE("with every indicative amount zero only an agreed zero can be shared") {
  const std::vector<Money> zeros{pence(0), pence(0), pence(0)};
  CHECK(share_agreed(pence(0), zeros) == zeros);
  CHECK_FALSE(share_agreed(pence(1), zeros).has_value());
}

TEST_CASE("property: instalments always sum to the amount, within a penny of each other") {
  std::mt19937_64 random(20250131);
  for (int round = 0; round < 20000; ++round) {
    const std::int64_t amount = static_cast<std::int64_t>(random() % 1'000'000);
    const std::int64_t weeks = 1 + static_cast<std::int64_t>(random() % 520);
    const std::int64_t period = 1 + static_cast<std::int64_t>(random() % 52);
    const auto instalments = schedule_instalments(pence(amount), weeks, period, date("2025-01-01"));
    std::int64_t total = 0;
    for (std::size_t i = 0; i < instalments.size(); ++i) {
      total += instalments[i].amount.pence();
      REQUIRE(instalments[i].number == static_cast<std::int64_t>(i) + 1);
      REQUIRE(instalments[i].amount.pence() > 0);
      if (i > 0) {
        REQUIRE(instalments[i - 1].amount.pence() - instalments[i].amount.pence() <= 1);
        REQUIRE(instalments[i - 1].amount >= instalments[i].amount);
        REQUIRE(instalments[i].due_on.days_since(instalments[i - 1].due_on) == period * 7);
      }
    }
    REQUIRE(total == amount);
    REQUIRE(static_cast<std::int64_t>(instalments.size()) <= instalment_count(weeks, period));
  }
}

TEST_CASE("a schedule whose last instalment would fall past 2199-12-31 is refused") {
  // 52 weeks every 4: 13 instalments, the last 12 × 28 = 336 days after the start.
  CHECK(last_due_on(52, 4, date("2199-01-29")) == date("2199-12-31"));
  CHECK(schedule_instalments(pence(48100), 52, 4, date("2199-01-29")).back().due_on ==
        date("2199-12-31"));
  CHECK_FALSE(last_due_on(52, 4, date("2199-01-30")));
  CHECK_THROWS_AS(schedule_instalments(pence(48100), 52, 4, date("2199-01-30")),
                  std::invalid_argument);
}
