#include "app/providers/provider_register.h"

#include "app/unwrap.h"

namespace hsg::app {

Result<std::int64_t> accredit_provider(db::Database& database, const db::Stamp& stamp,
                                       const db::NewAccreditation& accreditation) {
  return attempt(
      [&] { return unwrap(db::ProviderRepository(database).accredit(stamp, accreditation)); });
}

Result<std::vector<db::Provider>> list_providers(db::Database& database,
                                                 std::optional<engine::Date> on) {
  return attempt([&] { return unwrap(db::ProviderRepository(database).list(on)); });
}

Result<db::Done> end_provider(db::Database& database, const db::Stamp& stamp,
                              const ProviderEndRequest& request) {
  return attempt([&] {
    return unwrap(db::ProviderRepository(database).end(stamp, request.name, request.last_day));
  });
}

}  // namespace hsg::app
