// The one role policy every front end checks before it calls a use case: which roles
// may do what. The command line is for the administrator who holds the file and checks
// nothing; the web application asks permits() on every request.
//
// The policy: read_cases: any role; add_client, record_assessment, agree_amount:
// assessor; approve_amount (approve or reject): approver; start_grant: assessor or
// finance; manage_users: admin. auditor and commissioner may read only. A user with no
// role may do nothing. The four-eyes rule (an approver is not the one who agreed) is the
// store's, checked on the write itself, not here.
#pragma once

#include <span>

#include "app/users/roles.h"

namespace hsg::app {

enum class Permission {
  read_cases,
  add_client,
  record_assessment,
  agree_amount,
  approve_amount,
  start_grant,
  manage_users
};

// Whether any of `roles` allows `permission`.
bool permits(std::span<const Role> roles, Permission permission);

}  // namespace hsg::app
