#include "web/route_table.h"

#include <spdlog/spdlog.h>

#include <chrono>
#include <stdexcept>

#include "app/users/user_accounts.h"
#include "web/access_log.h"
#include "web/page.h"
#include "web/random_token.h"
#include "web/session_cookie.h"
#include "web/sign_in_page.h"

namespace hsg::web {

namespace {

void set_security_headers(httplib::Response& response) {
  response.set_header("Content-Security-Policy",
                      "default-src 'self'; frame-ancestors 'none'; form-action 'self'");
  response.set_header("X-Content-Type-Options", "nosniff");
  response.set_header("Referrer-Policy", "no-referrer");
  response.set_header("X-Frame-Options", "DENY");
}

void refuse(Exchange& exchange, const Route& route, int status, std::string_view message) {
  if (route.answer == Answer::json) {
    send_json_error(exchange, status, message);
  } else if (status == 401) {
    send_sign_in_page(exchange, 401, "Sign in to continue.",
                      route.method == Method::get ? exchange.request.path : "/");
  } else {
    send_message(exchange, status, status == 403 ? "Not allowed" : "Something went wrong", message);
  }
}

// The session the request's cookie names, if it is still live.
std::optional<Session> session_of(Exchange& exchange) {
  const auto id = exchange.cookie(kSessionCookie);
  if (!id) return std::nullopt;
  return exchange.state.sessions.find(*id);
}

// The user a trusted reverse proxy names (--trust-proxy-user), if configured and sent.
std::optional<std::string> proxy_user_of(const Exchange& exchange) {
  const auto& header = exchange.state.options.trust_proxy_user;
  if (!header || !exchange.request.has_header(header->c_str())) return std::nullopt;
  return exchange.request.get_header_value(header->c_str());
}

// The account behind the request, re-read now; nothing when nobody is signed in (any
// more). A session of a user who is unknown or disabled now is dropped, and so is one
// whose user is not the one a trusted proxy names.
std::optional<SignedIn> signed_in_user(Exchange& exchange) {
  ServerState& state = exchange.state;
  const std::optional<std::string> proxy_user = proxy_user_of(exchange);
  Session session;
  bool live = false;
  if (auto found = session_of(exchange)) {
    session = std::move(*found);
    live = true;
  }
  if (live && proxy_user && session.user != *proxy_user) {
    state.sessions.drop(session.id);
    live = false;
  }
  const std::string name = live ? session.user : proxy_user.value_or("");
  if (name.empty()) return std::nullopt;
  auto account = app::find_user(exchange.database(), name);
  if (!account.ok() || !account.value() || account.value()->disabled) {
    if (live) state.sessions.drop(session.id);
    return std::nullopt;
  }
  if (!live) {
    session = state.sessions.create(account.value()->name);
    set_session_cookie(exchange, session.id);
  }
  return SignedIn{account.value()->name, account.value()->roles, session.id, session.csrf_token};
}

bool carries_csrf_token(const Exchange& exchange) {
  const std::string header = exchange.request.get_header_value("X-CSRF-Token");
  const std::string given = header.empty() ? exchange.field("csrf") : header;
  return tokens_equal(exchange.user->csrf_token, given);
}

void run(const Route& route, Exchange& exchange) {
  set_security_headers(exchange.response);
  exchange.response.set_header("Cache-Control", "no-store");
  if (!route.access.needs_session()) {
    route.handler(exchange);
    return;
  }
  exchange.user = signed_in_user(exchange);
  if (!exchange.user) {
    refuse(exchange, route, 401, "sign in first");
    return;
  }
  if (route.method != Method::get && !carries_csrf_token(exchange)) {
    refuse(exchange, route, 403,
           "the form or request did not carry this session's CSRF token; reload the page and "
           "try again");
    return;
  }
  if (route.access.permission() &&
      !app::permits(exchange.user->roles, *route.access.permission())) {
    refuse(exchange, route, 403, "your roles do not allow this");
    return;
  }
  route.handler(exchange);
}

}  // namespace

std::string_view to_string(Method method) {
  switch (method) {
    case Method::get:
      return "GET";
    case Method::post:
      return "POST";
    case Method::del:
      return "DELETE";
  }
  return "?";
}

std::string pattern_regex(std::string_view pattern) {
  std::string regex;
  std::size_t at = 0;
  while (at < pattern.size()) {
    if (pattern.substr(at).starts_with(":id")) {
      regex += "([0-9]{1,18})";
      at += 3;
    } else if (pattern.substr(at).starts_with(":ref")) {
      regex += "([A-Za-z0-9._/-]{1,64})";
      at += 4;
    } else if (pattern[at] == '.') {
      regex += "\\.";
      ++at;
    } else {
      regex += pattern[at];
      ++at;
    }
  }
  return regex;
}

void RouteTable::add(Method method, std::string pattern, Answer answer, Access access,
                     Handler handler) {
  routes_.push_back({method, std::move(pattern), answer, access, std::move(handler)});
}

void handle(const Route& route, ServerState& state, const httplib::Request& request,
            httplib::Response& response) {
  const auto started = std::chrono::steady_clock::now();
  Exchange exchange{request, response, state, std::nullopt};
  try {
    run(route, exchange);
  } catch (const std::exception& error) {
    // The cause is for the operator (it may quote a stored value, never a password); the
    // client learns only that it failed.
    spdlog::error("route {} {}: internal error: {}", to_string(route.method), route.pattern,
                  error.what());
    response = httplib::Response();
    set_security_headers(response);
    response.set_header("Cache-Control", "no-store");
    refuse(exchange, route, 500, "hsg could not complete this request; it has been logged");
  }
  const std::chrono::duration<double, std::milli> taken =
      std::chrono::steady_clock::now() - started;
  log_access({exchange.user ? std::string_view(exchange.user->name) : std::string_view(),
              to_string(route.method), route.pattern, response.status, taken.count()});
}

void RouteTable::install(httplib::Server& server, ServerState& state) const {
  for (const Route& route : routes_) {
    const std::string regex = pattern_regex(route.pattern);
    httplib::Server::Handler wrapped = [&route, &state](const httplib::Request& request,
                                                        httplib::Response& response) {
      handle(route, state, request, response);
    };
    switch (route.method) {
      case Method::get:
        server.Get(regex, std::move(wrapped));
        break;
      case Method::post:
        server.Post(regex, std::move(wrapped));
        break;
      case Method::del:
        server.Delete(regex, std::move(wrapped));
        break;
    }
  }
}

}  // namespace hsg::web
