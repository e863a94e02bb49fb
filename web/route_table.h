// Every route of the server, each with who may use it, and the one place that checks it.
//
// A route is registered with its method, its pattern ("/allocations/:id/agree", which is
// also what the access log names), whether it answers as a page or as JSON, and its
// Access: public (the sign-in page, static files), any signed-in user (signing out), or
// signed in holding a Permission (app/users/permissions.h). Access has no default, so a
// route cannot be registered without saying which.
//
// Before a handler runs, in this order, every request: the security headers are set; for
// a non-public route the session is found (or, with --trust-proxy-user, made for the
// header's user) and the account re-read (unknown or disabled: the session is dropped),
// else 401; a write (POST, DELETE) must carry the session's CSRF token (form field `csrf`
// or header X-CSRF-Token), else 403; the user's roles must permit the route, else 403.
// Afterwards one access-log line (web/access_log.h). An exception from a handler is a 500
// that says nothing of its cause to the client.
#pragma once

#include <httplib.h>

#include <functional>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "app/users/permissions.h"
#include "web/exchange.h"

namespace hsg::web {

enum class Method { get, post, del };
std::string_view to_string(Method method);

enum class Answer { page, json };

class Access {
 public:
  static Access anyone() { return Access(false, std::nullopt); }
  static Access signed_in() { return Access(true, std::nullopt); }
  static Access needs(app::Permission permission) { return Access(true, permission); }

  bool needs_session() const { return needs_session_; }
  const std::optional<app::Permission>& permission() const { return permission_; }

 private:
  Access(bool needs_session, std::optional<app::Permission> permission)
      : needs_session_(needs_session), permission_(permission) {}
  bool needs_session_;
  std::optional<app::Permission> permission_;
};

using Handler = std::function<void(Exchange&)>;

struct Route {
  Method method;
  std::string pattern;  // ":id" a positive number, ":ref" a client reference
  Answer answer;
  Access access;
  Handler handler;
};

class RouteTable {
 public:
  // Routes match in the order added: a more specific pattern goes first.
  void add(Method method, std::string pattern, Answer answer, Access access, Handler handler);
  const std::vector<Route>& routes() const { return routes_; }
  // Registers every route on `server`, each wrapped in the checks above.
  void install(httplib::Server& server, ServerState& state) const;

 private:
  std::vector<Route> routes_;
};

// The regular expression a pattern matches: ":id" is 1 to 18 digits, ":ref" 1 to 64
// characters of a client reference (db/clients.h).
std::string pattern_regex(std::string_view pattern);

// Runs `route` for one request, with the checks above (install's handlers call this).
void handle(const Route& route, ServerState& state, const httplib::Request& request,
            httplib::Response& response);

}  // namespace hsg::web
