// Before a command acts on stored records, it checks them against the audit log.
//
// A row rewritten behind hsg's back (and its event with it, the chain re-hashed) is found
// by `hsg audit verify` with a checkpoint; but a command that pays or decides must not
// act on such a row in the meantime. Each function here names the rows one kind of
// command acts on and hands them to AuditLog::check_records() (db/audit_log.h): the
// schema, above all its append-only triggers, must be intact, and each row must be what
// the audit event that wrote it says. The error names the record, the row and
// the event, e.g. "refusing to act on allocation 2: decisions 3 no longer matches audit
// event 9 that wrote it; run 'hsg audit verify'". Rows that do not exist are not
// named: the command itself says "no allocation 7".
#pragma once

#include <cstdint>
#include <string_view>

#include "db/database.h"
#include "db/result.h"
#include "engine/date.h"

namespace hsg::db {

// agree, approve, reject, show, grant start, audit replay ALLOC: the allocation, its
// client and rule set, every decision on it, and its grant with its types once started.
DbResult<Done> check_allocation(Database& database, std::int64_t allocation_id);

// ledger post: every instalment due on or before `through` that is neither posted nor
// cancelled, with its grant and the grant's type. One scan of the log for all of them.
DbResult<Done> check_due_instalments(Database& database, engine::Date through);

// spend record, approve, refuse: the grant, its types and instalments, its postings and
// their lines, its recoveries, purchases and their decisions — all the balance is made of.
DbResult<Done> check_grant_spending(Database& database, std::int64_t grant_id);

// user grant, revoke, disable, enable, password and sign-in: the user's row and every row
// of their roles, passwords and status changes. An unknown name names no rows.
DbResult<Done> check_user(Database& database, std::string_view name);

// Commands over the whole store (audit replay --all): the schema alone. Checking every
// row is what `hsg audit verify` does.
DbResult<Done> check_schema(Database& database);

}  // namespace hsg::db
