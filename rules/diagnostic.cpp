#include "rules/diagnostic.h"

#include <fmt/core.h>

#include <algorithm>
#include <utility>

namespace hsg::rules {

void sort_by_position(std::vector<Diagnostic>& problems) {
  std::stable_sort(problems.begin(), problems.end(), [](const Diagnostic& a, const Diagnostic& b) {
    return std::pair(a.line, a.column) < std::pair(b.line, b.column);
  });
}

std::string Diagnostic::to_string() const {
  if (line == 0) return fmt::format("{}: {}", file, message);
  return fmt::format("{}:{}:{}: {}", file, line, column, message);
}

}  // namespace hsg::rules
