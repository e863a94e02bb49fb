#include "app/assessment/allocate_client.h"

#include "app/assessment/record_allocation.h"
#include "app/unwrap.h"
#include "db/write_transaction.h"

namespace hsg::app {

Result<AllocatedClient> allocate_client(db::Database& database, const db::Stamp& stamp,
                                        const AllocateRequest& request,
                                        const AnswersSource& answers_for) {
  return attempt([&] {
    refuse_future_date(request.future, request.date, "the assessment date");
    // Which rule set is in force is read under the write lock, so an adoption or
    // retirement committed meanwhile cannot leave this allocation under a rule set no
    // longer in force.
    auto transaction = unwrap(db::WriteTransaction::begin(database));
    std::optional<RulesOption> named;
    if (request.rules) named = load_rules_option(*request.rules, &database);
    StoredRulesets rulesets(database);
    const rules::LoadedRuleset& ruleset =
        rulesets.for_recording(named ? &*named : nullptr, request.date);
    engine::Answers answers = answers_for(ruleset);
    const NewAssessment assessment{request.client_ref, request.date, stamp.actor};
    RecordedAllocation recorded = record_allocation(database, stamp, ruleset, assessment, answers);
    note_future_date(database, stamp, request.future, recorded.id, request.date);
    unwrap(transaction.commit());
    return AllocatedClient{recorded.id, std::move(named), ruleset, std::move(answers),
                           std::move(recorded.traced)};
  });
}

}  // namespace hsg::app
