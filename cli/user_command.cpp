// hsg user add | list | disable | enable | grant | revoke | password: the people who sign
// in to the served application, for the administrator who holds the file.
#include <fmt/core.h>

#include <array>
#include <string>
#include <vector>

#include "app/present/user_json.h"
#include "app/present/user_text.h"
#include "app/users/roles.h"
#include "app/users/user_accounts.h"
#include "cli/input_error.h"
#include "cli/password_input.h"
#include "cli/store_commands.h"
#include "cli/store_options.h"
#include "cli/subcommands.h"
#include "engine/text.h"

namespace hsg::cli {

namespace {

void add_name_argument(CommandLine& command_line) {
  command_line.add()("name", po::value<std::string>()->required()->value_name("NAME"),
                     "the user's name: the actor stamped on every write they make");
  command_line.positional("name", 1);
}

void add_reason_option(CommandLine& command_line) {
  command_line.add()("reason", po::value<std::string>()->required()->value_name("TEXT"),
                     "why, in one line (kept in the audit log)");
}

std::string role_problem(const std::string& text) {
  return fmt::format("--role '{}' is not a role: the roles are {}", engine::excerpt(text),
                     app::kRoleNames);
}

// Every --role given, or an InputError naming each one that is not a role.
std::vector<app::Role> roles_of(const std::vector<std::string>& texts) {
  std::vector<app::Role> roles;
  std::vector<std::string> problems;
  for (const std::string& text : texts) {
    if (const auto role = app::parse_role(text)) {
      roles.push_back(*role);
    } else {
      problems.push_back(role_problem(text));
    }
  }
  if (!problems.empty()) throw InputError::of_messages(problems);
  return roles;
}

app::Role one_role(const CommandLine& command_line) {
  return roles_of({command_line.get<std::string>("role")}).front();
}

int add(const Args& args, Io& io) {
  CommandLine command_line(
      "user add",
      {"hsg user add NAME --role ROLE... [--password-stdin]",
       "Adds a user who may sign in to hsg serve, holding one or more roles (assessor,\n"
       "approver, finance, auditor, commissioner, admin; docs/administrator.md says what\n"
       "each may do). NAME is put in normal form (lowercase, single spaces), as every\n"
       "actor is. The password (12 to 1024 bytes) is read from standard input's first line\n"
       "with --password-stdin, or asked twice without echo on a terminal; it is kept only\n"
       "as an argon2id hash.",
       "printf '%s\\n' \"$PASSWORD\" | hsg user add asha --role assessor --password-stdin"});
  add_name_argument(command_line);
  command_line.add()(
      "role", po::value<std::vector<std::string>>()->required()->multitoken()->value_name("ROLE"),
      "a role the user holds; give --role once per role or several after it");
  add_password_option(command_line);
  add_write_options(command_line);
  if (!command_line.parse(args, io)) return 0;
  app::AddUserRequest request{command_line.get<std::string>("name"),
                              roles_of(command_line.get<std::vector<std::string>>("role")), ""};
  db::Database database = open_database(command_line);
  const db::Stamp stamp = stamp_of(command_line);
  request.password = read_password(command_line, io);
  const app::UserAccount account = unwrap(app::add_user(database, stamp, request));
  io.out << app::user_change_line(app::UserChange::added, account) << "\n";
  return 0;
}

int list(const Args& args, Io& io) {
  CommandLine command_line("user list",
                           {"hsg user list [--json]",
                            "Lists the users by name with the roles each holds now and whether "
                            "they are\nenabled or disabled. No password or hash is shown.",
                            "hsg user list --json"});
  command_line.add()("json", "print JSON: [{name, roles, status, added_at}]");
  add_database_option(command_line);
  if (!command_line.parse(args, io)) return 0;
  db::Database database = open_database_to_read(command_line);
  const std::vector<app::UserAccount> accounts = unwrap(app::list_users(database));
  if (command_line.has("json")) {
    io.out << app::users_json(accounts).dump(2) << "\n";
  } else {
    io.out << app::users_table(accounts);
  }
  return 0;
}

template <typename Change>
int status_change(const Args& args, Io& io, const char* name, const char* help, Change change,
                  app::UserChange done) {
  CommandLine command_line(fmt::format("user {}", name),
                           {fmt::format("hsg user {} NAME --reason TEXT", name), help,
                            fmt::format("hsg user {} asha --reason 'left the team'", name)});
  add_name_argument(command_line);
  add_reason_option(command_line);
  add_write_options(command_line);
  if (!command_line.parse(args, io)) return 0;
  db::Database database = open_database(command_line);
  const app::UserAccount account =
      unwrap(change(database, stamp_of(command_line), command_line.get<std::string>("name"),
                    command_line.get<std::string>("reason")));
  io.out << app::user_change_line(done, account) << "\n";
  return 0;
}

int disable(const Args& args, Io& io) {
  return status_change(args, io, "disable",
                       "Disables a user: from the next request they make, hsg serve signs them "
                       "out and\nrefuses them. Their roles and password are kept, so "
                       "'hsg user enable' undoes it.",
                       app::disable_user, app::UserChange::disabled);
}

int enable(const Args& args, Io& io) {
  return status_change(args, io, "enable",
                       "Enables a disabled user again, with the roles and password they had.",
                       app::enable_user, app::UserChange::enabled);
}

template <typename Change>
int role_change(const Args& args, Io& io, const char* name, const char* help, Change change,
                app::UserChange done) {
  CommandLine command_line(fmt::format("user {}", name),
                           {fmt::format("hsg user {} NAME --role ROLE", name), help,
                            fmt::format("hsg user {} asha --role approver", name)});
  add_name_argument(command_line);
  command_line.add()("role", po::value<std::string>()->required()->value_name("ROLE"),
                     "assessor, approver, finance, auditor, commissioner or admin");
  add_write_options(command_line);
  if (!command_line.parse(args, io)) return 0;
  const app::Role role = one_role(command_line);
  db::Database database = open_database(command_line);
  const app::UserAccount account =
      unwrap(change(database, stamp_of(command_line), command_line.get<std::string>("name"), role));
  io.out << app::user_change_line(done, account, role) << "\n";
  return 0;
}

int grant(const Args& args, Io& io) {
  return role_change(args, io, "grant",
                     "Gives a user one more role; it takes effect on their next request.",
                     app::grant_role, app::UserChange::granted);
}

int revoke(const Args& args, Io& io) {
  return role_change(args, io, "revoke",
                     "Takes a role from a user; it takes effect on their next request.",
                     app::revoke_role, app::UserChange::revoked);
}

int password(const Args& args, Io& io) {
  CommandLine command_line(
      "user password",
      {"hsg user password NAME [--password-stdin]",
       "Sets a user's password (12 to 1024 bytes), read from standard input's first line\n"
       "with --password-stdin or asked twice without echo on a terminal. The old one\n"
       "stops working at once; sessions already signed in are not ended.",
       "printf '%s\\n' \"$PASSWORD\" | hsg user password asha --password-stdin"});
  add_name_argument(command_line);
  add_password_option(command_line);
  add_write_options(command_line);
  if (!command_line.parse(args, io)) return 0;
  db::Database database = open_database(command_line);
  const db::Stamp stamp = stamp_of(command_line);
  const std::string new_password = read_password(command_line, io);
  const app::UserAccount account = unwrap(
      app::set_password(database, stamp, command_line.get<std::string>("name"), new_password));
  io.out << app::user_change_line(app::UserChange::password_set, account) << "\n";
  return 0;
}

constexpr std::array kSubcommands{
    Subcommand{"add", "add NAME --role ROLE... [--password-stdin]", "add a user with roles", add},
    Subcommand{"list", "list [--json]", "list users, their roles and status", list},
    Subcommand{"disable", "disable NAME --reason TEXT", "stop a user signing in", disable},
    Subcommand{"enable", "enable NAME --reason TEXT", "let a disabled user sign in again", enable},
    Subcommand{"grant", "grant NAME --role ROLE", "give a user a role", grant},
    Subcommand{"revoke", "revoke NAME --role ROLE", "take a role from a user", revoke},
    Subcommand{"password", "password NAME [--password-stdin]", "set a user's password", password},
};

}  // namespace

int user_command(const Args& args, Io& io) {
  return run_subcommand("user", kSubcommands, args, io);
}

}  // namespace hsg::cli
