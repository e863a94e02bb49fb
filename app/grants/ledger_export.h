// Writing ledger lines out for other tools, one line at a time (memory does not grow
// with the ledger).
//
//   csv     RFC 4180: CRLF line ends, a header, a field quoted (quotes doubled) only
//           when it holds a comma, a quote, CR or LF; columns posting_id, line, date,
//           account, cost_centre, debit, credit, amount (= debit − credit), client_ref,
//           grant_id, intervention, description, reverses; money with exactly two
//           decimals; absent values empty.
//   json    one array of objects with the same keys; money as decimal strings, line and
//           grant_id as numbers, absent values null.
//   hledger a journal: one transaction per posting, "DATE (ID) DESCRIPTION" with tags
//           grant, client (and reverses), then one posting per line with its amount
//           (debit positive) and tags cost_centre (and intervention). hledger ends a
//           description at ';', so a ';' in a description is written as ','.
//
// export_ledger_lines reads the lines (read-only) and writes them in the chosen format;
// write_balance_csv writes a trial balance as `hledger bal -O csv` does for the exported
// journal, so the two can be compared byte for byte.
#pragma once

#include <cstdint>
#include <memory>
#include <optional>
#include <ostream>
#include <string>
#include <string_view>

#include "app/grants/ledger_reports.h"
#include "app/result.h"
#include "db/database.h"
#include "db/ledger.h"
#include "engine/date.h"

namespace hsg::app {

enum class ExportFormat { csv, json, hledger };

// "csv", "json", "hledger"; anything else is none.
std::optional<ExportFormat> export_format_named(std::string_view name);

class LedgerWriter {
 public:
  virtual ~LedgerWriter() = default;
  virtual void line(const db::LedgerLine& line) = 0;
  // Writes whatever is still buffered (and the closing of the format).
  virtual void finish() = 0;
};

std::unique_ptr<LedgerWriter> make_ledger_writer(ExportFormat format, std::ostream& out);

struct ExportRequest {
  engine::Date from;  // first posting date included
  engine::Date to;    // first posting date not included
  ExportFormat format = ExportFormat::csv;
};

// Every line of the postings dated in [from, to) written to `out`; how many. A posting
// that does not balance is a Refusal (what was written before it stays written).
Result<std::int64_t> export_ledger_lines(db::Database& database, const ExportRequest& request,
                                         std::ostream& out);

// A header, one row per account and the total, every field quoted, amounts as hledger
// writes them (two decimals, a bare 0 for zero), lines ending in "\n".
void write_balance_csv(std::ostream& out, const TrialBalance& balance);

// "12.34", "-0.05", appended.
void append_pounds(std::string& out, std::int64_t pence);

}  // namespace hsg::app
