// What several routes read from a request the same way: an id from the path, a date, the
// answers of a questionnaire (form fields answer.AREA or a JSON object), a JSON body.
// Each reading that fails is a Refusal naming the field, so the page or the API lists it
// with the use case's own problems.
#pragma once

#include <cstddef>
#include <cstdint>
#include <nlohmann/json.hpp>
#include <optional>
#include <string>
#include <vector>

#include "app/assessment/answers_source.h"
#include "app/result.h"
#include "engine/answers.h"
#include "engine/date.h"
#include "engine/money.h"
#include "web/exchange.h"

namespace hsg::web {

// A use case's value, or its refusal thrown, for a handler that reads several inputs and
// calls a use case inside one app::attempt.
template <typename T>
T unwrap(app::Result<T> result) {
  if (!result.ok()) throw result.refusal();
  return std::move(result).value();
}

// The ":id" of the path (the route's pattern guarantees digits); 0 when out of range.
std::int64_t path_id(const Exchange& exchange);

// The `page` field (1, 2, ...); 1 when absent.
std::size_t page_number(const Exchange& exchange);

// `text` as a date (`what` names the field in the refusal); blank: `fallback`.
engine::Date date_from(const std::string& text, std::string_view what, engine::Date fallback);
// `text` as pounds ("2000" or "2000.00").
engine::Money pounds_from(const std::string& text, std::string_view what);

// The answers resolved under the rule set the use case chose; a problem is a Refusal
// listing every one.
app::AnswersSource answers_source(std::vector<engine::NamedAnswer> given);
// The form's answer.AREA fields, in the order the form sent them.
std::vector<engine::NamedAnswer> form_answers(const Exchange& exchange);
// {"AREA": "OPTION", ...}; anything else is a Refusal.
std::vector<engine::NamedAnswer> json_answers(const nlohmann::json& answers);

// The body as a JSON object; nothing after sending 415 when it is not sent as
// application/json, or 400 when it is not a JSON object.
std::optional<nlohmann::json> json_body(Exchange& exchange);
// A string member of `body`: nothing when absent or null; a Refusal when not a string.
std::optional<std::string> json_string(const nlohmann::json& body, const std::string& key);

}  // namespace hsg::web
