// The canonical payload of each kind of stored row, rebuilt from the row as it is now.
//
// Private to db/. A repository writes the payload of a row into the audit event that
// records it; verification (db/audit_log.cpp) rebuilds it from the stored row with the
// same function and compares. Each returns nothing when no row has that key.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

#include "db/audit_event.h"
#include "db/connection.h"

namespace hsg::db {

// The number in an entity id ("17", or a part of "17/basic/3"); nothing if it is not
// 1 to 18 decimal digits.
std::optional<std::int64_t> parse_entity_number(std::string_view text);

// Rule sets hash their bytes instead of copying them: the payload's "id" is the
// SHA-256 of the stored bytes, so altered bytes no longer match the event.
std::optional<std::string> stored_ruleset_payload(Connection& connection, std::string_view id);
std::optional<std::string> stored_client_payload(Connection& connection, std::string_view ref);
std::optional<std::string> stored_allocation_payload(Connection& connection, std::string_view id);
std::optional<std::string> stored_decision_payload(Connection& connection, std::string_view id);
// An erasure (db/client_erasures.h) as "REF/NUMBER"; a reference may hold '/', the number
// follows the last one.
std::optional<std::string> stored_client_erasure_payload(Connection& connection,
                                                         std::string_view id);

// Grants and the ledger (db/grants.h, db/ledger.h). Composite keys are named by their
// parts joined with '/': "GRANT/TYPE" (grant_interventions), "GRANT/TYPE/NUMBER"
// (instalments, instalment_cancellations), "GRANT/NUMBER" (recoveries), "POSTING/LINE"
// (posting_lines); the others by their id.
std::optional<std::string> stored_grant_payload(Connection& connection, std::string_view id);
std::optional<std::string> stored_grant_intervention_payload(Connection& connection,
                                                             std::string_view id);
std::optional<std::string> stored_instalment_payload(Connection& connection, std::string_view id);
std::optional<std::string> stored_grant_end_payload(Connection& connection, std::string_view id);
std::optional<std::string> stored_cancellation_payload(Connection& connection, std::string_view id);
std::optional<std::string> stored_recovery_payload(Connection& connection, std::string_view id);
std::optional<std::string> stored_posting_payload(Connection& connection, std::string_view id);
std::optional<std::string> stored_posting_line_payload(Connection& connection, std::string_view id);

// Outcomes returns (db/outcomes.h): a return by its id, an answer as "RETURN/MEASURE".
std::optional<std::string> stored_outcome_return_payload(Connection& connection,
                                                         std::string_view id);
std::optional<std::string> stored_outcome_answer_payload(Connection& connection,
                                                         std::string_view id);
// Providers and support plans (db/providers.h, db/plans.h): "NAME" (providers),
// "NAME/NUMBER" (provider_accreditations, provider_ends), "PLAN" (plans),
// "PLAN/OBJECTIVE" (plan_objectives), "PLAN/POSITION" (plan_uses).
std::optional<std::string> stored_provider_payload(Connection& connection, std::string_view name);
std::optional<std::string> stored_accreditation_payload(Connection& connection,
                                                        std::string_view id);
std::optional<std::string> stored_provider_end_payload(Connection& connection, std::string_view id);
std::optional<std::string> stored_plan_payload(Connection& connection, std::string_view id);
std::optional<std::string> stored_plan_objective_payload(Connection& connection,
                                                         std::string_view id);
std::optional<std::string> stored_plan_use_payload(Connection& connection, std::string_view id);
// Bulk writes (db/imports.h, db/generations.h): an import or a generation by its id.
std::optional<std::string> stored_import_payload(Connection& connection, std::string_view id);
std::optional<std::string> stored_generation_payload(Connection& connection, std::string_view id);

// Spending (db/spending.h): a purchase and its decision by "GRANT/NUMBER". Receipts are
// written by no event of their own (the purchase's names their hash): receipt_problem()
// says why the stored receipts no longer match the purchases naming them, or nothing.
std::optional<std::string> stored_purchase_payload(Connection& connection, std::string_view id);
std::optional<std::string> stored_purchase_decision_payload(Connection& connection,
                                                            std::string_view id);
std::optional<std::string> receipt_problem(Connection& connection);

// A note written by no row (db/future_dates.h): why audit event `event` no longer agrees
// with the allocation it concerns, or nothing.
std::optional<std::string> future_date_note_problem(Connection& connection,
                                                    const AuditEvent& event);
// Rule-set adoptions (db/ruleset_adoptions.h): an adoption by its id; its decision and its
// retirement by the adoption's id.
std::optional<std::string> stored_adoption_payload(Connection& connection, std::string_view id);
std::optional<std::string> stored_adoption_decision_payload(Connection& connection,
                                                            std::string_view id);
std::optional<std::string> stored_retirement_payload(Connection& connection, std::string_view id);
// Users (db/users.h): a user by name; a role change, a password and a status change by id.
std::optional<std::string> stored_user_payload(Connection& connection, std::string_view name);
std::optional<std::string> stored_role_change_payload(Connection& connection, std::string_view id);
std::optional<std::string> stored_password_payload(Connection& connection, std::string_view id);
std::optional<std::string> stored_status_payload(Connection& connection, std::string_view id);

}  // namespace hsg::db
