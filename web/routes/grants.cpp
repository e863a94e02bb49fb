// POST /allocations/:id/grant (start the grant from an agreed allocation) and GET
// /grants/:id (the grant as `hsg grant show` says it).
#include <fmt/format.h>

#include <sstream>

#include "app/grants/grant_lookup.h"
#include "app/grants/grant_start.h"
#include "app/present/grant_text.h"
#include "web/page.h"
#include "web/routes/allocation_page.h"
#include "web/routes/route_inputs.h"
#include "web/routes/routes.h"

namespace hsg::web {

namespace {

void start_grant(Exchange& exchange) {
  const std::int64_t id = path_id(exchange);
  auto started = app::attempt([&] {
    if (exchange.field("start").empty())
      throw app::Refusal("start: the first instalment's date is required");
    const app::GrantRequest request{
        id, date_from(exchange.field("start"), "start", exchange.state.clock.today()),
        exchange.field("held_as"), exchange.optional_field("provider")};
    return unwrap(exchange.write([&](db::Database& database) {
             return app::start_grant(database, exchange.stamp(), request);
           }))
        .id;
  });
  if (!started.ok()) {
    send_allocation_page(exchange, 422, id, problems_of(started.refusal()));
    return;
  }
  redirect(exchange, fmt::format("/grants/{}", started.value()));
}

void show_grant(Exchange& exchange) {
  auto view = app::grant_view(exchange.database(), path_id(exchange));
  if (!view.ok()) {
    send_message(exchange, 404, "Not found", problems_of(view.refusal()).front());
    return;
  }
  const db::Grant& grant = view.value().detail.grant;
  std::ostringstream text;
  app::write_grant_view(text, view.value());
  Data data;
  data.set("allocation_id", std::to_string(grant.allocation_id));
  data.set("client_ref", grant.client_ref);
  data.set("ref_path", path_segment(grant.client_ref));
  data.set("text", text.str());
  send_page(exchange, 200, fmt::format("Grant {}", grant.id), "grant.mustache", std::move(data));
}

}  // namespace

void add_grant_routes(RouteTable& table) {
  table.add(Method::post, "/allocations/:id/grant", Answer::page,
            Access::needs(app::Permission::start_grant), start_grant);
  table.add(Method::get, "/grants/:id", Answer::page, Access::needs(app::Permission::read_cases),
            show_grant);
}

}  // namespace hsg::web
