// The canonical payload of each kind of stored row, rebuilt from the row as it is now.
//
// Private to db/. A repository writes the payload of a row into the audit event that
// records it; verification (db/audit_log.cpp) rebuilds it from the stored row with the
// same function and compares. Each returns nothing when no row has that key.
#pragma once

#include <optional>
#include <string>
#include <string_view>

#include "db/connection.h"

namespace hsg::db {

// Rule sets hash their bytes instead of copying them: the payload's "id" is the
// SHA-256 of the stored bytes, so altered bytes no longer match the event.
std::optional<std::string> stored_ruleset_payload(Connection& connection, std::string_view id);
std::optional<std::string> stored_client_payload(Connection& connection, std::string_view ref);
std::optional<std::string> stored_allocation_payload(Connection& connection, std::string_view id);
std::optional<std::string> stored_decision_payload(Connection& connection, std::string_view id);

}  // namespace hsg::db
