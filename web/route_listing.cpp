#include "web/route_listing.h"

#include <string>

#include "app/users/roles.h"

namespace hsg::web {

namespace {

std::string needs_of(const Access& access) {
  if (!access.needs_session()) return "public";
  if (!access.permission()) return "signed-in";
  return std::string(app::to_string(*access.permission()));
}

std::string roles_of(const Access& access) {
  if (!access.needs_session()) return "-";
  if (!access.permission()) return "any";
  std::string roles;
  for (const app::Role role : app::kRoles) {
    const app::Role one[] = {role};
    if (!app::permits(one, *access.permission())) continue;
    if (!roles.empty()) roles += ',';
    roles += app::to_string(role);
  }
  return roles.empty() ? "none" : roles;
}

}  // namespace

void write_route_listing(std::ostream& out, const RouteTable& table) {
  for (const Route& route : table.routes()) {
    out << to_string(route.method) << ' ' << route.pattern << ' ' << needs_of(route.access) << ' '
        << roles_of(route.access) << '\n';
  }
}

}  // namespace hsg::web
