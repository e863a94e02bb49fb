// Everything the store holds about one client, for a subject-access request (hsg client
// export; docs/administrator.md, "Personal data") and for `hsg client show`.
//
// Read-only, in one read snapshot. Promises: every row of every table that is about the
// client (db/client_records.h: the client, their name, erasures, allocations, decisions,
// grants and all that hangs from them, postings and their lines, plans, purchases and
// sign-offs, outcomes returns and answers), each table's rows in key order with every
// column as stored, and the receipts their purchases name (the bytes as hex; an erased
// one is absent). A table with no rows about the client is still listed, empty, so a
// reader sees that it was looked at.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <variant>
#include <vector>

#include "db/database.h"
#include "db/result.h"

namespace hsg::db {

// A stored value: NULL, an INTEGER or a TEXT (hsg stores no REAL; a BLOB comes as hex).
using HeldValue = std::variant<std::monostate, std::int64_t, std::string>;

struct HeldTable {
  std::string name;
  std::vector<std::string> columns;
  std::vector<std::vector<HeldValue>> rows;
};

// kClientTables' tables in their order, then "receipts".
DbResult<std::vector<HeldTable>> records_held_about(Database& database, std::string_view ref);

struct HeldCount {
  std::string table;
  std::int64_t rows = 0;
};

// How many rows of each of those tables are about the client, in the same order, without
// reading them (hsg client show).
DbResult<std::vector<HeldCount>> counts_held_about(Database& database, std::string_view ref);

}  // namespace hsg::db
