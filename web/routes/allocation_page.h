// The allocation page (GET /allocations/:id), also re-rendered with the problems when an
// agreement, a decision or a grant start on it is refused (422).
//
// It shows the statement recomputed by app::show_allocation, the total, the decision state
// and only the forms the signed-in user may use now: agree (agree_amount, no grant yet),
// approve and reject (approve_amount, pending, and not the user's own agreement), start
// the grant (start_grant, agreed or approved, no grant yet).
#pragma once

#include <string>
#include <vector>

#include "web/exchange.h"

namespace hsg::web {

void send_allocation_page(Exchange& exchange, int status, std::int64_t allocation_id,
                          const std::vector<std::string>& problems);

}  // namespace hsg::web
