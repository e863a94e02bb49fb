#include "db/clients.h"

#include <fmt/format.h>

#include "db/audit_append.h"
#include "db/audit_log.h"
#include "db/canonical_json.h"
#include "db/client_groups.h"
#include "db/guard.h"
#include "db/record_payloads.h"
#include "engine/text.h"

namespace hsg::db {

namespace {

constexpr char kSelectOne[] =
    "SELECT c.ref, c.client_group, c.asc_funded, p.name FROM clients c "
    "LEFT JOIN client_personal p ON p.ref = c.ref WHERE c.ref = ?1";
constexpr char kSelectAll[] =
    "SELECT c.ref, c.client_group, c.asc_funded, p.name FROM clients c "
    "LEFT JOIN client_personal p ON p.ref = c.ref ORDER BY c.ref";
constexpr char kInsert[] =
    "INSERT INTO clients (ref, client_group, asc_funded) VALUES (?1, ?2, ?3)";
constexpr char kInsertPersonal[] = "INSERT INTO client_personal (ref, name) VALUES (?1, ?2)";

bool is_ref_char(char c) {
  return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '.' ||
         c == '_' || c == '/' || c == '-';
}

Client read_row(SQLite::Statement& row) {
  Client client{row.getColumn(0).getString(), row.getColumn(1).getString(),
                row.getColumn(2).getInt64() != 0, std::nullopt};
  if (!row.getColumn(3).isNull()) client.name = row.getColumn(3).getString();
  return client;
}

std::optional<Client> find(Connection& connection, std::string_view ref) {
  auto select = connection.statement(kSelectOne);
  select->bind(1, std::string(ref));
  if (!select->executeStep()) return std::nullopt;
  return read_row(*select);
}

std::string payload_of(const Client& client) {
  return CanonicalObject()
      .add("ref", client.ref)
      .add("client_group", client.group)
      .add("asc_funded", std::int64_t{client.asc_funded ? 1 : 0})
      .str();
}

std::string personal_payload(std::string_view ref) {
  return CanonicalObject().add("ref", ref).str();
}

std::optional<std::string> new_client_problem(const NewClient& client) {
  if (auto problem = client_ref_problem(client.ref)) return problem;
  if (!parse_client_group(client.group)) return unknown_client_group_message(client.group);
  if (client.name) {
    if (auto problem = one_line_problem("name", *client.name, 200)) return problem;
  }
  return std::nullopt;
}

void insert(Connection& connection, const Stamp& stamp, const Client& client) {
  auto statement = connection.statement(kInsert);
  statement->bind(1, client.ref);
  statement->bind(2, client.group);
  statement->bind(3, client.asc_funded ? 1 : 0);
  statement->exec();
  append_audit_event(connection, stamp, "client.add", "clients", client.ref, payload_of(client));
  if (!client.name) return;
  auto personal = connection.statement(kInsertPersonal);
  personal->bind(1, client.ref);
  personal->bind(2, *client.name);
  personal->exec();
  append_audit_event(connection, stamp, "client_personal.set", "client_personal", client.ref,
                     personal_payload(client.ref));
}

}  // namespace

std::optional<std::string> client_ref_problem(std::string_view ref) {
  if (ref.empty() || ref.size() > 64) return "a client reference has 1 to 64 characters";
  for (char c : ref) {
    if (!is_ref_char(c)) {
      return fmt::format("client reference '{}' may use only letters, digits and . _ / -",
                         engine::excerpt(ref));
    }
  }
  return std::nullopt;
}

std::optional<std::string> stored_client_payload(Connection& connection, std::string_view ref) {
  auto client = find(connection, ref);
  if (!client) return std::nullopt;
  return payload_of(*client);
}

DbResult<Client> ClientRepository::add(const Stamp& stamp, const NewClient& given) {
  const std::string doing = fmt::format("cannot add client {}", given.ref);
  if (auto problem = stamp_problem(stamp)) return DbError{doing + ": " + *problem};
  if (auto problem = new_client_problem(given)) return DbError{doing + ": " + *problem};
  Client client{given.ref, std::string(*parse_client_group(given.group)), given.asc_funded,
                given.name};
  return guarded_write(database_, doing, [&](Connection& connection) -> DbResult<Client> {
    if (find(connection, client.ref)) return DbError{doing + ": it already exists"};
    insert(connection, stamp, client);
    return client;
  });
}

DbResult<Client> ClientRepository::get(std::string_view ref) {
  return guarded("cannot read the client", [&]() -> DbResult<Client> {
    auto client = find(database_.connection(), ref);
    if (!client) return DbError{fmt::format("unknown client {}", ref)};
    return std::move(*client);
  });
}

DbResult<std::vector<Client>> ClientRepository::list() {
  return guarded("cannot list the clients", [&]() -> DbResult<std::vector<Client>> {
    std::vector<Client> all;
    auto select = database_.connection().statement(kSelectAll);
    while (select->executeStep()) all.push_back(read_row(*select));
    return all;
  });
}

DbResult<std::vector<AuditEvent>> ClientRepository::history(std::string_view ref) {
  auto client = get(ref);
  if (!client.ok()) return client.error();
  return AuditLog(database_).events_for_client(ref);
}

}  // namespace hsg::db
