// The identity of an import's rows: SHA-256 over what its rows say, so that the same
// assessments are recognised as the same rows however the file was saved (line ends,
// quoting, a byte-order mark), sorted (rows or area columns in another order), or typed
// (the assessor's name in another case or spacing).
//
// Each row is one line: a JSON array of strings in canonical form (db/canonical_json.h:
// no whitespace, only '"', '\\' and control characters escaped) holding the client
// reference, the date, the assessor's normal form (db::normalise_actor), then each area
// and its option, areas in byte order of their ids. The lines are sorted (byte order),
// each followed by "\n", and the whole is hashed. docs/auditor.md shows the same in a few
// lines of Python.
#pragma once

#include <map>
#include <optional>
#include <string>
#include <utility>
#include <vector>

namespace hsg::app {

class RowsSha256 {
 public:
  // Adds the row read at `line`; if an identical row was added before, adds nothing and
  // returns that row's line.
  std::optional<std::int64_t> add(const std::string& client_ref, const std::string& date,
                                  const std::string& assessor,
                                  std::vector<std::pair<std::string, std::string>> answers,
                                  std::int64_t line);
  // Lowercase hex SHA-256 of the rows added.
  std::string hex() const;

 private:
  std::map<std::string, std::int64_t> lines_;  // canonical line → where it was read
};

}  // namespace hsg::app
