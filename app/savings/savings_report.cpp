#include "app/savings/savings_report.h"

#include <fmt/core.h>

#include <stdexcept>
#include <variant>
#include <vector>

#include "app/unwrap.h"
#include "db/client_groups.h"
#include "db/ledger.h"
#include "rules/savings_table_loader.h"
#include "rules/shipped_savings.h"

namespace hsg::app {

namespace {

std::vector<std::string_view> client_group_keys() {
  std::vector<std::string_view> keys;
  for (const db::ClientGroup& group : db::client_groups()) keys.push_back(group.key);
  return keys;
}

}  // namespace

std::optional<SpendBasis> spend_basis_named(std::string_view name) {
  if (name == "posted") return SpendBasis::posted;
  if (name == "scheduled") return SpendBasis::scheduled;
  return std::nullopt;
}

std::string_view to_string(SpendBasis basis) {
  return basis == SpendBasis::posted ? "posted" : "scheduled";
}

Result<SavingsTableInput> load_savings_table(const std::optional<std::filesystem::path>& path) {
  return attempt([&] {
    const std::vector<std::string_view> keys = client_group_keys();
    const std::string source = path ? path->string() : rules::kShippedSavingsTableSource;
    auto loaded =
        path ? rules::load_savings_table_file(*path, keys)
             : rules::load_savings_table_text(rules::savings_bnes_2011_toml(), source, keys);
    if (auto* problems = std::get_if<std::vector<rules::Diagnostic>>(&loaded)) {
      if (!path) throw std::logic_error("the built-in savings table does not load");
      throw Refusal(*problems);
    }
    return SavingsTableInput{std::get<engine::SavingsTable>(std::move(loaded)), source};
  });
}

Result<SavingsReport> compile_savings_report(db::Database& database,
                                             const SavingsReportRequest& request,
                                             const SavingsTableInput& table) {
  return attempt([&] {
    if (request.to < request.from) throw std::invalid_argument("savings report: to before from");
    const std::optional<engine::Date> to_exclusive = request.to.plus_days(1);
    if (!to_exclusive) {
      throw Refusal(fmt::format("--to {} is the last day hsg can hold; end the period before it",
                                request.to.to_string()));
    }
    db::LedgerRepository ledger(database);
    const std::vector<db::SpendRow> rows =
        request.basis == SpendBasis::posted
            ? unwrap(ledger.summary(request.from, *to_exclusive, db::SummaryBy::client_group))
            : unwrap(ledger.scheduled_by_client_group(request.from, *to_exclusive));
    std::vector<engine::GroupSpend> spend;
    for (const db::SpendRow& row : rows) spend.push_back({row.key, row.spend});
    const std::vector<std::string_view> keys = client_group_keys();
    return SavingsReport{request.from,
                         request.to,
                         request.basis,
                         table.table.name,
                         table.source,
                         table.table.source,
                         engine::estimate_savings(table.table, spend, keys)};
  });
}

}  // namespace hsg::app
