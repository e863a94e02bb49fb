// The agreed amount and four-eyes approval of an allocation: `hsg agree|approve|reject`
// and the web's decision form write through here.
//
// Each checks the allocation's stored record first (db/record_check.h: a row that no
// longer matches the event that wrote it is refused before anything is decided on it),
// then writes the decision in one guarded transaction (db/decisions.h decides who may
// approve what). Promises: on success, the allocation's decision state after the write;
// a missing or tampered allocation, or a decision the rules refuse, is a Refusal and
// nothing is written.
#pragma once

#include <cstdint>
#include <string>

#include "app/result.h"
#include "db/database.h"
#include "db/decisions.h"
#include "db/stamp.h"
#include "engine/money.h"

namespace hsg::app {

struct AgreeRequest {
  std::int64_t allocation_id = 0;
  engine::Money amount;
  std::string reason;  // mandatory (the store refuses a blank one)
};

Result<db::DecisionState> agree(db::Database& database, const db::Stamp& stamp,
                                const AgreeRequest& request);

enum class Resolution { approve, reject };

struct ResolveRequest {
  std::int64_t allocation_id = 0;
  Resolution resolution = Resolution::approve;
  std::string reason;  // optional for an approval, mandatory for a rejection
};

// Approves or rejects the allocation's agreement that waits for approval.
Result<db::DecisionState> resolve(db::Database& database, const db::Stamp& stamp,
                                  const ResolveRequest& request);

}  // namespace hsg::app
