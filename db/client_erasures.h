// Erasing a client's personal details (hsg client erase; docs/administrator.md,
// "Personal data"), keeping the pseudonymous history whole.
//
// What is erased: the name (client_personal) and the bytes of every receipt of the
// client's purchases that no other client's purchase also names. The reference, group,
// allocations, decisions, grants, ledger, plans, outcomes and purchases stay, and so does
// every audit event: none of them holds the erased details, so `hsg audit verify` still
// passes. The erasure is a row of client_erasures written by its own "client.erase" event,
// saying that the name and which receipts (by SHA-256) were erased, why, when and by
// whom, never what they held.
//
// Promises: one write transaction (on any error nothing is erased); SQLite overwrites the
// deleted content with zeros (secure_delete, set on every writable connection), and the
// write-ahead log is checkpointed and truncated afterwards so no earlier page image of
// the details remains beside the file. A client with nothing left to erase is refused.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "db/database.h"
#include "db/result.h"
#include "db/stamp.h"

namespace hsg::db {

struct ClientErasure {
  std::string ref;
  std::int64_t number = 0;  // 1, 2, … per client
  std::string reason;
  bool name_erased = false;
  std::vector<std::string> receipts_erased;  // SHA-256 hex, in hash order
  // Whether the write-ahead log could be emptied straight away; false while another
  // connection was reading, when the old pages go at the next checkpoint instead.
  bool log_emptied = false;
  bool operator==(const ClientErasure&) const = default;
};

// A client of whom something erasable is held, with the last day of their records: the
// latest of an assessment, a grant's end (the day it was ended, or else the last day of
// its longest intervention), a posting, a recovery, a purchase and an outcomes return; for
// a client with none of these, the day they were recorded.
struct HeldPersonalDetails {
  std::string ref;
  bool name_held = false;
  std::int64_t receipts_held = 0;  // receipts no other client's purchase names
  std::string last_on;             // YYYY-MM-DD
  bool operator==(const HeldPersonalDetails&) const = default;
};

class ClientErasures {
 public:
  explicit ClientErasures(Database& database) : database_(database) {}

  DbResult<ClientErasure> erase(const Stamp& stamp, std::string_view ref, std::string_view reason);
  // Every client holding a name or receipts, in reference order.
  DbResult<std::vector<HeldPersonalDetails>> holding_personal_details();
  // Every erasure of the client, oldest first (log_emptied is false: it is not stored).
  DbResult<std::vector<ClientErasure>> of_client(std::string_view ref);

 private:
  Database& database_;
};

}  // namespace hsg::db
