// GET /allocations/:id (the statement and the decision forms), POST
// /allocations/:id/agree|approve|reject, GET /approvals (the queue).
#include <fmt/format.h>

#include "app/decisions/approval_queue.h"
#include "app/decisions/record_decision.h"
#include "db/stamp.h"
#include "web/page.h"
#include "web/routes/allocation_page.h"
#include "web/routes/four_eyes.h"
#include "web/routes/route_inputs.h"
#include "web/routes/routes.h"

namespace hsg::web {

namespace {

void show_allocation(Exchange& exchange) {
  send_allocation_page(exchange, 200, path_id(exchange), {});
}

void agree(Exchange& exchange) {
  const std::int64_t id = path_id(exchange);
  auto agreed = app::attempt([&] {
    const app::AgreeRequest request{id, pounds_from(exchange.field("amount"), "amount"),
                                    exchange.field("reason")};
    return unwrap(exchange.write(
        [&](db::Database& database) { return app::agree(database, exchange.stamp(), request); }));
  });
  if (!agreed.ok()) {
    send_allocation_page(exchange, 422, id, problems_of(agreed.refusal()));
    return;
  }
  redirect(exchange, fmt::format("/allocations/{}", id));
}

Handler resolve(app::Resolution resolution) {
  return [resolution](Exchange& exchange) {
    const std::int64_t id = path_id(exchange);
    if (const auto problem = own_agreement_problem(exchange, id)) {
      send_message(exchange, 403, "Not allowed", *problem);
      return;
    }
    const app::ResolveRequest request{id, resolution, exchange.field("reason")};
    auto resolved = exchange.write(
        [&](db::Database& database) { return app::resolve(database, exchange.stamp(), request); });
    if (!resolved.ok()) {
      send_allocation_page(exchange, 422, id, problems_of(resolved.refusal()));
      return;
    }
    redirect(exchange, fmt::format("/allocations/{}", id));
  };
}

void show_approvals(Exchange& exchange) {
  auto queue = app::approval_queue(exchange.database());
  if (!queue.ok()) {
    send_message(exchange, 422, "Approvals", problems_of(queue.refusal()).front());
    return;
  }
  Data waiting{Data::type::list};
  for (const app::AwaitingApproval& entry : queue.value()) {
    const db::Decision& agreement = *entry.state.agreement;
    Data row;
    row.set("id", std::to_string(entry.state.allocation_id));
    row.set("client_ref", entry.client_ref);
    row.set("indicative", entry.state.indicative.to_grouped_string());
    row.set("agreed", agreement.agreed->to_grouped_string());
    row.set("actor", agreement.actor);
    row.set("at", agreement.at);
    row.set("reason", agreement.reason);
    row.set("own", db::same_actor(agreement.actor, exchange.user->name));
    waiting.push_back(row);
  }
  Data data;
  data.set("has_waiting", !queue.value().empty());
  data.set("waiting", waiting);
  send_page(exchange, 200, "Approvals", "approvals.mustache", std::move(data));
}

}  // namespace

void add_decision_routes(RouteTable& table) {
  table.add(Method::get, "/allocations/:id", Answer::page,
            Access::needs(app::Permission::read_cases), show_allocation);
  table.add(Method::post, "/allocations/:id/agree", Answer::page,
            Access::needs(app::Permission::agree_amount), agree);
  table.add(Method::post, "/allocations/:id/approve", Answer::page,
            Access::needs(app::Permission::approve_amount), resolve(app::Resolution::approve));
  table.add(Method::post, "/allocations/:id/reject", Answer::page,
            Access::needs(app::Permission::approve_amount), resolve(app::Resolution::reject));
  table.add(Method::get, "/approvals", Answer::page, Access::needs(app::Permission::read_cases),
            show_approvals);
}

}  // namespace hsg::web
