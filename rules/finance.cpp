#include "rules/finance.h"

#include <algorithm>

namespace hsg::rules {

bool is_held_as(std::string_view text) {
  return std::find(kHeldAs.begin(), kHeldAs.end(), text) != kHeldAs.end();
}

std::string FinanceConfig::expenditure_account(std::string_view type) const {
  if (auto found = expenditure_accounts.find(type); found != expenditure_accounts.end()) {
    return found->second;
  }
  return "expenses:housing support:" + std::string(type);
}

std::string FinanceConfig::creditor_account(std::string_view held_as) const {
  if (auto found = creditor_accounts.find(held_as); found != creditor_accounts.end()) {
    return found->second;
  }
  return "liabilities:grants payable:" + std::string(held_as);
}

std::optional<std::string> account_name_problem(std::string_view name) {
  if (name.empty() || name.size() > 200) return "an account name has 1 to 200 bytes";
  if (name.front() == ' ' || name.back() == ' ') {
    return "an account name may not begin or end with a space";
  }
  if (name.front() == '(' || name.front() == '[') {
    return "an account name may not begin with '(' or '[' (hledger reads those as virtual)";
  }
  for (std::size_t i = 0; i < name.size(); ++i) {
    const auto byte = static_cast<unsigned char>(name[i]);
    if (byte < 0x20 || byte == 0x7f) return "an account name may not hold control characters";
    if (name[i] == ';') return "an account name may not hold ';' (hledger starts a comment)";
    if (name[i] == ' ' && i + 1 < name.size() && name[i + 1] == ' ') {
      return "an account name may not hold two spaces in a row (hledger ends the name there)";
    }
  }
  return std::nullopt;
}

}  // namespace hsg::rules
