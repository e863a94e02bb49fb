#include "db/generations.h"

#include <fmt/format.h>

#include "db/audit_append.h"
#include "db/canonical_json.h"
#include "db/guard.h"
#include "db/record_payloads.h"

namespace hsg::db {

namespace {

constexpr char kInsert[] =
    "INSERT INTO generations (seed, from_on, client_count, first_client_ref, last_client_ref, "
    "forced) VALUES (?1, ?2, ?3, ?4, ?5, ?6)";
constexpr char kSelectOne[] =
    "SELECT id, seed, from_on, client_count, first_client_ref, last_client_ref, forced "
    "FROM generations WHERE id = ?1";
constexpr char kCountNotGenerated[] =
    "SELECT (SELECT count(*) FROM clients) - "
    "(SELECT ifnull(sum(client_count), 0) FROM generations)";

std::string payload_of(std::int64_t id, std::string_view seed, std::string_view from_on,
                       std::int64_t client_count, std::string_view first_client_ref,
                       std::string_view last_client_ref, bool forced) {
  return CanonicalObject()
      .add("id", id)
      .add("seed", seed)
      .add("from_on", from_on)
      .add("client_count", client_count)
      .add("first_client_ref", first_client_ref)
      .add("last_client_ref", last_client_ref)
      .add("forced", std::int64_t{forced ? 1 : 0})
      .str();
}

std::int64_t count_not_generated(Connection& connection) {
  auto count = connection.statement(kCountNotGenerated);
  count->executeStep();
  return count->getColumn(0).getInt64();
}

}  // namespace

std::optional<std::string> stored_generation_payload(Connection& connection, std::string_view id) {
  const auto generation_id = parse_entity_number(id);
  if (!generation_id) return std::nullopt;
  auto select = connection.statement(kSelectOne);
  select->bind(1, *generation_id);
  if (!select->executeStep()) return std::nullopt;
  return payload_of(select->getColumn(0).getInt64(), select->getColumn(1).getString(),
                    select->getColumn(2).getString(), select->getColumn(3).getInt64(),
                    select->getColumn(4).getString(), select->getColumn(5).getString(),
                    select->getColumn(6).getInt64() != 0);
}

DbResult<std::int64_t> GenerationRepository::clients_not_generated() {
  return guarded("cannot count the generated clients", [&]() -> DbResult<std::int64_t> {
    return count_not_generated(database_.connection());
  });
}

DbResult<std::int64_t> GenerationRepository::record(const Stamp& stamp,
                                                    const NewGeneration& generation) {
  const std::string doing = "cannot record the generated caseload";
  if (auto problem = stamp_problem(stamp)) return DbError{doing + ": " + *problem};
  if (generation.client_count < 1) return DbError{doing + ": it added no clients"};
  return guarded_write(database_, doing, [&](Connection& connection) -> DbResult<std::int64_t> {
    const std::string seed = std::to_string(generation.seed);
    const std::string from_on = generation.from.to_string();
    auto insert = connection.statement(kInsert);
    insert->bind(1, seed);
    insert->bind(2, from_on);
    insert->bind(3, generation.client_count);
    insert->bind(4, generation.first_client_ref);
    insert->bind(5, generation.last_client_ref);
    insert->bind(6, generation.forced ? 1 : 0);
    insert->exec();
    const std::int64_t id = connection.sqlite.getLastInsertRowid();
    const std::int64_t not_generated = count_not_generated(connection);
    if (not_generated < 0) {
      return DbError{fmt::format("{}: it counts more clients than were added", doing)};
    }
    if (not_generated > 0 && !generation.forced) {
      return DbError{fmt::format("{}: the database holds {} clients hsg generate did not add",
                                 doing, not_generated)};
    }
    append_audit_event(
        connection, stamp, "generation.record", "generations", std::to_string(id),
        payload_of(id, seed, from_on, generation.client_count, generation.first_client_ref,
                   generation.last_client_ref, generation.forced));
    return id;
  });
}

}  // namespace hsg::db
