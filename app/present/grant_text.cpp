#include "app/present/grant_text.h"

#include <fmt/core.h>

#include "app/present/support_plan_text.h"
#include "engine/text.h"

namespace hsg::app {

namespace {

void write_heading(std::ostream& out, const db::GrantDetail& detail) {
  const db::Grant& grant = detail.grant;
  out << fmt::format("Grant {} for client {} (allocation {}, agreement {})\n", grant.id,
                     engine::escaped(grant.client_ref), grant.allocation_id, grant.agreement_id)
      << fmt::format("  started {}, held as {}{}\n", grant.start_on.to_string(), grant.held_as,
                     grant.provider ? " by " + engine::escaped(*grant.provider) : "")
      << fmt::format("  agreed £{}; cost centre {}; creditor account {}\n",
                     grant.agreed.to_grouped_string(), engine::escaped(grant.cost_centre),
                     engine::escaped(grant.creditor_account));
  if (detail.end) {
    out << fmt::format("  ended {} ({}{}): {}\n", detail.end->end_on.to_string(), detail.end->kind,
                       detail.end->review_allocation_id
                           ? fmt::format(", allocation {}", *detail.end->review_allocation_id)
                           : "",
                       engine::escaped(detail.end->reason));
  }
}

void write_types(std::ostream& out, const db::GrantDetail& detail) {
  out << "\nTypes:\n";
  for (const db::GrantIntervention& type : detail.interventions) {
    out << fmt::format("  {:<24} {:>3} weeks  £{:>10}  {}\n", type.intervention, type.weeks,
                       type.amount.to_grouped_string(), engine::escaped(type.expenditure_account));
  }
}

void write_recoveries(std::ostream& out, const db::GrantDetail& detail) {
  if (detail.recoveries.empty()) return;
  out << "\nRecoveries:\n";
  for (const db::Recovery& recovery : detail.recoveries) {
    out << fmt::format("  {:>3}  {}  £{:>9}  {}{}: {}\n", recovery.number,
                       recovery.recovered_on.to_string(), recovery.amount.to_grouped_string(),
                       recovery.posting_id, recovery.reversed ? " (reversed)" : "",
                       engine::escaped(recovery.reason));
  }
}

// The instalments, then (after the recoveries) the totals, which need the instalments'
// sums by state.
void write_instalments_and_totals(std::ostream& out, const db::GrantDetail& detail) {
  out << "\nInstalments:\n";
  engine::Money scheduled;
  engine::Money cancelled;
  for (const db::InstalmentState& state : detail.instalments) {
    const db::GrantInstalment& instalment = state.instalment;
    out << fmt::format("  {:<24} {:>3}  {}  £{:>9}  {}{}\n", instalment.intervention,
                       instalment.number, instalment.due_on.to_string(),
                       instalment.amount.to_grouped_string(), db::to_string(state.status),
                       state.posting_id ? " " + *state.posting_id : "");
    if (state.status == db::InstalmentStatus::scheduled) scheduled += instalment.amount;
    if (state.status == db::InstalmentStatus::cancelled) cancelled += instalment.amount;
  }
  write_recoveries(out, detail);
  out << fmt::format("\nPaid £{}, recovered £{}, still scheduled £{}, cancelled £{}\n",
                     detail.paid.to_grouped_string(), detail.recovered.to_grouped_string(),
                     scheduled.to_grouped_string(), cancelled.to_grouped_string());
}

}  // namespace

void write_grant_view(std::ostream& out, const GrantView& view) {
  write_heading(out, view.detail);
  write_types(out, view.detail);
  write_instalments_and_totals(out, view.detail);
  if (view.plan) {
    out << "\n";
    write_support_plan(out, *view.plan, view.detail.grant.agreed);
  }
}

void write_grant_end(std::ostream& out, std::int64_t grant_id, const db::EndResult& end) {
  out << fmt::format(
      "Grant {} ended on {}: {} unposted instalment(s) due after it cancelled "
      "(£{})\n",
      grant_id, end.end_on.to_string(), end.cancelled, end.cancelled_amount.to_grouped_string());
  if (end.already_posted_after > 0) {
    out << fmt::format(
        "  {} instalment(s) due after {} were already posted and stay posted: money to come "
        "back is a recovery (hsg grant recover {} --amount AMOUNT --reason TEXT)\n",
        end.already_posted_after, end.end_on.to_string(), grant_id);
  }
}

}  // namespace hsg::app
