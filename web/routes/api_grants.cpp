// POST /api/allocations/:id/grant {"start", "held_as", "provider"?} → 201, as
// `hsg grant start --json`.
#include "app/grants/grant_start.h"
#include "app/present/grant_json.h"
#include "web/routes/api_refusal.h"
#include "web/routes/route_inputs.h"
#include "web/routes/routes.h"

namespace hsg::web {

namespace {

void start_grant(Exchange& exchange) {
  const auto body = json_body(exchange);
  if (!body) return;
  auto started = app::attempt([&] {
    const std::optional<std::string> start = json_string(*body, "start");
    if (!start) throw app::Refusal("\"start\" is required (YYYY-MM-DD)");
    const app::GrantRequest request{
        path_id(exchange), date_from(*start, "start", exchange.state.clock.today()),
        json_string(*body, "held_as").value_or(""), json_string(*body, "provider")};
    return unwrap(exchange.write([&](db::Database& database) {
      return app::start_grant(database, exchange.stamp(), request);
    }));
  });
  if (!started.ok()) {
    send_json_refusal(exchange, 422, started.refusal());
    return;
  }
  send_json(exchange, 201, app::started_grant_json(started.value()));
}

}  // namespace

void add_api_grant_routes(RouteTable& table) {
  table.add(Method::post, "/api/allocations/:id/grant", Answer::json,
            Access::needs(app::Permission::start_grant), start_grant);
}

}  // namespace hsg::web
