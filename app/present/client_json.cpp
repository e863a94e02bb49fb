#include "app/present/client_json.h"

namespace hsg::app {

namespace {

nlohmann::ordered_json optional_date(const std::optional<engine::Date>& date) {
  if (!date) return nullptr;
  return date->to_string();
}

nlohmann::ordered_json latest_json(const std::optional<LatestAllocation>& latest) {
  if (!latest) return nullptr;
  return {{"allocation_id", latest->id},
          {"assessed_on", latest->assessed_on.to_string()},
          {"indicative", latest->total.to_string()},
          {"status", db::to_string(latest->status)},
          {"next_review", optional_date(latest->next_review)}};
}

}  // namespace

nlohmann::ordered_json client_json(const db::Client& client) {
  nlohmann::ordered_json name = nullptr;
  if (client.name) name = *client.name;
  return {{"ref", client.ref},
          {"group", client.group},
          {"asc_funded", client.asc_funded},
          {"name", std::move(name)}};
}

nlohmann::ordered_json caseload_json(const Caseload& caseload) {
  nlohmann::ordered_json clients = nlohmann::ordered_json::array();
  for (const CaseloadEntry& entry : caseload.entries) {
    nlohmann::ordered_json json = client_json(entry.client);
    json["latest"] = latest_json(entry.latest);
    clients.push_back(std::move(json));
  }
  return {{"clients", std::move(clients)}, {"truncated", caseload.truncated}};
}

nlohmann::ordered_json client_history_json(const ClientHistory& history) {
  nlohmann::ordered_json json = client_json(history.client);
  nlohmann::ordered_json allocations = nlohmann::ordered_json::array();
  for (const ClientAllocation& entry : history.allocations) {
    allocations.push_back({{"allocation_id", entry.allocation.id},
                           {"assessed_on", entry.allocation.assessed_on.to_string()},
                           {"assessor", entry.allocation.assessor},
                           {"indicative", entry.allocation.total.to_string()},
                           {"status", db::to_string(entry.status)}});
  }
  nlohmann::ordered_json events = nlohmann::ordered_json::array();
  for (const db::AuditEvent& event : history.events) {
    events.push_back({{"seq", event.seq},
                      {"at", event.at},
                      {"actor", event.actor},
                      {"action", event.action},
                      {"entity_type", event.entity_type},
                      {"entity_id", event.entity_id}});
  }
  json["allocations"] = std::move(allocations);
  json["events"] = std::move(events);
  return json;
}

}  // namespace hsg::app
