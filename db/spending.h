// Spending a grant's cash: purchases with their receipts, sign-offs and refusals.
//
// A purchase is recorded against a grant on a date, for an objective, with an optional
// receipt; it is numbered per grant (1, 2, …) and never edited. Whether it needs sign-off
// is decided by the caller from the grant's rule set (rules/spending_config.h) and stored
// with the threshold that decided it. Inside the one write transaction record() checks:
//   - the date is on or after the grant's start and on or before its end, if it ended;
//   - the objective is an objective of the grant's support plan in force on the date (its
//     highest version dated on or before it), when it has one; otherwise any plan key;
//   - the amount is at most what the grant has available on the date: the instalments
//     it posted on or before the date (net of every reversal), less every purchase not
//     refused (spent or awaiting sign-off, whatever its date) and every recovery (net of
//     reversals, whatever its date). Counting the later ones too is what keeps the
//     balance of every later day from going below zero. Money awaiting sign-off is thus
//     reserved: it cannot be spent twice.
// A receipt is stored once by the SHA-256 of its bytes (kMaxReceiptBytes at most); the
// purchase and its audit event carry only the hash and size (schema version 10).
// decide() signs off ("approve") or refuses an awaiting purchase, once: a sign-off by
// the person who recorded it is refused (four eyes); a refusal may be by anyone (by the
// recorder it is a withdrawal), and releases the money it reserved. Every row written
// gets one audit event carrying its canonical JSON: "purchase.record" (entity
// "GRANT/NUMBER" of purchases), "purchase.approve" and "purchase.refuse" (entity
// "GRANT/NUMBER" of purchase_decisions). A purchase posts no ledger line
// (docs/finance.md, "Spending and surplus").
#pragma once

#include <cstdint>
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

inline constexpr std::size_t kMaxReceiptBytes = 10 * 1024 * 1024;  // 10 MiB

struct NewPurchase {
  std::int64_t grant_id = 0;
  engine::Date purchased_on;
  engine::Money amount;
  std::string description;
  std::string objective;
  std::optional<std::string> receipt;  // the file's exact bytes
  bool needs_sign_off = false;
  engine::Money sign_off_above;  // the threshold that decided needs_sign_off
};

enum class PurchaseStatus { spent, awaiting, approved, refused };
std::string_view to_string(PurchaseStatus status);

struct PurchaseDecision {
  std::string kind;  // approve | refuse
  engine::Date decided_on;
  std::string reason;
  std::string actor;
  std::string at;
};

struct Purchase {
  std::int64_t grant_id = 0;
  std::int64_t number = 0;
  engine::Date purchased_on;
  engine::Money amount;
  std::string description;
  std::string objective;
  std::optional<std::int64_t> plan_id;  // the plan version the objective was checked against
  std::optional<std::string> receipt_sha256;
  std::optional<std::int64_t> receipt_size_bytes;
  bool receipt_stored = false;  // its bytes are in the store
  bool needs_sign_off = false;
  engine::Money sign_off_above;
  std::string actor;
  std::string at;
  std::optional<PurchaseDecision> decision;
  // spent (no sign-off needed), awaiting, approved or refused — as of a date, a decision
  // dated after it not yet counted.
  PurchaseStatus status_on(engine::Date day) const;
};

// A grant's money on a day (all figures of what is dated on or before it).
struct SpendingBalance {
  engine::Money paid_in;    // instalments posted, net of reversals
  engine::Money spent;      // purchases needing no sign-off, and those signed off
  engine::Money awaiting;   // purchases awaiting sign-off (reserved)
  engine::Money recovered;  // recoveries, net of reversals
  engine::Money saved;      // paid_in - spent - awaiting - recovered
};

struct GrantSpending {
  std::int64_t grant_id = 0;
  engine::Date as_of;
  SpendingBalance balance;
  std::vector<Purchase> purchases;  // dated on or before as_of, by number
};

class SpendingRepository {
 public:
  explicit SpendingRepository(Database& database) : database_(database) {}

  // The new purchase as stored.
  DbResult<Purchase> record(const Stamp& stamp, const NewPurchase& purchase);
  // kind "approve" or "refuse"; the purchase as it now is.
  DbResult<Purchase> decide(const Stamp& stamp, std::int64_t grant_id, std::int64_t number,
                            std::string_view kind, engine::Date decided_on,
                            std::string_view reason);

  DbResult<GrantSpending> get(std::int64_t grant_id, engine::Date as_of);
  // The stored bytes of a receipt, if they are there.
  DbResult<std::optional<std::string>> receipt(std::string_view sha256);

 private:
  Database& database_;
};

}  // namespace hsg::db
