// Typed, checked reads from a parsed TOML table that never stop at the first problem.
//
// Each read records the value's position in a SourceMap under its path and, when the
// value is missing or of the wrong type, adds a Diagnostic and returns nothing, so a
// loader can read a whole document and report every problem in one pass. Money and
// hours must be exact: a TOML float (18.5) is refused with the fix spelled out, and
// decimal strings ("18.50") or integers are read as exact hundredths.
#pragma once

#include <toml++/toml.h>
#include <cstdint>
#include <initializer_list>
#include <optional>
#include <set>
#include <string>
#include <string_view>
#include <vector>

#include "engine/date.h"
#include "rules/diagnostic.h"
#include "rules/source_map.h"

namespace hsg::rules {

// Parses `bytes` into `root`; a syntax error is the one problem, at its position.
std::optional<Diagnostic> parse_toml(std::string_view bytes, const std::string& source,
                                     toml::table& root);

std::string join_path(const std::string& prefix, std::string_view key);
SourcePosition position_of(const toml::source_region& region);

class TomlReader {
 public:
  TomlReader(std::string source, SourceMap& map, std::vector<Diagnostic>& problems)
      : source_(std::move(source)), map_(map), problems_(problems) {}

  void error(SourcePosition position, std::string message);
  void error_at(const toml::node& node, std::string message);

  // Records the positions of `table` and its keys under `path`, and reports every key
  // not in `allowed` (a typo must not pass silently).
  void check_keys(const toml::table& table, const std::string& path,
                  std::initializer_list<std::string_view> allowed);

  // Required values: missing or mistyped → a diagnostic and nullopt/nullptr.
  std::optional<std::string> string(const toml::table& table, const std::string& path,
                                    std::string_view key);
  std::optional<std::int64_t> integer(const toml::table& table, const std::string& path,
                                      std::string_view key);
  std::optional<std::int64_t> hundredths(const toml::table& table, const std::string& path,
                                         std::string_view key);
  std::optional<engine::Date> date(const toml::table& table, const std::string& path,
                                   std::string_view key);
  const toml::table* table(const toml::table& table, const std::string& path, std::string_view key);
  // An array of tables; absent → nullptr without a diagnostic when `required` is false.
  const toml::array* array_of_tables(const toml::table& table, const std::string& path,
                                     std::string_view key, bool required = true);

  // Reads a value that is already in hand (e.g. an entry of an inline table).
  std::optional<std::int64_t> integer_value(const toml::node& node, const std::string& path);
  std::optional<std::int64_t> hundredths_value(const toml::node& node, const std::string& path);

  // Whether a problem was already reported at `path` or inside it: validation problems
  // about the stand-in values read there would only repeat it.
  bool already_reported(const std::string& path) const;
  void mark_reported(const std::string& path) { failed_paths_.insert(path); }

 private:
  const toml::node* require(const toml::table& table, const std::string& path,
                            std::string_view key);
  void wrong_type(const toml::node& node, const std::string& path, std::string_view expected);

  void error_for(const std::string& path, const toml::node& node, std::string message);

  std::string source_;
  std::set<std::string> failed_paths_;
  SourceMap& map_;
  std::vector<Diagnostic>& problems_;
};

}  // namespace hsg::rules
