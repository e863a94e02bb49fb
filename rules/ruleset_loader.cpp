#include "rules/ruleset_loader.h"

#include <fmt/core.h>

#include <toml++/toml.h>
#include <algorithm>
#include <map>
#include <optional>
#include <stdexcept>
#include <utility>

#include "rules/file_bytes.h"
#include "rules/retention_reader.h"
#include "rules/sha256.h"
#include "rules/source_map.h"
#include "rules/spending_reader.h"
#include "rules/toml_reader.h"

namespace hsg::rules {

namespace {

using engine::Hours;
using engine::Money;

constexpr std::array<std::string_view, 3> kLevelKeys{"low", "medium", "high"};

// Reads a document into a RulesetSpec, collecting every problem on the way.
class SpecReader {
 public:
  SpecReader(std::string source, SourceMap& map, std::vector<Diagnostic>& problems)
      : reader_(std::move(source), map, problems), map_(map) {}

  bool already_reported(const std::string& path) const { return reader_.already_reported(path); }

  engine::RulesetSpec read(const toml::table& root);

  // Question index → option-set index, for questions whose options come from a set.
  const std::map<std::size_t, std::size_t>& set_of_question() const { return set_of_question_; }
  FinanceConfig take_finance() { return std::move(finance_); }
  std::optional<PlansConfig> take_plans() { return std::move(plans_); }
  std::optional<SpendingConfig> take_spending() { return std::move(spending_); }
  std::optional<RetentionConfig> take_retention() { return retention_; }

 private:
  void read_settings(const toml::table& root);
  void read_interventions(const toml::table& root);
  engine::InterventionSpec read_intervention(const toml::table& table, const std::string& at);
  void read_allowances(const toml::table& root);
  engine::InterventionSpec read_allowance(const toml::table& table, const std::string& at);
  engine::AllowancePot read_pot(const toml::table& allowance, const std::string& at);
  void read_option_sets(const toml::table& root);
  std::vector<engine::OptionSpec> read_options(const toml::array& array, const std::string& at);
  engine::OptionSpec read_option(const toml::table& table, const std::string& at);
  void read_questions(const toml::table& root);
  engine::QuestionSpec read_question(const toml::table& table, std::size_t index);
  void read_finance(const toml::table& root);
  void read_accounts(const toml::table& finance, std::string_view key,
                     const std::vector<std::string>& allowed,
                     std::map<std::string, std::string, std::less<>>& accounts);
  void check_accounts_apart(const toml::table& finance);
  void read_plans(const toml::table& root);
  std::vector<std::string> read_categories(const toml::table& plans);
  void read_excluded(const toml::table& plans, const std::vector<std::string>& categories,
                     PlansConfig& config);

  TomlReader reader_;
  SourceMap& map_;
  engine::RulesetSpec spec_;
  struct OptionSet {
    std::string id;
    std::vector<engine::OptionSpec> options;
    const toml::node* node = nullptr;
    bool used = false;
  };
  std::vector<OptionSet> option_sets_;
  std::map<std::size_t, std::size_t> set_of_question_;
  FinanceConfig finance_;
  std::optional<PlansConfig> plans_;
  std::optional<SpendingConfig> spending_;
  std::optional<RetentionConfig> retention_;
};

engine::RulesetSpec SpecReader::read(const toml::table& root) {
  reader_.check_keys(
      root, "",
      {"name", "version", "effective_from", "currency", "rounding", "hourly_rate", "upper_limit",
       "instalment_period_weeks", "adjustment_tolerance_percent", "interventions", "allowances",
       "option_sets", "questions", "finance", "plans", "spending", "retention"});
  read_settings(root);
  read_interventions(root);
  read_allowances(root);
  read_option_sets(root);
  read_questions(root);
  read_finance(root);
  read_plans(root);
  spending_ = read_spending(reader_, root);
  retention_ = read_retention(reader_, root);
  for (const OptionSet& set : option_sets_) {
    if (!set.used) {
      reader_.error_at(*set.node,
                       fmt::format("option set '{}' is not used by any question", set.id));
    }
  }
  return std::move(spec_);
}

void SpecReader::read_settings(const toml::table& root) {
  spec_.name = reader_.string(root, "", "name").value_or("");
  spec_.version = reader_.string(root, "", "version").value_or("");
  spec_.currency = reader_.string(root, "", "currency").value_or("");
  if (auto date = reader_.date(root, "", "effective_from")) spec_.effective_from = *date;
  if (auto rounding = reader_.string(root, "", "rounding")) {
    if (*rounding == "half_up") {
      spec_.rounding = engine::RoundingMode::half_up;
    } else if (*rounding == "half_even") {
      spec_.rounding = engine::RoundingMode::half_even;
    } else {
      reader_.error_at(
          *root.get("rounding"),
          fmt::format("rounding must be one of half_up, half_even, got '{}'", *rounding));
    }
  }
  // A missing or unreadable figure is already reported; the stand-in value 1 keeps
  // validation from adding a second, misleading problem for the same key.
  // Only scored types use the rate: a rule set of allowances alone may leave it out.
  if (root.contains("hourly_rate") || !root.contains("allowances") ||
      root.contains("interventions")) {
    spec_.hourly_rate = Money::from_pence(reader_.hundredths(root, "", "hourly_rate").value_or(1));
  }
  spec_.upper_limit = Money::from_pence(reader_.hundredths(root, "", "upper_limit").value_or(1));
  spec_.instalment_period_weeks = reader_.integer(root, "", "instalment_period_weeks").value_or(1);
  spec_.adjustment_tolerance_percent =
      reader_.integer(root, "", "adjustment_tolerance_percent").value_or(0);
}

void SpecReader::read_interventions(const toml::table& root) {
  const toml::array* array =
      reader_.array_of_tables(root, "", "interventions", !root.contains("allowances"));
  if (array == nullptr) return;
  for (std::size_t i = 0; i < array->size(); ++i) {
    const std::string at = fmt::format("interventions[{}]", i);
    spec_.interventions.push_back(read_intervention(*array->get(i)->as_table(), at));
  }
}

engine::InterventionSpec SpecReader::read_intervention(const toml::table& table,
                                                       const std::string& at) {
  reader_.check_keys(table, at, {"key", "label", "thresholds", "hours_per_week", "weeks"});
  engine::InterventionSpec type;
  type.key = reader_.string(table, at, "key").value_or("");
  type.label = reader_.string(table, at, "label").value_or("");
  type.weeks = reader_.integer(table, at, "weeks").value_or(1);
  const std::string thresholds_at = at + ".thresholds";
  if (const toml::table* thresholds = reader_.table(table, at, "thresholds")) {
    reader_.check_keys(*thresholds, thresholds_at, {"low", "medium", "high"});
    for (std::size_t level = 0; level < 3; ++level) {
      type.thresholds[level] = reader_.integer(*thresholds, thresholds_at, kLevelKeys[level])
                                   .value_or(static_cast<std::int64_t>(level + 1));
    }
  }
  const std::string hours_at = at + ".hours_per_week";
  if (const toml::table* hours = reader_.table(table, at, "hours_per_week")) {
    reader_.check_keys(*hours, hours_at, {"low", "medium", "high"});
    for (std::size_t level = 0; level < 3; ++level) {
      type.hours_per_week[level] = Hours::from_hundredths(
          reader_.hundredths(*hours, hours_at, kLevelKeys[level]).value_or(0));
    }
  }
  return type;
}

void SpecReader::read_allowances(const toml::table& root) {
  const toml::array* array = reader_.array_of_tables(root, "", "allowances", false);
  if (array == nullptr) return;
  for (std::size_t i = 0; i < array->size(); ++i) {
    const std::string at = fmt::format("allowances[{}]", i);
    spec_.interventions.push_back(read_allowance(*array->get(i)->as_table(), at));
  }
}

engine::InterventionSpec SpecReader::read_allowance(const toml::table& table,
                                                    const std::string& at) {
  reader_.check_keys(table, at,
                     {"key", "label", "cash_per_week", "pot", "hours_per_week", "weeks"});
  engine::InterventionSpec type;
  type.kind = engine::InterventionKind::allowance;
  type.key = reader_.string(table, at, "key").value_or("");
  type.label = reader_.string(table, at, "label").value_or("");
  type.weeks = reader_.integer(table, at, "weeks").value_or(1);
  if (table.contains("cash_per_week") && table.contains("pot")) {
    reader_.error_at(*table.get("pot"),
                     fmt::format("{} gives cash_per_week and pot; give one of them", at));
    reader_.mark_reported(at + ".cash_per_week");
  } else if (table.contains("cash_per_week")) {
    type.cash_per_week =
        Money::from_pence(reader_.hundredths(table, at, "cash_per_week").value_or(1));
  }
  if (table.contains("pot")) type.pot = read_pot(table, at);
  if (table.contains("hours_per_week")) {
    type.allowance_hours_per_week =
        Hours::from_hundredths(reader_.hundredths(table, at, "hours_per_week").value_or(1));
  }
  return type;
}

// pot = { amount = "…", weeks = N, places = N }: weeks defaults to 1 (a weekly pot).
engine::AllowancePot SpecReader::read_pot(const toml::table& allowance, const std::string& at) {
  engine::AllowancePot pot{Money::from_pence(1), 1, 1};
  const std::string pot_at = at + ".pot";
  const toml::table* table = reader_.table(allowance, at, "pot");
  if (table == nullptr) {
    reader_.mark_reported(pot_at);
    return pot;
  }
  reader_.check_keys(*table, pot_at, {"amount", "weeks", "places"});
  pot.amount = Money::from_pence(reader_.hundredths(*table, pot_at, "amount").value_or(1));
  if (table->contains("weeks")) pot.weeks = reader_.integer(*table, pot_at, "weeks").value_or(1);
  pot.places = reader_.integer(*table, pot_at, "places").value_or(1);
  return pot;
}

void SpecReader::read_option_sets(const toml::table& root) {
  const toml::array* array = reader_.array_of_tables(root, "", "option_sets", false);
  if (array == nullptr) return;
  for (std::size_t i = 0; i < array->size(); ++i) {
    const toml::table& table = *array->get(i)->as_table();
    const std::string at = fmt::format("option_sets[{}]", i);
    reader_.check_keys(table, at, {"id", "options"});
    OptionSet set{reader_.string(table, at, "id").value_or(""), {}, &table, false};
    for (const OptionSet& earlier : option_sets_) {
      if (!set.id.empty() && earlier.id == set.id) {
        reader_.error_at(*table.get("id"), fmt::format("duplicate option set id '{}'", set.id));
      }
    }
    if (const toml::array* options = reader_.array_of_tables(table, at, "options")) {
      set.options = read_options(*options, at + ".options");
    }
    option_sets_.push_back(std::move(set));
  }
}

std::vector<engine::OptionSpec> SpecReader::read_options(const toml::array& array,
                                                         const std::string& at) {
  std::vector<engine::OptionSpec> options;
  for (std::size_t j = 0; j < array.size(); ++j) {
    options.push_back(read_option(*array.get(j)->as_table(), fmt::format("{}[{}]", at, j)));
  }
  return options;
}

engine::OptionSpec SpecReader::read_option(const toml::table& table, const std::string& at) {
  reader_.check_keys(table, at, {"id", "label", "points"});
  engine::OptionSpec option;
  option.id = reader_.string(table, at, "id").value_or("");
  option.label = reader_.string(table, at, "label").value_or("");
  const toml::node* points_node = table.get("points");
  if (points_node == nullptr) return option;  // no points: the option adds nothing
  const toml::table* points = points_node->as_table();
  if (points == nullptr) {
    reader_.error_at(*points_node, fmt::format("{}.points must be a table such as "
                                               "{{ short_term_basic = 2 }}",
                                               at));
    return option;
  }
  const std::string points_at = at + ".points";
  map_.record(points_at, position_of(points->source()));
  // toml++ iterates a table in key order; the spec keeps the file's order.
  std::vector<std::pair<SourcePosition, std::pair<std::string, std::int64_t>>> in_file;
  for (auto&& [key, node] : *points) {
    const std::string path = join_path(points_at, key.str());
    map_.record(path, position_of(key.source()));
    if (auto value = reader_.integer_value(node, path)) {
      in_file.push_back({position_of(key.source()), {std::string(key.str()), *value}});
    }
  }
  std::sort(in_file.begin(), in_file.end(), [](const auto& a, const auto& b) {
    return std::pair(a.first.line, a.first.column) < std::pair(b.first.line, b.first.column);
  });
  for (auto& entry : in_file) option.points.push_back(std::move(entry.second));
  return option;
}

void SpecReader::read_questions(const toml::table& root) {
  // A rule set of allowances alone scores nothing, so it needs no questions.
  const bool scored = root.contains("interventions") || !root.contains("allowances");
  const toml::array* array = reader_.array_of_tables(root, "", "questions", scored);
  if (array == nullptr) return;
  for (std::size_t i = 0; i < array->size(); ++i) {
    spec_.questions.push_back(read_question(*array->get(i)->as_table(), i));
  }
}

engine::QuestionSpec SpecReader::read_question(const toml::table& table, std::size_t index) {
  const std::string at = fmt::format("questions[{}]", index);
  reader_.check_keys(table, at, {"id", "text", "weight", "option_set", "options"});
  engine::QuestionSpec question;
  question.id = reader_.string(table, at, "id").value_or("");
  question.text = reader_.string(table, at, "text").value_or("");
  question.weight = reader_.integer(table, at, "weight").value_or(1);
  const bool named_set = table.contains("option_set");
  const bool inline_options = table.contains("options");
  if (named_set && inline_options) {
    reader_.error_at(*table.get("option_set"),
                     fmt::format("{} has both option_set and options; give one of them", at));
  } else if (inline_options) {
    if (const toml::array* options = reader_.array_of_tables(table, at, "options")) {
      question.options = read_options(*options, at + ".options");
    }
  } else if (named_set) {
    // Whatever goes wrong here, the question has no options: say why only once.
    reader_.mark_reported(at + ".options");
    const auto id = reader_.string(table, at, "option_set");
    if (!id) return question;
    auto set = std::find_if(option_sets_.begin(), option_sets_.end(),
                            [&](const OptionSet& candidate) { return candidate.id == *id; });
    if (set == option_sets_.end()) {
      std::string known;
      for (const OptionSet& candidate : option_sets_) {
        known += (known.empty() ? "" : ", ") + candidate.id;
      }
      reader_.error_at(*table.get("option_set"),
                       fmt::format("unknown option set '{}'; known: {}", *id,
                                   known.empty() ? "none ([[option_sets]] defines them)" : known));
      return question;
    }
    set->used = true;
    question.options = set->options;
    set_of_question_[index] = static_cast<std::size_t>(set - option_sets_.begin());
  } else {
    reader_.mark_reported(at + ".options");
    reader_.error(position_of(table.source()),
                  fmt::format("{} needs options: option_set = \"…\" or [[questions.options]]", at));
  }
  return question;
}

// [finance] is optional and so is each of its keys (rules/finance.h has the defaults).
void SpecReader::read_finance(const toml::table& root) {
  if (!root.contains("finance")) return;
  const toml::table* finance = reader_.table(root, "", "finance");
  if (finance == nullptr) return;
  reader_.check_keys(*finance, "finance",
                     {"cost_centre", "expenditure_accounts", "creditor_accounts"});
  if (finance->contains("cost_centre")) {
    if (auto text = reader_.string(*finance, "finance", "cost_centre")) {
      if (auto problem = account_name_problem(*text);
          problem || text->size() > 64 || text->find(',') != std::string::npos) {
        reader_.error_at(*finance->get("cost_centre"),
                         "finance.cost_centre must be 1 to 64 bytes of printable text without "
                         "',', ';', '  ' or a leading '(' or '['");
      } else {
        finance_.cost_centre = *text;
      }
    }
  }
  std::vector<std::string> types;
  for (const engine::InterventionSpec& type : spec_.interventions) types.push_back(type.key);
  read_accounts(*finance, "expenditure_accounts", types, finance_.expenditure_accounts);
  read_accounts(*finance, "creditor_accounts", {kHeldAs.begin(), kHeldAs.end()},
                finance_.creditor_accounts);
  check_accounts_apart(*finance);
}

void SpecReader::read_accounts(const toml::table& finance, std::string_view key,
                               const std::vector<std::string>& allowed,
                               std::map<std::string, std::string, std::less<>>& accounts) {
  if (!finance.contains(key)) return;
  const std::string at = join_path("finance", key);
  const toml::table* table = reader_.table(finance, "finance", key);
  if (table == nullptr) return;
  std::string allowed_text;
  for (const std::string& name : allowed) allowed_text += (allowed_text.empty() ? "" : ", ") + name;
  map_.record(at, position_of(table->source()));
  for (auto&& [name, node] : *table) {
    const std::string path = join_path(at, name.str());
    map_.record(path, position_of(node.source()));
    if (std::find(allowed.begin(), allowed.end(), name.str()) == allowed.end()) {
      reader_.error(position_of(name.source()), fmt::format("unknown key '{}' in {}; allowed: {}",
                                                            name.str(), at, allowed_text));
      continue;
    }
    const auto* value = node.as_string();
    if (value == nullptr) {
      reader_.error_at(node, fmt::format("{} must be a string (an account name)", path));
      continue;
    }
    if (auto problem = account_name_problem(value->get())) {
      reader_.error_at(node, fmt::format("{}: {}", path, *problem));
      continue;
    }
    accounts.emplace(std::string(name.str()), value->get());
  }
}

// The ledger tells spend from liability by the account, so they must never coincide.
void SpecReader::check_accounts_apart(const toml::table& finance) {
  for (const engine::InterventionSpec& type : spec_.interventions) {
    const std::string expenditure = finance_.expenditure_account(type.key);
    for (std::string_view held_as : kHeldAs) {
      if (finance_.creditor_account(held_as) == expenditure) {
        reader_.error_at(finance, fmt::format("account '{}' is both the expenditure account of {} "
                                              "and the creditor account of {}",
                                              expenditure, type.key, held_as));
      }
    }
  }
}

// [plans] is optional; when given, it needs at least one category (rules/plans_config.h).
void SpecReader::read_plans(const toml::table& root) {
  if (!root.contains("plans")) return;
  const toml::table* plans = reader_.table(root, "", "plans");
  if (plans == nullptr) return;
  reader_.check_keys(*plans, "plans", {"categories", "excluded"});
  PlansConfig config;
  config.categories = read_categories(*plans);
  read_excluded(*plans, config.categories, config);
  plans_ = std::move(config);
}

std::vector<std::string> SpecReader::read_categories(const toml::table& plans) {
  std::vector<std::string> categories;
  const toml::node* node = plans.get("categories");
  if (node == nullptr) {
    reader_.error_at(plans, "missing key 'categories' in plans");
    return categories;
  }
  const auto* array = node->as_array();
  if (array == nullptr || array->empty()) {
    reader_.error_at(*node, "plans.categories must be a non-empty array of category keys");
    return categories;
  }
  for (const toml::node& entry : *array) {
    const auto* text = entry.as_string();
    if (text == nullptr || !is_plan_key(text->get())) {
      reader_.error_at(entry,
                       "a category must be a key of 1 to 64 lowercase letters, digits and '_'");
      continue;
    }
    if (std::find(categories.begin(), categories.end(), text->get()) != categories.end()) {
      reader_.error_at(entry, fmt::format("category '{}' is listed twice", text->get()));
      continue;
    }
    categories.push_back(text->get());
  }
  return categories;
}

void SpecReader::read_excluded(const toml::table& plans, const std::vector<std::string>& categories,
                               PlansConfig& config) {
  const toml::array* excluded = reader_.array_of_tables(plans, "plans", "excluded", false);
  if (excluded == nullptr) return;
  for (std::size_t i = 0; i < excluded->size(); ++i) {
    const toml::table& table = *excluded->get(i)->as_table();
    const std::string at = fmt::format("plans.excluded[{}]", i);
    reader_.check_keys(table, at, {"key", "reason"});
    const auto key = reader_.string(table, at, "key");
    const auto reason = reader_.string(table, at, "reason");
    if (!key || !reason) continue;
    if (!is_plan_key(*key)) {
      reader_.error_at(*table.get("key"),
                       "an excluded key must be 1 to 64 lowercase letters, digits and '_'");
    } else if (std::find(categories.begin(), categories.end(), *key) != categories.end()) {
      reader_.error_at(*table.get("key"),
                       fmt::format("'{}' is both a category and excluded", *key));
    } else if (reason->empty() || reason->size() > 200 || reason->find('\n') != std::string::npos) {
      reader_.error_at(*table.get("reason"), "a reason is one line of 1 to 200 bytes");
    } else {
      config.excluded.push_back({*key, *reason});
    }
  }
}

void replace_all(std::string& text, const std::string& from, const std::string& to) {
  for (std::size_t at = text.find(from); at != std::string::npos;
       at = text.find(from, at + to.size())) {
    text.replace(at, from.size(), to);
  }
}

// A problem in a shared option set shows up once per question using it; point it at the
// set instead, so it is reported once, where it can be fixed.
engine::Problem into_option_set(engine::Problem problem,
                                const std::map<std::size_t, std::size_t>& set_of_question) {
  for (const auto& [question, set] : set_of_question) {
    const std::string from = fmt::format("questions[{}].options", question);
    const std::string to = fmt::format("option_sets[{}].options", set);
    if (problem.path.starts_with(from)) {
      replace_all(problem.path, from, to);
      replace_all(problem.message, from, to);
    }
  }
  return problem;
}

void sort_and_dedupe(std::vector<Diagnostic>& problems) {
  sort_by_position(problems);
  std::vector<Diagnostic> unique;
  for (Diagnostic& problem : problems) {
    if (std::find(unique.begin(), unique.end(), problem) == unique.end()) {
      unique.push_back(std::move(problem));
    }
  }
  problems = std::move(unique);
}

}  // namespace

Loaded<LoadedRuleset> load_ruleset_text(std::string bytes, std::string source) {
  toml::table root;
  if (auto syntax = parse_toml(bytes, source, root)) return std::vector<Diagnostic>{*syntax};
  SourceMap map;
  std::vector<Diagnostic> problems;
  SpecReader reader(source, map, problems);
  engine::RulesetSpec spec = reader.read(root);
  // Validate even what was read with problems, so one pass reports every problem.
  for (const engine::Problem& raw : engine::validate(spec)) {
    const engine::Problem problem = into_option_set(raw, reader.set_of_question());
    if (reader.already_reported(problem.path)) continue;
    const SourcePosition at = map.locate(problem.path);
    problems.push_back({source, at.line, at.column, problem.message});
  }
  if (!problems.empty()) {
    sort_and_dedupe(problems);
    return problems;
  }
  engine::Result<engine::Ruleset> created = engine::Ruleset::create(std::move(spec));
  if (!created.ok()) throw std::logic_error("a validated rule set was refused by Ruleset::create");
  std::string id = sha256_hex(bytes);
  return LoadedRuleset{std::move(created).value(), std::move(id),          std::move(bytes),
                       std::move(source),          reader.take_finance(),  reader.take_plans(),
                       reader.take_spending(),     reader.take_retention()};
}

Loaded<LoadedRuleset> load_ruleset_file(const std::filesystem::path& path) {
  auto bytes = read_file_bytes(path);
  if (!bytes) {
    return std::vector<Diagnostic>{{path.string(), 0, 0, "cannot read the rule-set file"}};
  }
  return load_ruleset_text(std::move(*bytes), path.string());
}

}  // namespace hsg::rules
