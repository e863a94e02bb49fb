// `hsg serve`: the command's options and help, the checks before serving (the store
// exists and is initialised; TLS has both a certificate and a key), and serving until
// SIGTERM or SIGINT.
//
// Once listening it prints exactly one line to `out` and flushes it:
//   hsg serve: listening on http://127.0.0.1:PORT      (https with TLS)
// On SIGTERM or SIGINT it stops accepting, finishes the requests in flight and returns 0.
// Exit 1 for a usage or setup error (said on `err`), 2 for a failure while serving.
#pragma once

#include <ostream>
#include <string>
#include <vector>

namespace hsg::web {

int serve_command(const std::vector<std::string>& args, std::ostream& out, std::ostream& err);

}  // namespace hsg::web
