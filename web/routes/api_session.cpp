// POST /api/session {"name", "password"} → 200 {"user", "roles", "csrf_token"} and the
// session cookie; DELETE /api/session (X-CSRF-Token) → 204. The same rate limit and the
// same refusal as the sign-in page.
#include "app/users/user_accounts.h"
#include "web/page.h"
#include "web/routes/route_inputs.h"
#include "web/routes/routes.h"
#include "web/session_cookie.h"
#include "web/sign_in_page.h"

namespace hsg::web {

namespace {

nlohmann::ordered_json roles_json(const std::vector<app::Role>& roles) {
  nlohmann::ordered_json names = nlohmann::ordered_json::array();
  for (const app::Role role : roles) names.push_back(std::string(app::to_string(role)));
  return names;
}

void open_session(Exchange& exchange) {
  const auto body = json_body(exchange);
  if (!body) return;
  const auto name_member = body->find("name");
  const auto password_member = body->find("password");
  if (name_member == body->end() || !name_member->is_string() || password_member == body->end() ||
      !password_member->is_string()) {
    send_json_error(exchange, 400, "\"name\" and \"password\" must be strings");
    return;
  }
  const std::string name = name_member->get<std::string>();
  auto normal = db::normalise_actor(name);
  const std::string counted = normal.ok() ? normal.value() : name.substr(0, 200);
  ServerState& state = exchange.state;
  const std::string& address = exchange.request.remote_addr;
  if (state.limiter.limited(counted, address)) {
    send_json_error(exchange, 429, kTooManyAttemptsText);
    return;
  }
  auto account = app::authenticate(exchange.database(), name, password_member->get<std::string>());
  if (!account.ok()) {
    state.limiter.record_failure(counted, address);
    send_json_error(exchange, 401, kSignInRefusedText);
    return;
  }
  const Session session = state.sessions.create(account.value().name);
  exchange.user =
      SignedIn{account.value().name, account.value().roles, session.id, session.csrf_token};
  set_session_cookie(exchange, session.id);
  send_json(exchange, 200,
            {{"user", account.value().name},
             {"roles", roles_json(account.value().roles)},
             {"csrf_token", session.csrf_token}});
}

void close_session(Exchange& exchange) {
  exchange.state.sessions.drop(exchange.user->session_id);
  clear_cookie(exchange, kSessionCookie);
  exchange.response.status = 204;
}

}  // namespace

void add_api_session_routes(RouteTable& table) {
  table.add(Method::post, "/api/session", Answer::json, Access::anyone(), open_session);
  table.add(Method::del, "/api/session", Answer::json, Access::signed_in(), close_session);
}

}  // namespace hsg::web
