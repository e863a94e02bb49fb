// A refusal as the API answers it: {"error": the first problem, "problems": every one}.
#pragma once

#include "app/refusal.h"
#include "web/page.h"

namespace hsg::web {

inline void send_json_refusal(Exchange& exchange, int status, const app::Refusal& refusal) {
  const std::vector<std::string> problems = problems_of(refusal);
  send_json_error(exchange, status, problems.empty() ? "refused" : problems.front(), problems);
}

}  // namespace hsg::web
