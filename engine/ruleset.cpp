#include "engine/ruleset.h"

#include <algorithm>
#include <atomic>
#include <map>
#include <string_view>

#include "engine/checked.h"

namespace hsg::engine {

namespace {

constexpr std::array<std::string_view, 3> kLevelKeys{"low", "medium", "high"};
constexpr std::int64_t kMaxRatePence = 1'000'000;        // 10,000.00
constexpr std::int64_t kMaxLimitPence = 10'000'000'000;  // 100,000,000.00
constexpr std::int64_t kMaxHoursHundredths = 16'800;     // every hour of a week
constexpr std::int64_t kMaxWeeks = 520;
constexpr std::int64_t kMaxThreshold = 100'000'000;
constexpr std::int64_t kMaxWeight = 100;
constexpr std::int64_t kMaxPoints = 1'000;
constexpr std::int64_t kMaxPlaces = 10'000;

// Collects problems with the path prefix of the part of the spec being checked.
class Checker {
 public:
  explicit Checker(std::vector<Problem>& problems) : problems_(problems) {}
  void add(std::string path, std::string message) {
    problems_.push_back({std::move(path), std::move(message)});
  }

 private:
  std::vector<Problem>& problems_;
};

std::string quoted(std::string_view text) { return "'" + std::string(text) + "'"; }

std::string joined(const std::vector<std::string>& items) {
  std::string out;
  for (const std::string& item : items) out += (out.empty() ? "" : ", ") + item;
  return out;
}

// Ids are written into files, commands and ledger descriptions, so keep them plain.
bool is_identifier(std::string_view text) {
  if (text.empty() || text.size() > 64 || text.front() < 'a' || text.front() > 'z') return false;
  return std::all_of(text.begin(), text.end(), [](char c) {
    return (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '_';
  });
}

void check_identifier(Checker& check, const std::string& path, std::string_view field,
                      std::string_view value) {
  if (!is_identifier(value)) {
    check.add(path, std::string(field) +
                        " must be 1 to 64 lowercase letters, digits or '_', starting with a "
                        "letter, got " +
                        quoted(value));
  }
}

void check_range(Checker& check, const std::string& path, std::string_view field,
                 std::int64_t value, std::int64_t low, std::int64_t high) {
  if (value < low || value > high) {
    check.add(path, std::string(field) + " must be between " + std::to_string(low) + " and " +
                        std::to_string(high) + ", got " + std::to_string(value));
  }
}

void check_decimal_range(Checker& check, const std::string& path, std::string_view field,
                         std::int64_t hundredths, std::int64_t low, std::int64_t high) {
  if (hundredths < low || hundredths > high) {
    check.add(path, std::string(field) + " must be between " + format_hundredths(low) + " and " +
                        format_hundredths(high) + ", got " + format_hundredths(hundredths));
  }
}

void check_not_empty(Checker& check, const std::string& path, std::string_view field,
                     std::string_view value) {
  if (value.empty()) check.add(path, std::string(field) + " must not be empty");
}

bool has_scored_type(const RulesetSpec& spec) {
  return std::any_of(spec.interventions.begin(), spec.interventions.end(),
                     [](const InterventionSpec& type) { return !type.is_allowance(); });
}

void check_header(Checker& check, const RulesetSpec& spec) {
  check_not_empty(check, "name", "name", spec.name);
  check_not_empty(check, "version", "version", spec.version);
  const bool currency_ok =
      spec.currency.size() == 3 && std::all_of(spec.currency.begin(), spec.currency.end(),
                                               [](char c) { return c >= 'A' && c <= 'Z'; });
  if (!currency_ok) {
    check.add("currency",
              "currency must be three capital letters (an ISO 4217 code such as GBP), got " +
                  quoted(spec.currency));
  }
  // Allowances do not use the rate, so a rule set of allowances only may leave it out.
  check_decimal_range(check, "hourly_rate", "hourly_rate", spec.hourly_rate.pence(),
                      has_scored_type(spec) ? 1 : 0, kMaxRatePence);
  check_decimal_range(check, "upper_limit", "upper_limit", spec.upper_limit.pence(), 1,
                      kMaxLimitPence);
  check_range(check, "instalment_period_weeks", "instalment_period_weeks",
              spec.instalment_period_weeks, 1, 52);
  check_range(check, "adjustment_tolerance_percent", "adjustment_tolerance_percent",
              spec.adjustment_tolerance_percent, 0, 100);
}

void check_thresholds(Checker& check, const std::string& at, const InterventionSpec& type) {
  for (std::size_t level = 0; level < 3; ++level) {
    const std::string path = at + ".thresholds." + std::string(kLevelKeys[level]);
    const std::string field = "thresholds." + std::string(kLevelKeys[level]);
    check_range(check, path, field, type.thresholds[level], 1, kMaxThreshold);
    if (level > 0 && type.thresholds[level] <= type.thresholds[level - 1]) {
      check.add(path, field + " (" + std::to_string(type.thresholds[level]) +
                          ") must be greater than thresholds." +
                          std::string(kLevelKeys[level - 1]) + " (" +
                          std::to_string(type.thresholds[level - 1]) + ")");
    }
  }
}

void check_hours(Checker& check, const std::string& at, const InterventionSpec& type) {
  for (std::size_t level = 0; level < 3; ++level) {
    const std::string path = at + ".hours_per_week." + std::string(kLevelKeys[level]);
    const std::string field = "hours_per_week." + std::string(kLevelKeys[level]);
    const std::int64_t hours = type.hours_per_week[level].hundredths();
    check_decimal_range(check, path, field, hours, 0, kMaxHoursHundredths);
    const std::int64_t below = level > 0 ? type.hours_per_week[level - 1].hundredths() : 0;
    if (level > 0 && hours < below) {
      check.add(path, field + " (" + format_hundredths(hours) +
                          ") must not be less than hours_per_week." +
                          std::string(kLevelKeys[level - 1]) + " (" + format_hundredths(below) +
                          ")");
    }
  }
}

// "interventions[i]" or "allowances[j]": where the type is in the file.
std::string path_of(const std::vector<InterventionSpec>& types, std::size_t index) {
  std::size_t within = 0;
  for (std::size_t i = 0; i < index; ++i) {
    if (types[i].kind == types[index].kind) ++within;
  }
  return std::string(types[index].is_allowance() ? "allowances[" : "interventions[") +
         std::to_string(within) + "]";
}

void check_pot(Checker& check, const std::string& at, const InterventionSpec& type) {
  const AllowancePot& pot = *type.pot;
  if (type.cash_per_week != Money{}) {
    check.add(at + ".cash_per_week", "an allowance gives cash_per_week or pot, not both");
  }
  check_decimal_range(check, at + ".pot.amount", "pot.amount", pot.amount.pence(), 1,
                      kMaxLimitPence);
  check_range(check, at + ".pot.weeks", "pot.weeks", pot.weeks, 1, kMaxWeeks);
  check_range(check, at + ".pot.places", "pot.places", pot.places, 1, kMaxPlaces);
  if (pot.amount.pence() < 1 || pot.weeks < 1 || pot.weeks > kMaxWeeks || pot.places < 1 ||
      pot.places > kMaxPlaces) {
    return;
  }
  if (share_of(pot).per_place_per_week == Money{}) {
    check.add(at + ".pot.amount", "pot.amount " + pot.amount.to_string() + " shared by " +
                                      std::to_string(pot.places) + " places over " +
                                      std::to_string(pot.weeks) +
                                      " weeks is less than 0.01 a place a week");
  }
}

void check_allowance(Checker& check, const std::string& at, const InterventionSpec& type) {
  check_decimal_range(check, at + ".cash_per_week", "cash_per_week", type.cash_per_week.pence(), 0,
                      kMaxRatePence);
  check_decimal_range(check, at + ".hours_per_week", "hours_per_week",
                      type.allowance_hours_per_week.hundredths(), 0, kMaxHoursHundredths);
  if (type.pot) check_pot(check, at, type);
  if (!type.pot && type.cash_per_week == Money{} && type.allowance_hours_per_week == Hours{}) {
    check.add(at, "an allowance needs cash_per_week, pot or hours_per_week, and none is above 0");
  }
}

void check_interventions(Checker& check, const std::vector<InterventionSpec>& types) {
  if (types.empty()) {
    check.add("interventions",
              "a rule set needs at least one intervention type or allowance ([[interventions]] "
              "or [[allowances]])");
  }
  if (types.size() > kMaxInterventions) {
    check.add("interventions", "a rule set may have at most " + std::to_string(kMaxInterventions) +
                                   " intervention types and allowances together, got " +
                                   std::to_string(types.size()));
  }
  std::map<std::string, std::size_t> first_index;
  for (std::size_t i = 0; i < types.size(); ++i) {
    const std::string at = path_of(types, i);
    const InterventionSpec& type = types[i];
    check_identifier(check, at + ".key", "key", type.key);
    const auto [seen, inserted] = first_index.emplace(type.key, i);
    if (!inserted) {
      check.add(at + ".key", "duplicate intervention key " + quoted(type.key) + " (first at " +
                                 path_of(types, seen->second) + ")");
    }
    if (i > 0 && types[i - 1].is_allowance() && !type.is_allowance()) {
      check.add(at, "scored intervention types come before the allowances");
    }
    check_not_empty(check, at + ".label", "label", type.label);
    if (type.is_allowance()) {
      check_allowance(check, at, type);
    } else {
      check_thresholds(check, at, type);
      check_hours(check, at, type);
    }
    check_range(check, at + ".weeks", "weeks", type.weeks, 1, kMaxWeeks);
  }
}

void check_points(Checker& check, const std::string& at, const OptionSpec& option,
                  const std::vector<InterventionSpec>& types) {
  std::vector<std::string> known;
  std::vector<std::string> allowances;
  for (const InterventionSpec& type : types) {
    (type.is_allowance() ? allowances : known).push_back(type.key);
  }
  std::map<std::string, bool> named;
  for (const auto& [key, points] : option.points) {
    const std::string path = at + ".points." + key;
    if (std::find(allowances.begin(), allowances.end(), key) != allowances.end()) {
      check.add(path, "points name the allowance " + quoted(key) +
                          ", which is fixed, not scored; scored types: " +
                          (known.empty() ? std::string("none") : joined(known)));
    } else if (std::find(known.begin(), known.end(), key) == known.end()) {
      check.add(path, "points name unknown intervention type " + quoted(key) +
                          "; known: " + joined(known));
    }
    if (!named.emplace(key, true).second) {
      check.add(path, "points for " + quoted(key) + " are given twice");
    }
    check_range(check, path, "points for " + quoted(key), points, 0, kMaxPoints);
  }
}

void check_options(Checker& check, const std::string& at, const QuestionSpec& question,
                   const std::vector<InterventionSpec>& types) {
  if (question.options.empty() || question.options.size() > kMaxOptions) {
    check.add(at + ".options", "a question needs between 1 and " + std::to_string(kMaxOptions) +
                                   " options, got " + std::to_string(question.options.size()));
  }
  std::map<std::string, std::size_t> first_index;
  for (std::size_t j = 0; j < question.options.size(); ++j) {
    const std::string option_at = at + ".options[" + std::to_string(j) + "]";
    const OptionSpec& option = question.options[j];
    check_identifier(check, option_at + ".id", "id", option.id);
    const auto [seen, inserted] = first_index.emplace(option.id, j);
    if (!inserted) {
      check.add(option_at + ".id", "duplicate option id " + quoted(option.id) + " (first at " + at +
                                       ".options[" + std::to_string(seen->second) + "])");
    }
    check_not_empty(check, option_at + ".label", "label", option.label);
    check_points(check, option_at, option, types);
  }
}

void check_questions(Checker& check, const RulesetSpec& spec) {
  // Without a scored type there is nothing to score, so questions are optional.
  if (spec.questions.empty() && has_scored_type(spec)) {
    check.add("questions", "a rule set with scored intervention types needs at least one question");
  }
  if (spec.questions.size() > kMaxQuestions) {
    check.add("questions", "a rule set may have at most " + std::to_string(kMaxQuestions) +
                               " questions, got " + std::to_string(spec.questions.size()));
  }
  std::map<std::string, std::size_t> first_index;
  for (std::size_t i = 0; i < spec.questions.size(); ++i) {
    const std::string at = "questions[" + std::to_string(i) + "]";
    const QuestionSpec& question = spec.questions[i];
    check_identifier(check, at + ".id", "id", question.id);
    const auto [seen, inserted] = first_index.emplace(question.id, i);
    if (!inserted) {
      check.add(at + ".id", "duplicate question id " + quoted(question.id) +
                                " (first at questions[" + std::to_string(seen->second) + "])");
    }
    check_not_empty(check, at + ".text", "text", question.text);
    check_range(check, at + ".weight", "weight", question.weight, 1, kMaxWeight);
    check_options(check, at, question, spec.interventions);
  }
}

// hours (hundredths) × multiplier × rate (pence) / 100, rounded once.
Money rounded_amount(Hours hours, std::int64_t multiplier, Money rate, RoundingMode mode) {
  const Int128 exact = static_cast<Int128>(hours.hundredths()) * multiplier * rate.pence();
  return Money::from_pence(divide_rounded(exact, 100, mode));
}

}  // namespace

std::vector<Problem> validate(const RulesetSpec& spec) {
  std::vector<Problem> problems;
  Checker check(problems);
  check_header(check, spec);
  check_interventions(check, spec.interventions);
  check_questions(check, spec);
  return problems;
}

Result<Ruleset> Ruleset::create(RulesetSpec spec) {
  std::vector<Problem> problems = validate(spec);
  if (!problems.empty()) return problems;
  return Ruleset(std::move(spec));
}

Ruleset::Ruleset(RulesetSpec spec) : spec_(std::move(spec)) {
  static std::atomic<std::uint64_t> next_serial{1};
  serial_ = next_serial.fetch_add(1, std::memory_order_relaxed);
  contributions_.resize(spec_.questions.size() * kMaxOptions);
  for (std::size_t q = 0; q < spec_.questions.size(); ++q) {
    const QuestionSpec& question = spec_.questions[q];
    for (std::size_t o = 0; o < question.options.size(); ++o) {
      for (const auto& [key, points] : question.options[o].points) {
        for (std::size_t t = 0; t < spec_.interventions.size(); ++t) {
          if (spec_.interventions[t].key == key) {
            contributions_[q * kMaxOptions + o][t] = question.weight * points;
          }
        }
      }
    }
  }
  for (std::size_t t = 0; t < spec_.interventions.size(); ++t) {
    const InterventionSpec& type = spec_.interventions[t];
    std::array<Money, 4> amounts{};
    std::array<Money, 4> weekly{};
    Money cash;
    if (type.is_allowance()) {
      cash = type.pot ? share_of(*type.pot).per_place_per_week : type.cash_per_week;
      amounts[static_cast<std::size_t>(Level::none)] = cash.times(type.weeks);
      weekly[static_cast<std::size_t>(Level::none)] = cash;
    } else {
      ++scored_count_;
      for (const Level level : kRatedLevels) {
        const Hours hours = hours_at(t, level);
        const auto at = static_cast<std::size_t>(level);
        amounts[at] = rounded_amount(hours, type.weeks, spec_.hourly_rate, spec_.rounding);
        weekly[at] = rounded_amount(hours, 1, spec_.hourly_rate, spec_.rounding);
      }
    }
    amounts_.push_back(amounts);
    weekly_amounts_.push_back(weekly);
    allowance_cash_.push_back(cash);
  }
}

Hours Ruleset::hours_at(std::size_t intervention, Level level) const {
  const InterventionSpec& type = spec_.interventions[intervention];
  if (type.is_allowance()) return type.allowance_hours_per_week;
  if (level == Level::none) return Hours{};
  return spec_.interventions[intervention].hours_per_week[rated_index(level)];
}

}  // namespace hsg::engine
