#include "cli/store_options.h"

#include <fmt/core.h>
#include <pwd.h>
#include <unistd.h>

#include <cstdlib>
#include <utility>

#include "cli/today.h"

namespace hsg::cli {

void add_database_option(CommandLine& command_line) {
  command_line.add()("db", po::value<std::string>()->value_name("PATH"),
                     "database file (default: $HSG_DB, else hsg.db here)");
}

void add_write_options(CommandLine& command_line) {
  add_database_option(command_line);
  command_line.add()("actor", po::value<std::string>()->value_name("NAME"),
                     "who is making this change: declared, not proven (default: the OS account "
                     "running hsg, never $USER); lowercased, letters a-z, digits, . _ - @ and "
                     "single spaces");
}

std::filesystem::path database_path(const CommandLine& command_line) {
  if (command_line.has("db")) return command_line.get<std::string>("db");
  if (const char* environment = std::getenv("HSG_DB"); environment && *environment) {
    return environment;
  }
  return "hsg.db";
}

namespace {

void require_existing(const std::filesystem::path& path) {
  if (!std::filesystem::exists(path)) {
    throw InputError(
        fmt::format("no database at {}; create one with 'hsg init' or name one "
                    "with --db or $HSG_DB",
                    path.string()));
  }
}

}  // namespace

db::Database open_database(const CommandLine& command_line, bool create) {
  const std::filesystem::path path = database_path(command_line);
  if (!create) require_existing(path);
  return unwrap(db::Database::open(path));
}

db::Database open_database_to_read(const CommandLine& command_line) {
  const std::filesystem::path path = database_path(command_line);
  require_existing(path);
  return unwrap(db::Database::open_read_only(path));
}

namespace {

// The OS account running hsg, not $USER or $LOGNAME, which anyone can set to anything.
// On the command line the actor is declared, not proven: whoever runs hsg can type any
// --actor. The served application is where identity is authenticated.
std::string account_name() {
  if (const passwd* entry = getpwuid(geteuid()); entry && entry->pw_name && *entry->pw_name) {
    return entry->pw_name;
  }
  throw InputError(
      "cannot tell which account is running hsg; name the person making this change with "
      "--actor NAME");
}

std::string actor_of(const CommandLine& command_line) {
  if (command_line.has("actor")) {
    const std::string typed = command_line.get<std::string>("actor");
    db::DbResult<std::string> actor = db::normalise_actor(typed);
    if (!actor.ok()) throw InputError(fmt::format("--actor: {}", actor.error().message));
    return std::move(actor).value();
  }
  const std::string account = account_name();
  db::DbResult<std::string> actor = db::normalise_actor(account);
  if (!actor.ok()) {
    throw InputError(
        fmt::format("your account name cannot be the actor ({}); name yourself with "
                    "--actor NAME",
                    actor.error().message));
  }
  return std::move(actor).value();
}

}  // namespace

db::Stamp stamp_of(const CommandLine& command_line) {
  db::Stamp stamp{actor_of(command_line), now_utc()};
  if (auto problem = db::stamp_problem(stamp)) throw InputError(*problem);
  return stamp;
}

}  // namespace hsg::cli
