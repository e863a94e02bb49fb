// Issue 13, from its reproductions: an actor is one person whatever is typed, and the
// limit and the decision stay consistent (over the limit needs approval, a started
// grant closes its agreement, an isf needs an accredited provider, no future dates
// without a reason, "today" is the local date). Each bypass is refused with exit 1, a
// clear message and nothing written (the audit head compared).
#include <catch2/catch.hpp>

#include <pwd.h>
#include <unistd.h>

#include <fmt/core.h>
#include <chrono>
#include <nlohmann/json.hpp>

#include "tests/cli/store_fixture.h"

using hsg::test::ProcessResult;
using hsg::test::RunOptions;
using hsg::test::StoreFixture;

namespace {

const std::string kWorked = HSG_SOURCE_DIR "/docs/examples/worked-example.toml";

// Runs hsg on the fixture's database with extra environment ("NAME=value").
ProcessResult run_with(const StoreFixture& store, std::vector<std::string> args,
                       std::vector<std::string> environment) {
  args.push_back("--db");
  args.push_back(store.path());
  RunOptions options;
  options.environment = std::move(environment);
  return hsg::test::run_hsg(args, options);
}

// As StoreFixture::refused, with extra environment.
std::string refused_with(const StoreFixture& store, const std::vector<std::string>& args,
                         const std::vector<std::string>& environment) {
  const std::string before = store.fingerprint();
  const ProcessResult result = run_with(store, args, environment);
  INFO(result.out);
  CHECK(result.exit_code == 1);
  CHECK(result.out.empty());
  CHECK(store.fingerprint() == before);
  return result.err;
}

// The UTC date `offset` from now, as YYYY-MM-DD: the local date under TZ=UTC±offset.
std::string date_at_offset(std::chrono::hours offset) {
  const auto days =
      std::chrono::floor<std::chrono::days>(std::chrono::system_clock::now() + offset);
  const std::chrono::year_month_day ymd(days);
  return fmt::format("{:04}-{:02}-{:02}", static_cast<int>(ymd.year()),
                     static_cast<unsigned>(ymd.month()), static_cast<unsigned>(ymd.day()));
}

void agree_as_assessed(const StoreFixture& store) {
  store.ok({"agree", "1", "--amount", "2405.00", "--reason", "as assessed", "--actor", "asha"});
}

}  // namespace

TEST_CASE("actor: --actor Asha cannot approve the adjustment asha agreed") {
  StoreFixture store;
  store.ok({"agree", "1", "--amount", "2000.00", "--reason", "Daughter helps", "--actor", "asha"});
  const std::string message =
      "hsg: error: cannot approve allocation 1: asha agreed this amount, so another person must "
      "approve it\n";
  CHECK(store.refused({"approve", "1", "--actor", "Asha"}) == message);
  CHECK(store.refused({"approve", "1", "--actor", "  ASHA "}) == message);
  CHECK(store.refused({"reject", "1", "--reason", "no", "--actor", "AsHa"}) ==
        "hsg: error: cannot reject allocation 1: asha agreed this amount, so another person must "
        "reject it\n");
  store.ok({"approve", "1", "--actor", "Ben  Jones"});
  CHECK(store.sql("SELECT kind, actor FROM decisions ORDER BY id;") ==
        "agree|asha\napprove|ben jones\n");
}

TEST_CASE("actor: a blank or unusable --actor is refused, naming the allowed characters") {
  StoreFixture store;
  CHECK(store.refused({"client", "add", "C-2", "--group", "older_people", "--actor", "   "}) ==
        "hsg: error: --actor: the actor is empty: it must name the person making the change\n");
  CHECK(store.refused({"agree", "1", "--amount", "2405", "--reason", "x", "--actor", ""}) ==
        "hsg: error: --actor: the actor is empty: it must name the person making the change\n");
  CHECK(store.refused({"client", "add", "C-2", "--group", "older_people", "--actor", "asha!"}) ==
        "hsg: error: --actor: the actor 'asha!' may hold only letters a-z (capitals are "
        "lowercased), digits 0-9, '.', '_', '-', '@' and single spaces\n");
  CHECK(store.refused({"client", "add", "C-2", "--group", "older_people", "--actor",
                       std::string(201, 'a')}) ==
        "hsg: error: --actor: the actor is longer than 200 bytes\n");
}

TEST_CASE("actor: without --actor it is the OS account, never $USER or $LOGNAME") {
  StoreFixture store;
  const passwd* entry = getpwuid(geteuid());
  REQUIRE(entry != nullptr);
  const std::string account = entry->pw_name;
  REQUIRE(account != "manager");
  store.ok({"agree", "1", "--amount", "2000.00", "--reason", "Daughter helps", "--actor", account});
  const std::vector<std::string> pretend{"USER=manager", "LOGNAME=manager"};
  CHECK(refused_with(store, {"approve", "1"}, pretend) ==
        fmt::format("hsg: error: cannot approve allocation 1: {} agreed this amount, so another "
                    "person must approve it\n",
                    account));
  const ProcessResult added =
      run_with(store, {"client", "add", "C-2", "--group", "older_people"}, pretend);
  REQUIRE(added.exit_code == 0);
  CHECK(store.sql("SELECT actor, action FROM audit_events ORDER BY seq DESC LIMIT 1;") ==
        account + "|client.add\n");
}

TEST_CASE("limit: 2600 agreed on the worked example's 2405 under a 2500 limit needs approval") {
  StoreFixture store;
  const ProcessResult agreed =
      store.ok({"agree", "1", "--amount", "2600", "--reason", "Night cover after discharge",
                "--actor", "asha", "--json"});
  const auto json = nlohmann::json::parse(agreed.out);
  CHECK(json["status"] == "pending_approval");
  CHECK(json["indicative"] == "2405.00");
  CHECK(json["upper_limit"] == "2500.00");
  CHECK(json["agreement"]["amount"] == "2600.00");
  CHECK(json["agreement"]["needs_approval"] == true);
  CHECK(json["agreement"]["beyond_tolerance"] == false);  // 195.00 is within 10%
  CHECK(json["agreement"]["above_upper_limit_by"] == "100.00");
  CHECK(json["agreement"]["reason"] == "Night cover after discharge");
  CHECK(store.refused({"grant", "start", "1", "--start", "2025-02-03", "--held-as",
                       "direct_payment", "--actor", "asha"}) ==
        "hsg: error: allocation 1: the agreed amount £2,600.00 is waiting for approval by someone "
        "other than asha (hsg approve 1)\n");
  CHECK(store.refused({"approve", "1", "--actor", "asha"}) ==
        "hsg: error: cannot approve allocation 1: asha agreed this amount, so another person must "
        "approve it\n");
  const std::string shown = store.ok({"show", "1"}).out;
  CHECK(shown.find("  exceeds the upper limit of £2,500.00 by £100.00, because: Night cover after "
                   "discharge\n  an amount above the upper limit always needs approval by "
                   "someone other than asha\n") != std::string::npos);
  CHECK(shown.find("differs from the indicative grant") == std::string::npos);
  const std::string approved = store.ok({"approve", "1", "--actor", "ben"}).out;
  CHECK(approved.rfind("Allocation #1: approved\n", 0) == 0);
}

TEST_CASE("limit: exactly the limit, within tolerance, is agreed at once") {
  StoreFixture store;
  const auto json = nlohmann::json::parse(store
                                              .ok({"agree", "1", "--amount", "2500.00", "--reason",
                                                   "round", "--actor", "asha", "--json"})
                                              .out);
  CHECK(json["status"] == "agreed");
  CHECK(json["agreement"]["needs_approval"] == false);
  CHECK(json["agreement"]["above_upper_limit_by"] == nullptr);
}

TEST_CASE("closed: once a grant has started, agree, approve and reject on it are refused") {
  StoreFixture store;
  agree_as_assessed(store);
  store.ok({"grant", "start", "1", "--start", "2025-02-03", "--held-as", "direct_payment",
            "--actor", "asha"});
  const std::string closed =
      "grant 1 has started on it, so its agreement is closed; a change is a review (hsg grant "
      "review 1 ...) or hsg grant end 1 and a new grant from a new allocation\n";
  CHECK(store.refused({"agree", "1", "--amount", "2000", "--reason", "less", "--actor", "asha"}) ==
        "hsg: error: cannot agree an amount for allocation 1: " + closed);
  CHECK(store.refused({"approve", "1", "--actor", "ben"}) ==
        "hsg: error: cannot approve allocation 1: " + closed);
  CHECK(store.refused({"reject", "1", "--reason", "no", "--actor", "ben"}) ==
        "hsg: error: cannot reject allocation 1: " + closed);
}

TEST_CASE("isf: an individual service fund needs a provider accredited on the start date") {
  StoreFixture store;
  agree_as_assessed(store);
  const std::vector<std::string> start{"grant",     "start", "1",       "--start", "2025-02-03",
                                       "--held-as", "isf",   "--actor", "asha",    "--provider"};
  auto with = [&](const std::string& provider) {
    std::vector<std::string> args = start;
    args.push_back(provider);
    return args;
  };
  CHECK(store.refused(with("Nobody")) ==
        "hsg: error: cannot start a grant for allocation 1: provider 'Nobody' is not on the "
        "accredited list; an individual service fund must be held by a provider accredited on "
        "the start date (hsg provider list --on 2025-02-03)\n");
  store.ok({"provider", "add", "Later Ltd", "--accredited-from", "2025-03-01", "--actor", "asha"});
  CHECK(store.refused(with("Later Ltd")) ==
        "hsg: error: cannot start a grant for allocation 1: provider 'Later Ltd' is not "
        "accredited on 2025-02-03; an individual service fund must be held by a provider "
        "accredited on the start date (hsg provider list --on 2025-02-03)\n");
  store.ok({"provider", "add", "Medway Housing Support Ltd", "--accredited-from", "2024-04-01",
            "--actor", "asha"});
  store.ok(with("Medway Housing Support Ltd"));
  CHECK(store.sql("SELECT held_as, provider FROM grants;") == "isf|Medway Housing Support Ltd\n");
}

TEST_CASE("future: an allocation dated after today is refused without --allow-future") {
  StoreFixture store;
  const std::vector<std::string> utc{"TZ=UTC0"};
  const std::string today = date_at_offset(std::chrono::hours(0));
  CHECK(refused_with(
            store,
            {"allocate", "C-1", "--answers", kWorked, "--date", "2099-01-04", "--actor", "asha"},
            utc) ==
        fmt::format("hsg: error: --date 2099-01-04 is after today ({}, the local date); an "
                    "assessment is not dated in the future unless --allow-future REASON says why\n",
                    today));
  CHECK(refused_with(store,
                     {"allocate", "C-1", "--answers", kWorked, "--date", "2099-01-04",
                      "--allow-future", "  ", "--actor", "asha"},
                     utc) ==
        "hsg: error: --allow-future needs a reason: why is the assessment dated after today?\n");
}

TEST_CASE("future: with --allow-future the reason is kept in the audit chain and verified") {
  StoreFixture store;
  const std::vector<std::string> utc{"TZ=UTC0"};
  const std::string today = date_at_offset(std::chrono::hours(0));
  const ProcessResult recorded =
      run_with(store,
               {"allocate", "C-1", "--answers", kWorked, "--date", "2099-01-04", "--allow-future",
                "Booked ahead for a hospital discharge", "--actor", "asha"},
               utc);
  INFO(recorded.err);
  REQUIRE(recorded.exit_code == 0);
  CHECK(
      store.sql("SELECT actor, action, entity_type, entity_id, payload FROM audit_events "
                "ORDER BY seq DESC LIMIT 1;") ==
      fmt::format("asha|allocation.allow_future|allocations|2|{{\"assessed_on\":\"2099-01-04\","
                  "\"reason\":\"Booked ahead for a hospital discharge\",\"recorded_on\":\"{}\"}}\n",
                  today));
  const ProcessResult verified = store.ok({"audit", "verify"});
  CHECK(verified.out.rfind("ok: ", 0) == 0);
  CHECK(store.ok({"show", "2"})
            .out.rfind(fmt::format(
                           "Allocation #2 for client C-1, assessed by asha\nDated after the day it "
                           "was recorded ({}): Booked ahead for a hospital discharge\n\n",
                           today),
                       0) == 0);
}

TEST_CASE("future: 'today' is the local date (TZ), not UTC") {
  StoreFixture store;
  // 26 hours apart: the local date at UTC+14 is always after the local date at UTC-12.
  const std::string ahead = date_at_offset(std::chrono::hours(14));
  const std::vector<std::string> args{"allocate", "C-1", "--answers", kWorked,
                                      "--date",   ahead, "--actor",   "asha"};
  const std::string refused = refused_with(store, args, {"TZ=XYZ+12"});
  CHECK(refused.rfind(fmt::format("hsg: error: --date {} is after today (", ahead), 0) == 0);
  const ProcessResult accepted = run_with(store, args, {"TZ=XYZ-14"});
  INFO(accepted.err);
  CHECK(accepted.exit_code == 0);
  CHECK(store.sql("SELECT assessed_on FROM allocations WHERE id = 2;") == ahead + "\n");
}

TEST_CASE("future: import rows and a grant review dated after today are refused too") {
  StoreFixture store;
  const std::vector<std::string> utc{"TZ=UTC0"};
  const std::string today = date_at_offset(std::chrono::hours(0));
  const auto csv = store.dir() / "future.csv";
  hsg::test::write_file(
      csv,
      "client_ref,date,assessor,tenancy_skills,housing_options,home_maintenance,settling_in,"
      "on_call,money,health,safety,social,work_learning\n"
      "C-1,2099-01-04,asha,alongside,none,none,alongside,monitoring,advice,none,alongside,none,"
      "none\n");
  CHECK(refused_with(store, {"import", csv.string(), "--actor", "asha"}, utc) ==
        fmt::format("{}:2:2: the date 2099-01-04 is after today ({}, the local date); an "
                    "assessment is not dated in the future unless --allow-future REASON says why "
                    "(date)\nhsg: error: 1 problem; nothing was imported\n",
                    csv.string(), today));
  const ProcessResult imported = run_with(
      store, {"import", csv.string(), "--allow-future", "Planned move", "--actor", "asha"}, utc);
  INFO(imported.err);
  REQUIRE(imported.exit_code == 0);
  CHECK(store.sql("SELECT entity_id FROM audit_events WHERE action = 'allocation.allow_future';") ==
        "2\n");
  CHECK(store.ok({"audit", "verify"}).out.rfind("ok: ", 0) == 0);

  agree_as_assessed(store);
  store.ok({"grant", "start", "1", "--start", "2025-02-03", "--held-as", "direct_payment",
            "--actor", "asha"});
  CHECK(refused_with(store,
                     {"grant", "review", "1", "--answers", kWorked, "--date", "2099-01-04",
                      "--actor", "asha"},
                     utc) ==
        fmt::format("hsg: error: --date 2099-01-04 is after today ({}, the local date); an "
                    "assessment is not dated in the future unless --allow-future REASON says why\n",
                    today));
}

TEST_CASE("limit: the help of agree, approve and reject names the upper limit") {
  const std::string agree = hsg::test::run_hsg({"agree", "--help"}).out;
  CHECK(agree.find("An amount more than the rule\nset's tolerance (10% in medway) away from the "
                   "indicative grant, or above the\nallocation's upper limit (whatever the "
                   "tolerance), waits for approval by a\ndifferent person.\n") !=
        std::string::npos);
  CHECK(hsg::test::run_hsg({"approve", "--help"})
            .out.find("Approves an agreed amount that is beyond tolerance or above the upper "
                      "limit.\nThe approver must not be the person who agreed it.\n") !=
        std::string::npos);
  CHECK(hsg::test::run_hsg({"reject", "--help"})
            .out.find("Rejects an agreed amount that is beyond tolerance or above the upper "
                      "limit,\nwith a reason. The person rejecting must not be the person who "
                      "agreed it.\n") != std::string::npos);
}
