// One event of the audit log, and the rule that chains it to the one before.
//
// Every write to the store appends exactly one event per row it writes, in the same
// transaction. An event says who (actor), when (at, given by the caller), what
// (action: "client.add", "allocation.record", …) and to which row (entity_type = the
// table, entity_id = the row's key as text), and carries `payload`: the canonical JSON
// (db/canonical_json.h) of the row as written. Its hash is
//
//   hash = SHA-256 hex of  prev_hash "\n" seq "\n" at "\n" actor "\n" action "\n"
//                          entity_type "\n" entity_id "\n" payload
//
// with seq in decimal and prev_hash of event 1 = kGenesisHash (64 zeros). Every field
// before the payload is one line, so the input is unambiguous. docs/auditor.md states
// this for auditors, with a script that recomputes it.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>

namespace hsg::db {

inline constexpr std::string_view kGenesisHash =
    "0000000000000000000000000000000000000000000000000000000000000000";

struct AuditEvent {
  std::int64_t seq = 0;
  std::string at;
  std::string actor;
  std::string action;
  std::string entity_type;
  std::string entity_id;
  std::string payload;
  std::string prev_hash;
  std::string hash;
  bool operator==(const AuditEvent&) const = default;
};

// The hash `event` should have, from every field but its own `hash`.
std::string audit_event_hash(const AuditEvent& event);

}  // namespace hsg::db
