#include "app/audit/audit_log_query.h"

#include <algorithm>
#include <utility>

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
    // One search for the page asked for; a second only when that page is past the last,
    // which then shows the last.
    const auto size = static_cast<std::int64_t>(kAuditPageSize);
    const auto offset_of = [&](std::size_t number) {
      return static_cast<std::int64_t>(number - 1) * size;
    };
    db::AuditEventPage found = unwrap(audit.search(filter, offset_of(query.page), size));
    AuditLogPage page;
    page.total = static_cast<std::size_t>(found.total);
    page.pages = std::max<std::size_t>(1, (page.total + kAuditPageSize - 1) / kAuditPageSize);
    page.page = std::min(query.page, page.pages);
    if (page.page != query.page) found = unwrap(audit.search(filter, offset_of(page.page), size));
    page.events = std::move(found.events);
    return page;
  });
}

}  // namespace hsg::app
