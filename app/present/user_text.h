// User accounts as text for people (hsg user list, and the line each user command
// prints): a table of name, roles and status, columns as wide as their widest cell,
// names escaped (engine::escaped) like everything shown that came from a user.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "app/users/user_accounts.h"

namespace hsg::app {

// "assessor, approver", or "(none)" for a user with no role left.
std::string roles_text(const UserAccount& account);

// A header line and one line per account, each ending in '\n'; "No users.\n" when there
// are none.
std::string users_table(const std::vector<UserAccount>& accounts);

// "asha: assessor, approver; enabled"
std::string user_line(const UserAccount& account);

// What one change of `hsg user` did, in the words the command prints and the
// administrator's web pages show: "Added user asha: assessor; enabled", "Granted
// finance: user asha: assessor, finance; enabled" (and Revoked), "Disabled user …",
// "Enabled user …", "Set the password of user asha". `role` is the role granted or
// revoked (only those two name one). `account` is the account after the change.
enum class UserChange { added, granted, revoked, disabled, enabled, password_set };
std::string user_change_line(UserChange change, const UserAccount& account,
                             std::optional<Role> role = std::nullopt);

}  // namespace hsg::app
