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
#pragma once

#include <cstdint>
#include <memory>
#include <ostream>
#include <string_view>

#include "db/ledger.h"

namespace hsg::app {

enum class ExportFormat { csv, json, hledger };

class LedgerWriter {
 public:
  virtual ~LedgerWriter() = default;
  virtual void line(const db::LedgerLine& line) = 0;
  // Writes whatever is still buffered (and the closing of the format).
  virtual void finish() = 0;
};

std::unique_ptr<LedgerWriter> make_ledger_writer(ExportFormat format, std::ostream& out);

// "12.34", "-0.05", appended.
void append_pounds(std::string& out, std::int64_t pence);

}  // namespace hsg::app
