#include "app/grants/ledger_reports.h"

#include "app/unwrap.h"

namespace hsg::app {

Result<std::vector<LedgerRow>> ledger_rows(db::Database& database, engine::Date from,
                                           engine::Date to) {
  return attempt([&] {
    std::vector<LedgerRow> rows;
    unwrap(db::LedgerRepository(database).for_each_line(from, to, [&](const db::LedgerLine& l) {
      rows.push_back({std::string(l.posting_id), l.line, std::string(l.posted_on),
                      std::string(l.account), std::string(l.cost_centre), l.debit_pence,
                      l.credit_pence, std::string(l.client_ref), l.grant_id,
                      std::string(l.intervention.value_or("")), std::string(l.description),
                      std::string(l.reverses.value_or(""))});
      return true;
    }));
    return rows;
  });
}

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
