// The access log: one line per request on stderr (spdlog), for operators.
//
//   access user=asha method=POST route=/allocations/:id/agree status=303 ms=3.2
//
// Who (the signed-in user, or '-'), what (the method and the route's pattern, never the
// path, which may hold a client reference, nor a query string or a body), the status and
// the time taken. Nothing a client typed reaches it: the user is an account name already
// in normal form (db/stamp.h) and the method one the router matched.
#pragma once

#include <string>
#include <string_view>

namespace hsg::web {

struct AccessEntry {
  std::string_view user;  // empty when nobody is signed in
  std::string_view method;
  std::string_view route;
  int status = 0;
  double milliseconds = 0;  // a timing, not money
};

std::string access_line(const AccessEntry& entry);
// Writes access_line(entry) to the server's log (stderr).
void log_access(const AccessEntry& entry);

}  // namespace hsg::web
