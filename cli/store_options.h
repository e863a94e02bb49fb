// What every database command shares: --db and --actor, opening the file, stamping a
// write, and turning a store error into an InputError.
//
// The database is --db PATH, else $HSG_DB, else hsg.db in the current directory. Only
// `hsg init` creates a file; every other command refuses a missing one, so a typo in
// --db cannot silently start an empty system of record. The actor of a write is
// --actor NAME, else the OS account running hsg (never $USER or $LOGNAME), in normal
// form (db/stamp.h). It is declared, not proven: the served application is where
// identity is authenticated.
#pragma once

#include <filesystem>
#include <utility>

#include "app/result.h"
#include "app/unwrap.h"
#include "cli/command_line.h"
#include "cli/input_error.h"
#include "db/database.h"
#include "db/result.h"
#include "db/stamp.h"

namespace hsg::cli {

void add_database_option(CommandLine& command_line);
// --actor as well, for commands that write.
void add_write_options(CommandLine& command_line);

std::filesystem::path database_path(const CommandLine& command_line);
db::Database open_database(const CommandLine& command_line, bool create = false);
// For a command that only reads: the file is opened read-only and never migrated.
db::Database open_database_to_read(const CommandLine& command_line);
db::Stamp stamp_of(const CommandLine& command_line);

using app::unwrap;

// A use case's refusal becomes the command's (exit 1).
template <typename T>
T unwrap(app::Result<T> result) {
  if (!result.ok()) throw result.refusal();
  return std::move(result).value();
}

}  // namespace hsg::cli
