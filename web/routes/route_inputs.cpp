#include "web/routes/route_inputs.h"

#include <fmt/format.h>

#include <charconv>

#include "app/refusal.h"
#include "engine/text.h"
#include "web/page.h"

namespace hsg::web {

std::int64_t path_id(const Exchange& exchange) {
  const std::string text = exchange.path_part(1);
  std::int64_t id = 0;
  const auto parsed = std::from_chars(text.data(), text.data() + text.size(), id);
  if (parsed.ec != std::errc() || parsed.ptr != text.data() + text.size()) return 0;
  return id;
}

engine::Date date_from(const std::string& text, std::string_view what, engine::Date fallback) {
  if (text.find_first_not_of(" \t") == std::string::npos) return fallback;
  const auto date = engine::Date::parse(text);
  if (!date) {
    throw app::Refusal(
        fmt::format("{} '{}' {}", what, engine::excerpt(text), engine::Date::refusal(text)));
  }
  return *date;
}

engine::Money pounds_from(const std::string& text, std::string_view what) {
  const engine::DecimalParse amount = engine::Money::parse_pence(text);
  if (const auto* reason = std::get_if<std::string>(&amount)) {
    throw app::Refusal(fmt::format("{} '{}' {}", what, engine::excerpt(text), *reason));
  }
  return engine::Money::from_pence(std::get<std::int64_t>(amount));
}

app::AnswersSource answers_source(std::vector<engine::NamedAnswer> given) {
  return [given = std::move(given)](const rules::LoadedRuleset& ruleset) {
    auto resolved = engine::resolve_answers(ruleset.ruleset, given);
    if (!resolved.ok()) {
      std::vector<std::string> messages;
      for (const engine::Problem& problem : resolved.problems()) {
        messages.push_back(problem.message);
      }
      throw app::Refusal::of_messages(messages);
    }
    return std::move(resolved).value();
  };
}

std::vector<engine::NamedAnswer> form_answers(const Exchange& exchange) {
  constexpr std::string_view kPrefix = "answer.";
  std::vector<engine::NamedAnswer> given;
  for (const auto& [name, value] : exchange.request.params) {
    if (name.starts_with(kPrefix)) given.push_back({name.substr(kPrefix.size()), value});
  }
  return given;
}

std::vector<engine::NamedAnswer> json_answers(const nlohmann::json& answers) {
  if (!answers.is_object()) {
    throw app::Refusal(
        "\"answers\" must be an object of area to option, e.g. {\"money\": \"advice\"}");
  }
  std::vector<engine::NamedAnswer> given;
  std::vector<std::string> problems;
  for (const auto& [area, option] : answers.items()) {
    if (!option.is_string()) {
      problems.push_back(
          fmt::format("answers.{}: the option must be a string", engine::excerpt(area)));
      continue;
    }
    given.push_back({area, option.get<std::string>()});
  }
  if (!problems.empty()) throw app::Refusal::of_messages(problems);
  return given;
}

namespace {

// A cross-site form can send any body but only three content types, none of them JSON,
// and a script cannot send JSON to another site without its consent (CORS): so a body
// that must say it is JSON cannot come from another site's page, even to POST
// /api/session, which no CSRF token guards.
bool says_json(const Exchange& exchange) {
  const std::string type = exchange.request.get_header_value("Content-Type");
  const std::string media = type.substr(0, type.find(';'));
  return media == "application/json";
}

}  // namespace

std::optional<nlohmann::json> json_body(Exchange& exchange) {
  if (!says_json(exchange)) {
    send_json_error(exchange, 415, "the request body must be JSON, sent as application/json");
    return std::nullopt;
  }
  nlohmann::json body = nlohmann::json::parse(exchange.request.body, nullptr, false);
  if (body.is_discarded() || !body.is_object()) {
    send_json_error(exchange, 400, "the request body must be a JSON object");
    return std::nullopt;
  }
  return body;
}

std::optional<std::string> json_string(const nlohmann::json& body, const std::string& key) {
  const auto found = body.find(key);
  if (found == body.end() || found->is_null()) return std::nullopt;
  if (!found->is_string()) throw app::Refusal(fmt::format("\"{}\" must be a string", key));
  return found->get<std::string>();
}

std::size_t page_number(const Exchange& exchange) {
  const auto text = exchange.optional_field("page");
  if (!text) return 1;
  std::size_t page = 0;
  const auto parsed = std::from_chars(text->data(), text->data() + text->size(), page);
  if (parsed.ec != std::errc() || parsed.ptr != text->data() + text->size() || page == 0) {
    throw app::Refusal(fmt::format("page: '{}' is not a page number (1, 2, ...)", *text));
  }
  return page;
}

}  // namespace hsg::web
