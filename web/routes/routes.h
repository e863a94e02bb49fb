// The server's routes, registered by job (one file each), and the whole table in the
// order they match.
#pragma once

#include "web/route_table.h"

namespace hsg::web {

void add_static_routes(RouteTable& table);
void add_sign_in_routes(RouteTable& table);
void add_caseload_routes(RouteTable& table);
void add_assessment_routes(RouteTable& table);
void add_client_routes(RouteTable& table);
void add_decision_routes(RouteTable& table);
void add_grant_routes(RouteTable& table);
void add_letter_routes(RouteTable& table);
void add_audit_routes(RouteTable& table);
void add_finance_routes(RouteTable& table);
void add_api_session_routes(RouteTable& table);
void add_api_client_routes(RouteTable& table);
void add_api_assessment_routes(RouteTable& table);
void add_api_decision_routes(RouteTable& table);
void add_api_grant_routes(RouteTable& table);
void add_whatif_routes(RouteTable& table);
void add_outcomes_routes(RouteTable& table);
void add_admin_routes(RouteTable& table);

// Every route of `hsg serve`.
RouteTable server_routes();

}  // namespace hsg::web
