#include "app/audit/audit_events.h"

#include "app/unwrap.h"

namespace hsg::app {

Result<std::vector<db::AuditEvent>> audit_events(db::Database& database,
                                                 const std::optional<std::string>& client_ref) {
  return attempt([&] {
    db::AuditLog audit(database);
    return client_ref ? unwrap(audit.events_for_client(*client_ref)) : unwrap(audit.events());
  });
}

}  // namespace hsg::app
