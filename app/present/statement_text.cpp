#include "app/present/statement_text.h"

#include <fmt/core.h>

#include "engine/text.h"
#include "engine/version.h"

namespace hsg::app {

namespace {

std::string pounds(engine::Money money) { return "£" + money.to_grouped_string(); }

std::string plural(std::int64_t count, std::string_view one, std::string_view many) {
  return fmt::format("{} {}", count, count == 1 ? one : many);
}

std::string_view level_below(engine::Level level) {
  return engine::to_string(static_cast<engine::Level>(static_cast<int>(level) - 1));
}

std::string_view level_above(engine::Level level) {
  return engine::to_string(static_cast<engine::Level>(static_cast<int>(level) + 1));
}

void write_header(std::ostream& out, const rules::LoadedRuleset& loaded, engine::Date date) {
  const engine::RulesetSpec& spec = loaded.ruleset.spec();
  out << "Housing support grant: indicative allocation\n\n"
      << fmt::format("Assessment date:  {}\n", date.to_string())
      << fmt::format("Rule set:         {} version {}, effective from {}\n",
                     engine::escaped(spec.name), engine::escaped(spec.version),
                     spec.effective_from.to_string())
      << fmt::format("Rule set id:      {}\n", loaded.id)
      << fmt::format("Engine version:   {}\n", engine::kEngineVersion);
}

void write_answers(std::ostream& out, const engine::Ruleset& ruleset, const engine::Trace& trace) {
  out << "\nYour answers\n";
  if (trace.answers.empty()) out << "  none: this rule set asks no questions\n";
  for (const engine::AnswerTrace& answer : trace.answers) {
    const engine::QuestionSpec& question = ruleset.spec().questions[answer.question];
    const engine::OptionSpec& option = question.options[answer.option];
    out << fmt::format("  {}\n    {}\n", engine::escaped(question.text),
                       engine::escaped(option.label));
    if (answer.contributions.empty()) out << "    no points\n";
    for (const engine::Contribution& contribution : answer.contributions) {
      out << fmt::format(
          "    +{} {} (weight {} × {} {})\n", contribution.weighted_points,
          engine::escaped(ruleset.spec().interventions[contribution.intervention].label),
          contribution.weight, contribution.points, contribution.points == 1 ? "point" : "points");
    }
  }
}

void write_cliff_edge(std::ostream& out, const engine::ScoreTrace& score) {
  std::string line = "    Cliff edge: ";
  if (score.points_above_threshold) {
    const std::int64_t above = *score.points_above_threshold;
    line += fmt::format("{} above the {} threshold ({} less would make it {})",
                        plural(above, "point", "points"), engine::to_string(score.level),
                        plural(above + 1, "point", "points"), level_below(score.level));
  }
  if (score.points_to_next_level) {
    if (score.points_above_threshold) line += "; ";
    line += fmt::format("{} short of {}", plural(*score.points_to_next_level, "point", "points"),
                        level_above(score.level));
  }
  out << line << "\n";
}

std::string review_text(engine::Date date, std::int64_t weeks) {
  const auto review_on = date.plus_days(weeks * 7);
  return review_on ? "on " + review_on->to_string() : "after " + engine::Date::latest().to_string();
}

void write_allowance(std::ostream& out, const engine::Ruleset& ruleset,
                     const engine::InterventionResult& result, std::size_t i, engine::Date date) {
  const engine::InterventionSpec& type = ruleset.spec().interventions[i];
  const engine::Money cash = ruleset.allowance_cash_per_week(i);
  out << fmt::format("\n  {}\n", engine::escaped(type.label))
      << "    A fixed allowance: the same for everyone, not scored\n";
  if (cash != engine::Money{}) {
    out << fmt::format("    {} a week × {} weeks = {}\n", pounds(cash), result.weeks,
                       pounds(result.calculated_amount));
  }
  if (type.pot) out << "    " << pot_sentence(*type.pot) << "\n";
  if (result.hours_per_week != engine::Hours{}) {
    out << fmt::format("    {} hours a week of support for {} weeks, given as time, not cash\n",
                       result.hours_per_week.to_string(), result.weeks);
  }
  out << fmt::format("    Reviewed {}\n", review_text(date, result.weeks));
}

void write_type(std::ostream& out, const engine::Ruleset& ruleset, const engine::Trace& trace,
                const engine::Allocation& allocation, std::size_t i, engine::Date date) {
  const engine::InterventionSpec& type = ruleset.spec().interventions[i];
  if (type.is_allowance()) {
    write_allowance(out, ruleset, allocation.interventions[i], i, date);
    return;
  }
  const engine::ScoreTrace& score = trace.scores[i];
  const engine::InterventionResult& result = allocation.interventions[i];
  out << fmt::format("\n  {}\n", engine::escaped(type.label))
      << fmt::format("    Score {}: {} (thresholds: low {}, medium {}, high {})\n", score.score,
                     engine::to_string(score.level), score.thresholds[0], score.thresholds[1],
                     score.thresholds[2]);
  write_cliff_edge(out, score);
  if (result.level == engine::Level::none) {
    out << "    No support of this type: £0.00\n";
    return;
  }
  out << fmt::format("    {} hours a week × {} weeks × {} an hour = {}\n",
                     result.hours_per_week.to_string(), result.weeks,
                     pounds(ruleset.spec().hourly_rate), pounds(result.calculated_amount))
      << fmt::format("    That is {} a week for {} weeks; reviewed {}\n",
                     pounds(result.weekly_amount), result.weeks, review_text(date, result.weeks));
}

void write_limit(std::ostream& out, const engine::Ruleset& ruleset, const engine::Trace& trace) {
  const engine::LimitTrace& limit = *trace.limit;
  out << fmt::format("\n  Calculated total:  {}\n", pounds(limit.calculated_total))
      << fmt::format("  The upper limit of {} applies. Each amount is scaled by {} / {},\n",
                     pounds(limit.upper_limit), limit.upper_limit.to_grouped_string(),
                     limit.calculated_total.to_grouped_string())
      << "  with the pennies shared by largest remainder so the parts add up to the limit:\n";
  for (const engine::LimitPartTrace& part : limit.parts) {
    out << fmt::format("    {}: {} → {}\n",
                       engine::escaped(ruleset.spec().interventions[part.intervention].label),
                       pounds(part.calculated_amount), pounds(part.amount));
  }
}

}  // namespace

std::string pot_sentence(const engine::AllowancePot& pot) {
  const engine::PotShare share = engine::share_of(pot);
  std::string sentence = pot.weeks == 1
                             ? fmt::format("An equal share of {} a week among {} places",
                                           pounds(pot.amount), pot.places)
                             : fmt::format("An equal share of {} over {} weeks among {} places",
                                           pounds(pot.amount), pot.weeks, pot.places);
  if (share.unallocated != engine::Money{}) {
    sentence += fmt::format("; {} cannot be shared equally and is not allocated",
                            pounds(share.unallocated));
  }
  return sentence;
}

void write_above_limit(std::ostream& out, engine::Money agreed, engine::Money upper_limit,
                       std::string_view reason, std::string_view agreed_by) {
  out << fmt::format(
      "  exceeds the upper limit of {} by {}, because: {}\n"
      "  an amount above the upper limit always needs approval by someone other than {}\n",
      pounds(upper_limit), pounds(agreed - upper_limit), engine::escaped(reason),
      engine::escaped(agreed_by));
}

void write_review_rights(std::ostream& out) {
  out << "\nThis is how your indicative grant was worked out. If you think an answer, a score\n"
         "or a figure is wrong, you may ask for a review of this decision.\n";
}

void write_statement(std::ostream& out, const rules::LoadedRuleset& loaded,
                     const engine::TracedAllocation& traced, engine::Date date) {
  const engine::Ruleset& ruleset = loaded.ruleset;
  write_header(out, loaded, date);
  write_answers(out, ruleset, traced.trace);
  out << "\nSupport by type\n";
  for (std::size_t i = 0; i < traced.allocation.intervention_count; ++i) {
    write_type(out, ruleset, traced.trace, traced.allocation, i, date);
  }
  if (traced.trace.limit) write_limit(out, ruleset, traced.trace);
  out << fmt::format("\n  Indicative grant:  {}", pounds(traced.allocation.total))
      << (traced.allocation.cap_applied ? " (the upper limit)\n"
                                        : fmt::format(" (upper limit {}, not reached)\n",
                                                      pounds(traced.allocation.upper_limit)));
  write_review_rights(out);
}

}  // namespace hsg::app
