#include "rules/answers_loader.h"

#include <fmt/core.h>

#include <toml++/toml.h>
#include <algorithm>
#include <nlohmann/json.hpp>

#include "rules/file_bytes.h"
#include "rules/source_map.h"
#include "rules/toml_reader.h"

namespace hsg::rules {

namespace {

// Answers as given, with where each was given, before they are checked against a rule set.
struct GivenAnswers {
  std::vector<engine::NamedAnswer> answers;
  SourceMap map;
  std::vector<Diagnostic> problems;
};

void read_toml(const std::string& text, const std::string& source, GivenAnswers& given) {
  toml::table root;
  if (auto syntax = parse_toml(text, source, root)) {
    given.problems.push_back(std::move(*syntax));
    return;
  }
  TomlReader reader(source, given.map, given.problems);
  reader.check_keys(root, "", {"answers"});
  const toml::table* answers = reader.table(root, "", "answers");
  if (answers == nullptr) return;
  given.map.record("answers", position_of(answers->source()));
  // toml++ iterates a table in key order; problems are reported in the file's order.
  std::vector<std::pair<SourcePosition, engine::NamedAnswer>> in_file;
  for (auto&& [area, node] : *answers) {
    const std::string path = "answers." + std::string(area.str());
    given.map.record(path, position_of(area.source()));
    if (const auto* option = node.as_string()) {
      in_file.push_back({position_of(area.source()), {std::string(area.str()), option->get()}});
    } else {
      reader.error_at(node,
                      fmt::format("{} must be an option id in quotes, such as \"none\"", path));
    }
  }
  std::sort(in_file.begin(), in_file.end(), [](const auto& a, const auto& b) {
    return std::pair(a.first.line, a.first.column) < std::pair(b.first.line, b.first.column);
  });
  for (auto& entry : in_file) given.answers.push_back(std::move(entry.second));
}

std::pair<std::uint32_t, std::uint32_t> line_and_column(const std::string& text, std::size_t byte) {
  std::uint32_t line = 1;
  std::uint32_t column = 1;
  for (std::size_t i = 0; i < byte && i < text.size(); ++i) {
    if (text[i] == '\n') {
      ++line;
      column = 1;
    } else {
      ++column;
    }
  }
  return {line, column};
}

void read_json(const std::string& text, const std::string& source, GivenAnswers& given) {
  // JSON objects may repeat a key and nlohmann keeps only the last; every area key inside
  // "answers" is collected here so a repeated area is reported rather than lost.
  std::vector<std::string> area_keys;
  int depth = 0;
  auto track = [&](int event_depth, nlohmann::json::parse_event_t event, nlohmann::json& parsed) {
    if (event == nlohmann::json::parse_event_t::key && event_depth == 2 && depth == 2) {
      area_keys.push_back(parsed.get<std::string>());
    }
    return true;
  };
  if (auto encoding = utf8_problem(text, source)) {
    given.problems.push_back(*encoding);
    return;
  }
  nlohmann::json root;
  try {
    root = nlohmann::json::parse(
        text, [&](int event_depth, nlohmann::json::parse_event_t event, nlohmann::json& parsed) {
          if (event == nlohmann::json::parse_event_t::object_start) ++depth;
          if (event == nlohmann::json::parse_event_t::object_end) --depth;
          return track(event_depth, event, parsed);
        });
  } catch (const nlohmann::json::parse_error& error) {
    const auto [line, column] = line_and_column(text, error.byte == 0 ? 0 : error.byte - 1);
    given.problems.push_back({source, line, column, "invalid JSON: " + std::string(error.what())});
    return;
  }
  if (!root.is_object() || !root.contains("answers") || !root["answers"].is_object()) {
    given.problems.push_back(
        {source, 0, 0, "expected a JSON object {\"answers\": {\"area\": \"option\", ...}}"});
    return;
  }
  for (const auto& [key, value] : root.items()) {
    if (key != "answers") {
      given.problems.push_back(
          {source, 0, 0, fmt::format("/{}: unknown key; allowed: answers", key)});
    }
  }
  const nlohmann::json& answers = root["answers"];
  for (const std::string& area : area_keys) {
    const nlohmann::json& option = answers[area];
    if (option.is_string()) {
      given.answers.push_back({area, option.get<std::string>()});
    } else {
      given.problems.push_back(
          {source, 0, 0, fmt::format("/answers/{}: must be an option id string", area)});
    }
  }
}

}  // namespace

Loaded<LoadedAnswers> load_answers_text(const std::string& text, const std::string& source,
                                        bool is_json, const engine::Ruleset& ruleset) {
  GivenAnswers given;
  if (is_json) {
    read_json(text, source, given);
  } else {
    read_toml(text, source, given);
  }
  if (!given.problems.empty()) return std::move(given.problems);
  engine::Result<engine::Answers> resolved = engine::resolve_answers(ruleset, given.answers);
  if (!resolved.ok()) {
    std::vector<Diagnostic> problems;
    for (const engine::Problem& problem : resolved.problems()) {
      const SourcePosition at = given.map.locate(problem.path);
      problems.push_back({source, at.line, at.column, problem.message});
    }
    return problems;
  }
  LoadedAnswers loaded{std::move(resolved).value(), {}};
  for (std::size_t q = 0; q < ruleset.question_count(); ++q) {
    const engine::QuestionSpec& question = ruleset.spec().questions[q];
    loaded.named.push_back({question.id, question.options[loaded.answers.option(q)].id});
  }
  return loaded;
}

Loaded<LoadedAnswers> load_answers_file(const std::filesystem::path& path,
                                        const engine::Ruleset& ruleset) {
  const auto bytes = read_file_bytes(path);
  if (!bytes) {
    return std::vector<Diagnostic>{{path.string(), 0, 0, "cannot read the answers file"}};
  }
  return load_answers_text(*bytes, path.string(), path.extension() == ".json", ruleset);
}

std::string answers_to_toml(const engine::Ruleset& ruleset, const engine::Answers& answers) {
  std::string text = "[answers]\n";
  for (std::size_t q = 0; q < ruleset.question_count(); ++q) {
    const engine::QuestionSpec& question = ruleset.spec().questions[q];
    text += fmt::format("{} = \"{}\"\n", question.id, question.options[answers.option(q)].id);
  }
  return text;
}

}  // namespace hsg::rules
