#include "cli/stored_outputs.h"

#include <fmt/compile.h>
#include <fmt/format.h>

#include <iterator>

namespace hsg::cli {

namespace {

// Formats are compiled (FMT_COMPILE): every recorded allocation writes these texts, and
// parsing the format strings at run time was a tenth of recording one.
using Buffer = fmt::memory_buffer;

void optional_number(Buffer& out, const std::optional<std::int64_t>& value) {
  if (value) {
    fmt::format_to(std::back_inserter(out), FMT_COMPILE("{}"), *value);
  } else {
    fmt::format_to(std::back_inserter(out), FMT_COMPILE("null"));
  }
}

const char* boolean(bool value) { return value ? "true" : "false"; }

const std::string& key_of(const engine::Ruleset& ruleset, std::size_t intervention) {
  return ruleset.spec().interventions[intervention].key;
}

void write_answers(Buffer& out, const engine::Ruleset& ruleset, const engine::Trace& trace) {
  fmt::format_to(std::back_inserter(out), FMT_COMPILE("\"answers\":["));
  for (std::size_t a = 0; a < trace.answers.size(); ++a) {
    const engine::AnswerTrace& answer = trace.answers[a];
    const engine::QuestionSpec& question = ruleset.spec().questions[answer.question];
    fmt::format_to(std::back_inserter(out),
                   FMT_COMPILE("{}{{\"area\":\"{}\",\"option\":\"{}\",\"contributions\":["),
                   a == 0 ? "" : ",", question.id, question.options[answer.option].id);
    for (std::size_t c = 0; c < answer.contributions.size(); ++c) {
      const engine::Contribution& contribution = answer.contributions[c];
      fmt::format_to(
          std::back_inserter(out),
          FMT_COMPILE("{}{{\"type\":\"{}\",\"weight\":{},\"points\":{},\"weighted_points\":{}}}"),
          c == 0 ? "" : ",", key_of(ruleset, contribution.intervention), contribution.weight,
          contribution.points, contribution.weighted_points);
    }
    fmt::format_to(std::back_inserter(out), FMT_COMPILE("]}}"));
  }
  fmt::format_to(std::back_inserter(out), FMT_COMPILE("]"));
}

void write_scores(Buffer& out, const engine::Ruleset& ruleset, const engine::Trace& trace) {
  fmt::format_to(std::back_inserter(out), FMT_COMPILE(",\"scores\":["));
  for (std::size_t s = 0; s < trace.scores.size(); ++s) {
    const engine::ScoreTrace& score = trace.scores[s];
    fmt::format_to(
        std::back_inserter(out),
        "{}{{\"type\":\"{}\",\"score\":{},\"thresholds\":{{\"low\":{},\"medium\":{},"
        "\"high\":{}}},\"met\":{{\"low\":{},\"medium\":{},\"high\":{}}},\"level\":\"{}\","
        "\"points_to_next_level\":",
        s == 0 ? "" : ",", key_of(ruleset, score.intervention), score.score, score.thresholds[0],
        score.thresholds[1], score.thresholds[2], boolean(score.met[0]), boolean(score.met[1]),
        boolean(score.met[2]), engine::to_string(score.level));
    optional_number(out, score.points_to_next_level);
    fmt::format_to(std::back_inserter(out), FMT_COMPILE(",\"points_above_threshold\":"));
    optional_number(out, score.points_above_threshold);
    fmt::format_to(std::back_inserter(out), FMT_COMPILE("}}"));
  }
  fmt::format_to(std::back_inserter(out), FMT_COMPILE("]"));
}

void write_amounts(Buffer& out, const engine::Ruleset& ruleset, const engine::Trace& trace) {
  fmt::format_to(std::back_inserter(out), FMT_COMPILE(",\"amounts\":["));
  for (std::size_t a = 0; a < trace.amounts.size(); ++a) {
    const engine::AmountTrace& amount = trace.amounts[a];
    fmt::format_to(
        std::back_inserter(out),
        "{}{{\"type\":\"{}\",\"hours_per_week\":\"{}\",\"weeks\":{},\"hourly_rate\":"
        "\"{}\",\"exact_hundredths_of_penny\":{},\"rounding\":\"{}\",\"amount\":\"{}\"}}",
        a == 0 ? "" : ",", key_of(ruleset, amount.intervention), amount.hours_per_week.to_string(),
        amount.weeks, amount.hourly_rate.to_string(), amount.exact_hundredths_of_penny,
        amount.rounding == engine::RoundingMode::half_up ? "half_up" : "half_even",
        amount.amount.to_string());
  }
  fmt::format_to(std::back_inserter(out), FMT_COMPILE("]"));
}

void write_limit(Buffer& out, const engine::Ruleset& ruleset, const engine::Trace& trace) {
  if (!trace.limit) {
    fmt::format_to(std::back_inserter(out), FMT_COMPILE(",\"limit\":null"));
    return;
  }
  fmt::format_to(
      std::back_inserter(out),
      FMT_COMPILE(",\"limit\":{{\"calculated_total\":\"{}\",\"upper_limit\":\"{}\",\"parts\":["),
      trace.limit->calculated_total.to_string(), trace.limit->upper_limit.to_string());
  for (std::size_t p = 0; p < trace.limit->parts.size(); ++p) {
    const engine::LimitPartTrace& part = trace.limit->parts[p];
    fmt::format_to(
        std::back_inserter(out),
        FMT_COMPILE("{}{{\"type\":\"{}\",\"calculated_amount\":\"{}\",\"floor_pence\":{},"
                    "\"remainder\":{},\"extra_penny\":{},\"amount\":\"{}\"}}"),
        p == 0 ? "" : ",", key_of(ruleset, part.intervention), part.calculated_amount.to_string(),
        part.floor_pence, part.remainder, boolean(part.extra_penny), part.amount.to_string());
  }
  fmt::format_to(std::back_inserter(out), FMT_COMPILE("]}}"));
}

}  // namespace

std::string stored_outputs_text(const engine::Ruleset& ruleset,
                                const engine::Allocation& allocation) {
  Buffer out;
  fmt::format_to(std::back_inserter(out), FMT_COMPILE("{{\"interventions\":["));
  for (std::size_t i = 0; i < allocation.intervention_count; ++i) {
    const engine::InterventionResult& result = allocation.interventions[i];
    fmt::format_to(
        std::back_inserter(out),
        FMT_COMPILE("{}{{\"type\":\"{}\",\"score\":{},\"level\":\"{}\",\"hours_per_week\":\"{}\","
                    "\"weeks\":{},\"weekly_amount\":\"{}\",\"calculated_amount\":\"{}\","
                    "\"amount\":\"{}\",\"points_to_next_level\":"),
        i == 0 ? "" : ",", key_of(ruleset, i), result.score, engine::to_string(result.level),
        result.hours_per_week.to_string(), result.weeks, result.weekly_amount.to_string(),
        result.calculated_amount.to_string(), result.amount.to_string());
    optional_number(out, result.points_to_next_level);
    fmt::format_to(std::back_inserter(out), FMT_COMPILE(",\"points_above_threshold\":"));
    optional_number(out, result.points_above_threshold);
    fmt::format_to(std::back_inserter(out), FMT_COMPILE("}}"));
  }
  fmt::format_to(
      std::back_inserter(out),
      FMT_COMPILE("],\"calculated_total\":\"{}\",\"total\":\"{}\",\"upper_limit\":\"{}\","
                  "\"cap_applied\":{}}}"),
      allocation.calculated_total.to_string(), allocation.total.to_string(),
      allocation.upper_limit.to_string(), boolean(allocation.cap_applied));
  return fmt::to_string(out);
}

std::string stored_trace_text(const engine::Ruleset& ruleset, const engine::Trace& trace) {
  Buffer out;
  fmt::format_to(std::back_inserter(out), FMT_COMPILE("{{"));
  write_answers(out, ruleset, trace);
  write_scores(out, ruleset, trace);
  write_amounts(out, ruleset, trace);
  write_limit(out, ruleset, trace);
  fmt::format_to(std::back_inserter(out), FMT_COMPILE("}}"));
  return fmt::to_string(out);
}

}  // namespace hsg::cli
