#include "web/routes/routes.h"

namespace hsg::web {

RouteTable server_routes() {
  RouteTable table;
  add_static_routes(table);
  add_sign_in_routes(table);
  add_caseload_routes(table);
  // /clients/:ref/assess before /clients/:ref, which a reference holding '/' would match.
  add_assessment_routes(table);
  add_client_routes(table);
  add_decision_routes(table);
  add_grant_routes(table);
  add_letter_routes(table);
  add_audit_routes(table);
  add_finance_routes(table);
  add_api_session_routes(table);
  add_api_assessment_routes(table);
  add_api_client_routes(table);
  add_api_decision_routes(table);
  add_api_grant_routes(table);
  add_whatif_routes(table);
  add_outcomes_routes(table);
  add_admin_routes(table);
  return table;
}

}  // namespace hsg::web
