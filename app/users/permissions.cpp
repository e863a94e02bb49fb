#include "app/users/permissions.h"

#include <algorithm>

namespace hsg::app {

namespace {

// What one role allows; permits() is the union over a user's roles. A switch with no
// default, so a new role or permission that is not placed here fails to compile
// under -Werror (-Wswitch) rather than silently granting or refusing.
bool role_permits(Role role, Permission permission) {
  switch (permission) {
    case Permission::read_cases:
      return true;
    case Permission::add_client:
    case Permission::record_assessment:
    case Permission::agree_amount:
      return role == Role::assessor;
    case Permission::approve_amount:
      return role == Role::approver;
    case Permission::start_grant:
      return role == Role::assessor || role == Role::finance;
    case Permission::read_ledger:
      return role == Role::finance || role == Role::auditor;
    case Permission::post_ledger:
      return role == Role::finance;
    case Permission::read_audit:
      return role == Role::auditor;
    case Permission::run_whatif:
      return role == Role::commissioner;
    case Permission::read_outcomes:
      return role == Role::commissioner || role == Role::auditor;
    case Permission::read_rulesets:
      return role == Role::commissioner || role == Role::auditor || role == Role::admin;
    case Permission::manage_users:
    case Permission::manage_providers:
      return role == Role::admin;
  }
  return false;
}

}  // namespace

std::string_view to_string(Permission permission) {
  switch (permission) {
    case Permission::read_cases:
      return "read_cases";
    case Permission::add_client:
      return "add_client";
    case Permission::record_assessment:
      return "record_assessment";
    case Permission::agree_amount:
      return "agree_amount";
    case Permission::approve_amount:
      return "approve_amount";
    case Permission::start_grant:
      return "start_grant";
    case Permission::read_ledger:
      return "read_ledger";
    case Permission::post_ledger:
      return "post_ledger";
    case Permission::read_audit:
      return "read_audit";
    case Permission::run_whatif:
      return "run_whatif";
    case Permission::read_outcomes:
      return "read_outcomes";
    case Permission::read_rulesets:
      return "read_rulesets";
    case Permission::manage_users:
      return "manage_users";
    case Permission::manage_providers:
      return "manage_providers";
  }
  return "?";
}

bool permits(std::span<const Role> roles, Permission permission) {
  return std::any_of(roles.begin(), roles.end(),
                     [&](Role role) { return role_permits(role, permission); });
}

}  // namespace hsg::app
