// One SQLite connection per worker thread, opened on the thread's first request and kept
// for the thread's life: connections are not shared, and none is opened per request.
//
// Writes take their own BEGIN IMMEDIATE with the 5 s busy timeout (db/write_transaction.h),
// so concurrent workers wait for each other rather than fail with "database is locked".
#pragma once

#include <filesystem>

#include "db/database.h"

namespace hsg::web {

// This thread's connection to `path` (reopened if the thread last served another file).
db::Database& thread_database(const std::filesystem::path& path);

}  // namespace hsg::web
