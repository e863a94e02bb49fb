// Writing and reading one posting of the ledger with its lines. Private to db/: the
// grant repository (recoveries) and the ledger repository (instalments, reversals) both
// write through here, so every posting is checked the same way.
//
// A posting is balanced — Σ debit = Σ credit, each line a debit or a credit and not
// both, at least two lines — when it is written (write_posting refuses, by exception,
// anything else) and again whenever it is read (read_posting and LedgerRepository's
// reads throw naming the posting). Each row written gets its own audit event whose
// payload is the row's canonical JSON: "posting.add" for the posting (entity id: its
// id), "posting.line" for each line (entity id "POSTING/LINE").
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "db/connection.h"
#include "db/stamp.h"

namespace hsg::db {

struct PostingLineRow {
  std::int64_t line = 0;
  std::string account;
  std::string cost_centre;
  std::int64_t debit_pence = 0;
  std::int64_t credit_pence = 0;
  std::string client_ref;
  std::int64_t grant_id = 0;
  std::optional<std::string> intervention;  // set on expenditure lines only
};

struct PostingRow {
  std::string id;
  std::string posted_on;
  std::string kind;  // instalment | recovery | reversal
  std::int64_t grant_id = 0;
  std::string description;
  std::optional<std::string> reverses;
  std::vector<PostingLineRow> lines;
};

// Why the lines of posting `id` do not balance, or nothing.
std::optional<std::string> balance_problem(std::string_view id, std::int64_t debit_pence,
                                           std::int64_t credit_pence, std::size_t line_count);

// Inserts the posting and its lines (numbered 1..n in order), one audit event each.
void write_posting(Connection& connection, const Stamp& stamp, const PostingRow& posting);

bool posting_exists(Connection& connection, const std::string& id);

// The posting with its lines; throws if it does not balance.
std::optional<PostingRow> read_posting(Connection& connection, const std::string& id);

// The posting that reverses `id`, if any.
std::optional<std::string> reversal_of(Connection& connection, const std::string& id);

// The posting ids, derived so that the same thing can only ever be posted once:
// I-<grant>-<intervention>-<number>, R-<grant>-<number>, X-<what it reverses>.
std::string instalment_posting_id(std::int64_t grant_id, std::string_view intervention,
                                  std::int64_t number);
std::string recovery_posting_id(std::int64_t grant_id, std::int64_t number);
std::string reversal_posting_id(std::string_view original);

// What a grant's postings add up to: instalments paid and money recovered, each net
// of reversals (a reversal counts against what it reverses; a reversal of a reversal
// restores it); with `through` (YYYY-MM-DD), only the postings dated on or before it. And
// what its purchases not refused hold, whatever their dates (db/spending.h): spent or
// reserved awaiting sign-off, posted to no account, but no longer there to recover.
struct GrantMoney {
  std::int64_t paid_pence = 0;
  std::int64_t recovered_pence = 0;
  std::int64_t purchased_pence = 0;
};
GrantMoney grant_money(Connection& connection, std::int64_t grant_id,
                       const std::optional<std::string>& through = std::nullopt);

// "12.34", "-0.05": pence as pounds with two decimals, for messages and exports.
std::string pounds(std::int64_t pence);

}  // namespace hsg::db
