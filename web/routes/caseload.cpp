// GET /: the caseload, searched by reference, client group and review date.
#include <fmt/format.h>

#include "app/clients/caseload.h"
#include "web/routes/page_data.h"
#include "web/routes/route_inputs.h"
#include "web/routes/routes.h"

namespace hsg::web {

namespace {

void show_caseload(Exchange& exchange) {
  const std::string group = exchange.field("group");
  const std::string review_due = exchange.field("review_due");
  Data data;
  data.set("query_ref", exchange.field("ref"));
  data.set("query_review_due", review_due);
  data.set("groups", client_groups_data(group));
  auto found = app::attempt([&] {
    app::CaseloadQuery query{exchange.optional_field("ref").value_or(""), std::nullopt,
                             std::nullopt};
    if (!group.empty()) query.group = group;
    if (!review_due.empty()) {
      query.review_due = date_from(review_due, "review due", exchange.state.clock.today());
    }
    return unwrap(app::caseload(exchange.database(), query));
  });
  if (!found.ok()) {
    data.set("clients", Data{Data::type::list});
    data.set("count_text", "No clients listed");
    send_page(exchange, 422, "Caseload", "caseload.mustache", std::move(data),
              problems_of(found.refusal()));
    return;
  }
  Data clients{Data::type::list};
  for (const app::CaseloadEntry& entry : found.value().entries) {
    Data row;
    row.set("ref", entry.client.ref);
    row.set("ref_path", path_segment(entry.client.ref));
    row.set("group", entry.client.group);
    if (entry.latest) {
      Data latest;
      latest.set("id", std::to_string(entry.latest->id));
      latest.set("assessed_on", entry.latest->assessed_on.to_string());
      latest.set("total", entry.latest->total.to_grouped_string());
      latest.set("status", std::string(db::to_string(entry.latest->status)));
      latest.set("next_review",
                 entry.latest->next_review ? entry.latest->next_review->to_string() : "none");
      row.set("latest", latest);
    } else {
      row.set("latest", false);
    }
    clients.push_back(row);
  }
  const std::size_t count = found.value().entries.size();
  data.set("clients", clients);
  data.set("count_text", count == 1 ? std::string("1 client") : fmt::format("{} clients", count));
  data.set("truncated", found.value().truncated);
  data.set("shown", std::to_string(count));
  send_page(exchange, 200, "Caseload", "caseload.mustache", std::move(data));
}

}  // namespace

void add_caseload_routes(RouteTable& table) {
  table.add(Method::get, "/", Answer::page, Access::needs(app::Permission::read_cases),
            show_caseload);
}

}  // namespace hsg::web
