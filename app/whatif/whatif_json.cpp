// hsg whatif --json: the report as one object, keys in a fixed order, money as strings
// with exactly two decimals ("2405.00", "-12.50"), levels as none|low|medium|high.
#include "app/whatif/whatif_output.h"

namespace hsg::app {

namespace {

using nlohmann::ordered_json;

ordered_json figures_json(const WhatifFigures& figures) {
  return {
      {"before", figures.before.to_string()},
      {"after", figures.after.to_string()},
      {"change", (figures.after - figures.before).to_string()},
      {"annualised_before", figures.annualised_before.to_string()},
      {"annualised_after", figures.annualised_after.to_string()},
      {"annualised_change", (figures.annualised_after - figures.annualised_before).to_string()}};
}

ordered_json levels_json(const LevelMatrix& levels) {
  ordered_json out = ordered_json::object();
  for (std::size_t before = 0; before < 4; ++before) {
    ordered_json row = ordered_json::object();
    for (std::size_t after = 0; after < 4; ++after) {
      row[std::string(engine::to_string(static_cast<engine::Level>(after)))] =
          levels[before][after];
    }
    out[std::string(engine::to_string(static_cast<engine::Level>(before)))] = std::move(row);
  }
  return out;
}

ordered_json groups_json(const WhatifReport& report) {
  ordered_json out = ordered_json::array();
  for (const WhatifGroup& group : report.groups) {
    ordered_json entry{{"group", group.key}, {"name", group.name}, {"clients", group.clients}};
    entry.update(figures_json(group.figures));
    out.push_back(std::move(entry));
  }
  return out;
}

ordered_json types_json(const WhatifReport& report) {
  ordered_json out = ordered_json::array();
  for (const WhatifType& type : report.types) {
    ordered_json entry{{"type", type.key}, {"label", type.label}};
    entry.update(figures_json(type.figures));
    entry["levels"] = levels_json(type.levels);
    entry["cliff_edges"] = type.cliff_edges;
    out.push_back(std::move(entry));
  }
  return out;
}

ordered_json movers_json(const WhatifReport& report) {
  ordered_json out = ordered_json::array();
  for (const WhatifMover& mover : report.movers) {
    out.push_back({{"client", mover.client_ref},
                   {"group", mover.group_key},
                   {"allocation_id", mover.allocation_id},
                   {"before", mover.before.to_string()},
                   {"after", mover.after.to_string()},
                   {"change", (mover.after - mover.before).to_string()}});
  }
  return out;
}

ordered_json cliff_edges_json(const WhatifReport& report) {
  ordered_json listed = ordered_json::array();
  for (const WhatifCliffEdge& edge : report.cliff_edges) {
    listed.push_back({{"client", edge.client_ref},
                      {"type", edge.type_key},
                      {"score", edge.score},
                      {"level", engine::to_string(edge.level)},
                      {"threshold", edge.threshold},
                      {"one_point", edge.one_more_raises ? "more raises" : "fewer lowers"}});
  }
  return {{"clients", report.cliff_edge_clients}, {"listed", std::move(listed)}};
}

ordered_json unassessable_json(const WhatifReport& report) {
  ordered_json listed = ordered_json::array();
  for (const WhatifUnassessable& client : report.unassessable) {
    listed.push_back({{"client", client.client_ref},
                      {"allocation_id", client.allocation_id},
                      {"reason", client.reason}});
  }
  return {{"clients", report.unassessable_clients},
          {"recorded_total", report.unassessable_before.to_string()},
          {"listed", std::move(listed)}};
}

ordered_json distribution_json(const WhatifReport& report) {
  ordered_json bins = ordered_json::array();
  for (const WhatifBin& bin : report.distribution) {
    bins.push_back(
        {{"over", bin.to.pence() == 0 ? ordered_json(nullptr) : ordered_json(bin.from.to_string())},
         {"up_to", bin.to.to_string()},
         {"before", bin.before},
         {"after", bin.after}});
  }
  return {{"bin_width", report.bin_width.to_string()}, {"bins", std::move(bins)}};
}

ordered_json optional_money(const std::optional<engine::Money>& amount) {
  return amount ? ordered_json(amount->to_string()) : ordered_json(nullptr);
}

ordered_json budget_json(const WhatifReport& report) {
  if (!report.budget) return nullptr;
  const WhatifBudget& budget = *report.budget;
  return {
      {"budget", budget.budget.to_string()},
      {"hourly_rate", optional_money(budget.rate)},
      {"total_at_rate",
       budget.rate ? ordered_json(budget.total_at_rate.to_string()) : ordered_json(nullptr)},
      {"rate_over", optional_money(budget.rate_over)},
      {"total_at_rate_over", budget.rate_over ? ordered_json(budget.total_at_rate_over.to_string())
                                              : ordered_json(nullptr)}};
}

}  // namespace

ordered_json whatif_json(const WhatifReport& report) {
  const WhatifCandidate& candidate = report.candidate;
  ordered_json out;
  out["candidate"] = {{"id", candidate.id},
                      {"name", candidate.name},
                      {"version", candidate.version},
                      {"source", candidate.source},
                      {"hourly_rate", candidate.hourly_rate.to_string()},
                      {"upper_limit", candidate.upper_limit.to_string()}};
  out["as_of"] = report.as_of.to_string();
  out["group"] = report.group_key ? ordered_json(*report.group_key) : ordered_json(nullptr);
  out["clients"] = {{"total", report.clients}, {"assessed", report.assessed},
                    {"up", report.up},         {"down", report.down},
                    {"same", report.same},     {"cannot_be_assessed", report.unassessable_clients}};
  out["totals"] = figures_json(report.totals);
  out["by_group"] = groups_json(report);
  out["by_type"] = types_json(report);
  out["largest_movers"] = movers_json(report);
  out["cliff_edges"] = cliff_edges_json(report);
  out["cannot_be_assessed"] = unassessable_json(report);
  out["distribution"] = distribution_json(report);
  out["budget"] = budget_json(report);
  return out;
}

}  // namespace hsg::app
