#include "db/grants.h"

#include <fmt/format.h>

#include <map>
#include <set>
#include <stdexcept>

#include "db/audit_append.h"
#include "db/canonical_json.h"
#include "db/decisions.h"
#include "db/guard.h"
#include "db/ledger_postings.h"
#include "db/providers.h"
#include "db/record_payloads.h"
#include "engine/checked.h"
#include "engine/rounding.h"
#include "engine/text.h"

namespace hsg::db {

namespace {

constexpr std::size_t kMaxReasonBytes = 4000;
constexpr std::size_t kMaxInstalments = 10'000;

#define HSG_GRANT_COLUMNS                                                                    \
  "id, allocation_id, agreement_id, client_ref, start_on, held_as, provider, agreed_pence, " \
  "cost_centre, creditor_account"

constexpr char kInsertGrant[] =
    "INSERT INTO grants (" HSG_GRANT_COLUMNS ") VALUES (NULL, ?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9)";
constexpr char kSelectGrant[] = "SELECT " HSG_GRANT_COLUMNS " FROM grants WHERE id = ?1";
constexpr char kSelectGrants[] =
    "SELECT g.id, g.allocation_id, g.agreement_id, g.client_ref, g.start_on, g.held_as, "
    "g.provider, g.agreed_pence, g.cost_centre, g.creditor_account, e.end_on, e.reason, e.kind, "
    "e.review_allocation_id FROM grants g LEFT JOIN grant_ends e ON e.grant_id = g.id "
    "WHERE ?1 IS NULL OR (g.start_on <= ?1 AND (e.end_on IS NULL OR e.end_on >= ?1)) "
    "ORDER BY g.id";
constexpr char kGrantOfAllocation[] = "SELECT id FROM grants WHERE allocation_id = ?1";
constexpr char kClientOfAllocation[] = "SELECT client_ref FROM allocations WHERE id = ?1";
constexpr char kAssessedOnOfAllocation[] = "SELECT assessed_on FROM allocations WHERE id = ?1";

#undef HSG_GRANT_COLUMNS

constexpr char kInsertIntervention[] =
    "INSERT INTO grant_interventions (grant_id, intervention, position, weeks, amount_pence, "
    "expenditure_account) VALUES (?1, ?2, ?3, ?4, ?5, ?6)";
constexpr char kSelectInterventions[] =
    "SELECT intervention, position, weeks, amount_pence, expenditure_account FROM "
    "grant_interventions WHERE grant_id = ?1 ORDER BY position";
constexpr char kSelectIntervention[] =
    "SELECT intervention, position, weeks, amount_pence, expenditure_account FROM "
    "grant_interventions WHERE grant_id = ?1 AND intervention = ?2";

constexpr char kInsertInstalment[] =
    "INSERT INTO instalments (grant_id, intervention, number, due_on, amount_pence) "
    "VALUES (?1, ?2, ?3, ?4, ?5)";
constexpr char kSelectInstalment[] =
    "SELECT due_on, amount_pence FROM instalments WHERE grant_id = ?1 AND intervention = ?2 "
    "AND number = ?3";
constexpr char kSelectInstalmentStates[] =
    "SELECT i.intervention, i.number, i.due_on, i.amount_pence, "
    "EXISTS (SELECT 1 FROM instalment_cancellations c WHERE c.grant_id = i.grant_id AND "
    "c.intervention = i.intervention AND c.number = i.number), "
    "(SELECT p.id FROM postings p WHERE p.id = 'I-' || i.grant_id || '-' || i.intervention || "
    "'-' || i.number), "
    "EXISTS (SELECT 1 FROM postings r WHERE r.reverses = 'I-' || i.grant_id || '-' || "
    "i.intervention || '-' || i.number) "
    "FROM instalments i JOIN grant_interventions t ON t.grant_id = i.grant_id AND "
    "t.intervention = i.intervention WHERE i.grant_id = ?1 ORDER BY t.position, i.number";
constexpr char kSelectDueAfter[] =
    "SELECT i.intervention, i.number FROM instalments i JOIN grant_interventions t ON "
    "t.grant_id = i.grant_id AND t.intervention = i.intervention WHERE i.grant_id = ?1 AND "
    "i.due_on > ?2 ORDER BY t.position, i.number";

constexpr char kInsertEnd[] =
    "INSERT INTO grant_ends (grant_id, end_on, reason, kind, review_allocation_id) "
    "VALUES (?1, ?2, ?3, ?4, ?5)";
constexpr char kSelectEnd[] =
    "SELECT end_on, reason, kind, review_allocation_id FROM grant_ends WHERE grant_id = ?1";
constexpr char kInsertCancellation[] =
    "INSERT INTO instalment_cancellations (grant_id, intervention, number, reason) "
    "VALUES (?1, ?2, ?3, ?4)";
constexpr char kSelectCancellation[] =
    "SELECT reason FROM instalment_cancellations WHERE grant_id = ?1 AND intervention = ?2 AND "
    "number = ?3";

constexpr char kInsertRecovery[] =
    "INSERT INTO recoveries (grant_id, number, recovered_on, amount_pence, reason) "
    "VALUES (?1, ?2, ?3, ?4, ?5)";
constexpr char kSelectRecoveries[] =
    "SELECT number, recovered_on, amount_pence, reason FROM recoveries WHERE grant_id = ?1 "
    "ORDER BY number";
constexpr char kSelectRecovery[] =
    "SELECT number, recovered_on, amount_pence, reason FROM recoveries WHERE grant_id = ?1 AND "
    "number = ?2";
constexpr char kCountRecoveries[] = "SELECT count(*) FROM recoveries WHERE grant_id = ?1";

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

// CanonicalObject renders an empty optional integer as null, whatever the column's type.
CanonicalObject& add_optional_text(CanonicalObject& object, std::string_view key,
                                   const std::optional<std::string>& text) {
  if (text) return object.add(key, *text);
  return object.add(key, std::optional<std::int64_t>());
}

Grant read_grant(SQLite::Statement& row) {
  return {row.getColumn(0).getInt64(),
          row.getColumn(1).getInt64(),
          row.getColumn(2).getInt64(),
          row.getColumn(3).getString(),
          date_of(row.getColumn(4).getString(), "start date"),
          row.getColumn(5).getString(),
          optional_text(row.getColumn(6)),
          engine::Money::from_pence(row.getColumn(7).getInt64()),
          row.getColumn(8).getString(),
          row.getColumn(9).getString()};
}

std::string payload_of(const Grant& grant) {
  CanonicalObject object;
  object.add("id", grant.id)
      .add("allocation_id", grant.allocation_id)
      .add("agreement_id", grant.agreement_id)
      .add("client_ref", grant.client_ref)
      .add("start_on", grant.start_on.to_string())
      .add("held_as", grant.held_as)
      .add("agreed_pence", grant.agreed.pence())
      .add("cost_centre", grant.cost_centre)
      .add("creditor_account", grant.creditor_account);
  return add_optional_text(object, "provider", grant.provider).str();
}

std::string payload_of(std::int64_t grant_id, const GrantIntervention& type) {
  return CanonicalObject()
      .add("grant_id", grant_id)
      .add("intervention", type.intervention)
      .add("position", type.position)
      .add("weeks", type.weeks)
      .add("amount_pence", type.amount.pence())
      .add("expenditure_account", type.expenditure_account)
      .str();
}

std::string payload_of(std::int64_t grant_id, const GrantInstalment& instalment) {
  return CanonicalObject()
      .add("grant_id", grant_id)
      .add("intervention", instalment.intervention)
      .add("number", instalment.number)
      .add("due_on", instalment.due_on.to_string())
      .add("amount_pence", instalment.amount.pence())
      .str();
}

std::string payload_of(std::int64_t grant_id, const GrantEnd& end) {
  return CanonicalObject()
      .add("grant_id", grant_id)
      .add("end_on", end.end_on.to_string())
      .add("reason", end.reason)
      .add("kind", end.kind)
      .add("review_allocation_id", end.review_allocation_id)
      .str();
}

std::string cancellation_payload(std::int64_t grant_id, std::string_view intervention,
                                 std::int64_t number, std::string_view reason) {
  return CanonicalObject()
      .add("grant_id", grant_id)
      .add("intervention", intervention)
      .add("number", number)
      .add("reason", reason)
      .str();
}

std::string recovery_payload(std::int64_t grant_id, std::int64_t number, const std::string& on,
                             std::int64_t amount_pence, std::string_view reason) {
  return CanonicalObject()
      .add("grant_id", grant_id)
      .add("number", number)
      .add("recovered_on", on)
      .add("amount_pence", amount_pence)
      .add("reason", reason)
      .str();
}

std::optional<Grant> find_grant(Connection& connection, std::int64_t id) {
  auto select = connection.statement(kSelectGrant);
  select->bind(1, id);
  if (!select->executeStep()) return std::nullopt;
  return read_grant(*select);
}

std::vector<GrantIntervention> read_interventions(Connection& connection, std::int64_t grant_id) {
  std::vector<GrantIntervention> types;
  auto select = connection.statement(kSelectInterventions);
  select->bind(1, grant_id);
  while (select->executeStep()) {
    types.push_back({select->getColumn(0).getString(), select->getColumn(1).getInt64(),
                     select->getColumn(2).getInt64(),
                     engine::Money::from_pence(select->getColumn(3).getInt64()),
                     select->getColumn(4).getString()});
  }
  return types;
}

std::optional<GrantEnd> read_end(Connection& connection, std::int64_t grant_id) {
  auto select = connection.statement(kSelectEnd);
  select->bind(1, grant_id);
  if (!select->executeStep()) return std::nullopt;
  return GrantEnd{date_of(select->getColumn(0).getString(), "end date"),
                  select->getColumn(1).getString(), select->getColumn(2).getString(),
                  optional_int(select->getColumn(3))};
}

// "GRANT/TYPE/NUMBER" and the like: the parts of a composite entity id.
std::vector<std::string_view> split_id(std::string_view id) {
  std::vector<std::string_view> parts;
  for (std::size_t start = 0;;) {
    const auto slash = id.find('/', start);
    parts.push_back(id.substr(start, slash - start));
    if (slash == std::string_view::npos || parts.size() > 3) return parts;
    start = slash + 1;
  }
}

std::optional<std::string> reason_problem(std::string_view reason) {
  if (reason.find_first_not_of(" \t") == std::string_view::npos) return "a reason is required";
  return one_line_problem("the reason", reason, kMaxReasonBytes);
}

std::optional<std::string> new_grant_problem(const NewGrant& grant) {
  if (grant.held_as != "direct_payment" && grant.held_as != "managed_account" &&
      grant.held_as != "isf") {
    return fmt::format("'{}' is not a way money is held (direct_payment, managed_account, isf)",
                       engine::excerpt(grant.held_as));
  }
  if (grant.held_as == "isf" && !grant.provider) {
    return "an individual service fund (isf) needs the provider who holds it (--provider)";
  }
  if (grant.provider) {
    if (auto problem = one_line_problem("the provider", *grant.provider, 200)) return problem;
  }
  if (auto problem = one_line_problem("the cost centre", grant.cost_centre, 64)) return problem;
  if (auto problem = one_line_problem("the creditor account", grant.creditor_account, 200)) {
    return problem;
  }
  if (grant.interventions.empty()) return "it has no intervention types";
  if (grant.instalments.size() > kMaxInstalments) return "it has too many instalments";
  std::int64_t total = 0;
  std::map<std::string, std::pair<std::int64_t, std::int64_t>> scheduled;  // count, pence
  for (const GrantIntervention& type : grant.interventions) {
    if (auto problem = one_line_problem("an intervention key", type.intervention, 64)) {
      return problem;
    }
    if (auto problem = one_line_problem("an expenditure account", type.expenditure_account, 200)) {
      return problem;
    }
    if (type.amount.pence() < 0 || type.weeks < 1) {
      return fmt::format("{} has a negative amount or no weeks", type.intervention);
    }
    if (!scheduled.emplace(type.intervention, std::pair<std::int64_t, std::int64_t>{0, 0}).second) {
      return fmt::format("{} is given twice", type.intervention);
    }
    total = engine::checked_add(total, type.amount.pence());
  }
  if (total != grant.agreed.pence()) {
    return fmt::format("its type amounts sum to {}, not the agreed {}", pounds(total),
                       grant.agreed.to_string());
  }
  for (const GrantInstalment& instalment : grant.instalments) {
    auto found = scheduled.find(instalment.intervention);
    if (found == scheduled.end()) {
      return fmt::format("an instalment names unknown type {}", instalment.intervention);
    }
    auto& [count, pence] = found->second;
    if (instalment.number != count + 1 || instalment.amount.pence() <= 0) {
      return fmt::format("instalment {} of {} is out of order or not positive", instalment.number,
                         instalment.intervention);
    }
    ++count;
    pence = engine::checked_add(pence, instalment.amount.pence());
  }
  for (const GrantIntervention& type : grant.interventions) {
    const std::int64_t pence = scheduled[type.intervention].second;
    if (pence != type.amount.pence()) {
      return fmt::format("the instalments of {} sum to {}, not its amount {}", type.intervention,
                         pounds(pence), type.amount.to_string());
    }
  }
  return std::nullopt;
}

}  // namespace

std::optional<std::int64_t> parse_entity_number(std::string_view text) {
  if (text.empty() || text.size() > 18 ||
      text.find_first_not_of("0123456789") != std::string_view::npos) {
    return std::nullopt;
  }
  std::int64_t value = 0;
  for (char digit : text) value = value * 10 + (digit - '0');
  return value;
}

std::string_view to_string(InstalmentStatus status) {
  switch (status) {
    case InstalmentStatus::scheduled:
      return "scheduled";
    case InstalmentStatus::posted:
      return "posted";
    case InstalmentStatus::reversed:
      return "reversed";
    case InstalmentStatus::cancelled:
      return "cancelled";
  }
  return "?";
}

std::optional<std::string> stored_grant_payload(Connection& connection, std::string_view id) {
  const auto number = parse_entity_number(id);
  if (!number) return std::nullopt;
  auto grant = find_grant(connection, *number);
  if (!grant) return std::nullopt;
  return payload_of(*grant);
}

std::optional<std::string> stored_grant_intervention_payload(Connection& connection,
                                                             std::string_view id) {
  const auto parts = split_id(id);
  if (parts.size() != 2) return std::nullopt;
  const auto grant_id = parse_entity_number(parts[0]);
  if (!grant_id) return std::nullopt;
  auto select = connection.statement(kSelectIntervention);
  select->bind(1, *grant_id);
  select->bind(2, std::string(parts[1]));
  if (!select->executeStep()) return std::nullopt;
  return payload_of(
      *grant_id, GrantIntervention{select->getColumn(0).getString(),
                                   select->getColumn(1).getInt64(), select->getColumn(2).getInt64(),
                                   engine::Money::from_pence(select->getColumn(3).getInt64()),
                                   select->getColumn(4).getString()});
}

std::optional<std::string> stored_instalment_payload(Connection& connection, std::string_view id) {
  const auto parts = split_id(id);
  if (parts.size() != 3) return std::nullopt;
  const auto grant_id = parse_entity_number(parts[0]);
  const auto number = parse_entity_number(parts[2]);
  if (!grant_id || !number) return std::nullopt;
  auto select = connection.statement(kSelectInstalment);
  select->bind(1, *grant_id);
  select->bind(2, std::string(parts[1]));
  select->bind(3, *number);
  if (!select->executeStep()) return std::nullopt;
  // Rebuilt from the stored text as it is, so an altered date cannot hide behind parsing.
  return CanonicalObject()
      .add("grant_id", *grant_id)
      .add("intervention", parts[1])
      .add("number", *number)
      .add("due_on", select->getColumn(0).getString())
      .add("amount_pence", select->getColumn(1).getInt64())
      .str();
}

std::optional<std::string> stored_grant_end_payload(Connection& connection, std::string_view id) {
  const auto grant_id = parse_entity_number(id);
  if (!grant_id) return std::nullopt;
  auto select = connection.statement(kSelectEnd);
  select->bind(1, *grant_id);
  if (!select->executeStep()) return std::nullopt;
  return CanonicalObject()
      .add("grant_id", *grant_id)
      .add("end_on", select->getColumn(0).getString())
      .add("reason", select->getColumn(1).getString())
      .add("kind", select->getColumn(2).getString())
      .add("review_allocation_id", optional_int(select->getColumn(3)))
      .str();
}

std::optional<std::string> stored_cancellation_payload(Connection& connection,
                                                       std::string_view id) {
  const auto parts = split_id(id);
  if (parts.size() != 3) return std::nullopt;
  const auto grant_id = parse_entity_number(parts[0]);
  const auto number = parse_entity_number(parts[2]);
  if (!grant_id || !number) return std::nullopt;
  auto select = connection.statement(kSelectCancellation);
  select->bind(1, *grant_id);
  select->bind(2, std::string(parts[1]));
  select->bind(3, *number);
  if (!select->executeStep()) return std::nullopt;
  return cancellation_payload(*grant_id, parts[1], *number, select->getColumn(0).getString());
}

std::optional<std::string> stored_recovery_payload(Connection& connection, std::string_view id) {
  const auto parts = split_id(id);
  if (parts.size() != 2) return std::nullopt;
  const auto grant_id = parse_entity_number(parts[0]);
  const auto number = parse_entity_number(parts[1]);
  if (!grant_id || !number) return std::nullopt;
  auto select = connection.statement(kSelectRecovery);
  select->bind(1, *grant_id);
  select->bind(2, *number);
  if (!select->executeStep()) return std::nullopt;
  return recovery_payload(*grant_id, *number, select->getColumn(1).getString(),
                          select->getColumn(2).getInt64(), select->getColumn(3).getString());
}

namespace {

// An individual service fund is held by a provider, so it must be one accredited on the
// day the grant starts (db/providers.h).
std::optional<std::string> isf_provider_problem(Database& database, const NewGrant& grant) {
  if (grant.held_as != "isf") return std::nullopt;
  auto provider = ProviderRepository(database).find(*grant.provider);
  if (!provider.ok()) return provider.error().message;
  const std::string listed = fmt::format(
      "an individual service fund must be held by a provider accredited on the "
      "start date (hsg provider list --on {})",
      grant.start_on.to_string());
  if (!provider.value()) {
    return fmt::format("provider '{}' is not on the accredited list; {}",
                       engine::excerpt(*grant.provider), listed);
  }
  if (!accredited_on(*provider.value(), grant.start_on)) {
    return fmt::format("provider '{}' is not accredited on {}; {}",
                       engine::excerpt(*grant.provider), grant.start_on.to_string(), listed);
  }
  return std::nullopt;
}

// Above the upper limit an amount is paid only once another person has approved it
// (db/decisions.h), whatever an older agreement's stored needs_approval says.
std::optional<std::string> above_limit_problem(const DecisionState& state) {
  const Decision& agreement = *state.agreement;
  if (*agreement.agreed <= state.upper_limit || state.status == DecisionStatus::approved) {
    return std::nullopt;
  }
  return fmt::format(
      "the agreed £{} is above the allocation's upper limit £{}, so it is paid only once "
      "another person approves it (it is {})",
      agreement.agreed->to_grouped_string(), state.upper_limit.to_grouped_string(),
      to_string(state.status));
}

// Support is assessed before it is paid for, whichever front end starts the grant.
std::optional<std::string> before_assessment_problem(Connection& connection,
                                                     const NewGrant& grant) {
  auto select = connection.statement(kAssessedOnOfAllocation);
  select->bind(1, grant.allocation_id);
  if (!select->executeStep()) return std::nullopt;  // no allocation: refused below
  const engine::Date assessed_on = date_of(select->getColumn(0).getString(), "assessment date");
  if (grant.start_on >= assessed_on) return std::nullopt;
  return fmt::format(
      "it would start on {}, before the allocation's assessment date {}: a grant cannot start "
      "before its assessment",
      grant.start_on.to_string(), assessed_on.to_string());
}

}  // namespace

DbResult<std::int64_t> GrantRepository::start(const Stamp& stamp, const NewGrant& grant) {
  const std::string doing =
      fmt::format("cannot start a grant for allocation {}", grant.allocation_id);
  if (auto problem = stamp_problem(stamp)) return DbError{doing + ": " + *problem};
  if (auto problem = new_grant_problem(grant)) return DbError{doing + ": " + *problem};
  return guarded_write(database_, doing, [&](Connection& connection) -> DbResult<std::int64_t> {
    {
      auto existing = connection.statement(kGrantOfAllocation);
      existing->bind(1, grant.allocation_id);
      if (existing->executeStep()) {
        return DbError{
            fmt::format("{}: it already has grant {}", doing, existing->getColumn(0).getInt64())};
      }
    }
    auto state = DecisionRepository(database_).state(grant.allocation_id);
    if (!state.ok()) return DbError{doing + ": " + state.error().message};
    const DecisionStatus status = state.value().status;
    if (status == DecisionStatus::indicative) {
      return DbError{
          fmt::format("{}: no amount has been agreed yet; agree it first (hsg agree {} "
                      "--amount AMOUNT --reason TEXT)",
                      doing, grant.allocation_id)};
    }
    if (auto problem = above_limit_problem(state.value())) return DbError{doing + ": " + *problem};
    if (status != DecisionStatus::agreed && status != DecisionStatus::approved) {
      return DbError{fmt::format("{}: its agreed amount is {}, not agreed or approved", doing,
                                 to_string(status))};
    }
    if (auto problem = isf_provider_problem(database_, grant))
      return DbError{doing + ": " + *problem};
    if (auto problem = before_assessment_problem(connection, grant)) {
      return DbError{doing + ": " + *problem};
    }
    const Decision& agreement = *state.value().agreement;
    if (agreement.id != grant.agreement_id || *agreement.agreed != grant.agreed) {
      return DbError{fmt::format("{}: the latest agreement is {} for {}, not {} for {}", doing,
                                 agreement.id, agreement.agreed->to_string(), grant.agreement_id,
                                 grant.agreed.to_string())};
    }
    Grant row{0,
              grant.allocation_id,
              grant.agreement_id,
              {},
              grant.start_on,
              grant.held_as,
              grant.provider,
              grant.agreed,
              grant.cost_centre,
              grant.creditor_account};
    {
      auto client = connection.statement(kClientOfAllocation);
      client->bind(1, grant.allocation_id);
      if (!client->executeStep()) {
        return DbError{fmt::format("{}: no allocation {}", doing, grant.allocation_id)};
      }
      row.client_ref = client->getColumn(0).getString();
    }
    {
      auto insert = connection.statement(kInsertGrant);
      insert->bind(1, row.allocation_id);
      insert->bind(2, row.agreement_id);
      insert->bind(3, row.client_ref);
      insert->bind(4, row.start_on.to_string());
      insert->bind(5, row.held_as);
      if (row.provider) insert->bind(6, *row.provider);
      insert->bind(7, row.agreed.pence());
      insert->bind(8, row.cost_centre);
      insert->bind(9, row.creditor_account);
      insert->exec();
      row.id = connection.sqlite.getLastInsertRowid();
    }
    append_audit_event(connection, stamp, "grant.start", "grants", std::to_string(row.id),
                       payload_of(row));
    for (const GrantIntervention& type : grant.interventions) {
      {
        auto insert = connection.statement(kInsertIntervention);
        insert->bind(1, row.id);
        insert->bind(2, type.intervention);
        insert->bind(3, type.position);
        insert->bind(4, type.weeks);
        insert->bind(5, type.amount.pence());
        insert->bind(6, type.expenditure_account);
        insert->exec();
      }
      append_audit_event(connection, stamp, "grant.intervention", "grant_interventions",
                         fmt::format("{}/{}", row.id, type.intervention), payload_of(row.id, type));
    }
    for (const GrantInstalment& instalment : grant.instalments) {
      {
        auto insert = connection.statement(kInsertInstalment);
        insert->bind(1, row.id);
        insert->bind(2, instalment.intervention);
        insert->bind(3, instalment.number);
        insert->bind(4, instalment.due_on.to_string());
        insert->bind(5, instalment.amount.pence());
        insert->exec();
      }
      append_audit_event(
          connection, stamp, "instalment.schedule", "instalments",
          fmt::format("{}/{}/{}", row.id, instalment.intervention, instalment.number),
          payload_of(row.id, instalment));
    }
    return row.id;
  });
}

DbResult<EndResult> GrantRepository::end(const Stamp& stamp, std::int64_t grant_id,
                                         engine::Date end_on, std::string_view reason,
                                         std::optional<std::int64_t> review_allocation_id) {
  const std::string doing = fmt::format("cannot end grant {}", grant_id);
  if (auto problem = stamp_problem(stamp)) return DbError{doing + ": " + *problem};
  if (auto problem = reason_problem(reason)) return DbError{doing + ": " + *problem};
  return guarded_write(database_, doing, [&](Connection& connection) -> DbResult<EndResult> {
    const auto grant = find_grant(connection, grant_id);
    if (!grant) return DbError{fmt::format("{}: no grant {}", doing, grant_id)};
    if (auto ended = read_end(connection, grant_id)) {
      return DbError{fmt::format("{}: it already ended on {} ({})", doing,
                                 ended->end_on.to_string(), ended->reason)};
    }
    if (grant->start_on.days_since(end_on) > 1) {
      return DbError{fmt::format("{}: {} is before the day before its start ({})", doing,
                                 end_on.to_string(), grant->start_on.to_string())};
    }
    if (review_allocation_id) {
      auto client = connection.statement(kClientOfAllocation);
      client->bind(1, *review_allocation_id);
      if (!client->executeStep() || client->getColumn(0).getString() != grant->client_ref) {
        return DbError{fmt::format("{}: allocation {} is not an allocation of client {}", doing,
                                   *review_allocation_id, grant->client_ref)};
      }
    }
    const GrantEnd end{end_on, std::string(reason), review_allocation_id ? "review" : "end",
                       review_allocation_id};
    {
      auto insert = connection.statement(kInsertEnd);
      insert->bind(1, grant_id);
      insert->bind(2, end.end_on.to_string());
      insert->bind(3, end.reason);
      insert->bind(4, end.kind);
      if (end.review_allocation_id) insert->bind(5, *end.review_allocation_id);
      insert->exec();
    }
    append_audit_event(connection, stamp, "grant.end", "grant_ends", std::to_string(grant_id),
                       payload_of(grant_id, end));
    std::vector<std::pair<std::string, std::int64_t>> after;
    {
      auto select = connection.statement(kSelectDueAfter);
      select->bind(1, grant_id);
      select->bind(2, end_on.to_string());
      while (select->executeStep()) {
        after.emplace_back(select->getColumn(0).getString(), select->getColumn(1).getInt64());
      }
    }
    EndResult result{end_on, 0, {}, 0};
    for (const auto& [intervention, number] : after) {
      if (posting_exists(connection, instalment_posting_id(grant_id, intervention, number))) {
        ++result.already_posted_after;
        continue;
      }
      {
        auto insert = connection.statement(kInsertCancellation);
        insert->bind(1, grant_id);
        insert->bind(2, intervention);
        insert->bind(3, number);
        insert->bind(4, end.reason);
        insert->exec();
      }
      append_audit_event(connection, stamp, "instalment.cancel", "instalment_cancellations",
                         fmt::format("{}/{}/{}", grant_id, intervention, number),
                         cancellation_payload(grant_id, intervention, number, end.reason));
      auto amount = connection.statement(kSelectInstalment);
      amount->bind(1, grant_id);
      amount->bind(2, intervention);
      amount->bind(3, number);
      amount->executeStep();
      result.cancelled_amount += engine::Money::from_pence(amount->getColumn(1).getInt64());
      ++result.cancelled;
    }
    return result;
  });
}

DbResult<std::string> GrantRepository::recover(const Stamp& stamp, std::int64_t grant_id,
                                               engine::Money amount, engine::Date recovered_on,
                                               std::string_view reason) {
  const std::string doing = fmt::format("cannot record a recovery for grant {}", grant_id);
  if (auto problem = stamp_problem(stamp)) return DbError{doing + ": " + *problem};
  if (auto problem = reason_problem(reason)) return DbError{doing + ": " + *problem};
  if (amount.pence() <= 0) return DbError{doing + ": the amount must be more than 0.00"};
  return guarded_write(database_, doing, [&](Connection& connection) -> DbResult<std::string> {
    const auto grant = find_grant(connection, grant_id);
    if (!grant) return DbError{fmt::format("{}: no grant {}", doing, grant_id)};
    if (recovered_on < grant->start_on) {
      return DbError{fmt::format("{}: {} is before the grant started ({})", doing,
                                 recovered_on.to_string(), grant->start_on.to_string())};
    }
    // What its purchases spent or reserve is no longer there to recover (db/spending.h).
    const GrantMoney money = grant_money(connection, grant_id);
    const std::int64_t recoverable =
        money.paid_pence - money.recovered_pence - money.purchased_pence;
    if (money.purchased_pence != 0 && amount.pence() > recoverable) {
      return DbError{fmt::format(
          "{}: {} is more than the grant has paid less what was already "
          "recovered and what its purchases spent or await sign-off ({} paid, {} "
          "recovered, {} purchased, {} recoverable)",
          doing, amount.to_string(), pounds(money.paid_pence), pounds(money.recovered_pence),
          pounds(money.purchased_pence), pounds(recoverable))};
    }
    if (amount.pence() > recoverable) {
      return DbError{
          fmt::format("{}: {} is more than the grant has paid less what was already "
                      "recovered ({} paid, {} recovered, {} recoverable)",
                      doing, amount.to_string(), pounds(money.paid_pence),
                      pounds(money.recovered_pence), pounds(recoverable))};
    }
    std::int64_t number = 0;
    {
      auto count = connection.statement(kCountRecoveries);
      count->bind(1, grant_id);
      count->executeStep();
      number = count->getColumn(0).getInt64() + 1;
    }
    const std::string on = recovered_on.to_string();
    {
      auto insert = connection.statement(kInsertRecovery);
      insert->bind(1, grant_id);
      insert->bind(2, number);
      insert->bind(3, on);
      insert->bind(4, amount.pence());
      insert->bind(5, std::string(reason));
      insert->exec();
    }
    append_audit_event(connection, stamp, "recovery.record", "recoveries",
                       fmt::format("{}/{}", grant_id, number),
                       recovery_payload(grant_id, number, on, amount.pence(), reason));
    const std::vector<GrantIntervention> types = read_interventions(connection, grant_id);
    std::vector<std::int64_t> weights;
    for (const GrantIntervention& type : types) weights.push_back(type.amount.pence());
    const engine::Split split = engine::split_largest_remainder(amount.pence(), weights);
    PostingRow posting{recovery_posting_id(grant_id, number),
                       on,
                       "recovery",
                       grant_id,
                       fmt::format("grant {} recovery {}: {}", grant_id, number, reason),
                       std::nullopt,
                       {}};
    posting.lines.push_back({1, grant->creditor_account, grant->cost_centre, amount.pence(), 0,
                             grant->client_ref, grant_id, std::nullopt});
    for (std::size_t i = 0; i < types.size(); ++i) {
      if (split.parts[i].value == 0) continue;
      posting.lines.push_back({static_cast<std::int64_t>(posting.lines.size()) + 1,
                               types[i].expenditure_account, grant->cost_centre, 0,
                               split.parts[i].value, grant->client_ref, grant_id,
                               types[i].intervention});
    }
    write_posting(connection, stamp, posting);
    return posting.id;
  });
}

DbResult<GrantDetail> GrantRepository::get(std::int64_t grant_id) {
  return guarded("cannot read the grant", [&]() -> DbResult<GrantDetail> {
    Connection& connection = database_.connection();
    auto grant = find_grant(connection, grant_id);
    if (!grant) return DbError{fmt::format("no grant {}", grant_id)};
    GrantDetail detail{std::move(*grant),
                       read_interventions(connection, grant_id),
                       {},
                       read_end(connection, grant_id),
                       {},
                       {},
                       {}};
    {
      auto select = connection.statement(kSelectInstalmentStates);
      select->bind(1, grant_id);
      while (select->executeStep()) {
        InstalmentState state{{select->getColumn(0).getString(), select->getColumn(1).getInt64(),
                               date_of(select->getColumn(2).getString(), "due date"),
                               engine::Money::from_pence(select->getColumn(3).getInt64())},
                              InstalmentStatus::scheduled,
                              optional_text(select->getColumn(5))};
        if (select->getColumn(4).getInt64() != 0) state.status = InstalmentStatus::cancelled;
        if (state.posting_id) {
          state.status = select->getColumn(6).getInt64() != 0 ? InstalmentStatus::reversed
                                                              : InstalmentStatus::posted;
        }
        detail.instalments.push_back(std::move(state));
      }
    }
    {
      auto select = connection.statement(kSelectRecoveries);
      select->bind(1, grant_id);
      while (select->executeStep()) {
        const std::int64_t number = select->getColumn(0).getInt64();
        detail.recoveries.push_back(
            {number, date_of(select->getColumn(1).getString(), "recovery date"),
             engine::Money::from_pence(select->getColumn(2).getInt64()),
             select->getColumn(3).getString(), recovery_posting_id(grant_id, number), false});
      }
    }
    for (Recovery& recovery : detail.recoveries) {
      recovery.reversed = reversal_of(connection, recovery.posting_id).has_value();
    }
    const GrantMoney money = grant_money(connection, grant_id);
    detail.paid = engine::Money::from_pence(money.paid_pence);
    detail.recovered = engine::Money::from_pence(money.recovered_pence);
    return detail;
  });
}

DbResult<std::optional<std::int64_t>> GrantRepository::of_allocation(std::int64_t allocation_id) {
  return guarded("cannot read the grants", [&]() -> DbResult<std::optional<std::int64_t>> {
    auto select = database_.connection().statement(kGrantOfAllocation);
    select->bind(1, allocation_id);
    if (!select->executeStep()) return std::optional<std::int64_t>();
    return std::optional<std::int64_t>(select->getColumn(0).getInt64());
  });
}

DbResult<std::vector<GrantSummary>> GrantRepository::list(std::optional<engine::Date> active_on) {
  return guarded("cannot read the grants", [&]() -> DbResult<std::vector<GrantSummary>> {
    std::vector<GrantSummary> grants;
    auto select = database_.connection().statement(kSelectGrants);
    if (active_on) select->bind(1, active_on->to_string());
    while (select->executeStep()) {
      GrantSummary summary{read_grant(*select), std::nullopt};
      if (!select->getColumn(10).isNull()) {
        summary.end = GrantEnd{date_of(select->getColumn(10).getString(), "end date"),
                               select->getColumn(11).getString(), select->getColumn(12).getString(),
                               optional_int(select->getColumn(13))};
      }
      grants.push_back(std::move(summary));
    }
    return grants;
  });
}

}  // namespace hsg::db
