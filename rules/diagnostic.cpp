#include "rules/diagnostic.h"

#include <fmt/core.h>

namespace hsg::rules {

std::string Diagnostic::to_string() const {
  if (line == 0) return fmt::format("{}: {}", file, message);
  return fmt::format("{}:{}:{}: {}", file, line, column, message);
}

}  // namespace hsg::rules
