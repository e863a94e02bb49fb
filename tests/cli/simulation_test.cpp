// A seeded simulation of the grant and ledger lifecycle, checked step by step against a
// small model kept here.
//
// Each step runs one `hsg` command in process (cli::run_hsg, the binary's own
// dispatcher) on a real database: allocate, agree, approve, reject, grant start, ledger
// post, grant end, review, recover, ledger reverse, ledger export. The model predicts
// the exit code and the figures the command prints (instalments posted and already
// posted, instalments cancelled), works out the schedule its own simple way, and is
// compared with the store: each touched grant after each step, every grant, the trial
// balance and the audit chain at intervals and at the end.
//
// HSG_SIM_SEED=N reruns seed N (the seed is printed on failure); HSG_SIM_OPS=N changes
// the number of operations (default 10,000).
#include <catch2/catch.hpp>

#include <unistd.h>

#include <nlohmann/json.hpp>

#include <cstdlib>
#include <filesystem>
#include <map>
#include <optional>
#include <random>
#include <set>
#include <sstream>
#include <string>
#include <vector>

#include "app/assessment/ruleset_input.h"
#include "cli/commands.h"
#include "db/allocations.h"
#include "db/audit_log.h"
#include "db/database.h"
#include "db/grants.h"
#include "db/ledger.h"
#include "engine/allocate.h"
#include "engine/date.h"
#include "tests/cli/in_process.h"
#include "tests/cli/run_process.h"

namespace {

using hsg::engine::Date;

const std::vector<std::string> kAreas{
    "tenancy_skills", "housing_options", "home_maintenance", "settling_in", "on_call",
    "money",          "health",          "safety",           "social",      "work_learning"};
const std::vector<std::string> kOptions{"none", "advice", "alongside", "monitoring"};
const std::vector<std::string> kActors{"asha", "ben"};

enum class Status { indicative, agreed, pending, approved, rejected };

struct TypeModel {
  std::string key;
  long long indicative = 0;
  long long weeks = 0;
};

struct AllocationModel {
  std::string client;
  long long indicative = 0;
  std::vector<TypeModel> types;
  Status status = Status::indicative;
  long long agreed = 0;
  std::string agreed_by;
  bool has_grant = false;
};

enum class InstalmentState { scheduled, posted, cancelled };

struct InstalmentModel {
  std::string type;
  long long number = 0;
  Date due;
  long long amount = 0;
  InstalmentState state = InstalmentState::scheduled;
  bool reversed = false;
};

struct GrantModel {
  long long allocation = 0;
  Date start;
  std::optional<Date> end;
  std::vector<long long> type_amounts;
  std::vector<InstalmentModel> instalments;
  long long paid = 0;
  long long recovered = 0;
  long long recoveries = 0;
};

struct PostingModel {
  std::string id;
  Date on;
  long long grant = 0;
  long long amount = 0;
  char kind = 'I';  // I, R or X
  bool reversed = false;
  InstalmentModel* instalment = nullptr;
};

struct Outcome {
  int code = 0;
  std::string out;
  std::string err;
};

// The domain's rule, written out independently of engine/: shares by largest remainder
// (ties to the first), then equal instalments with the pennies to the earliest.
std::vector<long long> share(long long agreed, const std::vector<TypeModel>& types) {
  long long total = 0;
  for (const TypeModel& type : types) total += type.indicative;
  std::vector<long long> shares(types.size(), 0);
  if (total == 0) return shares;
  std::vector<long long> remainders(types.size());
  long long given = 0;
  for (std::size_t i = 0; i < types.size(); ++i) {
    const long long exact = agreed * types[i].indicative;  // both at most the limit, 250000
    shares[i] = exact / total;
    remainders[i] = exact % total;
    given += shares[i];
  }
  std::vector<bool> served(types.size(), false);
  for (long long left = agreed - given; left > 0; --left) {
    std::size_t best = types.size();
    for (std::size_t i = 0; i < types.size(); ++i) {
      if (!served[i] && (best == types.size() || remainders[i] > remainders[best])) best = i;
    }
    served[best] = true;
    ++shares[best];
  }
  return shares;
}

class Simulation {
 public:
  Simulation(std::uint64_t seed, std::filesystem::path path)
      : random_(seed), path_(std::move(path)), today_(*Date::parse("2025-01-01")) {}

  Outcome hsg(std::vector<std::string> args) {
    args.push_back("--db");
    args.push_back(path_.string());
    hsg::test::ProcessResult result = hsg::test::run_in_process(args);
    return {result.exit_code, std::move(result.out), std::move(result.err)};
  }

  void setup() {
    REQUIRE(hsg({"init", "--actor", "asha"}).code == 0);
    for (int i = 1; i <= 12; ++i) {
      const std::string ref = "C-" + std::to_string(i);
      REQUIRE(hsg({"client", "add", ref, "--group", i % 2 ? "older_people" : "young_people_at_risk",
                   "--actor", "asha"})
                  .code == 0);
      clients_.push_back(ref);
    }
    // An individual service fund is held by an accredited provider.
    REQUIRE(hsg({"provider", "add", "Acme Support", "--accredited-from", "2024-01-01", "--actor",
                 "asha"})
                .code == 0);
    auto opened = hsg::db::Database::open(path_);
    REQUIRE(opened.ok());
    reader_.emplace(std::move(opened).value());
  }

  void step(long long index) {
    today_ = today_.plus_days(pick(3) == 0 ? 1 : 0).value();
    const int kind = pick(100);
    if (kind < 10) return allocate();
    if (kind < 22) return agree();
    if (kind < 28) return resolve(pick(3) != 0);
    if (kind < 42) return start();
    if (kind < 60) return post();
    if (kind < 65) return end();
    if (kind < 70) return review();
    if (kind < 78) return recover();
    if (kind < 84) return reverse();
    if (kind < 90) return export_range();
    if (index % 3 == 0) return post();
    return allocate();
  }

  void check_everything(bool with_audit) {
    for (const auto& [id, grant] : grants_) check_grant(id);
    auto balances = hsg::db::LedgerRepository(*reader_).balance(std::nullopt);
    REQUIRE(balances.ok());
    long long total = 0;
    for (const auto& account : balances.value()) total += account.balance_pence;
    REQUIRE(total == 0);
    if (!with_audit) return;
    auto report = hsg::db::AuditLog(*reader_).verify();
    REQUIRE(report.ok());
    INFO(report.value().problem);
    REQUIRE(report.value().ok);
  }

  std::string summary() const {
    std::size_t posted = 0;
    for (const PostingModel& posting : postings_) posted += posting.kind == 'I' ? 1 : 0;
    return "allocations " + std::to_string(allocations_.size()) + ", grants " +
           std::to_string(grants_.size()) + ", postings " + std::to_string(postings_.size()) +
           " (" + std::to_string(posted) + " instalments), refusals " + std::to_string(refusals_);
  }
  std::size_t grant_count() const { return grants_.size(); }
  std::size_t posting_count() const { return postings_.size(); }

 private:
  int pick(int below) { return static_cast<int>(random_() % static_cast<unsigned>(below)); }
  std::string actor() { return kActors[static_cast<std::size_t>(pick(2))]; }
  std::string today() const { return today_.to_string(); }

  void expect(const Outcome& outcome, bool success, const std::string& what) {
    INFO(what << " on " << today() << "\nstdout: " << outcome.out << "\nstderr: " << outcome.err);
    REQUIRE(outcome.code == (success ? 0 : 1));
    if (!success) {
      REQUIRE(outcome.out.empty());
      REQUIRE(outcome.err.rfind("hsg: error: ", 0) == 0);
      ++refusals_;
    }
  }

  std::vector<std::string> random_answers() {
    std::vector<std::string> args;
    for (const std::string& area : kAreas) {
      const int roll = pick(10);
      const std::string& option = kOptions[roll < 5 ? 0 : static_cast<std::size_t>(1 + roll % 3)];
      args.push_back("--answer");
      args.push_back(area + "=" + option);
    }
    return args;
  }

  // The allocation as stored, its per-type figures recomputed from its stored answers
  // (the store keeps them as a hash; replay and show recompute them the same way).
  void remember_allocation(long long id, const std::string& client) {
    auto stored = hsg::db::AllocationRepository(*reader_).get(id);
    REQUIRE(stored.ok());
    REQUIRE(stored.value().client_ref == client);
    AllocationModel model{client, stored.value().total.pence(), {}, Status::indicative, 0, {},
                          false};
    const auto answers = hsg::engine::resolve_answers(medway_.ruleset, stored.value().answers);
    REQUIRE(answers.ok());
    const auto allocation = hsg::engine::allocate(medway_.ruleset, answers.value());
    long long sum = 0;
    for (std::size_t i = 0; i < allocation.intervention_count; ++i) {
      const auto& type = allocation.interventions[i];
      model.types.push_back(
          {medway_.ruleset.spec().interventions[i].key, type.amount.pence(), type.weeks});
      sum += model.types.back().indicative;
    }
    REQUIRE(sum == model.indicative);
    REQUIRE(static_cast<long long>(allocations_.size()) + 1 == id);
    allocations_.push_back(std::move(model));
  }

  void allocate() {
    const std::string client = clients_[static_cast<std::size_t>(pick(12))];
    // Simulated days run past the real today.
    std::vector<std::string> args{"allocate",       client,      "--date",  today(),
                                  "--allow-future", "simulated", "--actor", "asha"};
    const auto answers = random_answers();
    args.insert(args.end(), answers.begin(), answers.end());
    const Outcome outcome = hsg(args);
    expect(outcome, true, "allocate");
    remember_allocation(static_cast<long long>(allocations_.size()) + 1, client);
  }

  long long random_allocation() {
    if (allocations_.empty()) return 1;
    // Mostly recent ones, where the action is.
    const long long size = static_cast<long long>(allocations_.size());
    return pick(4) == 0 ? 1 + pick(static_cast<int>(size)) : std::max(1LL, size - pick(5));
  }

  void agree() {
    const long long id = random_allocation();
    const int percent =
        std::vector<int>{100, 100, 95, 91, 89, 120, 50, 0, 105}[static_cast<std::size_t>(pick(9))];
    const std::string who = actor();
    if (allocations_.empty()) {
      expect(hsg({"agree", "1", "--amount", "1", "--reason", "r", "--actor", who}), false,
             "agree with no allocation");
      return;
    }
    AllocationModel& model = allocations_[static_cast<std::size_t>(id - 1)];
    const long long amount = model.indicative * percent / 100;
    const std::string text = std::to_string(amount / 100) + "." + (amount % 100 < 10 ? "0" : "") +
                             std::to_string(amount % 100);
    // A started grant closes its allocation's agreement.
    expect(hsg({"agree", std::to_string(id), "--amount", text, "--reason", "agreed with client",
                "--actor", who}),
           !model.has_grant, "agree");
    if (model.has_grant) return;
    const long long difference =
        amount > model.indicative ? amount - model.indicative : model.indicative - amount;
    // Beyond 10%, or above medway's upper limit of 250000 pence, waits for approval.
    model.status = 100 * difference > 10 * model.indicative || amount > 250000 ? Status::pending
                                                                               : Status::agreed;
    model.agreed = amount;
    model.agreed_by = who;
  }

  void resolve(bool approving) {
    if (allocations_.empty()) return;
    const long long id = random_allocation();
    AllocationModel& model = allocations_[static_cast<std::size_t>(id - 1)];
    const std::string who = actor();
    const bool ok = model.status == Status::pending && who != model.agreed_by;
    expect(hsg({approving ? "approve" : "reject", std::to_string(id), "--reason", "checked",
                "--actor", who}),
           ok, approving ? "approve" : "reject");
    if (ok) model.status = approving ? Status::approved : Status::rejected;
  }

  void start() {
    if (allocations_.empty()) return;
    const long long id = random_allocation();
    AllocationModel& model = allocations_[static_cast<std::size_t>(id - 1)];
    long long indicative_total = 0;
    for (const TypeModel& type : model.types) indicative_total += type.indicative;
    const bool ok = (model.status == Status::agreed || model.status == Status::approved) &&
                    !model.has_grant && !(indicative_total == 0 && model.agreed > 0);
    const int how = pick(3);
    std::vector<std::string> args{"grant",
                                  "start",
                                  std::to_string(id),
                                  "--start",
                                  today(),
                                  "--held-as",
                                  how == 0   ? "direct_payment"
                                  : how == 1 ? "managed_account"
                                             : "isf",
                                  "--actor",
                                  "asha"};
    if (how == 2) {
      args.push_back("--provider");
      args.push_back("Acme Support");
    }
    expect(hsg(args), ok, "grant start");
    if (!ok) return;
    model.has_grant = true;
    const long long grant_id = static_cast<long long>(grants_.size()) + 1;
    GrantModel grant{id, today_, std::nullopt, share(model.agreed, model.types), {}, 0, 0, 0};
    for (std::size_t t = 0; t < model.types.size(); ++t) {
      const long long count = (model.types[t].weeks + 3) / 4;
      const long long amount = grant.type_amounts[t];
      for (long long n = 1; n <= count; ++n) {
        const long long pence = amount / count + (n <= amount % count ? 1 : 0);
        if (pence == 0) break;
        grant.instalments.push_back({model.types[t].key, n,
                                     today_.plus_days(static_cast<int>((n - 1) * 28)).value(),
                                     pence, InstalmentState::scheduled, false});
      }
    }
    grants_.emplace(grant_id, std::move(grant));
    check_grant(grant_id);
  }

  void post() {
    const Date through = today_.plus_days(pick(4) == 0 ? 30 : 0).value();
    long long expected_posted = 0;
    long long expected_already = 0;
    long long expected_pence = 0;
    std::vector<std::pair<long long, InstalmentModel*>> newly;
    for (auto& [id, grant] : grants_) {
      for (InstalmentModel& instalment : grant.instalments) {
        if (instalment.due > through || instalment.state == InstalmentState::cancelled) continue;
        if (instalment.state == InstalmentState::posted) {
          ++expected_already;
        } else {
          ++expected_posted;
          expected_pence += instalment.amount;
          newly.emplace_back(id, &instalment);
        }
      }
    }
    const Outcome outcome =
        hsg({"ledger", "post", "--through", through.to_string(), "--actor", "finance"});
    expect(outcome, true, "ledger post");
    const std::string first_line = outcome.out.substr(0, outcome.out.find('\n'));
    INFO(outcome.out);
    REQUIRE(first_line.rfind("Posted " + std::to_string(expected_posted) + " instalment(s)", 0) ==
            0);
    REQUIRE(outcome.out.find("\n" + std::to_string(expected_already) +
                             " instalment(s) due by then were already posted\n") !=
            std::string::npos);
    for (auto& [grant_id, instalment] : newly) {
      instalment->state = InstalmentState::posted;
      grants_.at(grant_id).paid += instalment->amount;
      postings_.push_back({"I-" + std::to_string(grant_id) + "-" + instalment->type + "-" +
                               std::to_string(instalment->number),
                           instalment->due, grant_id, instalment->amount, 'I', false, instalment});
    }
  }

  long long random_grant() {
    if (grants_.empty()) return 1;
    const long long size = static_cast<long long>(grants_.size());
    return pick(3) == 0 ? 1 + pick(static_cast<int>(size)) : std::max(1LL, size - pick(4));
  }

  // Ends `grant` at `end_on` in the model; the number of instalments cancelled.
  long long end_in_model(GrantModel& grant, Date end_on) {
    grant.end = end_on;
    long long cancelled = 0;
    for (InstalmentModel& instalment : grant.instalments) {
      if (instalment.due > end_on && instalment.state == InstalmentState::scheduled) {
        instalment.state = InstalmentState::cancelled;
        ++cancelled;
      }
    }
    return cancelled;
  }

  void end() {
    if (grants_.empty()) return;
    const long long id = random_grant();
    GrantModel& grant = grants_.at(id);
    const Date end_on = today_.plus_days(pick(5) == 0 ? -40 : 0).value();
    const bool ok = !grant.end && end_on >= grant.start.plus_days(-1).value();
    const Outcome outcome = hsg({"grant", "end", std::to_string(id), "--date", end_on.to_string(),
                                 "--reason", "moved", "--actor", "asha"});
    expect(outcome, ok, "grant end");
    if (!ok) return;
    const long long cancelled = end_in_model(grant, end_on);
    INFO(outcome.out);
    REQUIRE(outcome.out.rfind("Grant " + std::to_string(id) + " ended on " + end_on.to_string() +
                                  ": " + std::to_string(cancelled) + " unposted",
                              0) == 0);
    check_grant(id);
  }

  void review() {
    if (grants_.empty()) return;
    const long long id = random_grant();
    GrantModel& grant = grants_.at(id);
    const bool ok = !grant.end && today_ >= grant.start;
    std::vector<std::string> args{"grant",     "review",  std::to_string(id),
                                  "--date",    today(),   "--allow-future",
                                  "simulated", "--actor", "asha"};
    const auto answers = random_answers();
    args.insert(args.end(), answers.begin(), answers.end());
    const Outcome outcome = hsg(args);
    expect(outcome, ok, "grant review");
    if (!ok) return;
    const std::string client = allocations_[static_cast<std::size_t>(grant.allocation - 1)].client;
    remember_allocation(static_cast<long long>(allocations_.size()) + 1, client);
    const long long cancelled = end_in_model(grant, today_.plus_days(-1).value());
    REQUIRE(outcome.out.find("ended on " + today_.plus_days(-1).value().to_string() + ": " +
                             std::to_string(cancelled) + " unposted") != std::string::npos);
    check_grant(id);
  }

  void recover() {
    if (grants_.empty()) return;
    const long long id = random_grant();
    GrantModel& grant = grants_.at(id);
    const long long recoverable = grant.paid - grant.recovered;
    const long long amount =
        1 + pick(static_cast<int>(std::max(0LL, std::min(recoverable, 100000LL)) + 50));
    const bool ok = amount <= recoverable && today_ >= grant.start;
    const std::string text = std::to_string(amount / 100) + "." + (amount % 100 < 10 ? "0" : "") +
                             std::to_string(amount % 100);
    expect(hsg({"grant", "recover", std::to_string(id), "--amount", text, "--reason",
                "unspent surplus", "--date", today(), "--actor", "finance"}),
           ok, "grant recover");
    if (!ok) return;
    grant.recovered += amount;
    ++grant.recoveries;
    postings_.push_back({"R-" + std::to_string(id) + "-" + std::to_string(grant.recoveries), today_,
                         id, amount, 'R', false, nullptr});
    check_grant(id);
  }

  void reverse() {
    std::vector<std::size_t> candidates;
    for (std::size_t i = 0; i < postings_.size(); ++i) {
      if (postings_[i].kind != 'X') candidates.push_back(i);
    }
    if (candidates.empty()) return;
    const std::size_t index =
        candidates[candidates.size() - 1 -
                   static_cast<std::size_t>(
                       pick(static_cast<int>(std::min<std::size_t>(candidates.size(), 20))))];
    PostingModel original = postings_[index];
    const Date on = today_.plus_days(pick(6) == 0 ? -30 : 0).value();
    GrantModel& grant = grants_.at(original.grant);
    const long long paid = grant.paid - (original.kind == 'I' ? original.amount : 0);
    const long long recovered = grant.recovered - (original.kind == 'R' ? original.amount : 0);
    const bool ok = !original.reversed && on >= original.on && paid >= recovered;
    expect(hsg({"ledger", "reverse", original.id, "--reason", "correction", "--date",
                on.to_string(), "--actor", "finance"}),
           ok, "ledger reverse " + original.id);
    if (!ok) return;
    postings_[index].reversed = true;
    if (original.kind == 'I') {
      grant.paid -= original.amount;
      original.instalment->reversed = true;
    } else {
      grant.recovered -= original.amount;
    }
    postings_.push_back(
        {"X-" + original.id, on, original.grant, original.amount, 'X', false, nullptr});
    check_grant(original.grant);
  }

  void export_range() {
    const Date from = today_.plus_days(-pick(200)).value();
    const Date to = today_.plus_days(pick(40)).value();
    const Outcome outcome = hsg({"ledger", "export", "--from", from.to_string(), "--to",
                                 to.to_string(), "--format", "csv"});
    expect(outcome, true, "ledger export");
    std::istringstream lines(outcome.out);
    std::string line;
    std::getline(lines, line);
    REQUIRE(line ==
            "posting_id,line,date,account,cost_centre,debit,credit,amount,client_ref,grant_id,"
            "intervention,description,reverses\r");
    std::set<std::string> seen;
    long long debits = 0;
    long long credits = 0;
    auto pence = [](std::string text) {
      text.erase(text.find('.'), 1);
      return std::stoll(text);
    };
    while (std::getline(lines, line)) {
      std::vector<std::string> fields;
      std::istringstream parts(line);
      std::string field;
      while (std::getline(parts, field, ',')) fields.push_back(field);
      REQUIRE(fields.size() >= 8);
      seen.insert(fields[0]);
      debits += pence(fields[5]);
      credits += pence(fields[6]);
      REQUIRE(pence(fields[7]) == pence(fields[5]) - pence(fields[6]));
    }
    REQUIRE(debits == credits);
    std::set<std::string> expected;
    for (const PostingModel& posting : postings_) {
      if (posting.on >= from && posting.on < to) expected.insert(posting.id);
    }
    REQUIRE(seen == expected);
  }

  void check_grant(long long id) {
    const GrantModel& model = grants_.at(id);
    auto stored = hsg::db::GrantRepository(*reader_).get(id);
    REQUIRE(stored.ok());
    const hsg::db::GrantDetail& detail = stored.value();
    INFO("grant " << id);
    REQUIRE(detail.grant.allocation_id == model.allocation);
    REQUIRE(detail.grant.start_on == model.start);
    REQUIRE(detail.end.has_value() == model.end.has_value());
    if (model.end) REQUIRE(detail.end->end_on == *model.end);
    REQUIRE(detail.interventions.size() == model.type_amounts.size());
    for (std::size_t t = 0; t < model.type_amounts.size(); ++t) {
      REQUIRE(detail.interventions[t].amount.pence() == model.type_amounts[t]);
    }
    REQUIRE(detail.instalments.size() == model.instalments.size());
    for (std::size_t i = 0; i < model.instalments.size(); ++i) {
      const InstalmentModel& expected = model.instalments[i];
      const hsg::db::InstalmentState& actual = detail.instalments[i];
      REQUIRE(actual.instalment.intervention == expected.type);
      REQUIRE(actual.instalment.number == expected.number);
      REQUIRE(actual.instalment.due_on == expected.due);
      REQUIRE(actual.instalment.amount.pence() == expected.amount);
      using hsg::db::InstalmentStatus;
      const InstalmentStatus status =
          expected.state == InstalmentState::cancelled   ? InstalmentStatus::cancelled
          : expected.state == InstalmentState::scheduled ? InstalmentStatus::scheduled
          : expected.reversed                            ? InstalmentStatus::reversed
                                                         : InstalmentStatus::posted;
      REQUIRE(actual.status == status);
    }
    REQUIRE(detail.paid.pence() == model.paid);
    REQUIRE(detail.recovered.pence() == model.recovered);
  }

  std::mt19937_64 random_;
  std::filesystem::path path_;
  Date today_;
  std::vector<std::string> clients_;
  std::vector<AllocationModel> allocations_;
  std::map<long long, GrantModel> grants_;
  std::vector<PostingModel> postings_;
  std::optional<hsg::db::Database> reader_;
  const hsg::rules::LoadedRuleset medway_ = hsg::app::load_ruleset_or_builtin(std::nullopt);
  long long refusals_ = 0;
};

std::uint64_t seed_to_use() {
  if (const char* text = std::getenv("HSG_SIM_SEED"); text && *text) {
    return std::stoull(text);
  }
  return std::random_device()();
}

long long operations_to_run() {
  if (const char* text = std::getenv("HSG_SIM_OPS"); text && *text) return std::stoll(text);
  return 10'000;
}

}  // namespace

TEST_CASE("simulation: random grant and ledger operations agree with the model") {
  const std::uint64_t seed = seed_to_use();
  const long long operations = operations_to_run();
  INFO("seed " << seed << " (rerun with HSG_SIM_SEED=" << seed << ")");
  // Durability is not under test here and every write fsyncs (synchronous=FULL), so the
  // database goes on memory-backed /dev/shm where there is one.
  if (std::filesystem::is_directory("/dev/shm") && access("/dev/shm", W_OK) == 0) {
    setenv("TMPDIR", "/dev/shm", 1);
  }
  hsg::test::TempDir dir;
  Simulation simulation(seed, dir / "hsg.db");
  simulation.setup();
  for (long long index = 1; index <= operations; ++index) {
    INFO("operation " << index);
    simulation.step(index);
    if (index % 250 == 0) simulation.check_everything(index % 2500 == 0);
  }
  simulation.check_everything(true);
  // The run must have exercised what it claims to.
  CHECK(static_cast<long long>(simulation.grant_count()) > operations / 200);
  CHECK(static_cast<long long>(simulation.posting_count()) > operations / 20);
  WARN("seed " << seed << ": " << simulation.summary());
}
