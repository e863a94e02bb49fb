#include "app/present/ruleset_tables.h"

#include <fmt/core.h>

#include <string>
#include <utility>

#include "app/present/statement_text.h"

namespace hsg::app {

namespace {

// Columns are padded to line up; the last one's padding would only leave trailing blanks.
void write_row(std::ostream& out, std::string line) {
  line.erase(line.find_last_not_of(' ') + 1);
  out << line << "\n";
}

void write_settings(std::ostream& out, const rules::LoadedRuleset& loaded) {
  const engine::RulesetSpec& spec = loaded.ruleset.spec();
  out << fmt::format("Rule set {} version {}\n", spec.name, spec.version)
      << fmt::format("  id                    {}\n", loaded.id)
      << fmt::format("  effective from        {}\n", spec.effective_from.to_string())
      << fmt::format("  currency              {}\n", spec.currency)
      << fmt::format("  hourly rate           {}\n", loaded.ruleset.scored_count() == 0
                                                         ? "not used: no scored types"
                                                         : spec.hourly_rate.to_grouped_string())
      << fmt::format("  upper limit           {}\n", spec.upper_limit.to_grouped_string())
      << fmt::format("  rounding              {}\n",
                     spec.rounding == engine::RoundingMode::half_up ? "half_up" : "half_even")
      << fmt::format("  instalments every     {} weeks\n", spec.instalment_period_weeks)
      << fmt::format("  adjustment tolerance  {}%\n", spec.adjustment_tolerance_percent);
}

// Where an allowance's weekly cash comes from.
std::string cash_source(const engine::InterventionSpec& type) {
  if (type.pot) return pot_sentence(*type.pot);
  return type.cash_per_week == engine::Money{} ? "no cash" : "cash_per_week";
}

void write_allowances(std::ostream& out, const engine::Ruleset& ruleset) {
  if (ruleset.scored_count() == ruleset.intervention_count()) return;
  out << "\nAllowances (fixed: the same every week for everyone)\n";
  write_row(out, fmt::format("  {:<24} {:>5}  {:>12}  {:>12}  {:>12}  {}", "allowance", "weeks",
                             "cash a week", "hours a week", "amount", "from"));
  for (std::size_t i = ruleset.scored_count(); i < ruleset.intervention_count(); ++i) {
    const engine::InterventionSpec& type = ruleset.spec().interventions[i];
    write_row(out, fmt::format("  {:<24} {:>5}  {:>12}  {:>12}  {:>12}  {}", type.key, type.weeks,
                               ruleset.allowance_cash_per_week(i).to_grouped_string(),
                               type.allowance_hours_per_week.to_string(),
                               ruleset.amount_at(i, engine::Level::none).to_grouped_string(),
                               cash_source(type)));
  }
}

void write_types(std::ostream& out, const engine::Ruleset& ruleset) {
  if (ruleset.scored_count() == 0) return;
  out << "\nIntervention types (level: minimum score, hours a week, amount)\n";
  write_row(out, fmt::format("  {:<24} {:>5}  {:<24} {:<24} {:<24}", "type", "weeks", "low",
                             "medium", "high"));
  for (std::size_t i = 0; i < ruleset.scored_count(); ++i) {
    const engine::InterventionSpec& type = ruleset.spec().interventions[i];
    std::string line = fmt::format("  {:<24} {:>5} ", type.key, type.weeks);
    for (std::size_t level = 0; level < 3; ++level) {
      const auto rated = engine::kRatedLevels[level];
      line += fmt::format(" {:<24}", fmt::format("≥{} {}h {}", type.thresholds[level],
                                                 type.hours_per_week[level].to_string(),
                                                 ruleset.amount_at(i, rated).to_grouped_string()));
    }
    write_row(out, std::move(line));
  }
}

std::string points_text(const engine::OptionSpec& option) {
  if (option.points.empty()) return "no points";
  std::string text;
  for (const auto& [type, points] : option.points) {
    text += fmt::format("{}{} {}", text.empty() ? "" : ", ", points, type);
  }
  return text;
}

void write_questions(std::ostream& out, const engine::Ruleset& ruleset) {
  if (ruleset.question_count() == 0) return;
  out << "\nQuestions (weight × points of the chosen option, per type)\n";
  for (const engine::QuestionSpec& question : ruleset.spec().questions) {
    out << fmt::format("  {} (weight {}): {}\n", question.id, question.weight, question.text);
    for (const engine::OptionSpec& option : question.options) {
      out << fmt::format("    {:<12} {:<30} {}\n", option.id, points_text(option), option.label);
    }
  }
}

}  // namespace

void write_ruleset_tables(std::ostream& out, const rules::LoadedRuleset& ruleset) {
  write_settings(out, ruleset);
  write_types(out, ruleset.ruleset);
  write_allowances(out, ruleset.ruleset);
  write_questions(out, ruleset.ruleset);
}

}  // namespace hsg::app
