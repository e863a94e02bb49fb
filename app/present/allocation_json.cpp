#include "app/present/allocation_json.h"

#include "engine/version.h"

namespace hsg::app {

namespace {

using nlohmann::ordered_json;

std::string_view rounding_name(engine::RoundingMode mode) {
  return mode == engine::RoundingMode::half_up ? "half_up" : "half_even";
}

ordered_json optional_points(const std::optional<std::int64_t>& points) {
  return points ? ordered_json(*points) : ordered_json(nullptr);
}

const std::string& type_key(const engine::Ruleset& ruleset, std::size_t intervention) {
  return ruleset.spec().interventions[intervention].key;
}

ordered_json answers_trace(const engine::Ruleset& ruleset, const engine::Trace& trace) {
  ordered_json out = ordered_json::array();
  for (const engine::AnswerTrace& answer : trace.answers) {
    const engine::QuestionSpec& question = ruleset.spec().questions[answer.question];
    ordered_json contributions = ordered_json::array();
    for (const engine::Contribution& contribution : answer.contributions) {
      contributions.push_back({{"type", type_key(ruleset, contribution.intervention)},
                               {"weight", contribution.weight},
                               {"points", contribution.points},
                               {"weighted_points", contribution.weighted_points}});
    }
    out.push_back({{"area", question.id},
                   {"option", question.options[answer.option].id},
                   {"contributions", std::move(contributions)}});
  }
  return out;
}

ordered_json scores_trace(const engine::Ruleset& ruleset, const engine::Trace& trace) {
  ordered_json out = ordered_json::array();
  for (const engine::ScoreTrace& score : trace.scores) {
    out.push_back(
        {{"type", type_key(ruleset, score.intervention)},
         {"score", score.score},
         {"thresholds",
          {{"low", score.thresholds[0]},
           {"medium", score.thresholds[1]},
           {"high", score.thresholds[2]}}},
         {"met", {{"low", score.met[0]}, {"medium", score.met[1]}, {"high", score.met[2]}}},
         {"level", engine::to_string(score.level)},
         {"points_to_next_level", optional_points(score.points_to_next_level)},
         {"points_above_threshold", optional_points(score.points_above_threshold)}});
  }
  return out;
}

ordered_json amounts_trace(const engine::Ruleset& ruleset, const engine::Trace& trace) {
  ordered_json out = ordered_json::array();
  for (const engine::AmountTrace& amount : trace.amounts) {
    ordered_json line = {{"type", type_key(ruleset, amount.intervention)},
                         {"hours_per_week", amount.hours_per_week.to_string()},
                         {"weeks", amount.weeks},
                         {"hourly_rate", amount.hourly_rate.to_string()},
                         {"exact_hundredths_of_penny", amount.exact_hundredths_of_penny},
                         {"rounding", rounding_name(amount.rounding)},
                         {"amount", amount.amount.to_string()}};
    if (amount.cash_per_week) line["cash_per_week"] = amount.cash_per_week->to_string();
    out.push_back(std::move(line));
  }
  return out;
}

ordered_json limit_trace(const engine::Ruleset& ruleset, const engine::Trace& trace) {
  if (!trace.limit) return nullptr;
  ordered_json parts = ordered_json::array();
  for (const engine::LimitPartTrace& part : trace.limit->parts) {
    parts.push_back({{"type", type_key(ruleset, part.intervention)},
                     {"calculated_amount", part.calculated_amount.to_string()},
                     {"floor_pence", part.floor_pence},
                     {"remainder", part.remainder},
                     {"extra_penny", part.extra_penny},
                     {"amount", part.amount.to_string()}});
  }
  return {{"calculated_total", trace.limit->calculated_total.to_string()},
          {"upper_limit", trace.limit->upper_limit.to_string()},
          {"parts", std::move(parts)}};
}

// What makes a fixed allowance's figures: its weekly cash and, when it comes from a pot,
// the pot and what of it is left unallocated.
ordered_json allowance_json(const engine::Ruleset& ruleset, std::size_t i) {
  const engine::InterventionSpec& type = ruleset.spec().interventions[i];
  ordered_json out = {{"cash_per_week", ruleset.allowance_cash_per_week(i).to_string()},
                      {"pot", nullptr}};
  if (type.pot) {
    out["pot"] = {{"amount", type.pot->amount.to_string()},
                  {"weeks", type.pot->weeks},
                  {"places", type.pot->places},
                  {"unallocated", engine::share_of(*type.pot).unallocated.to_string()}};
  }
  return out;
}

ordered_json interventions_json(const engine::Ruleset& ruleset,
                                const engine::Allocation& allocation) {
  ordered_json out = ordered_json::array();
  for (std::size_t i = 0; i < allocation.intervention_count; ++i) {
    const engine::InterventionResult& result = allocation.interventions[i];
    const engine::InterventionSpec& type = ruleset.spec().interventions[i];
    out.push_back({{"type", type.key},
                   {"label", type.label},
                   {"score", result.score},
                   {"level", engine::to_string(result.level)},
                   {"hours_per_week", result.hours_per_week.to_string()},
                   {"weeks", result.weeks},
                   {"weekly_amount", result.weekly_amount.to_string()},
                   {"calculated_amount", result.calculated_amount.to_string()},
                   {"amount", result.amount.to_string()},
                   {"points_to_next_level", optional_points(result.points_to_next_level)},
                   {"points_above_threshold", optional_points(result.points_above_threshold)}});
    if (type.is_allowance()) out.back()["allowance"] = allowance_json(ruleset, i);
  }
  return out;
}

}  // namespace

ordered_json trace_json(const engine::Ruleset& ruleset, const engine::Trace& trace) {
  return {{"answers", answers_trace(ruleset, trace)},
          {"scores", scores_trace(ruleset, trace)},
          {"amounts", amounts_trace(ruleset, trace)},
          {"limit", limit_trace(ruleset, trace)}};
}

ordered_json allocation_json(const rules::LoadedRuleset& loaded, const engine::Answers& answers,
                             const engine::TracedAllocation& traced,
                             std::optional<engine::Date> date) {
  const engine::Ruleset& ruleset = loaded.ruleset;
  const engine::RulesetSpec& spec = ruleset.spec();
  ordered_json out;
  out["ruleset"] = {{"id", loaded.id},
                    {"name", spec.name},
                    {"version", spec.version},
                    {"effective_from", spec.effective_from.to_string()}};
  out["engine_version"] = engine::kEngineVersion;
  if (date) out["date"] = date->to_string();
  ordered_json named = ordered_json::object();
  for (std::size_t q = 0; q < spec.questions.size(); ++q) {
    named[spec.questions[q].id] = spec.questions[q].options[answers.option(q)].id;
  }
  out["answers"] = std::move(named);
  const engine::Allocation& allocation = traced.allocation;
  out["interventions"] = interventions_json(ruleset, allocation);
  out["calculated_total"] = allocation.calculated_total.to_string();
  out["total"] = allocation.total.to_string();
  out["upper_limit"] = allocation.upper_limit.to_string();
  out["cap_applied"] = allocation.cap_applied;
  out["trace"] = trace_json(ruleset, traced.trace);
  return out;
}

}  // namespace hsg::app
