#include "db/rulesets.h"

#include <fmt/format.h>

#include <limits>
#include <stdexcept>

#include "db/audit_append.h"
#include "db/canonical_json.h"
#include "db/guard.h"
#include "db/record_payloads.h"
#include "db/ruleset_adoptions.h"
#include "db/sha256.h"
#include "engine/text.h"

namespace hsg::db {

namespace {

constexpr char kSelectById[] =
    "SELECT id, name, version, effective_from, adjustment_tolerance_percent, bytes "
    "FROM rulesets WHERE id = ?1";
constexpr char kSelectByPrefix[] =
    "SELECT id, name, version, effective_from FROM rulesets WHERE substr(id, 1, ?2) = ?1 "
    "ORDER BY id";
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

DbResult<std::string> RulesetRepository::resolve(std::string_view prefix) {
  if (prefix.size() < kMinIdPrefix || prefix.size() > 64 ||
      prefix.find_first_not_of("0123456789abcdef") != std::string_view::npos) {
    return DbError{fmt::format(
        "'{}' is not a rule-set id: give {} to 64 lowercase hex digits of one (hsg rules list)",
        engine::excerpt(prefix), kMinIdPrefix)};
  }
  return guarded("cannot find the rule set", [&]() -> DbResult<std::string> {
    std::vector<std::string> candidates;
    auto select = database_.connection().statement(kSelectByPrefix);
    select->bind(1, std::string(prefix));
    select->bind(2, static_cast<std::int64_t>(prefix.size()));
    while (select->executeStep()) {
      candidates.push_back(
          fmt::format("{} ({} version {}, effective from {})", select->getColumn(0).getString(),
                      select->getColumn(1).getString(), select->getColumn(2).getString(),
                      select->getColumn(3).getString()));
    }
    if (candidates.empty())
      return DbError{fmt::format("no stored rule set has an id starting {}", prefix)};
    if (candidates.size() > 1) {
      return DbError{fmt::format(
          "rule-set id {} is ambiguous: {} stored rule sets start with it: {}; give more digits",
          prefix, candidates.size(), fmt::join(candidates, "; "))};
    }
    return candidates.front().substr(0, 64);
  });
}

DbResult<StoredRuleset> RulesetRepository::in_force_on(engine::Date date) {
  auto adoptions = AdoptionRepository(database_).all();
  if (!adoptions.ok()) return adoptions.error();
  const auto found = db::in_force_on(adoptions.value(), date);
  if (!found.ok()) return found.error();
  const Adoption* in_force = found.value();
  if (!in_force) {
    return DbError{fmt::format(
        "no rule set is in force on {}: a stored rule set is a draft until it is adopted "
        "(hsg rules list; hsg rules adopt ID --from D --reason TEXT)",
        date.to_string())};
  }
  return get(in_force->ruleset_id);
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
