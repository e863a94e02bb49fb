// A subject-access report (app/clients/personal_data.h) for the person it is about: as
// JSON (hsg client export --format json, the default) and as a readable HTML page.
//
// JSON: {"client": client_json (app/present/client_json.h), "records": {TABLE: [{COLUMN:
// value}]} with every table of db/subject_access.h in its order (INTEGER as a number,
// TEXT as a string, NULL as null; a receipt's bytes as hex in "bytes_hex"),
// "audit_events": [{"seq", "at", "actor", "action", "entity_type", "entity_id",
// "payload" (the event's canonical JSON as an object), "hash"}] oldest first}.
// HTML: the same, one table per kind of record; every value escaped; a receipt's bytes
// only counted (they are in the JSON). Both are deterministic: nothing of the clock.
#pragma once

#include <nlohmann/json.hpp>
#include <string>

#include "app/clients/personal_data.h"

namespace hsg::app {

nlohmann::ordered_json subject_access_json(const SubjectAccess& access);
std::string subject_access_html(const SubjectAccess& access);

}  // namespace hsg::app
