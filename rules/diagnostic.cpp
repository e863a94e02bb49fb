#include "rules/diagnostic.h"

#include <fmt/core.h>

#include <algorithm>
#include <utility>

#include "engine/text.h"

namespace hsg::rules {

void sort_by_position(std::vector<Diagnostic>& problems) {
  std::stable_sort(problems.begin(), problems.end(), [](const Diagnostic& a, const Diagnostic& b) {
    return std::pair(a.line, a.column) < std::pair(b.line, b.column);
  });
}

std::optional<Diagnostic> utf8_problem(std::string_view bytes, const std::string& file) {
  const std::optional<std::size_t> bad = engine::first_invalid_utf8(bytes);
  if (!bad) return std::nullopt;
  const std::string_view before = bytes.substr(0, *bad);
  const std::size_t newline = before.rfind('\n');
  const std::size_t from = newline == std::string_view::npos ? 0 : newline + 1;
  const auto line = static_cast<std::uint32_t>(1 + std::count(before.begin(), before.end(), '\n'));
  const auto column =
      static_cast<std::uint32_t>(1 + engine::characters_before(before.substr(from), *bad - from));
  return Diagnostic{file, line, column,
                    fmt::format("byte 0x{:02X} is not UTF-8; the file must be saved as UTF-8 text",
                                static_cast<unsigned char>(bytes[*bad]))};
}

std::string Diagnostic::to_string() const {
  if (line == 0) return fmt::format("{}: {}", file, message);
  return fmt::format("{}:{}:{}: {}", file, line, column, message);
}

}  // namespace hsg::rules
