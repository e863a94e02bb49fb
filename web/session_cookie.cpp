#include "web/session_cookie.h"

#include <fmt/format.h>

namespace hsg::web {

void set_cookie(Exchange& exchange, std::string_view name, std::string_view value) {
  exchange.response.set_header(
      "Set-Cookie", fmt::format("{}={}; Path=/; HttpOnly; Secure; SameSite=Strict", name, value));
}

void clear_cookie(Exchange& exchange, std::string_view name) {
  exchange.response.set_header(
      "Set-Cookie", fmt::format("{}=; Path=/; HttpOnly; Secure; SameSite=Strict; Max-Age=0", name));
}

}  // namespace hsg::web
