#include "app/grants/ledger_reports.h"

#include "app/unwrap.h"

namespace hsg::app {

Result<TrialBalance> trial_balance(db::Database& database, std::optional<engine::Date> as_of) {
  return attempt([&] {
    TrialBalance balance{unwrap(db::LedgerRepository(database).balance(as_of)), 0};
    for (const db::AccountBalance& account : balance.accounts) {
      balance.total_pence += account.balance_pence;
    }
    return balance;
  });
}

Result<Commitments> commitments_as_of(db::Database& database, engine::Date as_of) {
  return attempt([&] {
    Commitments commitments{unwrap(db::LedgerRepository(database).commitments(as_of)), {}, 0};
    for (const db::Commitment& row : commitments.rows) {
      commitments.total += row.amount;
      commitments.instalments += row.instalments;
    }
    return commitments;
  });
}

std::optional<db::SummaryBy> summary_by_named(std::string_view name) {
  if (name == "month") return db::SummaryBy::month;
  if (name == "client-group") return db::SummaryBy::client_group;
  if (name == "intervention") return db::SummaryBy::intervention;
  if (name == "cost-centre") return db::SummaryBy::cost_centre;
  return std::nullopt;
}

Result<SpendSummary> spend_summary(db::Database& database, const SpendRequest& request) {
  return attempt([&] {
    SpendSummary summary{
        unwrap(db::LedgerRepository(database).summary(request.from, request.to, request.by)),
        {},
        std::nullopt};
    for (const db::SpendRow& row : summary.rows) summary.total += row.spend;
    if (request.budget) summary.remaining = *request.budget - summary.total;
    return summary;
  });
}

}  // namespace hsg::app
