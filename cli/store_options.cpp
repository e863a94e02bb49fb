#include "cli/store_options.h"

#include <fmt/core.h>
#include <pwd.h>
#include <unistd.h>

#include <cstdlib>

#include "cli/today.h"

namespace hsg::cli {

void add_database_option(CommandLine& command_line) {
  command_line.add()("db", po::value<std::string>()->value_name("PATH"),
                     "database file (default: $HSG_DB, else hsg.db here)");
}

void add_write_options(CommandLine& command_line) {
  add_database_option(command_line);
  command_line.add()("actor", po::value<std::string>()->value_name("NAME"),
                     "who is making this change (default: your login name)");
}

std::filesystem::path database_path(const CommandLine& command_line) {
  if (command_line.has("db")) return command_line.get<std::string>("db");
  if (const char* environment = std::getenv("HSG_DB"); environment && *environment) {
    return environment;
  }
  return "hsg.db";
}

db::Database open_database(const CommandLine& command_line, bool create) {
  const std::filesystem::path path = database_path(command_line);
  if (!create && !std::filesystem::exists(path)) {
    throw InputError(
        fmt::format("no database at {}; create one with 'hsg init' or name one "
                    "with --db or $HSG_DB",
                    path.string()));
  }
  return unwrap(db::Database::open(path));
}

namespace {

std::string login_name() {
  if (const char* name = getlogin(); name && *name) return name;
  if (const char* user = std::getenv("USER"); user && *user) return user;
  if (const passwd* entry = getpwuid(geteuid()); entry && entry->pw_name) return entry->pw_name;
  return "unknown";
}

}  // namespace

db::Stamp stamp_of(const CommandLine& command_line) {
  db::Stamp stamp{command_line.has("actor") ? command_line.get<std::string>("actor") : login_name(),
                  now_utc()};
  if (auto problem = db::stamp_problem(stamp)) throw InputError(*problem);
  return stamp;
}

}  // namespace hsg::cli
