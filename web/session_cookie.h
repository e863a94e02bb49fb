// The server's cookies: hsg_session (the session id) and hsg_login (the sign-in form's
// CSRF token, set with the form and required back with it). Both HttpOnly, Secure and
// SameSite=Strict on Path=/, so no script reads them and no other site sends them.
#pragma once

#include <string_view>

#include "web/exchange.h"

namespace hsg::web {

inline constexpr std::string_view kSessionCookie = "hsg_session";
inline constexpr std::string_view kLoginCookie = "hsg_login";

void set_cookie(Exchange& exchange, std::string_view name, std::string_view value);
// Tells the browser to forget `name`.
void clear_cookie(Exchange& exchange, std::string_view name);

inline void set_session_cookie(Exchange& exchange, std::string_view id) {
  set_cookie(exchange, kSessionCookie, id);
}

}  // namespace hsg::web
