// A problem found in an input file, located by file, line and column (1-based).
//
// Everything the rules/ loaders refuse comes back as a list of these, in file order,
// rendered "file:line:column: message" like a compiler's errors so editors can jump
// to them. A problem with no position in the file (e.g. a missing required key of the
// whole document) has line and column 0 and renders as "file: message".
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <variant>
#include <vector>

namespace hsg::rules {

struct Diagnostic {
  std::string file;
  std::uint32_t line = 0;
  std::uint32_t column = 0;
  std::string message;

  std::string to_string() const;
  bool operator==(const Diagnostic&) const = default;
};

// Orders problems as they appear in the file (stable: problems of the same place keep
// the order they were found in; those without a position come first).
void sort_by_position(std::vector<Diagnostic>& problems);

// Every input file is UTF-8 (engine/text.h): the first byte that is not, located at its
// line and column (characters, as editors count them), or nothing. Each loader, and
// `hsg import`, checks a file with this before reading anything from it.
std::optional<Diagnostic> utf8_problem(std::string_view bytes, const std::string& file);

// Either a loaded value or every problem found.
template <typename T>
using Loaded = std::variant<T, std::vector<Diagnostic>>;

}  // namespace hsg::rules
