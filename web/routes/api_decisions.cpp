// GET /api/allocations/:id (as `hsg show --json`), POST /api/allocations/:id/agree
// {"amount", "reason"}, /approve {"reason"?}, /reject {"reason"} → 200 decision JSON (as
// `hsg agree --json`), GET /api/approvals (the queue).
#include "app/decisions/approval_queue.h"
#include "app/decisions/record_decision.h"
#include "app/decisions/show_allocation.h"
#include "app/present/approval_queue_json.h"
#include "app/present/decision_json.h"
#include "app/present/shown_allocation_json.h"
#include "web/routes/api_refusal.h"
#include "web/routes/four_eyes.h"
#include "web/routes/route_inputs.h"
#include "web/routes/routes.h"

namespace hsg::web {

namespace {

void show_allocation(Exchange& exchange) {
  auto shown = app::show_allocation(exchange.database(), path_id(exchange));
  if (!shown.ok()) {
    send_json_refusal(exchange, 404, shown.refusal());
    return;
  }
  send_json(exchange, 200, app::shown_allocation_json(shown.value()));
}

void agree(Exchange& exchange) {
  const auto body = json_body(exchange);
  if (!body) return;
  auto state = app::attempt([&] {
    const std::optional<std::string> amount = json_string(*body, "amount");
    if (!amount) throw app::Refusal("\"amount\" is required, in pounds as a string (\"2000.00\")");
    const app::AgreeRequest request{path_id(exchange), pounds_from(*amount, "amount"),
                                    json_string(*body, "reason").value_or("")};
    return unwrap(exchange.write(
        [&](db::Database& database) { return app::agree(database, exchange.stamp(), request); }));
  });
  if (!state.ok()) {
    send_json_refusal(exchange, 422, state.refusal());
    return;
  }
  send_json(exchange, 200, app::decision_json(state.value()));
}

Handler resolve(app::Resolution resolution) {
  return [resolution](Exchange& exchange) {
    const auto body = json_body(exchange);
    if (!body) return;
    const std::int64_t id = path_id(exchange);
    if (const auto problem = own_agreement_problem(exchange, id)) {
      send_json_error(exchange, 403, *problem);
      return;
    }
    auto state = app::attempt([&] {
      const app::ResolveRequest request{id, resolution, json_string(*body, "reason").value_or("")};
      return unwrap(exchange.write([&](db::Database& database) {
        return app::resolve(database, exchange.stamp(), request);
      }));
    });
    if (!state.ok()) {
      send_json_refusal(exchange, 422, state.refusal());
      return;
    }
    send_json(exchange, 200, app::decision_json(state.value()));
  };
}

void approvals(Exchange& exchange) {
  auto queue = app::approval_queue(exchange.database());
  if (!queue.ok()) {
    send_json_refusal(exchange, 422, queue.refusal());
    return;
  }
  send_json(exchange, 200, app::approval_queue_json(queue.value()));
}

}  // namespace

void add_api_decision_routes(RouteTable& table) {
  table.add(Method::get, "/api/allocations/:id", Answer::json,
            Access::needs(app::Permission::read_cases), show_allocation);
  table.add(Method::post, "/api/allocations/:id/agree", Answer::json,
            Access::needs(app::Permission::agree_amount), agree);
  table.add(Method::post, "/api/allocations/:id/approve", Answer::json,
            Access::needs(app::Permission::approve_amount), resolve(app::Resolution::approve));
  table.add(Method::post, "/api/allocations/:id/reject", Answer::json,
            Access::needs(app::Permission::approve_amount), resolve(app::Resolution::reject));
  table.add(Method::get, "/api/approvals", Answer::json, Access::needs(app::Permission::read_cases),
            approvals);
}

}  // namespace hsg::web
