// The identity of an import's rows: SHA-256 over its CSV records as read, so that the
// same rows saved again with other line ends, other quoting or a byte-order mark (as
// spreadsheets do) are recognised as the same rows.
//
// The hashed text is one line per record, header first, in file order, blank lines
// left out: the record's fields as a JSON array of strings in canonical form
// (db/canonical_json.h: no whitespace, only '"', '\\' and control characters escaped),
// then "\n". docs/auditor.md shows the same in a few lines of Python.
#pragma once

#include <string>
#include <vector>

namespace hsg::cli {

class RowsSha256 {
 public:
  void add(const std::vector<std::string>& fields);
  // Lowercase hex SHA-256 of everything added.
  std::string hex() const;

 private:
  std::string text_;
};

}  // namespace hsg::cli
