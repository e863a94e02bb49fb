#include "db/plans.h"

#include <fmt/format.h>

#include <limits>
#include <set>
#include <stdexcept>

#include "db/audit_append.h"
#include "db/canonical_json.h"
#include "db/guard.h"
#include "db/record_payloads.h"
#include "db/sha256.h"

namespace hsg::db {

namespace {

constexpr std::size_t kMaxRows = 1000;
constexpr std::size_t kMaxTextBytes = 2000;

constexpr char kGrantExists[] = "SELECT 1 FROM grants WHERE id = ?1";
constexpr char kNextVersion[] = "SELECT ifnull(max(version), 0) + 1 FROM plans WHERE grant_id = ?1";
constexpr char kInsertPlan[] =
    "INSERT INTO plans (id, grant_id, version, plan_on, actor, at, sha256, bytes) "
    "VALUES (NULL, ?1, ?2, ?3, ?4, ?5, ?6, ?7)";
#define HSG_PLAN_SELECT \
  "SELECT id, grant_id, version, plan_on, actor, at, sha256, bytes FROM plans "
constexpr char kSelectLatestPlan[] =
    HSG_PLAN_SELECT "WHERE grant_id = ?1 ORDER BY version DESC LIMIT 1";
constexpr char kSelectPlanVersion[] = HSG_PLAN_SELECT "WHERE grant_id = ?1 AND version = ?2";
constexpr char kSelectPlanById[] = HSG_PLAN_SELECT "WHERE id = ?1";
#undef HSG_PLAN_SELECT
constexpr char kInsertObjective[] =
    "INSERT INTO plan_objectives (plan_id, objective_key, position, text, domain) "
    "VALUES (?1, ?2, ?3, ?4, ?5)";
constexpr char kSelectObjectives[] =
    "SELECT objective_key, text, domain FROM plan_objectives WHERE plan_id = ?1 ORDER BY position";
constexpr char kSelectObjective[] =
    "SELECT position, text, domain FROM plan_objectives WHERE plan_id = ?1 AND objective_key = ?2";
constexpr char kInsertUse[] =
    "INSERT INTO plan_uses (plan_id, position, route, description, objective_key, provider, "
    "category, amount_pence) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8)";
constexpr char kSelectUses[] =
    "SELECT route, description, objective_key, provider, category, amount_pence FROM plan_uses "
    "WHERE plan_id = ?1 ORDER BY position";
constexpr char kSelectUse[] =
    "SELECT route, description, objective_key, provider, category, amount_pence FROM plan_uses "
    "WHERE plan_id = ?1 AND position = ?2";

std::string plan_payload(std::int64_t id, std::int64_t grant_id, std::int64_t version,
                         std::string_view plan_on, std::string_view actor, std::string_view at,
                         std::string_view sha256, std::string_view bytes) {
  return CanonicalObject()
      .add("id", id)
      .add("grant_id", grant_id)
      .add("version", version)
      .add("plan_on", plan_on)
      .add("actor", actor)
      .add("at", at)
      .add("sha256", sha256)
      .add("bytes_sha256", sha256_hex(bytes))
      .str();
}

std::string objective_payload(std::int64_t plan_id, std::int64_t position,
                              const PlanObjective& objective) {
  return CanonicalObject()
      .add("plan_id", plan_id)
      .add("objective_key", objective.key)
      .add("position", position)
      .add("text", objective.text)
      .add("domain", objective.domain)
      .str();
}

std::string use_payload(std::int64_t plan_id, std::int64_t position, const PlanUse& use) {
  CanonicalObject object;
  object.add("plan_id", plan_id)
      .add("position", position)
      .add("route", use.route)
      .add("description", use.description)
      .add("objective_key", use.objective)
      .add("category", use.category)
      .add("amount_pence", use.amount.pence());
  if (use.provider) return object.add("provider", *use.provider).str();
  return object.add("provider", std::optional<std::int64_t>()).str();
}

PlanUse read_use(SQLite::Statement& row) {
  std::optional<std::string> provider;
  if (!row.getColumn(3).isNull()) provider = row.getColumn(3).getString();
  return {row.getColumn(0).getInt64(),  row.getColumn(1).getString(),
          row.getColumn(2).getString(), provider,
          row.getColumn(4).getString(), engine::Money::from_pence(row.getColumn(5).getInt64())};
}

// Checks on write (and again on read) what holds of every plan whatever the rule set.
std::optional<std::string> plan_problem(const NewPlan& plan) {
  if (plan.objectives.empty()) return "it has no objectives";
  if (plan.objectives.size() > kMaxRows || plan.uses.size() > kMaxRows) {
    return "it has more than 1000 objectives or uses";
  }
  std::set<std::string> keys;
  for (const PlanObjective& objective : plan.objectives) {
    if (auto problem = one_line_problem("an objective id", objective.key, 64)) return problem;
    if (auto problem = one_line_problem("an objective's text", objective.text, kMaxTextBytes)) {
      return problem;
    }
    if (!keys.insert(objective.key).second) {
      return fmt::format("objective '{}' is given twice", objective.key);
    }
  }
  for (const PlanUse& use : plan.uses) {
    if (use.route < 1 || use.route > 6) return fmt::format("route {} is not 1 to 6", use.route);
    if (use.amount.pence() < 0) return "a use has a negative amount";
    if (keys.count(use.objective) == 0) {
      return fmt::format("a use serves '{}', which is not an objective of the plan", use.objective);
    }
    if (auto problem = one_line_problem("a use's description", use.description, kMaxTextBytes)) {
      return problem;
    }
    if (auto problem = one_line_problem("a category", use.category, 64)) return problem;
    if (use.provider) {
      if (auto problem = one_line_problem("a provider", *use.provider, 200)) return problem;
    }
  }
  return std::nullopt;
}

std::optional<Plan> read_plan(Connection& connection, std::int64_t grant_id,
                              std::optional<std::int64_t> version) {
  auto select = connection.statement(version ? kSelectPlanVersion : kSelectLatestPlan);
  select->bind(1, grant_id);
  if (version) select->bind(2, *version);
  if (!select->executeStep()) return std::nullopt;
  const std::string plan_on = select->getColumn(3).getString();
  const auto date = engine::Date::parse(plan_on);
  if (!date) throw std::runtime_error(fmt::format("stored plan date '{}' is not a date", plan_on));
  const SQLite::Column bytes = select->getColumn(7);
  Plan plan{select->getColumn(0).getInt64(),
            select->getColumn(1).getInt64(),
            select->getColumn(2).getInt64(),
            *date,
            select->getColumn(4).getString(),
            select->getColumn(5).getString(),
            select->getColumn(6).getString(),
            std::string(static_cast<const char*>(bytes.getBlob()),
                        static_cast<std::size_t>(bytes.getBytes())),
            {},
            {}};
  if (sha256_hex(plan.bytes) != plan.sha256) {
    throw std::runtime_error(fmt::format(
        "plan {} of grant {}: the stored file no longer matches its SHA-256; run 'hsg audit "
        "verify'",
        plan.version, grant_id));
  }
  auto objectives = connection.statement(kSelectObjectives);
  objectives->bind(1, plan.id);
  while (objectives->executeStep()) {
    plan.objectives.push_back({objectives->getColumn(0).getString(),
                               objectives->getColumn(1).getString(),
                               objectives->getColumn(2).getString()});
  }
  auto uses = connection.statement(kSelectUses);
  uses->bind(1, plan.id);
  while (uses->executeStep()) plan.uses.push_back(read_use(*uses));
  return plan;
}

}  // namespace

std::optional<std::string> stored_plan_payload(Connection& connection, std::string_view id) {
  const auto number = parse_entity_number(id);
  if (!number) return std::nullopt;
  auto select = connection.statement(kSelectPlanById);
  select->bind(1, *number);
  if (!select->executeStep()) return std::nullopt;
  const SQLite::Column bytes = select->getColumn(7);
  return plan_payload(select->getColumn(0).getInt64(), select->getColumn(1).getInt64(),
                      select->getColumn(2).getInt64(), select->getColumn(3).getString(),
                      select->getColumn(4).getString(), select->getColumn(5).getString(),
                      select->getColumn(6).getString(),
                      std::string_view(static_cast<const char*>(bytes.getBlob()),
                                       static_cast<std::size_t>(bytes.getBytes())));
}

std::optional<std::string> stored_plan_objective_payload(Connection& connection,
                                                         std::string_view id) {
  const auto slash = id.find('/');
  if (slash == std::string_view::npos) return std::nullopt;
  const auto plan_id = parse_entity_number(id.substr(0, slash));
  if (!plan_id) return std::nullopt;
  const std::string key(id.substr(slash + 1));
  auto select = connection.statement(kSelectObjective);
  select->bind(1, *plan_id);
  select->bind(2, key);
  if (!select->executeStep()) return std::nullopt;
  return objective_payload(
      *plan_id, select->getColumn(0).getInt64(),
      {key, select->getColumn(1).getString(), select->getColumn(2).getString()});
}

std::optional<std::string> stored_plan_use_payload(Connection& connection, std::string_view id) {
  const auto slash = id.find('/');
  if (slash == std::string_view::npos) return std::nullopt;
  const auto plan_id = parse_entity_number(id.substr(0, slash));
  const auto position = parse_entity_number(id.substr(slash + 1));
  if (!plan_id || !position) return std::nullopt;
  auto select = connection.statement(kSelectUse);
  select->bind(1, *plan_id);
  select->bind(2, *position);
  if (!select->executeStep()) return std::nullopt;
  return use_payload(*plan_id, *position, read_use(*select));
}

DbResult<Plan> PlanRepository::add(const Stamp& stamp, const NewPlan& plan) {
  const std::string doing = fmt::format("cannot record a plan for grant {}", plan.grant_id);
  if (auto problem = stamp_problem(stamp)) return DbError{doing + ": " + *problem};
  if (auto problem = plan_problem(plan)) return DbError{doing + ": " + *problem};
  if (plan.bytes.size() > static_cast<std::size_t>(std::numeric_limits<int>::max())) {
    return DbError{doing + ": the plan file is larger than 2 GiB"};
  }
  return guarded_write(database_, doing, [&](Connection& connection) -> DbResult<Plan> {
    {
      auto exists = connection.statement(kGrantExists);
      exists->bind(1, plan.grant_id);
      if (!exists->executeStep())
        return DbError{fmt::format("{}: no grant {}", doing, plan.grant_id)};
    }
    Plan row{0,        plan.grant_id,          0,          plan.plan_on,    stamp.actor,
             stamp.at, sha256_hex(plan.bytes), plan.bytes, plan.objectives, plan.uses};
    {
      auto next = connection.statement(kNextVersion);
      next->bind(1, plan.grant_id);
      next->executeStep();
      row.version = next->getColumn(0).getInt64();
    }
    {
      auto insert = connection.statement(kInsertPlan);
      insert->bind(1, row.grant_id);
      insert->bind(2, row.version);
      insert->bind(3, row.plan_on.to_string());
      insert->bind(4, row.actor);
      insert->bind(5, row.at);
      insert->bind(6, row.sha256);
      insert->bind(7, row.bytes.data(), static_cast<int>(row.bytes.size()));
      insert->exec();
      row.id = connection.sqlite.getLastInsertRowid();
    }
    append_audit_event(connection, stamp, "plan.set", "plans", std::to_string(row.id),
                       plan_payload(row.id, row.grant_id, row.version, row.plan_on.to_string(),
                                    row.actor, row.at, row.sha256, row.bytes));
    std::int64_t position = 0;
    for (const PlanObjective& objective : row.objectives) {
      ++position;
      {
        auto insert = connection.statement(kInsertObjective);
        insert->bind(1, row.id);
        insert->bind(2, objective.key);
        insert->bind(3, position);
        insert->bind(4, objective.text);
        insert->bind(5, objective.domain);
        insert->exec();
      }
      append_audit_event(connection, stamp, "plan.objective", "plan_objectives",
                         fmt::format("{}/{}", row.id, objective.key),
                         objective_payload(row.id, position, objective));
    }
    position = 0;
    for (const PlanUse& use : row.uses) {
      ++position;
      {
        auto insert = connection.statement(kInsertUse);
        insert->bind(1, row.id);
        insert->bind(2, position);
        insert->bind(3, use.route);
        insert->bind(4, use.description);
        insert->bind(5, use.objective);
        if (use.provider) insert->bind(6, *use.provider);
        insert->bind(7, use.category);
        insert->bind(8, use.amount.pence());
        insert->exec();
      }
      append_audit_event(connection, stamp, "plan.use", "plan_uses",
                         fmt::format("{}/{}", row.id, position),
                         use_payload(row.id, position, use));
    }
    return row;
  });
}

DbResult<std::optional<Plan>> PlanRepository::get(std::int64_t grant_id,
                                                  std::optional<std::int64_t> version) {
  return guarded(fmt::format("cannot read the plan of grant {}", grant_id),
                 [&]() -> DbResult<std::optional<Plan>> {
                   return read_plan(database_.connection(), grant_id, version);
                 });
}

}  // namespace hsg::db
