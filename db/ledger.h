// The finance ledger: double entry, append-only, corrected only by reversal.
//
// Postings (db/ledger_postings.h has the shape and the balance rule):
//   instalment I-<grant>-<type>-<n>, dated its due date:  Dr expenditure account of the
//     type (the line carries the type) / Cr the grant's creditor account;
//   recovery R-<grant>-<n> (db/grants.h): Dr creditor / Cr expenditure, per type;
//   reversal X-<original>: the original's lines with debit and credit swapped. A
//     posting may be reversed once (reverses is UNIQUE), not before its own date.
// post_through(D) posts every instalment due on or before D that is neither posted nor
// cancelled; the ids make it idempotent, so running it again posts nothing. Spend is
// the expenditure lines (those carrying an intervention type), debit − credit.
// Every read checks that each posting it meets balances and fails naming the first
// that does not.
#pragma once

#include <cstdint>
#include <functional>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "db/database.h"
#include "db/result.h"
#include "db/stamp.h"
#include "engine/date.h"
#include "engine/money.h"

namespace hsg::db {

struct PostResult {
  std::int64_t posted = 0;          // postings written now
  std::int64_t already_posted = 0;  // instalments due by the date that were posted before
  engine::Money posted_amount;
};

// An instalment post_through would post now: due, neither posted nor cancelled.
struct DueInstalment {
  std::int64_t grant_id = 0;
  std::string client_ref;
  std::string intervention;
  std::int64_t number = 0;
  std::int64_t of = 0;  // the type's last instalment number
  std::string due_on;
  engine::Money amount;
};

// One ledger line with its posting's facts; the views are valid during the visit only.
struct LedgerLine {
  std::string_view posting_id;
  std::int64_t line = 0;
  std::string_view posted_on;
  std::string_view account;
  std::string_view cost_centre;
  std::int64_t debit_pence = 0;
  std::int64_t credit_pence = 0;
  std::string_view client_ref;
  std::int64_t grant_id = 0;
  std::optional<std::string_view> intervention;
  std::string_view description;
  std::optional<std::string_view> reverses;
};

struct AccountBalance {
  std::string account;
  std::int64_t balance_pence = 0;  // debit − credit
};

struct Commitment {
  std::string month;  // "2025-03", of the due date
  std::string intervention;
  std::int64_t instalments = 0;
  engine::Money amount;
};

enum class SummaryBy { month, client_group, intervention, cost_centre };

struct SpendRow {
  std::string key;
  engine::Money spend;  // expenditure debit − credit
};

class LedgerRepository {
 public:
  explicit LedgerRepository(Database& database) : database_(database) {}

  DbResult<PostResult> post_through(const Stamp& stamp, engine::Date through);
  // What post_through(through) would post now, in the order it would post it (read-only).
  DbResult<std::vector<DueInstalment>> due_unposted(engine::Date through);
  // The reversal's id.
  DbResult<std::string> reverse(const Stamp& stamp, std::string_view posting_id, engine::Date on,
                                std::string_view reason);

  // Lines of postings dated in [from, to), by date, posting id and line, until visit
  // returns false; how many were visited. Fails at the first posting that does not
  // balance (all its lines are checked before the next posting's).
  DbResult<std::int64_t> for_each_line(engine::Date from, engine::Date to,
                                       const std::function<bool(const LedgerLine&)>& visit);
  // Balance of each account over postings dated on or before `as_of` (all when empty),
  // accounts with a zero balance left out, in account order (by ':'-separated parts).
  DbResult<std::vector<AccountBalance>> balance(std::optional<engine::Date> as_of);
  // Instalments scheduled, not cancelled and not posted on or before `as_of`, by month
  // of the due date and type (in rule-set order).
  DbResult<std::vector<Commitment>> commitments(engine::Date as_of);
  // Spend of postings dated in [from, to), grouped.
  DbResult<std::vector<SpendRow>> summary(engine::Date from, engine::Date to, SummaryBy by);
  // Spend as the grants schedule it, posted or not: Σ amount of the instalments due in
  // [from, to) and not cancelled, per client group of the grant's client, by key; groups
  // with none left out.
  DbResult<std::vector<SpendRow>> scheduled_by_client_group(engine::Date from, engine::Date to);

 private:
  Database& database_;
};

}  // namespace hsg::db
