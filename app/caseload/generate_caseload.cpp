#include "app/caseload/generate_caseload.h"

#include <fmt/core.h>

#include "app/assessment/allocation_pipeline.h"
#include "app/assessment/record_allocation.h"
#include "app/caseload/caseload_generator.h"
#include "app/unwrap.h"
#include "db/clients.h"
#include "db/generations.h"
#include "db/write_transaction.h"

namespace hsg::app {

namespace {

constexpr std::int64_t kMaxClients = 10'000'000;

// A generated case with the rule set in force on its date and its answers under it.
struct PlannedCase {
  GeneratedCase generated;
  const rules::LoadedRuleset* ruleset = nullptr;
  engine::Answers answers;
};

// Refuses a store holding clients a generation did not add, unless `force`; whether
// it holds any (so the generation is recorded as forced).
bool check_only_generated(db::GenerationRepository& generations, bool force) {
  const std::int64_t others = unwrap(generations.clients_not_generated());
  if (others == 0 || force) return others != 0;
  throw Refusal(fmt::format(
      "the database holds {} {} that hsg generate did not add; synthetic clients are not "
      "to be mixed with real ones, so nothing was generated (use a new database, or add "
      "--force to generate here anyway)",
      others, others == 1 ? "client" : "clients"));
}

// The cases of the caseload, in order, each with the rule set in force on its date.
class CasePlanner {
 public:
  CasePlanner(StoredRulesets& rulesets, const GenerateRequest& request,
              const rules::LoadedRuleset& first)
      : rulesets_(rulesets),
        request_(request),
        generator_(first.ruleset, request.seed, request.from) {}

  std::optional<PlannedCase> next() {
    if (planned_ == request_.clients) return std::nullopt;
    ++planned_;
    GeneratedCase generated = generator_.next();
    refuse_future_date(request_.future, generated.assessed_on,
                       fmt::format("the assessment of {}, dated", generated.client_ref));
    const rules::LoadedRuleset& ruleset = rulesets_.in_force_on(generated.assessed_on);
    auto answers = engine::Answers::from_indices(ruleset.ruleset, generated.options);
    // The words (and the pointer to the command's help) `hsg generate` has always given.
    if (!answers.ok()) {
      throw Refusal(
          "the rule sets of the year do not share their questions (see 'hsg generate --help')");
    }
    return PlannedCase{std::move(generated), &ruleset, answers.value()};
  }

 private:
  StoredRulesets& rulesets_;
  const GenerateRequest& request_;
  CaseloadGenerator generator_;
  std::int64_t planned_ = 0;
};

// What the front end checks as it reads the request, checked again here: the loop over
// the clients has a bound, and every assessment date exists.
void refuse_out_of_range(const GenerateRequest& request) {
  if (request.clients < 1 || request.clients > kMaxClients) {
    throw Refusal(fmt::format("a caseload is 1 to 10,000,000 clients, not {}", request.clients));
  }
  if (!request.from.plus_days(364)) {
    throw Refusal(fmt::format("the year from {} runs past {}, the last date hsg handles",
                              request.from.to_string(), engine::Date::latest().to_string()));
  }
}

GeneratedCaseload generate(db::Database& database, const GenerateRequest& request,
                           ProgressListener& progress) {
  refuse_out_of_range(request);
  // The rule sets in force are read under the write lock (see record_allocation).
  db::WriteTransaction transaction = unwrap(db::WriteTransaction::begin_unit(database));
  StoredRulesets rulesets(database);
  // Answers are drawn against the rule set in force at the start of the year.
  CasePlanner planner(rulesets, request, rulesets.in_force_on(request.from));
  db::GenerationRepository generations(database);
  GeneratedCaseload result{request.clients, {}, check_only_generated(generations, request.force)};
  db::ClientRepository clients(database);
  progress.started("generating", request.clients);
  std::int64_t done = 0;
  db::NewGeneration generation{request.seed, request.from, request.clients, "", "", result.forced};
  record_pipelined<PlannedCase>(
      [&] { return planner.next(); },
      [](const PlannedCase& planned) {
        const GeneratedCase& generated = planned.generated;
        return prepare_allocation(*planned.ruleset,
                                  {generated.client_ref, generated.assessed_on, generated.assessor},
                                  planned.answers);
      },
      [&](const PlannedCase& planned, const PreparedAllocation& prepared) {
        const GeneratedCase& generated = planned.generated;
        unwrap(clients.add(request.stamp, {generated.client_ref, generated.group_key,
                                           generated.asc_funded, std::nullopt}));
        const std::int64_t id = store_allocation(database, request.stamp, prepared);
        note_future_date(database, request.stamp, request.future, id, generated.assessed_on);
        if (done == 0) generation.first_client_ref = generated.client_ref;
        generation.last_client_ref = generated.client_ref;
        result.indicative_total += prepared.traced.allocation.total;
        progress.advanced(++done);
      });
  unwrap(generations.record(request.stamp, generation));
  unwrap(transaction.commit());
  progress.finished();
  return result;
}

}  // namespace

Result<GeneratedCaseload> generate_caseload(db::Database& database, const GenerateRequest& request,
                                            ProgressListener& progress) {
  return attempt([&] { return generate(database, request, progress); });
}

}  // namespace hsg::app
