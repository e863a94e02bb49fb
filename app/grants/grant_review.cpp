#include "app/grants/grant_review.h"

#include <fmt/core.h>

#include "app/unwrap.h"
#include "db/write_transaction.h"

namespace hsg::app {

namespace {

db::GrantDetail grant_to_review(db::Database& database, std::int64_t grant_id) {
  db::GrantDetail old = unwrap(db::GrantRepository(database).get(grant_id));
  if (old.end) {
    throw Refusal(
        fmt::format("grant {} already ended on {}; review its client with hsg "
                    "allocate instead",
                    grant_id, old.end->end_on.to_string()));
  }
  return old;
}

// The old grant ends the day before the review date.
engine::Date end_on_of(engine::Date review_date) {
  const auto end_on = review_date.plus_days(-1);
  if (!end_on) {
    throw Refusal(
        fmt::format("the review date {} leaves no day before it for the old grant to "
                    "end on",
                    review_date.to_string()));
  }
  return *end_on;
}

}  // namespace

Result<ReviewedGrant> review_grant(db::Database& database, const db::Stamp& stamp,
                                   const ReviewRequest& request, const AnswersSource& answers_for) {
  return attempt([&] {
    const engine::Date end_on = end_on_of(request.date);
    refuse_future_date(request.future, request.date, "the review date");
    auto transaction = unwrap(db::WriteTransaction::begin(database));
    ReviewedGrant reviewed{grant_to_review(database, request.grant_id), std::nullopt, {}, {}};
    if (request.rules) reviewed.named = load_rules_option(*request.rules, &database);
    StoredRulesets rulesets(database);
    const rules::LoadedRuleset& ruleset =
        rulesets.for_recording(reviewed.named ? &*reviewed.named : nullptr, request.date);
    const engine::Answers answers = answers_for(ruleset);
    reviewed.recorded = record_allocation(
        database, stamp, ruleset,
        NewAssessment{reviewed.old.grant.client_ref, request.date, stamp.actor}, answers);
    note_future_date(database, stamp, request.future, reviewed.recorded.id, request.date);
    reviewed.ended = unwrap(db::GrantRepository(database).end(
        stamp, request.grant_id, end_on, request.reason, reviewed.recorded.id));
    unwrap(transaction.commit());
    return reviewed;
  });
}

}  // namespace hsg::app
