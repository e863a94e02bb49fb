// GET /clients/new, POST /clients, GET /clients/:ref: adding a client and a client's page
// (details, then every allocation, decision and grant, oldest first).
#include <fmt/format.h>

#include "app/clients/client_register.h"
#include "web/routes/page_data.h"
#include "web/routes/route_inputs.h"
#include "web/routes/routes.h"

namespace hsg::web {

namespace {

void send_new_client_form(Exchange& exchange, int status,
                          const std::vector<std::string>& problems) {
  Data data;
  data.set("ref", exchange.field("ref"));
  data.set("name", exchange.field("name"));
  data.set("asc_funded", exchange.has_field("asc_funded"));
  data.set("groups", client_groups_data(exchange.field("group")));
  send_page(exchange, status, "Add a client", "new_client.mustache", std::move(data), problems);
}

void show_new_client(Exchange& exchange) { send_new_client_form(exchange, 200, {}); }

void add_client(Exchange& exchange) {
  const db::NewClient client{exchange.optional_field("ref").value_or(""), exchange.field("group"),
                             exchange.has_field("asc_funded"), exchange.optional_field("name")};
  auto added = exchange.write(
      [&](db::Database& database) { return app::add_client(database, exchange.stamp(), client); });
  if (!added.ok()) {
    send_new_client_form(exchange, 422, problems_of(added.refusal()));
    return;
  }
  redirect(exchange, "/clients/" + path_segment(added.value().ref));
}

void show_client(Exchange& exchange) {
  auto history = app::client_history(exchange.database(), exchange.path_part(1));
  if (!history.ok()) {
    send_message(exchange, 404, "Not found", problems_of(history.refusal()).front());
    return;
  }
  const db::Client& client = history.value().client;
  Data data;
  data.set("ref", client.ref);
  data.set("ref_path", path_segment(client.ref));
  data.set("group", client.group);
  data.set("asc_funded", client.asc_funded ? "yes" : "no");
  if (client.name) data.set("name", *client.name);
  Data allocations{Data::type::list};
  for (const app::ClientAllocation& entry : history.value().allocations) {
    Data row;
    row.set("id", std::to_string(entry.allocation.id));
    row.set("assessed_on", entry.allocation.assessed_on.to_string());
    row.set("assessor", entry.allocation.assessor);
    row.set("total", entry.allocation.total.to_grouped_string());
    row.set("status", std::string(db::to_string(entry.status)));
    allocations.push_back(row);
  }
  data.set("has_allocations", !history.value().allocations.empty());
  data.set("allocations", allocations);
  Data events{Data::type::list};
  for (const db::AuditEvent& event : history.value().events) {
    Data row;
    row.set("at", event.at);
    row.set("actor", event.actor);
    row.set("action", event.action);
    row.set("entity_type", event.entity_type);
    row.set("entity_id", event.entity_id);
    const bool grant = event.entity_type == "grants";
    const bool allocation = event.entity_type == "allocations";
    row.set("grant", grant);
    row.set("allocation", allocation);
    row.set("linked", grant || allocation);
    events.push_back(row);
  }
  data.set("events", events);
  send_page(exchange, 200, fmt::format("Client {}", client.ref), "client.mustache",
            std::move(data));
}

}  // namespace

void add_client_routes(RouteTable& table) {
  table.add(Method::get, "/clients/new", Answer::page, Access::needs(app::Permission::add_client),
            show_new_client);
  table.add(Method::post, "/clients", Answer::page, Access::needs(app::Permission::add_client),
            add_client);
  table.add(Method::get, "/clients/:ref", Answer::page, Access::needs(app::Permission::read_cases),
            show_client);
}

}  // namespace hsg::web
