#include "app/audit/audit_log_query.h"

#include <algorithm>

#include "app/refusal.h"
#include "app/unwrap.h"
#include "db/audit_log.h"

namespace hsg::app {

namespace {

bool matches(const db::AuditEvent& event, const AuditLogQuery& query) {
  if (query.action && event.action != *query.action) return false;
  if (query.actor && event.actor != *query.actor) return false;
  const std::string day = event.at.substr(0, 10);
  if (query.from && day < query.from->to_string()) return false;
  if (query.to && day > query.to->to_string()) return false;
  return true;
}

}  // namespace

Result<AuditLogPage> audit_log_page(db::Database& database, const AuditLogQuery& query) {
  return attempt([&] {
    if (query.from && query.to && *query.to < *query.from) {
      throw Refusal("to: the last day must not be before the first");
    }
    if (query.page == 0) throw Refusal("page: pages are numbered from 1");
    db::AuditLog audit(database);
    std::vector<db::AuditEvent> events = query.client_ref
                                             ? unwrap(audit.events_for_client(*query.client_ref))
                                             : unwrap(audit.events());
    std::erase_if(events, [&](const db::AuditEvent& event) { return !matches(event, query); });
    AuditLogPage page;
    page.total = events.size();
    page.pages = std::max<std::size_t>(1, (events.size() + kAuditPageSize - 1) / kAuditPageSize);
    page.page = std::min(query.page, page.pages);
    const std::size_t first = (page.page - 1) * kAuditPageSize;
    const std::size_t last = std::min(events.size(), first + kAuditPageSize);
    page.events.assign(events.begin() + static_cast<std::ptrdiff_t>(first),
                       events.begin() + static_cast<std::ptrdiff_t>(last));
    return page;
  });
}

}  // namespace hsg::app
