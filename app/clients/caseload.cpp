#include "app/clients/caseload.h"

#include <fmt/format.h>

#include <algorithm>
#include <cctype>

#include "app/assessment/record_allocation.h"
#include "app/unwrap.h"
#include "db/allocations.h"
#include "db/client_groups.h"
#include "engine/allocate.h"

namespace hsg::app {

namespace {

bool contains_folded(std::string_view text, std::string_view part) {
  const auto folded = [](char c) {
    return static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  };
  const auto found =
      std::search(text.begin(), text.end(), part.begin(), part.end(),
                  [&](char left, char right) { return folded(left) == folded(right); });
  return part.empty() || found != text.end();
}

std::optional<engine::Date> next_review(StoredRulesets& rulesets,
                                        const db::StoredAllocation& allocation) {
  const rules::LoadedRuleset& loaded = rulesets.stored(allocation.ruleset_id);
  auto answers = engine::resolve_answers(loaded.ruleset, allocation.answers);
  if (!answers.ok()) {
    throw Refusal(fmt::format("allocation {}'s stored answers no longer resolve", allocation.id));
  }
  const engine::Allocation computed = engine::allocate(loaded.ruleset, answers.value());
  std::optional<engine::Date> earliest;
  for (std::size_t t = 0; t < computed.intervention_count; ++t) {
    const engine::InterventionResult& result = computed.interventions[t];
    // An allowance has no level and is always given, so it is always reviewed.
    const bool allowance = loaded.ruleset.spec().interventions[t].is_allowance();
    if (result.level == engine::Level::none && !allowance) continue;
    const auto review_on = allocation.assessed_on.plus_days(result.weeks * 7);
    if (review_on && (!earliest || *review_on < *earliest)) earliest = review_on;
  }
  return earliest;
}

}  // namespace

Result<Caseload> caseload(db::Database& database, const CaseloadQuery& query) {
  return attempt([&] {
    std::optional<std::string_view> group_key;
    if (query.group) {
      group_key = db::parse_client_group(*query.group);
      if (!group_key) throw Refusal(db::unknown_client_group_message(*query.group));
    }
    db::AllocationRepository allocations(database);
    db::DecisionRepository decisions(database);
    StoredRulesets rulesets(database);
    Caseload found;
    for (db::Client& client : unwrap(db::ClientRepository(database).list())) {
      if (!contains_folded(client.ref, query.ref)) continue;
      if (group_key && client.group != *group_key) continue;
      CaseloadEntry entry{std::move(client), std::nullopt};
      const std::vector<db::StoredAllocation> recorded =
          unwrap(allocations.for_client(entry.client.ref));
      if (!recorded.empty()) {
        const db::StoredAllocation& last = recorded.back();
        entry.latest =
            LatestAllocation{last.id, last.assessed_on, last.total,
                             unwrap(decisions.state(last.id)).status, next_review(rulesets, last)};
      }
      if (query.review_due) {
        const bool due = entry.latest && entry.latest->next_review &&
                         !(*query.review_due < *entry.latest->next_review);
        if (!due) continue;
      }
      if (found.entries.size() == kMaxCaseloadRows) {
        found.truncated = true;
        break;
      }
      found.entries.push_back(std::move(entry));
    }
    return found;
  });
}

}  // namespace hsg::app
