#include "app/grants/ledger_posting.h"

#include "app/unwrap.h"
#include "db/record_check.h"

namespace hsg::app {

Result<db::PostResult> post_due_instalments(db::Database& database, const db::Stamp& stamp,
                                            engine::Date through) {
  return attempt([&] {
    unwrap(db::check_due_instalments(database, through));
    return unwrap(db::LedgerRepository(database).post_through(stamp, through));
  });
}

Result<std::string> reverse_posting(db::Database& database, const db::Stamp& stamp,
                                    const ReversalRequest& request) {
  return attempt([&] {
    return unwrap(db::LedgerRepository(database).reverse(stamp, request.posting_id,
                                                         request.reversed_on, request.reason));
  });
}

}  // namespace hsg::app
