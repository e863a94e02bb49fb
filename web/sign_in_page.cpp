#include "web/sign_in_page.h"

#include "web/page.h"
#include "web/random_token.h"
#include "web/session_cookie.h"

namespace hsg::web {

bool local_path(std::string_view path) {
  constexpr std::size_t kMaxPathBytes = 2000;
  if (path.empty() || path.size() > kMaxPathBytes || path[0] != '/') return false;
  if (path.size() > 1 && (path[1] == '/' || path[1] == '\\')) return false;
  for (const char c : path) {
    const auto byte = static_cast<unsigned char>(c);
    if (byte < 0x20 || byte == 0x7f || c == '\\') return false;
  }
  return true;
}

void send_sign_in_page(Exchange& exchange, int status, std::optional<std::string_view> problem,
                       std::string_view next, std::string_view name) {
  const std::string token = random_token();
  set_cookie(exchange, kLoginCookie, token);
  Data data;
  data.set("login_token", token);
  if (problem) data.set("problem", std::string(*problem));
  if (local_path(next) && next != "/" && next != "/login") data.set("next", std::string(next));
  data.set("name", std::string(name));
  // The page is for someone not (or no longer) signed in: no user in its header.
  exchange.user.reset();
  send_page(exchange, status, "Sign in", "sign_in.mustache", std::move(data));
}

}  // namespace hsg::web
