// Reading CSV (RFC 4180): comma-separated, fields optionally in double quotes with ""
// for a quote, CRLF or LF line ends; a quoted field may span lines.
//
// Requires the text already decoded and checked as UTF-8 (app/imports/import_file.h).
// Promises: each record's fields as written and the line it starts on; a malformed record
// is returned with its problem rather than ending the read, so every bad row is reported.
#pragma once

#include <cstdint>
#include <istream>
#include <optional>
#include <string>
#include <vector>

namespace hsg::app {

class CsvReader {
 public:
  explicit CsvReader(std::istream& in) : in_(in) {}
  // The next record's fields, or nullopt at the end. A malformed record (text after a
  // closing quote, an unterminated quote) is still returned, with its problem in
  // problem(), so a caller can report every bad record rather than stop at the first.
  std::optional<std::vector<std::string>> next();
  // The line on which the last record returned started (1-based).
  std::int64_t line() const { return record_line_; }
  const std::string& problem() const { return problem_; }

 private:
  std::istream& in_;
  std::int64_t next_line_ = 1;
  std::int64_t record_line_ = 0;
  std::string problem_;
};

}  // namespace hsg::app
