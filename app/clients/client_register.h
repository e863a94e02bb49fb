// The clients (hsg client add | show | list): recorded under the council's reference with
// their Supporting People primary client group, and their history read back.
//
// Requires an open store (writable to add). Promises: a client's history is every
// allocation recorded for them with its decision state, and every audit event about
// them, oldest first; an unknown client, or one the store refuses to add (a duplicate
// reference, an unknown group), is a Refusal and nothing is written.
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "app/result.h"
#include "db/allocations.h"
#include "db/audit_event.h"
#include "db/clients.h"
#include "db/database.h"
#include "db/decisions.h"
#include "db/stamp.h"

namespace hsg::app {

Result<db::Client> add_client(db::Database& database, const db::Stamp& stamp,
                              const db::NewClient& client);

// In reference order.
Result<std::vector<db::Client>> list_clients(db::Database& database);

struct ClientAllocation {
  db::StoredAllocation allocation;
  db::DecisionStatus status = db::DecisionStatus::indicative;
};

struct ClientHistory {
  db::Client client;
  std::vector<ClientAllocation> allocations;  // oldest first
  std::vector<db::AuditEvent> events;         // oldest first
};

Result<ClientHistory> client_history(db::Database& database, std::string_view ref);

}  // namespace hsg::app
