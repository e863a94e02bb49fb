// Clients as JSON for machines (the web API's /api/clients): keys in a fixed order, money
// as strings with two decimals (app/present/allocation_json.h), dates as YYYY-MM-DD, an
// absent value null.
//
// client: {"ref", "group", "asc_funded", "name"}
// caseload: {"clients": [client + "latest": null | {"allocation_id", "assessed_on",
//            "indicative", "status", "next_review"}], "truncated"}
// history: client + {"allocations": [{"allocation_id", "assessed_on", "assessor",
//          "indicative", "status"}], "events": [{"seq", "at", "actor", "action",
//          "entity_type", "entity_id"}]}, oldest first.
#pragma once

#include <nlohmann/json.hpp>

#include "app/clients/caseload.h"
#include "app/clients/client_register.h"
#include "db/clients.h"

namespace hsg::app {

nlohmann::ordered_json client_json(const db::Client& client);
nlohmann::ordered_json caseload_json(const Caseload& caseload);
nlohmann::ordered_json client_history_json(const ClientHistory& history);

}  // namespace hsg::app
