#include "web/routes/allocation_page.h"

#include <fmt/format.h>

#include <sstream>

#include "app/decisions/show_allocation.h"
#include "app/present/decision_state_text.h"
#include "app/present/statement_text.h"
#include "app/users/permissions.h"
#include "db/stamp.h"
#include "web/page.h"
#include "web/routes/page_data.h"

namespace hsg::web {

void send_allocation_page(Exchange& exchange, int status, std::int64_t allocation_id,
                          const std::vector<std::string>& problems) {
  auto shown = app::show_allocation(exchange.database(), allocation_id);
  if (!shown.ok()) {
    send_message(exchange, 404, "Not found", problems_of(shown.refusal()).front());
    return;
  }
  const app::ShownAllocation& allocation = shown.value();
  const db::DecisionState& state = allocation.decisions;
  const std::vector<app::Role>& roles = exchange.user->roles;
  const bool has_grant = allocation.grant_id.has_value();
  const bool pending = state.status == db::DecisionStatus::pending_approval;
  const bool own = pending && db::same_actor(state.agreement->actor, exchange.user->name);
  const bool startable =
      state.status == db::DecisionStatus::agreed || state.status == db::DecisionStatus::approved;

  Data data;
  data.set("id", std::to_string(allocation.id));
  data.set("client_ref", allocation.client_ref);
  data.set("ref_path", path_segment(allocation.client_ref));
  data.set("assessed_on", allocation.assessed_on.to_string());
  data.set("assessor", allocation.assessor);
  if (allocation.future_date) {
    Data future;
    future.set("recorded_on", allocation.future_date->recorded_on.to_string());
    future.set("reason", allocation.future_date->reason);
    data.set("future_date", future);
  }
  data.set("total", allocation.traced.allocation.total.to_grouped_string());
  data.set("tolerance", std::to_string(state.tolerance_percent));
  data.set("decision_state", decision_state_sentence(state));
  if (has_grant) data.set("grant_id", std::to_string(*allocation.grant_id));
  data.set("can_agree", !has_grant && app::permits(roles, app::Permission::agree_amount));
  data.set("amount", exchange.field("amount"));
  data.set("reason", exchange.field("reason"));
  data.set("own_adjustment", own);
  data.set("can_resolve", pending && !own && app::permits(roles, app::Permission::approve_amount));
  if (state.agreement) data.set("agreed", state.agreement->agreed->to_grouped_string());
  data.set("can_start_grant",
           startable && !has_grant && app::permits(roles, app::Permission::start_grant));
  data.set("start", exchange.has_field("start") ? exchange.field("start")
                                                : allocation.assessed_on.to_string());
  data.set("held_as", held_as_data());
  std::ostringstream statement;
  app::write_statement(statement, allocation.ruleset, allocation.traced, allocation.assessed_on);
  statement << "\n";
  app::write_decision_state(statement, state);
  data.set("statement", statement.str());
  send_page(exchange, status, fmt::format("Allocation #{}", allocation.id), "allocation.mustache",
            std::move(data), problems);
}

}  // namespace hsg::web
