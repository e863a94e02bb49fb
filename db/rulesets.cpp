#include "db/rulesets.h"

#include <fmt/format.h>

#include <limits>
#include <stdexcept>

#include "db/audit_append.h"
#include "db/canonical_json.h"
#include "db/guard.h"
#include "db/record_payloads.h"
#include "db/sha256.h"

namespace hsg::db {

namespace {

constexpr char kSelectById[] =
    "SELECT id, name, version, effective_from, adjustment_tolerance_percent, bytes "
    "FROM rulesets WHERE id = ?1";
constexpr char kSelectInForce[] =
    "SELECT id FROM rulesets WHERE effective_from = (SELECT max(effective_from) FROM rulesets "
    "WHERE effective_from <= ?1) ORDER BY id";
constexpr char kSelectAll[] =
    "SELECT id, name, version, effective_from, adjustment_tolerance_percent, bytes "
    "FROM rulesets ORDER BY effective_from, id";
constexpr char kInsert[] =
    "INSERT INTO rulesets (id, name, version, effective_from, adjustment_tolerance_percent, "
    "bytes) VALUES (?1, ?2, ?3, ?4, ?5, ?6)";

StoredRuleset read_row(SQLite::Statement& row) {
  const std::string effective_from = row.getColumn(3).getString();
  const auto date = engine::Date::parse(effective_from);
  if (!date) throw std::runtime_error("stored effective_from is not a date: " + effective_from);
  const SQLite::Column bytes = row.getColumn(5);
  return {{row.getColumn(0).getString(), row.getColumn(1).getString(), row.getColumn(2).getString(),
           *date, row.getColumn(4).getInt64()},
          std::string(static_cast<const char*>(bytes.getBlob()),
                      static_cast<std::size_t>(bytes.getBytes()))};
}

std::optional<StoredRuleset> find(Connection& connection, std::string_view id) {
  auto select = connection.statement(kSelectById);
  select->bind(1, std::string(id));
  if (!select->executeStep()) return std::nullopt;
  return read_row(*select);
}

std::string payload_of(const RulesetInfo& info) {
  return CanonicalObject()
      .add("id", info.id)
      .add("name", info.name)
      .add("version", info.version)
      .add("effective_from", info.effective_from.to_string())
      .add("adjustment_tolerance_percent", info.adjustment_tolerance_percent)
      .str();
}

RulesetInfo info_of(std::string id, const engine::Ruleset& ruleset) {
  const engine::RulesetSpec& spec = ruleset.spec();
  return {std::move(id), spec.name, spec.version, spec.effective_from,
          spec.adjustment_tolerance_percent};
}

void insert(Connection& connection, const RulesetInfo& info, std::string_view bytes) {
  auto statement = connection.statement(kInsert);
  statement->bind(1, info.id);
  statement->bind(2, info.name);
  statement->bind(3, info.version);
  statement->bind(4, info.effective_from.to_string());
  statement->bind(5, info.adjustment_tolerance_percent);
  statement->bindNoCopy(6, bytes.data(), static_cast<int>(bytes.size()));
  statement->exec();
}

}  // namespace

std::optional<std::string> stored_ruleset_payload(Connection& connection, std::string_view id) {
  auto stored = find(connection, id);
  if (!stored) return std::nullopt;
  stored->info.id = sha256_hex(stored->bytes);
  return payload_of(stored->info);
}

DbResult<AddedRuleset> RulesetRepository::add(const Stamp& stamp, std::string_view bytes,
                                              const engine::Ruleset& ruleset) {
  if (auto problem = stamp_problem(stamp)) return DbError{"cannot add the rule set: " + *problem};
  if (bytes.size() > static_cast<std::size_t>(std::numeric_limits<int>::max())) {
    return DbError{"cannot add the rule set: it is larger than 2 GiB"};
  }
  return guarded_write(
      database_, "cannot add the rule set", [&](Connection& connection) -> DbResult<AddedRuleset> {
        RulesetInfo info = info_of(sha256_hex(bytes), ruleset);
        if (auto stored = find(connection, info.id)) {
          return AddedRuleset{std::move(stored->info), false};
        }
        insert(connection, info, bytes);
        append_audit_event(connection, stamp, "ruleset.add", "rulesets", info.id, payload_of(info));
        return AddedRuleset{std::move(info), true};
      });
}

DbResult<StoredRuleset> RulesetRepository::get(std::string_view id) {
  return guarded("cannot read the rule set", [&]() -> DbResult<StoredRuleset> {
    auto stored = find(database_.connection(), id);
    if (!stored) return DbError{fmt::format("no rule set with id {}", id)};
    return std::move(*stored);
  });
}

DbResult<StoredRuleset> RulesetRepository::in_force_on(engine::Date date) {
  return guarded("cannot choose the rule set", [&]() -> DbResult<StoredRuleset> {
    std::vector<std::string> ids;
    {
      auto select = database_.connection().statement(kSelectInForce);
      select->bind(1, date.to_string());
      while (select->executeStep()) ids.push_back(select->getColumn(0).getString());
    }
    if (ids.empty()) return DbError{"no rule set is in force on " + date.to_string()};
    if (ids.size() > 1) {
      return DbError{
          fmt::format("{} rule sets are equally in force on {} (same effective_from): {}; "
                      "name one",
                      ids.size(), date.to_string(), fmt::join(ids, ", "))};
    }
    return std::move(*find(database_.connection(), ids.front()));
  });
}

DbResult<std::vector<RulesetInfo>> RulesetRepository::list() {
  return guarded("cannot list the rule sets", [&]() -> DbResult<std::vector<RulesetInfo>> {
    std::vector<RulesetInfo> all;
    auto select = database_.connection().statement(kSelectAll);
    while (select->executeStep()) all.push_back(read_row(*select).info);
    return all;
  });
}

}  // namespace hsg::db
