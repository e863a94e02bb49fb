#include "rules/plans_config.h"

namespace hsg::rules {

bool is_plan_key(std::string_view key) {
  if (key.empty() || key.size() > 64) return false;
  return key.find_first_not_of("abcdefghijklmnopqrstuvwxyz0123456789_") == std::string_view::npos;
}

}  // namespace hsg::rules
