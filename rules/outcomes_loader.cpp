#include "rules/outcomes_loader.h"

#include <fmt/core.h>

#include <toml++/toml.h>
#include <algorithm>
#include <fstream>
#include <limits>
#include <map>
#include <optional>
#include <sstream>

#include "rules/source_map.h"
#include "rules/toml_reader.h"

namespace hsg::rules {

namespace {

std::string measure_keys() {
  std::string keys;
  for (const engine::OutcomeMeasure& measure : engine::outcome_measures()) {
    keys += (keys.empty() ? "" : ", ") + std::string(measure.key);
  }
  return keys;
}

std::optional<bool> boolean(TomlReader& reader, const toml::table& answer, const std::string& path,
                            std::string_view key) {
  const toml::node* node = answer.get(key);
  if (node == nullptr) {
    reader.error_at(answer, fmt::format("{} needs {} = true or false", path, key));
    return std::nullopt;
  }
  if (const auto* value = node->as_boolean()) return value->get();
  reader.error_at(*node, fmt::format("{}.{} must be true or false", path, key));
  return std::nullopt;
}

// The answer for one measure, or nothing (with the problems reported).
std::optional<engine::OutcomeAnswer> read_answer(TomlReader& reader, std::string_view measure,
                                                 const toml::node& node) {
  const std::string path = fmt::format("outcomes.\"{}\"", measure);
  const toml::table* answer = node.as_table();
  if (answer == nullptr) {
    reader.error_at(node, fmt::format("{} must be a table such as {{ needed = true, achieved = "
                                      "false }}",
                                      path));
    return std::nullopt;
  }
  reader.check_keys(*answer, path, {"needed", "achieved"});
  const auto needed = boolean(reader, *answer, path, "needed");
  const auto achieved = boolean(reader, *answer, path, "achieved");
  if (!needed || !achieved) return std::nullopt;
  if (*achieved && !*needed) {
    reader.error_at(*answer->get("achieved"),
                    fmt::format("{}: achieved = true but needed = false; an outcome can only be "
                                "achieved where the client needed support with it",
                                path));
    return std::nullopt;
  }
  return engine::OutcomeAnswer{std::string(measure), *needed, *achieved};
}

void read_outcomes(TomlReader& reader, const toml::table& outcomes, LoadedOutcomes& loaded) {
  std::map<std::string_view, engine::OutcomeAnswer> given;
  for (auto&& [key, node] : outcomes) {
    const engine::OutcomeMeasure* measure = engine::find_outcome_measure(key.str());
    if (measure == nullptr) {
      reader.error(
          position_of(key.source()),
          fmt::format("unknown outcome measure '{}'; allowed: {}", key.str(), measure_keys()));
      continue;
    }
    auto answer = read_answer(reader, measure->key, node);
    if (!answer) continue;
    given.emplace(measure->key, std::move(*answer));
  }
  std::string missing;
  for (const engine::OutcomeMeasure& measure : engine::outcome_measures()) {
    const auto found = given.find(measure.key);
    if (found != given.end()) {
      loaded.answers.push_back(found->second);
    } else if (!outcomes.contains(measure.key)) {
      missing += (missing.empty() ? "" : ", ") + std::string(measure.key);
    }
  }
  if (!missing.empty()) {
    reader.error_at(outcomes, fmt::format("[outcomes] must answer every measure of the "
                                          "framework; missing: {}",
                                          missing));
  }
}

}  // namespace

Loaded<LoadedOutcomes> load_outcomes_text(const std::string& text, const std::string& source) {
  toml::table root;
  if (auto syntax = parse_toml(text, source, root)) return std::vector<Diagnostic>{*syntax};
  SourceMap map;
  std::vector<Diagnostic> problems;
  TomlReader reader(source, map, problems);
  LoadedOutcomes loaded;
  reader.check_keys(root, "", {"term", "outcomes"});
  if (const auto term = reader.string(root, "", "term")) {
    if (const auto parsed = engine::parse_outcome_term(*term)) {
      loaded.term = *parsed;
    } else {
      reader.error_at(*root.get("term"),
                      fmt::format("term '{}' is not one of: short, long", *term));
    }
  }
  if (const toml::table* outcomes = reader.table(root, "", "outcomes")) {
    read_outcomes(reader, *outcomes, loaded);
  }
  // Every answer not read reported a problem, so no problems means every measure is here.
  if (problems.empty()) return loaded;
  // File order, as a compiler reports; problems without a position last.
  std::stable_sort(problems.begin(), problems.end(), [](const Diagnostic& a, const Diagnostic& b) {
    auto order = [](const Diagnostic& d) {
      return std::pair(d.line == 0 ? std::numeric_limits<std::uint32_t>::max() : d.line, d.column);
    };
    return order(a) < order(b);
  });
  return problems;
}

Loaded<LoadedOutcomes> load_outcomes_file(const std::filesystem::path& path) {
  std::ifstream file(path, std::ios::binary);
  std::ostringstream bytes;
  if (file) bytes << file.rdbuf();
  if (!file || file.bad()) {
    return std::vector<Diagnostic>{{path.string(), 0, 0, "cannot read the outcomes file"}};
  }
  return load_outcomes_text(bytes.str(), path.string());
}

}  // namespace hsg::rules
