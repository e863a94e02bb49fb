// The one role policy every front end checks before it calls a use case: which roles
// may do what. The command line is for the administrator who holds the file and checks
// nothing; the web application asks permits() on every request.
//
// The policy: read_cases (clients, allocations, letters, grants): any role; add_client,
// record_assessment, agree_amount: assessor; approve_amount (approve or reject):
// approver; start_grant: assessor or finance; read_ledger: finance or auditor;
// post_ledger (post instalments, reverse, recover): finance; read_audit (the log,
// verify, replay, a client's history): auditor; run_whatif and read_outcomes:
// commissioner (read_outcomes also auditor); read_rulesets: commissioner, auditor or
// admin; manage_users and manage_providers: admin. The auditor never writes. A user with
// no role may do nothing. The four-eyes rule (an approver is not the one who agreed) is the
// store's, checked on the write itself, not here.
#pragma once

#include <span>
#include <string_view>

#include "app/users/roles.h"

namespace hsg::app {

enum class Permission {
  read_cases,
  add_client,
  record_assessment,
  agree_amount,
  approve_amount,
  start_grant,
  read_ledger,
  post_ledger,
  read_audit,
  run_whatif,
  read_outcomes,
  read_rulesets,
  manage_users,
  manage_providers
};

// The permission's name as the code spells it ("read_cases"), for listings.
std::string_view to_string(Permission permission);

// Whether any of `roles` allows `permission`.
bool permits(std::span<const Role> roles, Permission permission);

}  // namespace hsg::app
