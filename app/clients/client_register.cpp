#include "app/clients/client_register.h"

#include "app/unwrap.h"

namespace hsg::app {

Result<db::Client> add_client(db::Database& database, const db::Stamp& stamp,
                              const db::NewClient& client) {
  return attempt([&] { return unwrap(db::ClientRepository(database).add(stamp, client)); });
}

Result<std::vector<db::Client>> list_clients(db::Database& database) {
  return attempt([&] { return unwrap(db::ClientRepository(database).list()); });
}

Result<ClientHistory> client_history(db::Database& database, std::string_view ref) {
  return attempt([&] {
    db::ClientRepository clients(database);
    ClientHistory history{unwrap(clients.get(ref)), {}, {}};
    db::DecisionRepository decisions(database);
    for (db::StoredAllocation& allocation :
         unwrap(db::AllocationRepository(database).for_client(ref))) {
      const db::DecisionStatus status = unwrap(decisions.state(allocation.id)).status;
      history.allocations.push_back({std::move(allocation), status});
    }
    history.events = unwrap(clients.history(ref));
    return history;
  });
}

}  // namespace hsg::app
