#include "app/whatif/whatif_report.h"

#include <fmt/core.h>

#include <algorithm>
#include <exception>
#include <map>
#include <stdexcept>
#include <utility>

#include "app/assessment/record_allocation.h"
#include "app/refusal.h"
#include "app/unwrap.h"
#include "app/whatif/whatif_annualised.h"
#include "app/whatif/whatif_answer_map.h"
#include "app/whatif/whatif_budget.h"
#include "db/client_groups.h"
#include "engine/allocate.h"

namespace hsg::app {

namespace {

using engine::Money;

// A recorded rule set with what comparing under it needs, built once per rule set.
struct RecordedRuleset {
  const rules::LoadedRuleset& loaded;
  AnswerMap answers;
  std::vector<std::size_t> type_slots;  // report type of each of its interventions
};

// Annualised sums beside a WhatifFigures, read once at the end.
struct AnnualisedPair {
  AnnualisedSum before;
  AnnualisedSum after;
};

void add_figures(WhatifFigures& figures, Money before, Money after) {
  figures.before += before;
  figures.after += after;
}

void annualise(AnnualisedSum& sum, const engine::InterventionResult& result) {
  if (result.amount.pence() > 0) sum.add(result.amount, result.weeks);
}

void read_annualised(WhatifFigures& figures, const AnnualisedPair& sums) {
  figures.annualised_before = sums.before.rounded();
  figures.annualised_after = sums.after.rounded();
}

std::int64_t absolute_change(const WhatifMover& mover) {
  const std::int64_t change = (mover.after - mover.before).pence();
  return change < 0 ? -change : change;
}

// Larger absolute change first; equal changes in client reference order.
bool moves_more(const WhatifMover& a, const WhatifMover& b) {
  const std::int64_t change_a = absolute_change(a);
  const std::int64_t change_b = absolute_change(b);
  if (change_a != change_b) return change_a > change_b;
  return a.client_ref < b.client_ref;
}

// The smallest width of the form 1, 2, 2.5 or 5 × 10^k pence that covers (0, max] in at
// most 10 bins, so bin edges are round amounts.
std::int64_t bin_width_for(std::int64_t max_pence) {
  constexpr std::int64_t kMaxBins = 10;
  for (std::int64_t power = 1;; power *= 10) {
    // 2.5 × 10^k is a whole number of pence only from 10p up.
    const std::int64_t two_and_a_half = power >= 10 ? 25 * power / 10 : 2 * power;
    for (const std::int64_t width : {power, 2 * power, two_and_a_half, 5 * power}) {
      if ((max_pence + width - 1) / width <= kMaxBins) return width;
    }
  }
}

class WhatifRun {
 public:
  WhatifRun(db::Database& database, const rules::LoadedRuleset& candidate,
            const WhatifRequest& request, const WhatifObserver& observe)
      : database_(database),
        stored_rulesets_(database),
        candidate_(candidate),
        candidate_answers_(candidate.ruleset),
        request_(request),
        observe_(observe),
        rate_totals_(candidate.ruleset) {
    const engine::RulesetSpec& spec = candidate.ruleset.spec();
    report_.candidate = {candidate.id,     spec.name,        spec.version,
                         candidate.source, spec.hourly_rate, spec.upper_limit};
    report_.as_of = request.as_of;
    report_.group_key = request.group_key;
    for (const engine::InterventionSpec& type : spec.interventions) slot_for(type);
    for (const db::ClientGroup& group : db::client_groups()) {
      groups_.push_back({std::string(group.key), std::string(group.name), 0, {}});
    }
    group_annualised_.resize(groups_.size());
  }

  WhatifReport run() {
    db::AllocationRepository allocations(database_);
    unwrap(allocations.for_each_latest(
        request_.as_of, request_.group_key,
        [&](const db::StoredAllocation& stored, std::string_view group_key) {
          // An exception must not become the store's "cannot read" error: it is kept and
          // rethrown as it was, so an internal error still exits 2.
          try {
            visit(stored, group_key);
            return true;
          } catch (...) {
            failure_ = std::current_exception();
            return false;
          }
        }));
    if (failure_) std::rethrow_exception(failure_);
    finish();
    return std::move(report_);
  }

 private:
  std::size_t slot_for(const engine::InterventionSpec& type) {
    for (std::size_t slot = 0; slot < report_.types.size(); ++slot) {
      if (report_.types[slot].key == type.key) return slot;
    }
    report_.types.push_back({type.key, type.label, {}, {}, 0});
    type_annualised_.emplace_back();
    return report_.types.size() - 1;
  }

  const RecordedRuleset& recorded(const db::StoredAllocation& stored) {
    if (last_recorded_ && last_recorded_id_ == stored.ruleset_id) return *last_recorded_;
    auto found = recorded_.find(stored.ruleset_id);
    if (found == recorded_.end()) {
      const rules::LoadedRuleset& loaded = stored_rulesets_.stored(stored.ruleset_id);
      std::vector<std::size_t> slots;
      for (const engine::InterventionSpec& type : loaded.ruleset.spec().interventions) {
        slots.push_back(slot_for(type));
      }
      found = recorded_
                  .emplace(stored.ruleset_id,
                           RecordedRuleset{loaded, AnswerMap(loaded.ruleset), std::move(slots)})
                  .first;
    }
    last_recorded_id_ = stored.ruleset_id;
    last_recorded_ = &found->second;
    return found->second;
  }

  std::size_t group_index(std::string_view key) {
    for (std::size_t i = 0; i < groups_.size(); ++i) {
      if (groups_[i].key == key) return i;
    }
    // A key this hsg does not list (the store refuses them; kept rather than lost).
    groups_.push_back({std::string(key), std::string(key), 0, {}});
    group_annualised_.emplace_back();
    return groups_.size() - 1;
  }

  void visit(const db::StoredAllocation& stored, std::string_view group_key) {
    ++report_.clients;
    const RecordedRuleset& before_rules = recorded(stored);
    const auto before_answers = before_rules.answers.map(stored.answers);
    if (!before_answers.ok()) {
      return unassessable(
          stored, group_key,
          "its answers do not fit its own rule set: " + problems_text(before_answers.problems()));
    }
    const engine::Allocation before =
        engine::allocate(before_rules.loaded.ruleset, before_answers.value());
    if (before.total != stored.total) {
      return unassessable(
          stored, group_key,
          fmt::format("its recorded total £{} is not what its rule set gives (£{}); see 'hsg "
                      "audit replay'",
                      stored.total.to_grouped_string(), before.total.to_grouped_string()));
    }
    const auto after_answers = candidate_answers_.map(stored.answers);
    if (!after_answers.ok()) {
      return unassessable(stored, group_key, problems_text(after_answers.problems()));
    }
    const engine::Allocation after = engine::allocate(candidate_.ruleset, after_answers.value());
    compare(stored, group_key, before_rules, before, after);
    rate_totals_.add(after_answers.value(), after);
    if (observe_) observe_({stored, group_key, after.total, {}});
  }

  void unassessable(const db::StoredAllocation& stored, std::string_view group_key,
                    const std::string& reason) {
    ++report_.unassessable_clients;
    report_.unassessable_before += stored.total;
    if (report_.unassessable.size() < kWhatifListed) {
      report_.unassessable.push_back({stored.client_ref, stored.id, reason});
    }
    if (observe_) observe_({stored, group_key, std::nullopt, reason});
  }

  void compare(const db::StoredAllocation& stored, std::string_view group_key,
               const RecordedRuleset& before_rules, const engine::Allocation& before,
               const engine::Allocation& after) {
    ++report_.assessed;
    if (after.total > before.total) ++report_.up;
    if (after.total < before.total) ++report_.down;
    if (after.total == before.total) ++report_.same;
    add_figures(report_.totals, before.total, after.total);
    const std::size_t group = group_index(group_key);
    ++groups_[group].clients;
    add_figures(groups_[group].figures, before.total, after.total);

    levels_before_.assign(report_.types.size(), engine::Level::none);
    levels_after_.assign(report_.types.size(), engine::Level::none);
    for (std::size_t i = 0; i < before.intervention_count; ++i) {
      const engine::InterventionResult& result = before.interventions[i];
      const std::size_t slot = before_rules.type_slots[i];
      report_.types[slot].figures.before += result.amount;
      levels_before_[slot] = result.level;
      annualise(type_annualised_[slot].before, result);
      annualise(group_annualised_[group].before, result);
      annualise(annualised_.before, result);
    }
    bool at_cliff_edge = false;
    for (std::size_t i = 0; i < after.intervention_count; ++i) {
      const engine::InterventionResult& result = after.interventions[i];
      report_.types[i].figures.after += result.amount;  // candidate types are slots 0..n-1
      levels_after_[i] = result.level;
      annualise(type_annualised_[i].after, result);
      annualise(group_annualised_[group].after, result);
      annualise(annualised_.after, result);
      at_cliff_edge = cliff_edge(stored, i, result) || at_cliff_edge;
    }
    if (at_cliff_edge) ++report_.cliff_edge_clients;
    for (std::size_t slot = 0; slot < report_.types.size(); ++slot) {
      ++report_.types[slot].levels[static_cast<std::size_t>(levels_before_[slot])]
                                  [static_cast<std::size_t>(levels_after_[slot])];
    }
    ++amounts_before_[before.total.pence()];
    ++amounts_after_[after.total.pence()];
    if (after.total != before.total) consider_mover(stored, group_key, before.total, after.total);
  }

  bool cliff_edge(const db::StoredAllocation& stored, std::size_t type,
                  const engine::InterventionResult& result) {
    const bool one_below = result.points_to_next_level == 1;
    const bool on_threshold = result.points_above_threshold == 0;
    if (!one_below && !on_threshold) return false;
    ++report_.types[type].cliff_edges;
    if (report_.cliff_edges.size() < kWhatifListed) {
      report_.cliff_edges.push_back({stored.client_ref, report_.types[type].key, result.score,
                                     result.level, one_below ? result.score + 1 : result.score,
                                     one_below});
    }
    return true;
  }

  void consider_mover(const db::StoredAllocation& stored, std::string_view group_key, Money before,
                      Money after) {
    WhatifMover mover{stored.client_ref, std::string(group_key), stored.id, before, after};
    std::vector<WhatifMover>& movers = report_.movers;
    if (movers.size() == kWhatifMovers && !moves_more(mover, movers.back())) return;
    movers.insert(std::upper_bound(movers.begin(), movers.end(), mover, moves_more),
                  std::move(mover));
    if (movers.size() > kWhatifMovers) movers.pop_back();
  }

  void finish() {
    read_annualised(report_.totals, annualised_);
    for (std::size_t slot = 0; slot < report_.types.size(); ++slot) {
      read_annualised(report_.types[slot].figures, type_annualised_[slot]);
    }
    for (std::size_t i = 0; i < groups_.size(); ++i) {
      if (groups_[i].clients == 0) continue;
      read_annualised(groups_[i].figures, group_annualised_[i]);
      report_.groups.push_back(std::move(groups_[i]));
    }
    distribution();
    // The budget search computes totals its own way; at the candidate's own rate it must
    // agree with the client-by-client total.
    if (rate_totals_.total_at(report_.candidate.hourly_rate) != report_.totals.after) {
      throw std::logic_error("what-if totals by level combination disagree with the caseload");
    }
    if (request_.budget) report_.budget = rate_totals_.search(*request_.budget);
  }

  void distribution() {
    std::int64_t max_pence = 0;
    if (!amounts_before_.empty()) max_pence = std::max(max_pence, amounts_before_.rbegin()->first);
    if (!amounts_after_.empty()) max_pence = std::max(max_pence, amounts_after_.rbegin()->first);
    const std::int64_t width = bin_width_for(std::max<std::int64_t>(max_pence, 1));
    const std::int64_t bins = (max_pence + width - 1) / width;
    report_.bin_width = Money::from_pence(width);
    report_.distribution.push_back({Money(), Money(), 0, 0});
    for (std::int64_t bin = 0; bin < bins; ++bin) {
      report_.distribution.push_back(
          {Money::from_pence(bin * width), Money::from_pence((bin + 1) * width), 0, 0});
    }
    const auto bin_of = [&](std::int64_t pence) {
      return pence <= 0 ? 0 : static_cast<std::size_t>((pence - 1) / width) + 1;
    };
    for (const auto& [pence, clients] : amounts_before_) {
      report_.distribution[bin_of(pence)].before += clients;
    }
    for (const auto& [pence, clients] : amounts_after_) {
      report_.distribution[bin_of(pence)].after += clients;
    }
  }

  db::Database& database_;
  StoredRulesets stored_rulesets_;
  const rules::LoadedRuleset& candidate_;
  AnswerMap candidate_answers_;
  const WhatifRequest& request_;
  const WhatifObserver& observe_;
  RateTotals rate_totals_;
  WhatifReport report_;
  std::map<std::string, RecordedRuleset> recorded_;
  std::string last_recorded_id_;
  const RecordedRuleset* last_recorded_ = nullptr;
  std::vector<WhatifGroup> groups_;
  std::vector<AnnualisedPair> group_annualised_;
  std::vector<AnnualisedPair> type_annualised_;
  AnnualisedPair annualised_;
  // Clients per grant amount: as many entries as distinct amounts, which the rule sets
  // bound (one per combination of levels), not the caseload.
  std::map<std::int64_t, std::int64_t> amounts_before_;
  std::map<std::int64_t, std::int64_t> amounts_after_;
  // Each client's level per report type, reused from client to client.
  std::vector<engine::Level> levels_before_;
  std::vector<engine::Level> levels_after_;
  std::exception_ptr failure_;
};

}  // namespace

Result<WhatifReport> compute_whatif(db::Database& database, const rules::LoadedRuleset& candidate,
                                    const WhatifRequest& request, const WhatifObserver& observe) {
  return attempt([&] {
    // The budget search varies the hourly rate, which allowances do not use.
    if (request.budget && candidate.ruleset.scored_count() == 0) {
      throw Refusal(
          "--budget: the candidate has fixed allowances alone and no hourly rate, so there is "
          "no rate to search for; its totals are the same at every rate");
    }
    return WhatifRun(database, candidate, request, observe).run();
  });
}

}  // namespace hsg::app
