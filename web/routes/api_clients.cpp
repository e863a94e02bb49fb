// GET /api/clients[?ref=&group=&review_due=], POST /api/clients {"ref", "group",
// "asc_funded", "name"?} → 201, GET /api/clients/:ref (the client and their history).
#include "app/clients/caseload.h"
#include "app/clients/client_register.h"
#include "app/present/client_json.h"
#include "web/routes/api_refusal.h"
#include "web/routes/route_inputs.h"
#include "web/routes/routes.h"

namespace hsg::web {

namespace {

void list_clients(Exchange& exchange) {
  auto found = app::attempt([&] {
    app::CaseloadQuery query{exchange.optional_field("ref").value_or(""),
                             exchange.optional_field("group"), std::nullopt};
    if (const auto due = exchange.optional_field("review_due")) {
      query.review_due = date_from(*due, "review_due", exchange.state.clock.today());
    }
    return unwrap(app::caseload(exchange.database(), query));
  });
  if (!found.ok()) {
    send_json_refusal(exchange, 422, found.refusal());
    return;
  }
  send_json(exchange, 200, app::caseload_json(found.value()));
}

void add_client(Exchange& exchange) {
  const auto body = json_body(exchange);
  if (!body) return;
  auto added = app::attempt([&] {
    db::NewClient client{json_string(*body, "ref").value_or(""),
                         json_string(*body, "group").value_or(""), false,
                         json_string(*body, "name")};
    const auto asc = body->find("asc_funded");
    if (asc != body->end() && !asc->is_null()) {
      if (!asc->is_boolean()) throw app::Refusal("\"asc_funded\" must be true or false");
      client.asc_funded = asc->get<bool>();
    }
    return unwrap(exchange.write([&](db::Database& database) {
      return app::add_client(database, exchange.stamp(), client);
    }));
  });
  if (!added.ok()) {
    send_json_refusal(exchange, 422, added.refusal());
    return;
  }
  send_json(exchange, 201, app::client_json(added.value()));
}

void show_client(Exchange& exchange) {
  auto history = app::client_history(exchange.database(), exchange.path_part(1));
  if (!history.ok()) {
    send_json_refusal(exchange, 404, history.refusal());
    return;
  }
  send_json(exchange, 200, app::client_history_json(history.value()));
}

}  // namespace

void add_api_client_routes(RouteTable& table) {
  table.add(Method::get, "/api/clients", Answer::json, Access::needs(app::Permission::read_cases),
            list_clients);
  table.add(Method::post, "/api/clients", Answer::json, Access::needs(app::Permission::add_client),
            add_client);
  table.add(Method::get, "/api/clients/:ref", Answer::json,
            Access::needs(app::Permission::read_cases), show_client);
}

}  // namespace hsg::web
