// The approvals queue (the web's approvals page and GET /api/approvals): every agreement
// that waits for someone other than its author to approve or reject it.
//
// Read-only. Promises: each allocation whose latest agreement is beyond tolerance or above
// the upper limit and not yet decided, the oldest agreement first, with the client and the
// date of the assessment it decides on.
#pragma once

#include <string>
#include <vector>

#include "app/result.h"
#include "db/database.h"
#include "db/decisions.h"
#include "engine/date.h"

namespace hsg::app {

struct AwaitingApproval {
  db::DecisionState state;  // status pending_approval, with its agreement
  std::string client_ref;
  engine::Date assessed_on;
};

Result<std::vector<AwaitingApproval>> approval_queue(db::Database& database);

}  // namespace hsg::app
