// The C++ step of migration 6 (db/schema.cpp): private to db/.
//
// Before schema version 6 a rule set was in force from its effective_from until the
// next stored effective_from, and none was when two shared the latest date. This writes
// that as adoptions (basis "upgrade") and retirements, each with its audit event,
// stamped by "hsg-upgrade" at the time of the newest event (the store reads no clock).
#pragma once

#include "db/connection.h"

namespace hsg::db {

// The actor of the upgrade's adoptions and retirements, and of no one else's.
inline constexpr char kUpgradeActor[] = "hsg-upgrade";

void adopt_as_before_upgrade(Connection& connection);

}  // namespace hsg::db
