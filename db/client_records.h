// Every record of one client, for the queries that gather them: the audit log's client
// filter, subject access and erasure. Private to db/.
//
// kClientRecordsWith is a WITH clause, to be followed by a SELECT, defining
// records (type, id): every row about the client bound as @client, named as its audit
// event names it (type = the table, id = its key as text, a composite key joined with
// '/'). kClientTables lists the same tables with the same key expressions, in the order a
// person reading their records would expect; audit verification checks them by the same
// key expressions (db/audit_log.cpp).
#pragma once

#include <array>
#include <string_view>

namespace hsg::db {

inline constexpr char kClientRecordsWith[] =
    "WITH client_grants AS (SELECT id FROM grants WHERE client_ref = @client),"
    " client_plans AS (SELECT id FROM plans WHERE grant_id IN client_grants),"
    " client_returns AS (SELECT id FROM outcome_returns WHERE client_ref = @client),"
    " records (type, id) AS ("
    "  SELECT 'clients', @client UNION ALL SELECT 'client_personal', @client"
    "  UNION ALL SELECT 'client_erasures', ref || '/' || number FROM client_erasures"
    "   WHERE ref = @client"
    "  UNION ALL SELECT 'allocations', CAST(id AS TEXT) FROM allocations WHERE client_ref = @client"
    "  UNION ALL SELECT 'decisions', CAST(d.id AS TEXT) FROM decisions d"
    "   JOIN allocations a ON a.id = d.allocation_id WHERE a.client_ref = @client"
    "  UNION ALL SELECT 'grants', CAST(id AS TEXT) FROM client_grants"
    "  UNION ALL SELECT 'grant_interventions', grant_id || '/' || intervention"
    "   FROM grant_interventions WHERE grant_id IN client_grants"
    "  UNION ALL SELECT 'instalments', grant_id || '/' || intervention || '/' || number"
    "   FROM instalments WHERE grant_id IN client_grants"
    "  UNION ALL SELECT 'grant_ends', CAST(grant_id AS TEXT) FROM grant_ends"
    "   WHERE grant_id IN client_grants"
    "  UNION ALL SELECT 'instalment_cancellations',"
    "   grant_id || '/' || intervention || '/' || number FROM instalment_cancellations"
    "   WHERE grant_id IN client_grants"
    "  UNION ALL SELECT 'recoveries', grant_id || '/' || number FROM recoveries"
    "   WHERE grant_id IN client_grants"
    "  UNION ALL SELECT 'postings', id FROM postings WHERE grant_id IN client_grants"
    "  UNION ALL SELECT 'posting_lines', posting_id || '/' || line FROM posting_lines"
    "   WHERE client_ref = @client"
    "  UNION ALL SELECT 'outcome_returns', CAST(id AS TEXT) FROM client_returns"
    "  UNION ALL SELECT 'outcome_answers', return_id || '/' || measure FROM outcome_answers"
    "   WHERE return_id IN client_returns"
    "  UNION ALL SELECT 'plans', CAST(id AS TEXT) FROM client_plans"
    "  UNION ALL SELECT 'plan_objectives', plan_id || '/' || objective_key FROM plan_objectives"
    "   WHERE plan_id IN client_plans"
    "  UNION ALL SELECT 'plan_uses', plan_id || '/' || position FROM plan_uses"
    "   WHERE plan_id IN client_plans"
    "  UNION ALL SELECT 'purchases', grant_id || '/' || number FROM purchases"
    "   WHERE grant_id IN client_grants"
    "  UNION ALL SELECT 'purchase_decisions', grant_id || '/' || number FROM purchase_decisions"
    "   WHERE grant_id IN client_grants) ";

struct KeyedTable {
  std::string_view name;
  std::string_view key_as_text;  // as records (type, id) and the audit events name a row
};

inline constexpr std::array<KeyedTable, 20> kClientTables{{
    {"clients", "ref"},
    {"client_personal", "ref"},
    {"client_erasures", "ref || '/' || number"},
    {"allocations", "CAST(id AS TEXT)"},
    {"decisions", "CAST(id AS TEXT)"},
    {"grants", "CAST(id AS TEXT)"},
    {"grant_interventions", "grant_id || '/' || intervention"},
    {"instalments", "grant_id || '/' || intervention || '/' || number"},
    {"grant_ends", "CAST(grant_id AS TEXT)"},
    {"instalment_cancellations", "grant_id || '/' || intervention || '/' || number"},
    {"recoveries", "grant_id || '/' || number"},
    {"postings", "id"},
    {"posting_lines", "posting_id || '/' || line"},
    {"plans", "CAST(id AS TEXT)"},
    {"plan_objectives", "plan_id || '/' || objective_key"},
    {"plan_uses", "plan_id || '/' || position"},
    {"purchases", "grant_id || '/' || number"},
    {"purchase_decisions", "grant_id || '/' || number"},
    {"outcome_returns", "CAST(id AS TEXT)"},
    {"outcome_answers", "return_id || '/' || measure"},
}};

}  // namespace hsg::db
