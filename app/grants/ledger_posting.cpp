#include "app/grants/ledger_posting.h"

#include <fmt/format.h>

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

namespace {

// What is due now; a store error is thrown as a Refusal.
PostPreview read_preview(db::Database& database, engine::Date through) {
  PostPreview preview{through, unwrap(db::LedgerRepository(database).due_unposted(through)), 0, {}};
  for (const db::DueInstalment& due : preview.due) {
    ++preview.count;
    preview.total += due.amount;
  }
  return preview;
}

}  // namespace

Result<PostPreview> preview_due_instalments(db::Database& database, engine::Date through) {
  return attempt([&] { return read_preview(database, through); });
}

Result<db::PostResult> post_previewed_instalments(db::Database& database, const db::Stamp& stamp,
                                                  const PreviewedPost& request) {
  return attempt([&] {
    const PostPreview now = read_preview(database, request.through);
    if (now.count != request.expected_count || now.total != request.expected_total) {
      throw Refusal(fmt::format(
          "what is due by {} has changed since it was shown: {} instalment(s) £{} then, {} "
          "instalment(s) £{} now; nothing was posted, look at what is due again",
          request.through.to_string(), request.expected_count,
          request.expected_total.to_grouped_string(), now.count, now.total.to_grouped_string()));
    }
    unwrap(db::check_due_instalments(database, request.through));
    return unwrap(db::LedgerRepository(database).post_through(stamp, request.through));
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
