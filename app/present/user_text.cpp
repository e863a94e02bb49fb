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

}  // namespace hsg::app
