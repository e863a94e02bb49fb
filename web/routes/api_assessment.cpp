// GET /api/questionnaire[?date=D], POST /api/assess (records nothing), POST
// /api/clients/:ref/allocations → 201: the same objects as `hsg assess --json` and
// `hsg allocate --json`.
#include "app/assessment/allocate_client.h"
#include "app/assessment/assess.h"
#include "app/assessment/record_allocation.h"
#include "app/present/assessment_json.h"
#include "app/present/questionnaire_json.h"
#include "web/routes/api_refusal.h"
#include "web/routes/route_inputs.h"
#include "web/routes/routes.h"

namespace hsg::web {

namespace {

void questionnaire(Exchange& exchange) {
  auto json = app::attempt([&] {
    const engine::Date date =
        date_from(exchange.field("date"), "date", exchange.state.clock.today());
    app::StoredRulesets rulesets(exchange.database());
    return app::questionnaire_json(rulesets.in_force_on(date));
  });
  if (!json.ok()) {
    send_json_refusal(exchange, 422, json.refusal());
    return;
  }
  send_json(exchange, 200, json.value());
}

const nlohmann::json& answers_member(const nlohmann::json& body) {
  const auto found = body.find("answers");
  if (found == body.end()) throw app::Refusal("\"answers\" is required");
  return *found;
}

void try_assessment(Exchange& exchange) {
  const auto body = json_body(exchange);
  if (!body) return;
  auto json = app::attempt([&] {
    const std::optional<std::string> date_text = json_string(*body, "date");
    const engine::Date today = exchange.state.clock.today();
    const engine::Date date = date_text ? date_from(*date_text, "date", today) : today;
    // The rule set in force on the date, as the form would record under; nothing written.
    app::StoredRulesets rulesets(exchange.database());
    const rules::LoadedRuleset& in_force = rulesets.in_force_on(date);
    const app::Assessment assessed =
        unwrap(app::assess(&exchange.database(), {date, in_force.id},
                           answers_source(json_answers(answers_member(*body)))));
    nlohmann::ordered_json assessed_json =
        app::assessment_json(assessed, date_text ? std::optional(date) : std::nullopt);
    // The caller named no rule set: the one in force was used, as `hsg assess` uses its
    // default without saying so.
    assessed_json.erase("rules_option");
    return assessed_json;
  });
  if (!json.ok()) {
    send_json_refusal(exchange, 422, json.refusal());
    return;
  }
  send_json(exchange, 200, json.value());
}

void record_allocation(Exchange& exchange) {
  const auto body = json_body(exchange);
  if (!body) return;
  auto json = app::attempt([&] {
    const engine::Date today = exchange.state.clock.today();
    const std::optional<std::string> date_text = json_string(*body, "date");
    if (!date_text) throw app::Refusal("\"date\" is required (YYYY-MM-DD)");
    const engine::Date date = date_from(*date_text, "date", today);
    std::optional<std::string> reason = json_string(*body, "future_reason");
    if (reason && reason->find_first_not_of(" \t") == std::string::npos) reason.reset();
    const app::AllocateRequest request{exchange.path_part(1), date, std::nullopt,
                                       app::FutureDatePermission{today, reason}};
    // Read before the write is queued: a malformed answer refuses here, not in the batch.
    const app::AnswersSource answers = answers_source(json_answers(answers_member(*body)));
    const db::Stamp stamp = exchange.stamp();
    const app::AllocatedClient recorded = unwrap(exchange.write([&](db::Database& database) {
      return app::allocate_client(database, stamp, request, answers);
    }));
    return app::allocated_json(recorded, date);
  });
  if (!json.ok()) {
    send_json_refusal(exchange, 422, json.refusal());
    return;
  }
  send_json(exchange, 201, json.value());
}

}  // namespace

void add_api_assessment_routes(RouteTable& table) {
  table.add(Method::get, "/api/questionnaire", Answer::json,
            Access::needs(app::Permission::read_cases), questionnaire);
  table.add(Method::post, "/api/assess", Answer::json, Access::needs(app::Permission::read_cases),
            try_assessment);
  table.add(Method::post, "/api/clients/:ref/allocations", Answer::json,
            Access::needs(app::Permission::record_assessment), record_allocation);
}

}  // namespace hsg::web
