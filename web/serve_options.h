// What `hsg serve` is told (web/serve_command.h parses it): where to listen, which store,
// TLS, worker threads, session limits, the optional trusted proxy header and the sign-in
// rate limit, and the letterhead of the decision letter.
#pragma once

#include <cstddef>
#include <filesystem>
#include <optional>
#include <string>

#include "rules/letterhead_loader.h"
#include "web/sessions.h"

namespace hsg::web {

struct ServeOptions {
  std::string host = "127.0.0.1";
  int port = 8080;  // 0: any free port
  std::filesystem::path database;
  std::optional<std::filesystem::path> tls_certificate;
  std::optional<std::filesystem::path> tls_key;
  std::size_t threads = 8;
  SessionLimits sessions;
  // A header a reverse proxy sets to the signed-in user's name (single sign-on); none:
  // only hsg's own sign-in. Trusting it trusts whoever can reach the port.
  std::optional<std::string> trust_proxy_user;
  std::size_t login_attempts = 5;
  // The council's name and address on the decision letter (--letterhead); none: the
  // letter says in their place that none is set.
  std::optional<rules::Letterhead> letterhead;
};

}  // namespace hsg::web
