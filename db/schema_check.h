// Whether the schema in a file is exactly the one hsg's migrations build.
//
// Private to db/. History is append-only because of triggers (db/schema.cpp), and
// whoever can write the file can drop them, rewrite rows and events, re-chain the log and
// put nothing back. schema_problems() compares every table, index, trigger and view of
// the file (type, name, table and exact SQL text in sqlite_schema) with what the shipped
// migrations create on an empty in-memory database: SQLite itself reads the migration
// texts, so an object a later migration adds is covered without being listed here, and a
// table a migration altered (version 3) has the text SQLite gave it. It names each object
// that is missing, altered or not hsg's, in a fixed order; an intact schema gives none.
// SQLite's own objects (sqlite_*) are left alone.
#pragma once

#include <string>
#include <vector>

#include "db/connection.h"

namespace hsg::db {

std::vector<std::string> schema_problems(Connection& connection);

}  // namespace hsg::db
