// How a rule set's grants are coded in the ledger: the optional [finance] table.
//
//   [finance]
//   cost_centre = "HSG"
//   [finance.expenditure_accounts]      # one per intervention type key
//   short_term_intensive = "expenses:housing support:short_term_intensive"
//   [finance.creditor_accounts]         # one per way the money is held
//   direct_payment = "liabilities:grants payable:direct_payment"
//
// Everything is optional; what is not given takes the documented default
// (docs/finance.md): expenditure "expenses:housing support:<type>", creditor
// "liabilities:grants payable:<held_as>", cost centre "HSG". An account name is 1..200
// bytes of printable text, without a double space, a tab, ';' or a leading '(' or '['
// (hledger would read those as something else), and no account may be both an
// expenditure and a creditor account: the ledger tells spend from liability by it.
// This configuration belongs to the finance side of hsg, not to the engine: the grant
// amounts never depend on it.
#pragma once

#include <array>
#include <map>
#include <optional>
#include <string>
#include <string_view>

#include "engine/ruleset.h"

namespace hsg::rules {

// The ways grant money is held (Care Act personal budgets), as stored and typed.
inline constexpr std::array<std::string_view, 3> kHeldAs{"direct_payment", "managed_account",
                                                         "isf"};
bool is_held_as(std::string_view text);

struct FinanceConfig {
  std::string cost_centre = "HSG";
  std::map<std::string, std::string, std::less<>> expenditure_accounts;  // type key → account
  std::map<std::string, std::string, std::less<>> creditor_accounts;     // held_as → account

  // The account for `type` / `held_as` (the default when not configured).
  std::string expenditure_account(std::string_view type) const;
  std::string creditor_account(std::string_view held_as) const;
};

// Why `name` cannot be a ledger account name, or nothing when it can.
std::optional<std::string> account_name_problem(std::string_view name);

}  // namespace hsg::rules
