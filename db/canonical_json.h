// Canonical JSON: the one serialisation of a record that the audit chain hashes.
//
// The rule (docs/auditor.md) is small enough to recompute in a few lines of any
// language, and equals Python's json.dumps(value, sort_keys=True,
// separators=(",", ":"), ensure_ascii=False) for the values the store writes:
//   - an object's members are sorted by key, compared as bytes; no key twice;
//   - no whitespace anywhere;
//   - values are strings, integers (never fractions: money is integer pence) or null;
//   - strings are UTF-8 and escape only '"' and '\\' and the control characters below
//     0x20: \b \f \n \r \t by name, the rest as \u00xx (lowercase hex).
#pragma once

#include <cstdint>
#include <functional>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace hsg::db {

class CanonicalObject {
 public:
  CanonicalObject& add(std::string_view key, std::string_view text);
  CanonicalObject& add(std::string_view key, std::int64_t integer);
  // null when empty
  CanonicalObject& add(std::string_view key, std::optional<std::int64_t> integer);

  // The canonical text; throws std::logic_error if a key was added twice (a bug).
  std::string str() const;

 private:
  std::vector<std::pair<std::string, std::string>> members_;  // key, rendered value
};

void append_json_string(std::string& out, std::string_view text);

// Calls `member(key, value)` for each member of a canonical object whose values are all
// strings, in key order, as written by CanonicalObject; false if `text` is not exactly
// such an object (members before the fault have been passed on).
bool for_each_string_member(std::string_view text,
                            const std::function<void(std::string, std::string)>& member);

}  // namespace hsg::db
