// hsg audit log --client end to end: a client's history holds every kind of record of
// that client (allocation, decision, grant, instalments, postings, plan, outcomes,
// recovery, end and cancellations, purchases and their sign-off or refusal) and nothing of another
// client, so that together with the events about no client (rule sets, providers) the clients'
// histories are the log.
#include <catch2/catch.hpp>

#include <set>
#include <sstream>
#include <string>
#include <vector>

#include "tests/cli/store_fixture.h"

using hsg::test::StoreFixture;

namespace {

const std::string kExamples = HSG_SOURCE_DIR "/docs/examples/";

// Client `ref` assessed as the worked example, agreed, started as an individual service
// fund with the support plan of docs/examples, and an exit outcome return.
void full_history(const StoreFixture& store, const std::string& ref, const std::string& id) {
  store.ok({"client", "add", ref, "--group", "Older people with support needs", "--actor", "asha"});
  store.ok({"allocate", ref, "--answers", kExamples + "worked-example.toml", "--date", "2025-01-15",
            "--actor", "asha"});
  store.ok({"agree", id, "--amount", "2405.00", "--reason", "as assessed", "--actor", "asha"});
  store.ok({"grant", "start", id, "--start", "2025-02-03", "--held-as", "isf", "--provider",
            "Medway Housing Support Ltd", "--actor", "asha"});
  store.ok({"plan", "set", id, "--file", kExamples + "support-plan.toml", "--date", "2025-02-03",
            "--actor", "asha"});
}

std::vector<std::string> lines_of(const std::string& text) {
  std::vector<std::string> lines;
  std::istringstream in(text);
  for (std::string line; std::getline(in, line);) lines.push_back(line);
  return lines;
}

// The fourth word of each line (seq, at, actor, action): the action.
std::set<std::string> actions_of(const std::vector<std::string>& lines) {
  std::set<std::string> actions;
  for (const std::string& line : lines) {
    std::istringstream words(line);
    std::string seq, at, actor, action;
    words >> seq >> at >> actor >> action;
    actions.insert(action);
  }
  return actions;
}

}  // namespace

TEST_CASE("audit log --client: every kind of record of the client and no other client's") {
  const StoreFixture store(false);
  store.ok({"init", "--actor", "asha"});
  store.ok({"provider", "add", "Medway Housing Support Ltd", "--accredited-from", "2024-04-01",
            "--actor", "asha"});
  full_history(store, "C-1", "1");
  full_history(store, "C-2", "2");
  store.ok({"ledger", "post", "--through", "2025-02-28", "--actor", "fin"});
  for (const std::string amount : {"200.00", "300.00"}) {
    store.ok({"spend", "record", "1", "--date", "2025-02-10", "--amount", amount, "--description",
              "course", "--objective", "tenancy", "--actor", "asha"});
  }
  store.ok({"spend", "approve", "1", "1", "--date", "2025-02-11", "--actor", "sam"});
  store.ok({"spend", "refuse", "1", "2", "--date", "2025-02-11", "--reason", "not now", "--actor",
            "sam"});
  store.ok({"outcome", "record", "1", "--date", "2025-04-28", "--file",
            kExamples + "outcomes-exit.toml", "--actor", "asha"});
  store.ok({"grant", "recover", "1", "--amount", "10.00", "--reason", "unspent", "--date",
            "2025-03-28", "--actor", "fin"});
  store.ok(
      {"grant", "end", "1", "--date", "2025-03-31", "--reason", "moved away", "--actor", "asha"});

  const auto one = lines_of(store.ok({"audit", "log", "--client", "C-1"}).out);
  const auto two = lines_of(store.ok({"audit", "log", "--client", "C-2"}).out);
  const auto all = lines_of(store.ok({"audit", "log"}).out);

  CHECK(actions_of(one) ==
        std::set<std::string>{"client.add", "allocation.record", "decision.agree", "grant.start",
                              "grant.intervention", "instalment.schedule", "plan.set",
                              "plan.objective", "plan.use", "posting.add", "posting.line",
                              "outcome.record", "outcome.answer", "recovery.record", "grant.end",
                              "instalment.cancel", "purchase.record", "purchase.approve",
                              "purchase.refuse"});
  CHECK(actions_of(two) ==
        std::set<std::string>{"client.add", "allocation.record", "decision.agree", "grant.start",
                              "grant.intervention", "instalment.schedule", "plan.set",
                              "plan.objective", "plan.use", "posting.add", "posting.line"});
  // Exact counts, so a doubled or a missing event shows: the log, less the events about
  // no client, is the two histories, each event once.
  std::multiset<std::string> clients(one.begin(), one.end());
  clients.insert(two.begin(), two.end());
  std::multiset<std::string> rest;
  for (const std::string& line : all) {
    const std::string action = *actions_of({line}).begin();
    if (action.starts_with("ruleset.") || action.starts_with("provider.")) continue;
    rest.insert(line);
  }
  CHECK(clients == rest);
  CHECK(store.sql("SELECT count(*) FROM audit_events WHERE action NOT LIKE 'ruleset.%' AND "
                  "action NOT LIKE 'provider.%';") ==
        std::to_string(one.size() + two.size()) + "\n");
}
