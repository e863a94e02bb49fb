// Clients: the council's reference, the Supporting People client group, whether adult
// social care money is also received, and personal details held apart.
//
// A client is added once and never changed. The reference is the council's own id:
// 1..64 characters of letters, digits and . _ / -. The group is stored as its key
// (db/client_groups.h). The name, if given, lives in client_personal, which nothing
// hashed refers to, so it can be erased (db/client_erasures.h) without breaking audit
// verification; its events carry only the reference.
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "db/audit_event.h"
#include "db/database.h"
#include "db/result.h"
#include "db/stamp.h"

namespace hsg::db {

struct NewClient {
  std::string ref;
  std::string group;  // key or full name
  bool asc_funded = false;
  std::optional<std::string> name;
};

struct Client {
  std::string ref;
  std::string group;  // key
  bool asc_funded = false;
  std::optional<std::string> name;  // empty if never given or erased
  bool operator==(const Client&) const = default;
};

class ClientRepository {
 public:
  explicit ClientRepository(Database& database) : database_(database) {}

  DbResult<Client> add(const Stamp& stamp, const NewClient& client);
  DbResult<Client> get(std::string_view ref);
  // In reference order.
  DbResult<std::vector<Client>> list();
  // Every audit event about the client (AuditLog::events_for_client: its record,
  // allocations, decisions, grants and all that hangs from them), oldest first.
  DbResult<std::vector<AuditEvent>> history(std::string_view ref);

 private:
  Database& database_;
};

// Why `ref` is not a usable client reference, or nothing.
std::optional<std::string> client_ref_problem(std::string_view ref);

}  // namespace hsg::db
