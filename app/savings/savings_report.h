// The savings estimate (hsg report savings): spend by client group over a period, turned
// into estimated savings by a table of savings per £1 (engine/savings.h has the
// arithmetic and its rounding; docs/commissioner.md, "Savings estimate", the rules).
//
// Read-only. The spend is one of two bases, and the report says which:
//   posted    — expenditure posted in the ledger in the period, debit − credit, by the
//               client's group (db::LedgerRepository::summary): what was paid, net of
//               recoveries and reversals dated in the period;
//   scheduled — instalments of grants due in the period and not cancelled, posted or
//               not (db::LedgerRepository::scheduled_by_client_group): what the grants
//               commit.
// The period is from `from` to `to`, both days included.
#pragma once

#include <filesystem>
#include <optional>
#include <string>
#include <string_view>

#include "app/result.h"
#include "db/database.h"
#include "engine/date.h"
#include "engine/savings.h"

namespace hsg::app {

enum class SpendBasis { posted, scheduled };

// "posted", "scheduled"; anything else is none.
std::optional<SpendBasis> spend_basis_named(std::string_view name);
std::string_view to_string(SpendBasis basis);

// The shipped table (rules/savings-bnes-2011.toml, built in) when `path` is empty, else
// the file; a file with problems is a Refusal listing each at file:line:column. Client
// group keys are those hsg records (db/client_groups.h).
struct SavingsTableInput {
  engine::SavingsTable table;
  std::string source;  // the path, or rules/savings-bnes-2011.toml (built in)
};
Result<SavingsTableInput> load_savings_table(const std::optional<std::filesystem::path>& path);

struct SavingsReportRequest {
  engine::Date from;  // included
  engine::Date to;    // included; not before from
  SpendBasis basis = SpendBasis::posted;
};

struct SavingsReport {
  engine::Date from;
  engine::Date to;
  SpendBasis basis = SpendBasis::posted;
  std::string table_name;
  std::string table_source;  // the file, as SavingsTableInput::source
  std::string table_citation;
  engine::SavingsEstimate estimate;
};

Result<SavingsReport> compile_savings_report(db::Database& database,
                                             const SavingsReportRequest& request,
                                             const SavingsTableInput& table);

}  // namespace hsg::app
