// hsg whatif's report as text: sections in a fixed order, columns aligned, every list
// bounded, so a commissioner can read it on a terminal or paste it into a paper.
#include <fmt/core.h>

#include <string>
#include <type_traits>

#include "app/whatif/whatif_output.h"

namespace hsg::app {

namespace {

using engine::Money;

std::string group_label(const std::optional<std::string>& group_key) {
  return group_key ? "client group " + *group_key : "all client groups";
}

void write_heading(std::ostream& out, const WhatifReport& report) {
  const WhatifCandidate& candidate = report.candidate;
  out << fmt::format("What-if: rule set {} {} from {}\n", candidate.name, candidate.version,
                     candidate.source)
      << fmt::format("  id {}\n", candidate.id)
      << fmt::format("  hourly rate {}, upper limit {}\n", pounds(candidate.hourly_rate),
                     pounds(candidate.upper_limit))
      << fmt::format("Caseload: each client's latest allocation on or before {}, {}\n",
                     report.as_of.to_string(), group_label(report.group_key))
      << fmt::format("Clients: {}; assessed under the candidate {}; cannot be assessed {}\n",
                     report.clients, report.assessed, report.unassessable_clients)
      << fmt::format("Amount: {} up, {} down, {} the same\n", report.up, report.down, report.same);
}

constexpr int kAmountWidth = 16;

std::string amount_columns(Money before, Money after) {
  return fmt::format("{:>{}}{:>{}}{:>{}}", pounds(before), kAmountWidth, pounds(after),
                     kAmountWidth, signed_pounds(after - before), kAmountWidth);
}

void write_totals(std::ostream& out, const WhatifReport& report) {
  out << fmt::format("\n{:<32}{:>{}}{:>{}}{:>{}}\n", "Totals", "before", kAmountWidth, "after",
                     kAmountWidth, "change", kAmountWidth)
      << fmt::format("  {:<30}{}\n", "indicative grants",
                     amount_columns(report.totals.before, report.totals.after))
      << fmt::format(
             "  {:<30}{}\n", "annualised",
             amount_columns(report.totals.annualised_before, report.totals.annualised_after));
}

// One table for the grants and one for their annualised figures, per row of `rows`.
// Groups count their clients; types do not (every client is counted in every type).
template <typename Row, typename Name>
void write_breakdown(std::ostream& out, const std::string& title, const std::vector<Row>& rows,
                     Name name) {
  constexpr bool kWithClients = std::is_same_v<Row, WhatifGroup>;
  out << fmt::format("\n{:<32}{:>8}{:>{}}{:>{}}{:>{}}\n", title, kWithClients ? "clients" : "",
                     "before", kAmountWidth, "after", kAmountWidth, "change", kAmountWidth);
  for (const Row& row : rows) {
    std::string clients;
    if constexpr (kWithClients) clients = std::to_string(row.clients);
    out << fmt::format("  {:<30}{:>8}{}\n", name(row), clients,
                       amount_columns(row.figures.before, row.figures.after));
  }
  out << fmt::format("{:<40}{:>{}}{:>{}}{:>{}}\n", "  annualised", "before", kAmountWidth, "after",
                     kAmountWidth, "change", kAmountWidth);
  for (const Row& row : rows) {
    out << fmt::format("  {:<38}{}\n", name(row),
                       amount_columns(row.figures.annualised_before, row.figures.annualised_after));
  }
}

void write_levels(std::ostream& out, const WhatifType& type) {
  out << fmt::format("\nLevel changes, {} (rows: before; columns: after)\n", type.key)
      << fmt::format("  {:<10}", "");
  for (std::size_t after = 0; after < 4; ++after) {
    out << fmt::format("{:>10}", engine::to_string(static_cast<engine::Level>(after)));
  }
  out << "\n";
  for (std::size_t before = 0; before < 4; ++before) {
    out << fmt::format("  {:<10}", engine::to_string(static_cast<engine::Level>(before)));
    for (std::size_t after = 0; after < 4; ++after) {
      out << fmt::format("{:>10}", type.levels[before][after]);
    }
    out << "\n";
  }
}

void write_movers(std::ostream& out, const WhatifReport& report) {
  out << fmt::format("\nLargest movers (top {} by size of change)\n", kWhatifMovers);
  if (report.movers.empty()) {
    out << "  none: no client's amount changes\n";
    return;
  }
  out << fmt::format("  {:<14}{:<32}{:>14}{:>14}{:>14}\n", "client", "group", "before", "after",
                     "change");
  for (const WhatifMover& mover : report.movers) {
    out << fmt::format("  {:<14}{:<32}{:>14}{:>14}{:>14}\n", mover.client_ref, mover.group_key,
                       pounds(mover.before), pounds(mover.after),
                       signed_pounds(mover.after - mover.before));
  }
}

void write_cliff_edges(std::ostream& out, const WhatifReport& report) {
  out << fmt::format(
      "\nCliff edges under the candidate: {} clients within one point of a threshold\n",
      report.cliff_edge_clients);
  for (const WhatifType& type : report.types) {
    out << fmt::format("  {:<30}{:>8}\n", type.key, type.cliff_edges);
  }
  for (const WhatifCliffEdge& edge : report.cliff_edges) {
    out << fmt::format("  {:<14}{:<24}{}\n", edge.client_ref, edge.type_key,
                       cliff_edge_words(edge));
  }
  if (report.cliff_edges.size() == kWhatifListed) {
    out << fmt::format("  (the first {} by client reference)\n", kWhatifListed);
  }
}

void write_unassessable(std::ostream& out, const WhatifReport& report) {
  out << fmt::format("\nCannot be assessed under the candidate: {} clients (recorded total {})\n",
                     report.unassessable_clients, pounds(report.unassessable_before));
  for (const WhatifUnassessable& client : report.unassessable) {
    out << fmt::format("  {} (allocation {}): {}\n", client.client_ref, client.allocation_id,
                       client.reason);
  }
  if (report.unassessable_clients > static_cast<std::int64_t>(report.unassessable.size())) {
    out << fmt::format(
        "  … and {} more (hsg whatif --csv lists every client)\n",
        report.unassessable_clients - static_cast<std::int64_t>(report.unassessable.size()));
  }
}

std::string bin_label(const WhatifBin& bin) {
  if (bin.to.pence() == 0) return pounds(bin.to);
  return fmt::format("over {} to {}", pounds(bin.from), pounds(bin.to));
}

void write_distribution(std::ostream& out, const WhatifReport& report) {
  out << fmt::format("\n{:<40}{:>10}{:>10}\n", "Grants by amount (clients)", "before", "after");
  for (const WhatifBin& bin : report.distribution) {
    out << fmt::format("  {:<38}{:>10}{:>10}\n", bin_label(bin), bin.before, bin.after);
  }
}

}  // namespace

void write_whatif_text(std::ostream& out, const WhatifReport& report) {
  write_heading(out, report);
  write_totals(out, report);
  write_breakdown(out, "By client group", report.groups,
                  [](const WhatifGroup& group) { return group.key; });
  write_breakdown(out, "By intervention type", report.types,
                  [](const WhatifType& type) { return type.key; });
  for (const WhatifType& type : report.types) write_levels(out, type);
  write_movers(out, report);
  write_cliff_edges(out, report);
  write_unassessable(out, report);
  write_distribution(out, report);
  if (report.budget) {
    out << fmt::format("\nBudget {}: {}\n", pounds(report.budget->budget),
                       budget_words(*report.budget));
  }
}

}  // namespace hsg::app
