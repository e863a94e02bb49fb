#include "app/users/roles.h"

namespace hsg::app {

std::string_view to_string(Role role) {
  switch (role) {
    case Role::assessor:
      return "assessor";
    case Role::approver:
      return "approver";
    case Role::finance:
      return "finance";
    case Role::auditor:
      return "auditor";
    case Role::commissioner:
      return "commissioner";
    case Role::admin:
      return "admin";
  }
  return "unknown";
}

std::optional<Role> parse_role(std::string_view text) {
  for (const Role role : kRoles) {
    if (to_string(role) == text) return role;
  }
  return std::nullopt;
}

}  // namespace hsg::app
