// The roles a user of hsg may hold (a user may hold several): each names a job in the
// council's housing-support team, and app/users/permissions.h says what each may do.
//
// Promises: the names are exact lowercase words, spelled once here; parse_role accepts
// only those (no folding, no abbreviations), so what is stored and what is typed agree.
#pragma once

#include <array>
#include <optional>
#include <string_view>

namespace hsg::app {

enum class Role { assessor, approver, finance, auditor, commissioner, admin };

// Every role in enum order (the order a user's roles are kept in).
inline constexpr std::array<Role, 6> kRoles = {Role::assessor, Role::approver,     Role::finance,
                                               Role::auditor,  Role::commissioner, Role::admin};

std::string_view to_string(Role role);
// The role named exactly `text` (lowercase), or nothing.
std::optional<Role> parse_role(std::string_view text);
// For refusals: the allowed values, in enum order.
inline constexpr std::string_view kRoleNames =
    "assessor, approver, finance, auditor, commissioner, admin";

}  // namespace hsg::app
