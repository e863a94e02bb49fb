#include "db/spending.h"

#include <fmt/format.h>

#include <stdexcept>

#include "db/audit_append.h"
#include "db/canonical_json.h"
#include "db/guard.h"
#include "db/ledger_postings.h"
#include "db/record_payloads.h"
#include "db/sha256.h"
#include "engine/checked.h"
#include "engine/text.h"

namespace hsg::db {

namespace {

constexpr std::size_t kMaxDescriptionBytes = 500;
constexpr std::size_t kMaxReasonBytes = 4000;

constexpr char kSelectGrant[] =
    "SELECT g.start_on, e.end_on FROM grants g LEFT JOIN grant_ends e ON e.grant_id = g.id "
    "WHERE g.id = ?1";
constexpr char kSelectPlanOn[] =
    "SELECT id FROM plans WHERE grant_id = ?1 AND plan_on <= ?2 ORDER BY version DESC LIMIT 1";
constexpr char kSelectObjective[] =
    "SELECT 1 FROM plan_objectives WHERE plan_id = ?1 AND objective_key = ?2";
constexpr char kSelectObjectives[] =
    "SELECT objective_key FROM plan_objectives WHERE plan_id = ?1 ORDER BY position";
constexpr char kNextNumber[] =
    "SELECT ifnull(max(number), 0) + 1 FROM purchases WHERE grant_id = ?1";
constexpr char kSelectReceipt[] = "SELECT bytes FROM receipts WHERE sha256 = ?1";
constexpr char kInsertReceipt[] =
    "INSERT INTO receipts (sha256, size_bytes, bytes) VALUES (?1, ?2, ?3)";
constexpr char kInsertPurchase[] =
    "INSERT INTO purchases (grant_id, number, purchased_on, amount_pence, description, "
    "objective_key, plan_id, receipt_sha256, receipt_size_bytes, needs_sign_off, "
    "sign_off_above_pence, actor, at) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, "
    "?13)";
#define HSG_PURCHASE_SELECT                                                                    \
  "SELECT p.grant_id, p.number, p.purchased_on, p.amount_pence, p.description, "               \
  "p.objective_key, p.plan_id, p.receipt_sha256, p.receipt_size_bytes, p.needs_sign_off, "     \
  "p.sign_off_above_pence, p.actor, p.at, d.kind, d.decided_on, d.reason, d.actor, d.at, "     \
  "EXISTS (SELECT 1 FROM receipts r WHERE r.sha256 = p.receipt_sha256) FROM purchases p LEFT " \
  "JOIN purchase_decisions d ON d.grant_id = p.grant_id AND d.number = p.number "
constexpr char kSelectPurchases[] = HSG_PURCHASE_SELECT "WHERE p.grant_id = ?1 ORDER BY p.number";
constexpr char kSelectPurchase[] = HSG_PURCHASE_SELECT "WHERE p.grant_id = ?1 AND p.number = ?2";
#undef HSG_PURCHASE_SELECT
constexpr char kSelectPurchaseRow[] =
    "SELECT purchased_on, amount_pence, description, objective_key, plan_id, receipt_sha256, "
    "receipt_size_bytes, needs_sign_off, sign_off_above_pence, actor, at FROM purchases WHERE "
    "grant_id = ?1 AND number = ?2";
constexpr char kInsertDecision[] =
    "INSERT INTO purchase_decisions (grant_id, number, kind, decided_on, reason, actor, at) "
    "VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7)";
constexpr char kSelectDecisionRow[] =
    "SELECT kind, decided_on, reason, actor, at FROM purchase_decisions WHERE grant_id = ?1 AND "
    "number = ?2";
constexpr char kSelectAllReceipts[] =
    "SELECT sha256, size_bytes, bytes FROM receipts ORDER BY sha256";
constexpr char kSelectMissingReceipt[] =
    "SELECT grant_id, number, receipt_sha256 FROM purchases p WHERE receipt_sha256 IS NOT NULL "
    "AND NOT EXISTS (SELECT 1 FROM receipts r WHERE r.sha256 = p.receipt_sha256) "
    "AND NOT EXISTS (SELECT 1 FROM client_erasures e WHERE instr(e.receipts_erased, "
    "p.receipt_sha256) > 0) ORDER BY grant_id, number LIMIT 1";
constexpr char kSelectOrphanReceipt[] =
    "SELECT sha256 FROM receipts r WHERE NOT EXISTS (SELECT 1 FROM purchases p WHERE "
    "p.receipt_sha256 = r.sha256) ORDER BY sha256 LIMIT 1";

engine::Date date_of(const std::string& text, std::string_view what) {
  const auto date = engine::Date::parse(text);
  if (!date) throw std::runtime_error(fmt::format("stored {} '{}' is not a date", what, text));
  return *date;
}

std::optional<std::string> optional_text(const SQLite::Column& column) {
  if (column.isNull()) return std::nullopt;
  return column.getString();
}

std::optional<std::int64_t> optional_int(const SQLite::Column& column) {
  if (column.isNull()) return std::nullopt;
  return column.getInt64();
}

std::string blob_of(const SQLite::Column& column) {
  const void* data = column.getBlob();
  const int size = column.getBytes();
  if (data == nullptr || size <= 0) return {};
  return std::string(static_cast<const char*>(data), static_cast<std::size_t>(size));
}

CanonicalObject& add_optional_text(CanonicalObject& object, std::string_view key,
                                   const std::optional<std::string>& text) {
  if (text) return object.add(key, *text);
  return object.add(key, std::optional<std::int64_t>());
}

// The payload from the stored texts as they are, so an altered date cannot hide behind
// parsing.
struct PurchaseText {
  std::int64_t grant_id = 0;
  std::int64_t number = 0;
  std::string purchased_on;
  std::int64_t amount_pence = 0;
  std::string description;
  std::string objective;
  std::optional<std::int64_t> plan_id;
  std::optional<std::string> receipt_sha256;
  std::optional<std::int64_t> receipt_size_bytes;
  std::int64_t needs_sign_off = 0;
  std::int64_t sign_off_above_pence = 0;
  std::string actor;
  std::string at;
};

std::string payload_of(const PurchaseText& row) {
  CanonicalObject object;
  object.add("grant_id", row.grant_id)
      .add("number", row.number)
      .add("purchased_on", row.purchased_on)
      .add("amount_pence", row.amount_pence)
      .add("description", row.description)
      .add("objective_key", row.objective)
      .add("plan_id", row.plan_id)
      .add("receipt_size_bytes", row.receipt_size_bytes)
      .add("needs_sign_off", row.needs_sign_off)
      .add("sign_off_above_pence", row.sign_off_above_pence)
      .add("actor", row.actor)
      .add("at", row.at);
  return add_optional_text(object, "receipt_sha256", row.receipt_sha256).str();
}

std::string decision_payload(std::int64_t grant_id, std::int64_t number, std::string_view kind,
                             std::string_view decided_on, std::string_view reason,
                             std::string_view actor, std::string_view at) {
  return CanonicalObject()
      .add("grant_id", grant_id)
      .add("number", number)
      .add("kind", kind)
      .add("decided_on", decided_on)
      .add("reason", reason)
      .add("actor", actor)
      .add("at", at)
      .str();
}

Purchase read_purchase(SQLite::Statement& row) {
  Purchase purchase;
  purchase.grant_id = row.getColumn(0).getInt64();
  purchase.number = row.getColumn(1).getInt64();
  purchase.purchased_on = date_of(row.getColumn(2).getString(), "purchase date");
  purchase.amount = engine::Money::from_pence(row.getColumn(3).getInt64());
  purchase.description = row.getColumn(4).getString();
  purchase.objective = row.getColumn(5).getString();
  purchase.plan_id = optional_int(row.getColumn(6));
  purchase.receipt_sha256 = optional_text(row.getColumn(7));
  purchase.receipt_size_bytes = optional_int(row.getColumn(8));
  purchase.needs_sign_off = row.getColumn(9).getInt64() != 0;
  purchase.sign_off_above = engine::Money::from_pence(row.getColumn(10).getInt64());
  purchase.actor = row.getColumn(11).getString();
  purchase.at = row.getColumn(12).getString();
  if (!row.getColumn(13).isNull()) {
    purchase.decision = PurchaseDecision{
        row.getColumn(13).getString(), date_of(row.getColumn(14).getString(), "decision date"),
        row.getColumn(15).getString(), row.getColumn(16).getString(),
        row.getColumn(17).getString()};
  }
  purchase.receipt_stored = row.getColumn(18).getInt64() != 0;
  return purchase;
}

std::vector<Purchase> read_purchases(Connection& connection, std::int64_t grant_id) {
  std::vector<Purchase> purchases;
  auto select = connection.statement(kSelectPurchases);
  select->bind(1, grant_id);
  while (select->executeStep()) purchases.push_back(read_purchase(*select));
  return purchases;
}

std::optional<std::string> objective_key_problem(std::string_view key) {
  if (key.empty() || key.size() > 64 ||
      key.find_first_not_of("abcdefghijklmnopqrstuvwxyz0123456789_") != std::string_view::npos) {
    return fmt::format("objective '{}' is not an objective key (1 to 64 of a-z, 0-9 and '_')",
                       engine::excerpt(key));
  }
  return std::nullopt;
}

std::optional<std::string> text_problem(std::string_view what, std::string_view text,
                                        std::size_t max_bytes) {
  if (text.find_first_not_of(" \t") == std::string_view::npos) {
    return fmt::format("{} is required", what);
  }
  return one_line_problem(what, text, max_bytes);
}

// The plan the objective is checked against, if the grant has one in force on the day;
// refuses an objective that is not one of its objectives.
DbResult<std::optional<std::int64_t>> checked_plan(Connection& connection,
                                                   const NewPurchase& purchase,
                                                   const std::string& doing) {
  std::int64_t plan_id = 0;
  {
    auto plan = connection.statement(kSelectPlanOn);
    plan->bind(1, purchase.grant_id);
    plan->bind(2, purchase.purchased_on.to_string());
    if (!plan->executeStep()) return std::optional<std::int64_t>();
    plan_id = plan->getColumn(0).getInt64();
  }
  {
    auto objective = connection.statement(kSelectObjective);
    objective->bind(1, plan_id);
    objective->bind(2, purchase.objective);
    if (objective->executeStep()) return std::optional<std::int64_t>(plan_id);
  }
  std::string keys;
  auto all = connection.statement(kSelectObjectives);
  all->bind(1, plan_id);
  while (all->executeStep()) {
    keys += (keys.empty() ? "" : ", ") + all->getColumn(0).getString();
  }
  return DbError{fmt::format(
      "{}: objective '{}' is not an objective of the grant's support plan in force on {} "
      "(hsg plan show {}): {}",
      doing, engine::excerpt(purchase.objective), purchase.purchased_on.to_string(),
      purchase.grant_id, keys)};
}

void store_receipt(Connection& connection, const std::string& sha256, const std::string& bytes) {
  auto existing = connection.statement(kSelectReceipt);
  existing->bind(1, sha256);
  if (existing->executeStep()) {
    if (blob_of(existing->getColumn(0)) != bytes) {
      throw std::runtime_error(fmt::format(
          "the stored receipt {} no longer holds the bytes of its hash; run 'hsg audit verify'",
          sha256));
    }
    return;
  }
  auto insert = connection.statement(kInsertReceipt);
  insert->bind(1, sha256);
  insert->bind(2, static_cast<std::int64_t>(bytes.size()));
  insert->bind(3, bytes.data(), static_cast<int>(bytes.size()));
  insert->exec();
}

}  // namespace

std::string_view to_string(PurchaseStatus status) {
  switch (status) {
    case PurchaseStatus::spent:
      return "spent";
    case PurchaseStatus::awaiting:
      return "awaiting sign-off";
    case PurchaseStatus::approved:
      return "signed off";
    case PurchaseStatus::refused:
      return "refused";
  }
  return "?";
}

PurchaseStatus Purchase::status_on(engine::Date day) const {
  if (!needs_sign_off) return PurchaseStatus::spent;
  if (!decision || decision->decided_on > day) return PurchaseStatus::awaiting;
  return decision->kind == "approve" ? PurchaseStatus::approved : PurchaseStatus::refused;
}

DbResult<Purchase> SpendingRepository::record(const Stamp& stamp, const NewPurchase& purchase) {
  const std::string doing = fmt::format("cannot record a purchase for grant {}", purchase.grant_id);
  if (auto problem = stamp_problem(stamp)) return DbError{doing + ": " + *problem};
  if (purchase.amount.pence() <= 0) return DbError{doing + ": the amount must be more than 0.00"};
  if (purchase.sign_off_above.pence() < 0) {
    return DbError{doing + ": the sign-off threshold may not be negative"};
  }
  if (auto problem = text_problem("the description", purchase.description, kMaxDescriptionBytes)) {
    return DbError{doing + ": " + *problem};
  }
  if (auto problem = objective_key_problem(purchase.objective)) {
    return DbError{doing + ": " + *problem};
  }
  if (purchase.receipt && purchase.receipt->size() > kMaxReceiptBytes) {
    return DbError{fmt::format("{}: the receipt has {} bytes, more than the {} (10 MiB) allowed",
                               doing, purchase.receipt->size(), kMaxReceiptBytes)};
  }
  return guarded_write(database_, doing, [&](Connection& connection) -> DbResult<Purchase> {
    const std::string on = purchase.purchased_on.to_string();
    {
      auto grant = connection.statement(kSelectGrant);
      grant->bind(1, purchase.grant_id);
      if (!grant->executeStep()) {
        return DbError{fmt::format("{}: no grant {}", doing, purchase.grant_id)};
      }
      const std::string start_on = grant->getColumn(0).getString();
      if (on < start_on) {
        return DbError{fmt::format("{}: {} is before the grant started ({})", doing, on, start_on)};
      }
      if (const auto end_on = optional_text(grant->getColumn(1)); end_on && on > *end_on) {
        return DbError{fmt::format("{}: {} is after the grant ended ({})", doing, on, *end_on)};
      }
    }
    const auto checked = checked_plan(connection, purchase, doing);
    if (!checked.ok()) return checked.error();
    const std::optional<std::int64_t> plan_id = checked.value();
    // Paid by the day; purchased and recovered whatever their dates.
    GrantMoney money = grant_money(connection, purchase.grant_id);
    money.paid_pence = grant_money(connection, purchase.grant_id, on).paid_pence;
    const std::int64_t available = money.paid_pence - money.purchased_pence - money.recovered_pence;
    if (purchase.amount.pence() > available) {
      return DbError{fmt::format(
          "{}: £{} is more than the grant's balance on {}, £{} (paid in £{} by then, less "
          "£{} spent or awaiting sign-off and £{} recovered, at any date)",
          doing, purchase.amount.to_grouped_string(), on,
          engine::Money::from_pence(available).to_grouped_string(),
          engine::Money::from_pence(money.paid_pence).to_grouped_string(),
          engine::Money::from_pence(money.purchased_pence).to_grouped_string(),
          engine::Money::from_pence(money.recovered_pence).to_grouped_string())};
    }
    PurchaseText row;
    row.grant_id = purchase.grant_id;
    {
      auto next = connection.statement(kNextNumber);
      next->bind(1, purchase.grant_id);
      next->executeStep();
      row.number = next->getColumn(0).getInt64();
    }
    row.purchased_on = on;
    row.amount_pence = purchase.amount.pence();
    row.description = purchase.description;
    row.objective = purchase.objective;
    row.plan_id = plan_id;
    if (purchase.receipt) {
      row.receipt_sha256 = sha256_hex(*purchase.receipt);
      row.receipt_size_bytes = static_cast<std::int64_t>(purchase.receipt->size());
      store_receipt(connection, *row.receipt_sha256, *purchase.receipt);
    }
    row.needs_sign_off = purchase.needs_sign_off ? 1 : 0;
    row.sign_off_above_pence = purchase.sign_off_above.pence();
    row.actor = stamp.actor;
    row.at = stamp.at;
    {
      auto insert = connection.statement(kInsertPurchase);
      insert->bind(1, row.grant_id);
      insert->bind(2, row.number);
      insert->bind(3, row.purchased_on);
      insert->bind(4, row.amount_pence);
      insert->bind(5, row.description);
      insert->bind(6, row.objective);
      if (row.plan_id) insert->bind(7, *row.plan_id);
      if (row.receipt_sha256) {
        insert->bind(8, *row.receipt_sha256);
        insert->bind(9, *row.receipt_size_bytes);
      }
      insert->bind(10, row.needs_sign_off);
      insert->bind(11, row.sign_off_above_pence);
      insert->bind(12, row.actor);
      insert->bind(13, row.at);
      insert->exec();
    }
    append_audit_event(connection, stamp, "purchase.record", "purchases",
                       fmt::format("{}/{}", row.grant_id, row.number), payload_of(row));
    auto select = connection.statement(kSelectPurchase);
    select->bind(1, row.grant_id);
    select->bind(2, row.number);
    if (!select->executeStep()) throw std::logic_error("a purchase just written is not there");
    return read_purchase(*select);
  });
}

DbResult<Purchase> SpendingRepository::decide(const Stamp& stamp, std::int64_t grant_id,
                                              std::int64_t number, std::string_view kind,
                                              engine::Date decided_on, std::string_view reason) {
  const bool approve = kind == "approve";
  const std::string doing = fmt::format("cannot {} purchase {} of grant {}",
                                        approve ? "sign off" : "refuse", number, grant_id);
  if (!approve && kind != "refuse") throw std::logic_error("a purchase decision is approve|refuse");
  if (auto problem = stamp_problem(stamp)) return DbError{doing + ": " + *problem};
  if (auto problem = text_problem("the reason", reason, kMaxReasonBytes)) {
    return DbError{doing + ": " + *problem};
  }
  return guarded_write(database_, doing, [&](Connection& connection) -> DbResult<Purchase> {
    auto select = connection.statement(kSelectPurchase);
    select->bind(1, grant_id);
    select->bind(2, number);
    if (!select->executeStep()) {
      return DbError{fmt::format("{}: grant {} has no purchase {}", doing, grant_id, number)};
    }
    Purchase purchase = read_purchase(*select);
    select->reset();
    if (!purchase.needs_sign_off) {
      return DbError{fmt::format("{}: it did not need sign-off (£{} is not more than £{})", doing,
                                 purchase.amount.to_grouped_string(),
                                 purchase.sign_off_above.to_grouped_string())};
    }
    if (purchase.decision) {
      return DbError{fmt::format("{}: it was already {} by {} on {}", doing,
                                 purchase.decision->kind == "approve" ? "signed off" : "refused",
                                 purchase.decision->actor,
                                 purchase.decision->decided_on.to_string())};
    }
    if (approve && same_actor(purchase.actor, stamp.actor)) {
      return DbError{fmt::format(
          "{}: {} recorded it, and a purchase is signed off by a different person (four eyes)",
          doing, purchase.actor)};
    }
    if (decided_on < purchase.purchased_on) {
      return DbError{fmt::format("{}: {} is before the purchase's date {}", doing,
                                 decided_on.to_string(), purchase.purchased_on.to_string())};
    }
    const std::string on = decided_on.to_string();
    {
      auto insert = connection.statement(kInsertDecision);
      insert->bind(1, grant_id);
      insert->bind(2, number);
      insert->bind(3, std::string(kind));
      insert->bind(4, on);
      insert->bind(5, std::string(reason));
      insert->bind(6, stamp.actor);
      insert->bind(7, stamp.at);
      insert->exec();
    }
    append_audit_event(connection, stamp, approve ? "purchase.approve" : "purchase.refuse",
                       "purchase_decisions", fmt::format("{}/{}", grant_id, number),
                       decision_payload(grant_id, number, kind, on, reason, stamp.actor, stamp.at));
    purchase.decision =
        PurchaseDecision{std::string(kind), decided_on, std::string(reason), stamp.actor, stamp.at};
    return purchase;
  });
}

DbResult<GrantSpending> SpendingRepository::get(std::int64_t grant_id, engine::Date as_of) {
  return guarded("cannot read the grant's spending", [&]() -> DbResult<GrantSpending> {
    Connection& connection = database_.connection();
    {
      auto grant = connection.statement(kSelectGrant);
      grant->bind(1, grant_id);
      if (!grant->executeStep()) return DbError{fmt::format("no grant {}", grant_id)};
    }
    GrantSpending spending{grant_id, as_of, {}, {}};
    const GrantMoney money = grant_money(connection, grant_id, as_of.to_string());
    SpendingBalance& balance = spending.balance;
    balance.paid_in = engine::Money::from_pence(money.paid_pence);
    balance.recovered = engine::Money::from_pence(money.recovered_pence);
    for (Purchase& purchase : read_purchases(connection, grant_id)) {
      if (purchase.purchased_on > as_of) continue;
      const PurchaseStatus status = purchase.status_on(as_of);
      if (status == PurchaseStatus::awaiting) balance.awaiting += purchase.amount;
      if (status == PurchaseStatus::spent || status == PurchaseStatus::approved) {
        balance.spent += purchase.amount;
      }
      spending.purchases.push_back(std::move(purchase));
    }
    balance.saved = balance.paid_in - balance.spent - balance.awaiting - balance.recovered;
    return spending;
  });
}

DbResult<std::optional<std::string>> SpendingRepository::receipt(std::string_view sha256) {
  return guarded("cannot read the receipt", [&]() -> DbResult<std::optional<std::string>> {
    auto select = database_.connection().statement(kSelectReceipt);
    select->bind(1, std::string(sha256));
    if (!select->executeStep()) return std::optional<std::string>();
    return std::optional<std::string>(blob_of(select->getColumn(0)));
  });
}

std::optional<std::string> stored_purchase_payload(Connection& connection, std::string_view id) {
  const auto slash = id.find('/');
  if (slash == std::string_view::npos) return std::nullopt;
  const auto grant_id = parse_entity_number(id.substr(0, slash));
  const auto number = parse_entity_number(id.substr(slash + 1));
  if (!grant_id || !number) return std::nullopt;
  auto select = connection.statement(kSelectPurchaseRow);
  select->bind(1, *grant_id);
  select->bind(2, *number);
  if (!select->executeStep()) return std::nullopt;
  PurchaseText row{*grant_id,
                   *number,
                   select->getColumn(0).getString(),
                   select->getColumn(1).getInt64(),
                   select->getColumn(2).getString(),
                   select->getColumn(3).getString(),
                   optional_int(select->getColumn(4)),
                   optional_text(select->getColumn(5)),
                   optional_int(select->getColumn(6)),
                   select->getColumn(7).getInt64(),
                   select->getColumn(8).getInt64(),
                   select->getColumn(9).getString(),
                   select->getColumn(10).getString()};
  return payload_of(row);
}

std::optional<std::string> stored_purchase_decision_payload(Connection& connection,
                                                            std::string_view id) {
  const auto slash = id.find('/');
  if (slash == std::string_view::npos) return std::nullopt;
  const auto grant_id = parse_entity_number(id.substr(0, slash));
  const auto number = parse_entity_number(id.substr(slash + 1));
  if (!grant_id || !number) return std::nullopt;
  auto select = connection.statement(kSelectDecisionRow);
  select->bind(1, *grant_id);
  select->bind(2, *number);
  if (!select->executeStep()) return std::nullopt;
  return decision_payload(*grant_id, *number, select->getColumn(0).getString(),
                          select->getColumn(1).getString(), select->getColumn(2).getString(),
                          select->getColumn(3).getString(), select->getColumn(4).getString());
}

std::optional<std::string> receipt_problem(Connection& connection) {
  {
    auto select = connection.statement(kSelectAllReceipts);
    while (select->executeStep()) {
      const std::string key = select->getColumn(0).getString();
      const std::string bytes = blob_of(select->getColumn(2));
      if (sha256_hex(bytes) != key ||
          static_cast<std::int64_t>(bytes.size()) != select->getColumn(1).getInt64()) {
        return fmt::format("receipts {}: its bytes no longer have that SHA-256", key);
      }
    }
  }
  {
    auto select = connection.statement(kSelectMissingReceipt);
    if (select->executeStep()) {
      return fmt::format("receipts {} (of purchase {}/{}) is missing",
                         select->getColumn(2).getString(), select->getColumn(0).getInt64(),
                         select->getColumn(1).getInt64());
    }
  }
  auto select = connection.statement(kSelectOrphanReceipt);
  if (select->executeStep()) {
    return fmt::format("receipts {} is the receipt of no purchase",
                       select->getColumn(0).getString());
  }
  return std::nullopt;
}

}  // namespace hsg::db
