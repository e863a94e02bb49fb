// The route table as an administrator reads it (`hsg serve --routes`): one line per route,
// in the order routes match, with its method, its pattern, what it needs and which roles
// that lets in. docs/administrator.md's table of who may use what is checked against the
// server's behaviour by tests/web/role_matrix_test.py, which reads this listing to know
// every route there is.
//
//   METHOD PATTERN NEEDS ROLES
//   GET /allocations/:id read_cases assessor,approver,finance,auditor,commissioner,admin
//
// NEEDS is a permission's name (app/users/permissions.h), "signed-in" (any signed-in user)
// or "public" (no session); ROLES is "-" for public, "any" for signed-in. Fields are
// separated by one space; no field holds a space.
#pragma once

#include <ostream>

#include "web/route_table.h"

namespace hsg::web {

void write_route_listing(std::ostream& out, const RouteTable& table);

}  // namespace hsg::web
