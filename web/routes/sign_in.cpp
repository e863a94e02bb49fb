// GET /login, POST /login, POST /logout: signing in with a name and password, and out.
//
// POST /login needs the hsg_login cookie and the form's csrf field to be equal (login
// CSRF: another site cannot sign a browser in as someone else), then the rate limit
// (web/login_limiter.h), then the password. Every failure of the name or password reads
// the same.
#include "app/users/user_accounts.h"
#include "db/stamp.h"
#include "web/page.h"
#include "web/random_token.h"
#include "web/routes/routes.h"
#include "web/session_cookie.h"
#include "web/sign_in_page.h"

namespace hsg::web {

namespace {

// The name as the limiter counts it: its normal form when it has one, so "Asha" and
// "asha" share a count; else the typed text, bounded.
std::string limiter_name(std::string_view typed) {
  auto normal = db::normalise_actor(typed);
  if (normal.ok()) return normal.value();
  return std::string(typed.substr(0, 200));
}

void show_sign_in(Exchange& exchange) {
  send_sign_in_page(exchange, 200, std::nullopt, exchange.field("next"));
}

void sign_in(Exchange& exchange) {
  const std::string next = exchange.field("next");
  const std::string name = exchange.field("name");
  const auto login_token = exchange.cookie(kLoginCookie);
  if (!login_token || !tokens_equal(*login_token, exchange.field("csrf"))) {
    send_sign_in_page(exchange, 403, "The sign-in form had expired. Please sign in again.", next,
                      name);
    return;
  }
  ServerState& state = exchange.state;
  const std::string counted = limiter_name(name);
  const std::string& address = exchange.request.remote_addr;
  if (state.limiter.limited(counted, address)) {
    send_sign_in_page(exchange, 429, kTooManyAttemptsText, next, name);
    return;
  }
  auto account = app::authenticate(exchange.database(), name, exchange.field("password"));
  if (!account.ok()) {
    state.limiter.record_failure(counted, address);
    send_sign_in_page(exchange, 401, kSignInRefusedText, next, name);
    return;
  }
  const Session session = state.sessions.create(account.value().name);
  exchange.user =
      SignedIn{account.value().name, account.value().roles, session.id, session.csrf_token};
  clear_cookie(exchange, kLoginCookie);
  set_session_cookie(exchange, session.id);
  redirect(exchange, local_path(next) ? next : "/");
}

void sign_out(Exchange& exchange) {
  exchange.state.sessions.drop(exchange.user->session_id);
  clear_cookie(exchange, kSessionCookie);
  redirect(exchange, "/login");
}

}  // namespace

void add_sign_in_routes(RouteTable& table) {
  table.add(Method::get, "/login", Answer::page, Access::anyone(), show_sign_in);
  table.add(Method::post, "/login", Answer::page, Access::anyone(), sign_in);
  table.add(Method::post, "/logout", Answer::page, Access::signed_in(), sign_out);
}

}  // namespace hsg::web
