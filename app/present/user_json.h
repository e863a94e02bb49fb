// A user account as JSON (hsg user list --json; the web's API): {"name", "roles" (in
// enum order), "status" ("enabled" or "disabled"), "added_at"}, keys in that order. No
// password or hash, ever.
#pragma once

#include <nlohmann/json.hpp>
#include <vector>

#include "app/users/user_accounts.h"

namespace hsg::app {

nlohmann::ordered_json user_json(const UserAccount& account);
nlohmann::ordered_json users_json(const std::vector<UserAccount>& accounts);

}  // namespace hsg::app
