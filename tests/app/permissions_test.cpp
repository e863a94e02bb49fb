// The role policy (app/users/permissions.h), every role against every permission.
#include <catch2/catch.hpp>

#include <array>
#include <string_view>
#include <vector>

#include "app/users/permissions.h"
#include "app/users/roles.h"

namespace hsg::test {

namespace {

using app::Permission;
using app::Role;

constexpr std::array kPermissions{
    Permission::read_cases,   Permission::add_client,      Permission::record_assessment,
    Permission::agree_amount, Permission::approve_amount,  Permission::start_grant,
    Permission::read_ledger,  Permission::post_ledger,     Permission::read_audit,
    Permission::run_whatif,   Permission::read_outcomes,   Permission::read_rulesets,
    Permission::manage_users, Permission::manage_providers};

struct Row {
  Role role;
  // One character per permission in kPermissions order, 'x' allowed and '.' refused.
  std::string_view allowed;
};

// Columns: read_cases, add_client, record_assessment, agree_amount, approve_amount,
// start_grant, read_ledger, post_ledger, read_audit, run_whatif, read_outcomes,
// read_rulesets, manage_users, manage_providers.
// clang-format off
constexpr std::array kPolicy{
    Row{Role::assessor,     "xxxx.x........"},
    Row{Role::approver,     "x...x........."},
    Row{Role::finance,      "x....xxx......"},
    Row{Role::auditor,      "x.....x.x.xx.."},
    Row{Role::commissioner, "x........xxx.."},
    Row{Role::admin,        "x..........xxx"},
};
// clang-format on

}  // namespace

TEST_CASE("permissions: each role alone allows exactly its row of the policy") {
  REQUIRE(kPolicy.size() == app::kRoles.size());
  for (std::size_t r = 0; r < kPolicy.size(); ++r) {
    const Row& row = kPolicy[r];
    REQUIRE(row.allowed.size() == kPermissions.size());
    CHECK(row.role == app::kRoles[r]);
    const std::vector<Role> roles{row.role};
    for (std::size_t p = 0; p < kPermissions.size(); ++p) {
      INFO(app::to_string(row.role) << " permission " << p);
      CHECK(app::permits(roles, kPermissions[p]) == (row.allowed[p] == 'x'));
    }
  }
}

TEST_CASE("permissions: no role allows nothing, not even reading") {
  const std::vector<Role> none;
  for (const Permission permission : kPermissions) CHECK_FALSE(app::permits(none, permission));
}

TEST_CASE("permissions: several roles allow what any one of them allows") {
  const std::vector<Role> roles{Role::approver, Role::finance};
  CHECK(app::permits(roles, Permission::read_cases));
  CHECK_FALSE(app::permits(roles, Permission::add_client));
  CHECK_FALSE(app::permits(roles, Permission::record_assessment));
  CHECK_FALSE(app::permits(roles, Permission::agree_amount));
  CHECK(app::permits(roles, Permission::approve_amount));
  CHECK(app::permits(roles, Permission::start_grant));
  CHECK(app::permits(roles, Permission::read_ledger));
  CHECK(app::permits(roles, Permission::post_ledger));
  CHECK_FALSE(app::permits(roles, Permission::read_audit));
  CHECK_FALSE(app::permits(roles, Permission::manage_users));
}

TEST_CASE("roles: the names are exact lowercase words, spelled as kRoleNames lists them") {
  std::string names;
  for (const Role role : app::kRoles) {
    CHECK(app::parse_role(app::to_string(role)) == role);
    if (!names.empty()) names += ", ";
    names += app::to_string(role);
  }
  CHECK(names == app::kRoleNames);
  CHECK_FALSE(app::parse_role("Assessor").has_value());
  CHECK_FALSE(app::parse_role("assessor ").has_value());
  CHECK_FALSE(app::parse_role("").has_value());
  CHECK_FALSE(app::parse_role("boss").has_value());
}

}  // namespace hsg::test
