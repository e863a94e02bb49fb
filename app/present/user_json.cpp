#include "app/present/user_json.h"

namespace hsg::app {

nlohmann::ordered_json user_json(const UserAccount& account) {
  nlohmann::ordered_json roles = nlohmann::ordered_json::array();
  for (const Role role : account.roles) roles.push_back(std::string(to_string(role)));
  return {{"name", account.name},
          {"roles", roles},
          {"status", account.disabled ? "disabled" : "enabled"},
          {"added_at", account.added_at}};
}

nlohmann::ordered_json users_json(const std::vector<UserAccount>& accounts) {
  nlohmann::ordered_json users = nlohmann::ordered_json::array();
  for (const UserAccount& account : accounts) users.push_back(user_json(account));
  return users;
}

}  // namespace hsg::app
