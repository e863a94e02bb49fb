#include "app/outcomes/outcome_returns.h"

#include "app/unwrap.h"

namespace hsg::app {

namespace {

std::int64_t count_of(const std::vector<engine::OutcomeAnswer>& answers,
                      bool engine::OutcomeAnswer::*flag) {
  std::int64_t count = 0;
  for (const engine::OutcomeAnswer& answer : answers) count += answer.*flag ? 1 : 0;
  return count;
}

}  // namespace

Result<RecordedOutcomes> record_outcomes(db::Database& database, const db::Stamp& stamp,
                                         const db::NewOutcomeReturn& outcome_return) {
  return attempt([&] {
    RecordedOutcomes recorded{unwrap(db::OutcomeRepository(database).record(stamp, outcome_return)),
                              0, 0};
    recorded.needed = count_of(recorded.stored.answers, &engine::OutcomeAnswer::needed);
    recorded.achieved = count_of(recorded.stored.answers, &engine::OutcomeAnswer::achieved);
    return recorded;
  });
}

Result<std::vector<OutcomeVersion>> outcomes_of_grant(db::Database& database,
                                                      std::int64_t grant_id) {
  return attempt([&] {
    const auto returns = unwrap(db::OutcomeRepository(database).of_grant(grant_id));
    std::vector<OutcomeVersion> versions;
    versions.reserve(returns.size());
    for (std::size_t i = 0; i < returns.size(); ++i) {
      // Versions of one date come together, oldest first.
      const bool latest =
          i + 1 == returns.size() || returns[i + 1].return_on != returns[i].return_on;
      versions.push_back({returns[i], latest});
    }
    return versions;
  });
}

}  // namespace hsg::app
