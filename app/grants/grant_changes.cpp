#include "app/grants/grant_changes.h"

#include "app/unwrap.h"

namespace hsg::app {

Result<db::EndResult> end_grant(db::Database& database, const db::Stamp& stamp,
                                const GrantEndRequest& request) {
  return attempt([&] {
    return unwrap(
        db::GrantRepository(database).end(stamp, request.grant_id, request.end_on, request.reason));
  });
}

Result<std::string> recover_grant(db::Database& database, const db::Stamp& stamp,
                                  const RecoveryRequest& request) {
  return attempt([&] {
    return unwrap(db::GrantRepository(database).recover(stamp, request.grant_id, request.amount,
                                                        request.recovered_on, request.reason));
  });
}

}  // namespace hsg::app
