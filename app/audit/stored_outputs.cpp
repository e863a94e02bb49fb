#include "app/audit/stored_outputs.h"

#include <algorithm>
#include <charconv>
#include <cstring>
#include <string_view>

#include "db/sha256.h"
#include "engine/decimal.h"

namespace hsg::app {

namespace {

// Writes JSON pieces into one buffer without formatting machinery: every recorded
// allocation writes these texts and every replay writes them again, so they are on the
// hot path of both (a format-string version spent most of a replay here, and appending
// piece by piece to a std::string, checking its capacity each time, a third of what
// remained). The output is checked byte for byte against nlohmann/json's dump of the
// same values by the tests.
class Json {
 public:
  // Writes into `buffer` from its start; sized to at least `capacity` (a buffer kept
  // from an earlier text is already big enough, and is not cleared again).
  Json(std::string& buffer, std::size_t capacity) : text_(buffer) {
    if (text_.size() < capacity) text_.resize(capacity);
  }
  Json& raw(std::string_view piece) {
    char* at = room(piece.size());
    return done(copy(at, piece));
  }
  // ,"key": (the comma unless first)
  Json& key(std::string_view name, bool first = false) {
    char* at = room(name.size() + 4);
    if (!first) *at++ = ',';
    *at++ = '"';
    at = copy(at, name);
    *at++ = '"';
    *at++ = ':';
    return done(at);
  }
  // Ids in hsg's rule sets are [a-z0-9_]: nothing in them needs escaping.
  Json& string(std::string_view value) {
    char* at = room(value.size() + 2);
    *at++ = '"';
    at = copy(at, value);
    *at++ = '"';
    return done(at);
  }
  Json& integer(std::int64_t value) {
    char* at = room(kMaxIntegerChars);
    return done(std::to_chars(at, at + kMaxIntegerChars, value).ptr);
  }
  Json& optional(const std::optional<std::int64_t>& value) {
    return value ? integer(*value) : raw("null");
  }
  Json& boolean(bool value) { return raw(value ? "true" : "false"); }
  Json& hundredths(std::int64_t value) {
    char* at = room(engine::kMaxHundredthsChars + 2);
    *at++ = '"';
    at = engine::write_hundredths(at, value);
    *at++ = '"';
    return done(at);
  }
  Json& money(engine::Money value) { return hundredths(value.pence()); }
  Json& separator(std::size_t index) { return index == 0 ? *this : raw(","); }
  std::string_view text() const { return {text_.data(), used_}; }

 private:
  static constexpr std::size_t kMaxIntegerChars = 20;  // INT64_MIN

  // Where the next `bytes` may be written, growing the buffer if they would not fit.
  char* room(std::size_t bytes) {
    if (text_.size() - used_ < bytes) text_.resize(std::max(2 * text_.size(), used_ + bytes));
    return text_.data() + used_;
  }
  static char* copy(char* at, std::string_view piece) {
    std::memcpy(at, piece.data(), piece.size());
    return at + piece.size();
  }
  Json& done(const char* end) {
    used_ = static_cast<std::size_t>(end - text_.data());
    return *this;
  }

  std::string& text_;
  std::size_t used_ = 0;
};

const std::string& key_of(const engine::Ruleset& ruleset, std::size_t intervention) {
  return ruleset.spec().interventions[intervention].key;
}

void write_answer(Json& out, const engine::Ruleset& ruleset, const engine::AnswerTrace& answer) {
  const engine::QuestionSpec& question = ruleset.spec().questions[answer.question];
  out.raw("{").key("area", true).string(question.id);
  out.key("option").string(question.options[answer.option].id).key("contributions").raw("[");
  for (std::size_t c = 0; c < answer.contributions.size(); ++c) {
    const engine::Contribution& contribution = answer.contributions[c];
    out.separator(c).raw("{").key("type", true).string(key_of(ruleset, contribution.intervention));
    out.key("weight").integer(contribution.weight).key("points").integer(contribution.points);
    out.key("weighted_points").integer(contribution.weighted_points).raw("}");
  }
  out.raw("]}");
}

// An answer's part of the trace follows from the rule set, the area, the option and its
// contributions alone, and a caseload repeats the same few (area, option) pairs: each
// thread keeps the text it last wrote for each pair and writes it again when all of
// those are the same (the rule set by its serial, which no other rule set shares).
class AnswerTexts {
 public:
  const std::string* find(const engine::Ruleset& ruleset, const engine::AnswerTrace& answer) {
    if (serial_ != ruleset.serial()) return nullptr;
    const Kept& kept = kept_[slot(answer)];
    return kept.valid && kept.contributions == answer.contributions ? &kept.text : nullptr;
  }
  void keep(const engine::Ruleset& ruleset, const engine::AnswerTrace& answer,
            std::string_view text) {
    if (serial_ != ruleset.serial()) {
      serial_ = ruleset.serial();
      kept_.assign(ruleset.question_count() * engine::kMaxOptions, Kept());
    }
    Kept& kept = kept_[slot(answer)];
    kept.contributions = answer.contributions;
    kept.text.assign(text);
    kept.valid = true;
  }

 private:
  struct Kept {
    bool valid = false;
    std::vector<engine::Contribution> contributions;
    std::string text;
  };
  static std::size_t slot(const engine::AnswerTrace& answer) {
    return answer.question * engine::kMaxOptions + answer.option;
  }

  std::uint64_t serial_ = 0;  // no rule set has serial 0
  std::vector<Kept> kept_;
};

void write_answers(Json& out, const engine::Ruleset& ruleset, const engine::Trace& trace) {
  thread_local AnswerTexts texts;
  out.key("answers", true).raw("[");
  for (std::size_t a = 0; a < trace.answers.size(); ++a) {
    const engine::AnswerTrace& answer = trace.answers[a];
    out.separator(a);
    if (const std::string* kept = texts.find(ruleset, answer)) {
      out.raw(*kept);
      continue;
    }
    const std::size_t start = out.text().size();
    write_answer(out, ruleset, answer);
    texts.keep(ruleset, answer, out.text().substr(start));
  }
  out.raw("]");
}

void write_scores(Json& out, const engine::Ruleset& ruleset, const engine::Trace& trace) {
  out.key("scores").raw("[");
  for (std::size_t s = 0; s < trace.scores.size(); ++s) {
    const engine::ScoreTrace& score = trace.scores[s];
    out.separator(s).raw("{").key("type", true).string(key_of(ruleset, score.intervention));
    out.key("score").integer(score.score).key("thresholds").raw("{");
    out.key("low", true).integer(score.thresholds[0]).key("medium").integer(score.thresholds[1]);
    out.key("high").integer(score.thresholds[2]).raw("}").key("met").raw("{");
    out.key("low", true).boolean(score.met[0]).key("medium").boolean(score.met[1]);
    out.key("high").boolean(score.met[2]).raw("}");
    out.key("level").string(engine::to_string(score.level));
    out.key("points_to_next_level").optional(score.points_to_next_level);
    out.key("points_above_threshold").optional(score.points_above_threshold).raw("}");
  }
  out.raw("]");
}

void write_amounts(Json& out, const engine::Ruleset& ruleset, const engine::Trace& trace) {
  out.key("amounts").raw("[");
  for (std::size_t a = 0; a < trace.amounts.size(); ++a) {
    const engine::AmountTrace& amount = trace.amounts[a];
    out.separator(a).raw("{").key("type", true).string(key_of(ruleset, amount.intervention));
    out.key("hours_per_week").hundredths(amount.hours_per_week.hundredths());
    out.key("weeks").integer(amount.weeks).key("hourly_rate").money(amount.hourly_rate);
    out.key("exact_hundredths_of_penny").integer(amount.exact_hundredths_of_penny);
    out.key("rounding")
        .string(amount.rounding == engine::RoundingMode::half_up ? "half_up" : "half_even");
    out.key("amount").money(amount.amount);
    if (amount.cash_per_week) out.key("cash_per_week").money(*amount.cash_per_week);
    out.raw("}");
  }
  out.raw("]");
}

void write_limit(Json& out, const engine::Ruleset& ruleset, const engine::Trace& trace) {
  if (!trace.limit) {
    out.key("limit").raw("null");
    return;
  }
  out.key("limit").raw("{").key("calculated_total", true).money(trace.limit->calculated_total);
  out.key("upper_limit").money(trace.limit->upper_limit).key("parts").raw("[");
  for (std::size_t p = 0; p < trace.limit->parts.size(); ++p) {
    const engine::LimitPartTrace& part = trace.limit->parts[p];
    out.separator(p).raw("{").key("type", true).string(key_of(ruleset, part.intervention));
    out.key("calculated_amount").money(part.calculated_amount);
    out.key("floor_pence").integer(part.floor_pence).key("remainder").integer(part.remainder);
    out.key("extra_penny").boolean(part.extra_penny).key("amount").money(part.amount).raw("}");
  }
  out.raw("]}");
}

std::string_view write_outputs(std::string& buffer, const engine::Ruleset& ruleset,
                               const engine::Allocation& allocation) {
  Json out(buffer, 1024);
  out.raw("{").key("interventions", true).raw("[");
  for (std::size_t i = 0; i < allocation.intervention_count; ++i) {
    const engine::InterventionResult& result = allocation.interventions[i];
    out.separator(i).raw("{").key("type", true).string(key_of(ruleset, i));
    out.key("score").integer(result.score).key("level").string(engine::to_string(result.level));
    out.key("hours_per_week").hundredths(result.hours_per_week.hundredths());
    out.key("weeks").integer(result.weeks).key("weekly_amount").money(result.weekly_amount);
    out.key("calculated_amount").money(result.calculated_amount).key("amount").money(result.amount);
    out.key("points_to_next_level").optional(result.points_to_next_level);
    out.key("points_above_threshold").optional(result.points_above_threshold).raw("}");
  }
  out.raw("]").key("calculated_total").money(allocation.calculated_total);
  out.key("total").money(allocation.total).key("upper_limit").money(allocation.upper_limit);
  out.key("cap_applied").boolean(allocation.cap_applied).raw("}");
  return out.text();
}

std::string_view write_trace(std::string& buffer, const engine::Ruleset& ruleset,
                             const engine::Trace& trace) {
  Json out(buffer, 4096);
  out.raw("{");
  write_answers(out, ruleset, trace);
  write_scores(out, ruleset, trace);
  write_amounts(out, ruleset, trace);
  write_limit(out, ruleset, trace);
  out.raw("}");
  return out.text();
}

// One buffer per thread for the hashed texts: recording and replay hash two texts per
// allocation, and a fresh, zeroed string for each showed in replay's profile.
std::string& hashing_buffer() {
  thread_local std::string buffer;
  return buffer;
}

}  // namespace

std::string stored_outputs_text(const engine::Ruleset& ruleset,
                                const engine::Allocation& allocation) {
  std::string buffer;
  return std::string(write_outputs(buffer, ruleset, allocation));
}

std::string stored_trace_text(const engine::Ruleset& ruleset, const engine::Trace& trace) {
  std::string buffer;
  return std::string(write_trace(buffer, ruleset, trace));
}

std::string stored_outputs_sha256(const engine::Ruleset& ruleset,
                                  const engine::Allocation& allocation) {
  return db::sha256_hex(write_outputs(hashing_buffer(), ruleset, allocation));
}

std::string stored_trace_sha256(const engine::Ruleset& ruleset, const engine::Trace& trace) {
  return db::sha256_hex(write_trace(hashing_buffer(), ruleset, trace));
}

}  // namespace hsg::app
