// Grants: an agreed allocation turned into instalments, and everything that happens to
// it afterwards — an end or a review (cancelling unposted instalments), recoveries.
//
// A grant is started from an allocation whose decision state is agreed or approved
// (db/decisions.h) — approved, when the amount is above the allocation's upper limit —
// for exactly the latest agreement's amount, once per allocation, on or after the
// allocation's assessment date. The caller computes the schedule (engine/instalments.h,
// with the rule set's instalment period and [finance] coding); start() checks it in the
// same transaction as it writes:
// the type amounts sum to the agreed amount, each type's instalments are numbered 1..n
// and sum to its amount, and the agreement is still the latest and still agreed or
// approved. Nothing is ever updated: ending writes a grant_ends row and one
// instalment_cancellations row per instalment due after the end date that has no
// posting (a posted instalment stays posted; money back is a recovery). A recovery is
// its own row and its own balanced posting R-<grant>-<n>: Dr the grant's creditor
// account, Cr the expenditure accounts shared in proportion to the grant's type amounts
// (largest remainder, ties to the type listed first); it may not exceed what the grant
// has paid (instalment postings, net of reversals) less what was already recovered and
// what its purchases spent or reserve (db/spending.h).
// Every row written gets one audit event carrying its canonical JSON. An individual
// service fund's provider must be accredited on the start date (db/providers.h); once a
// grant has started, its allocation's agreement is closed (db/decisions.h).
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

struct GrantIntervention {
  std::string intervention;   // the rule set's type key
  std::int64_t position = 0;  // its place in the rule set (ties go to the first)
  std::int64_t weeks = 0;
  engine::Money amount;  // its share of the agreed amount
  std::string expenditure_account;
  bool operator==(const GrantIntervention&) const = default;
};

struct GrantInstalment {
  std::string intervention;
  std::int64_t number = 0;
  engine::Date due_on;
  engine::Money amount;
};

struct NewGrant {
  std::int64_t allocation_id = 0;
  std::int64_t agreement_id = 0;  // the agreement it pays (the latest, agreed or approved)
  engine::Date start_on;
  std::string held_as;                  // direct_payment | managed_account | isf
  std::optional<std::string> provider;  // required for isf
  engine::Money agreed;
  std::string cost_centre;
  std::string creditor_account;
  std::vector<GrantIntervention> interventions;  // in rule-set order
  std::vector<GrantInstalment> instalments;
};

struct Grant {
  std::int64_t id = 0;
  std::int64_t allocation_id = 0;
  std::int64_t agreement_id = 0;
  std::string client_ref;
  engine::Date start_on;
  std::string held_as;
  std::optional<std::string> provider;
  engine::Money agreed;
  std::string cost_centre;
  std::string creditor_account;
};

struct GrantEnd {
  engine::Date end_on;
  std::string reason;
  std::string kind;  // end | review
  std::optional<std::int64_t> review_allocation_id;
};

enum class InstalmentStatus { scheduled, posted, reversed, cancelled };
std::string_view to_string(InstalmentStatus status);

struct InstalmentState {
  GrantInstalment instalment;
  InstalmentStatus status = InstalmentStatus::scheduled;
  std::optional<std::string> posting_id;
};

struct Recovery {
  std::int64_t number = 0;
  engine::Date recovered_on;
  engine::Money amount;
  std::string reason;
  std::string posting_id;
  bool reversed = false;
};

struct GrantDetail {
  Grant grant;
  std::vector<GrantIntervention> interventions;
  std::vector<InstalmentState> instalments;  // by type (rule-set order), then number
  std::optional<GrantEnd> end;
  std::vector<Recovery> recoveries;
  engine::Money paid;       // instalment postings, net of reversals
  engine::Money recovered;  // recovery postings, net of reversals
};

struct GrantSummary {
  Grant grant;
  std::optional<GrantEnd> end;
};

struct EndResult {
  engine::Date end_on;
  std::int64_t cancelled = 0;  // instalments cancelled
  engine::Money cancelled_amount;
  std::int64_t already_posted_after = 0;  // due after the end but already posted
};

class GrantRepository {
 public:
  explicit GrantRepository(Database& database) : database_(database) {}

  // The new grant's id.
  DbResult<std::int64_t> start(const Stamp& stamp, const NewGrant& grant);
  // Ends the grant at `end_on` (not before the day before its start): instalments due
  // after it and not posted are cancelled. kind "review" names the new allocation.
  DbResult<EndResult> end(const Stamp& stamp, std::int64_t grant_id, engine::Date end_on,
                          std::string_view reason,
                          std::optional<std::int64_t> review_allocation_id = std::nullopt);
  // Records money returned; the recovery posting's id.
  DbResult<std::string> recover(const Stamp& stamp, std::int64_t grant_id, engine::Money amount,
                                engine::Date recovered_on, std::string_view reason);

  DbResult<GrantDetail> get(std::int64_t grant_id);
  // The grant of an allocation, if one was started.
  DbResult<std::optional<std::int64_t>> of_allocation(std::int64_t allocation_id);
  // Every grant in id order; with `active_on`, those started on or before it and not
  // ended before it.
  DbResult<std::vector<GrantSummary>> list(std::optional<engine::Date> active_on);

 private:
  Database& database_;
};

}  // namespace hsg::db
