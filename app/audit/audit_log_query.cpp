#include "app/audit/audit_log_query.h"

#include <algorithm>

#include "app/refusal.h"
#include "app/unwrap.h"
#include "db/audit_log.h"
#include "db/clients.h"

namespace hsg::app {

Result<AuditLogPage> audit_log_page(db::Database& database, const AuditLogQuery& query) {
  return attempt([&] {
    if (query.from && query.to && *query.to < *query.from) {
      throw Refusal("to: the last day must not be before the first");
    }
    if (query.page == 0) throw Refusal("page: pages are numbered from 1");
    const db::AuditFilter filter{query.client_ref, query.action, query.actor,
                                 query.from ? std::optional(query.from->to_string()) : std::nullopt,
                                 query.to ? std::optional(query.to->to_string()) : std::nullopt};
    if (query.client_ref) unwrap(db::ClientRepository(database).get(*query.client_ref));
    db::AuditLog audit(database);
    // Counted first so that a page past the last shows the last.
    const auto size = static_cast<std::int64_t>(kAuditPageSize);
    const std::int64_t total = unwrap(audit.search(filter, 0, 0)).total;
    AuditLogPage page;
    page.total = static_cast<std::size_t>(total);
    page.pages = std::max<std::size_t>(1, (page.total + kAuditPageSize - 1) / kAuditPageSize);
    page.page = std::min(query.page, page.pages);
    const auto offset = static_cast<std::int64_t>(page.page - 1) * size;
    page.events = unwrap(audit.search(filter, offset, size)).events;
    return page;
  });
}

}  // namespace hsg::app
