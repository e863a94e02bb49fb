#include "app/present/user_text.h"

#include <fmt/format.h>

#include <algorithm>

#include "engine/text.h"

namespace hsg::app {

namespace {

std::string_view status_text(const UserAccount& account) {
  return account.disabled ? "disabled" : "enabled";
}

}  // namespace

std::string roles_text(const UserAccount& account) {
  if (account.roles.empty()) return "(none)";
  std::string text;
  for (const Role role : account.roles) {
    if (!text.empty()) text += ", ";
    text += to_string(role);
  }
  return text;
}

std::string users_table(const std::vector<UserAccount>& accounts) {
  if (accounts.empty()) return "No users.\n";
  std::size_t name_width = 4;   // "name"
  std::size_t roles_width = 5;  // "roles"
  for (const UserAccount& account : accounts) {
    name_width = std::max(name_width, engine::escaped(account.name).size());
    roles_width = std::max(roles_width, roles_text(account).size());
  }
  std::string table =
      fmt::format("{:<{}}  {:<{}}  {}\n", "name", name_width, "roles", roles_width, "status");
  for (const UserAccount& account : accounts) {
    table += fmt::format("{:<{}}  {:<{}}  {}\n", engine::escaped(account.name), name_width,
                         roles_text(account), roles_width, status_text(account));
  }
  return table;
}

std::string user_line(const UserAccount& account) {
  return fmt::format("{}: {}; {}", engine::escaped(account.name), roles_text(account),
                     status_text(account));
}

std::string user_change_line(UserChange change, const UserAccount& account,
                             std::optional<Role> role) {
  const std::string_view role_name = role ? to_string(*role) : "";
  switch (change) {
    case UserChange::added:
      return "Added user " + user_line(account);
    case UserChange::granted:
      return fmt::format("Granted {}: user {}", role_name, user_line(account));
    case UserChange::revoked:
      return fmt::format("Revoked {}: user {}", role_name, user_line(account));
    case UserChange::disabled:
      return "Disabled user " + user_line(account);
    case UserChange::enabled:
      return "Enabled user " + user_line(account);
    case UserChange::password_set:
      return "Set the password of user " + engine::escaped(account.name);
  }
  return "";
}

}  // namespace hsg::app
