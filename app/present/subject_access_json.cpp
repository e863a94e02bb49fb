#include "app/present/subject_access_json.h"

#include <fmt/format.h>

#include "app/present/client_json.h"
#include "app/present/html_escape.h"

namespace hsg::app {

namespace {

nlohmann::ordered_json value_json(const db::HeldValue& value) {
  if (const auto* integer = std::get_if<std::int64_t>(&value)) return *integer;
  if (const auto* text = std::get_if<std::string>(&value)) return *text;
  return nullptr;
}

nlohmann::ordered_json table_json(const db::HeldTable& table) {
  nlohmann::ordered_json rows = nlohmann::ordered_json::array();
  for (const std::vector<db::HeldValue>& row : table.rows) {
    nlohmann::ordered_json object = nlohmann::ordered_json::object();
    for (std::size_t i = 0; i < table.columns.size(); ++i) {
      object[table.columns[i]] = value_json(row[i]);
    }
    rows.push_back(std::move(object));
  }
  return rows;
}

nlohmann::ordered_json event_json(const db::AuditEvent& event) {
  nlohmann::ordered_json payload = nlohmann::ordered_json::parse(event.payload, nullptr, false);
  if (payload.is_discarded()) payload = event.payload;
  return {{"seq", event.seq},
          {"at", event.at},
          {"actor", event.actor},
          {"action", event.action},
          {"entity_type", event.entity_type},
          {"entity_id", event.entity_id},
          {"payload", std::move(payload)},
          {"hash", event.hash}};
}

std::string cell_html(const db::HeldTable& table, std::size_t column, const db::HeldValue& value) {
  if (std::holds_alternative<std::monostate>(value)) return "<td class=\"null\">—</td>";
  if (const auto* integer = std::get_if<std::int64_t>(&value)) {
    return fmt::format("<td class=\"number\">{}</td>", *integer);
  }
  const std::string& text = std::get<std::string>(value);
  if (table.name == "receipts" && table.columns[column] == "bytes_hex") {
    return fmt::format("<td>{} bytes (in the JSON export)</td>", text.size() / 2);
  }
  return "<td>" + html_escape(text) + "</td>";
}

std::string table_html(const db::HeldTable& table) {
  std::string html =
      fmt::format("<section id=\"{0}\">\n<h2>{0} ({1})</h2>\n", table.name, table.rows.size());
  if (table.rows.empty()) return html + "<p>None held.</p>\n</section>\n";
  html += "<table>\n<thead><tr>";
  for (const std::string& column : table.columns) html += "<th>" + html_escape(column) + "</th>";
  html += "</tr></thead>\n<tbody>\n";
  for (const std::vector<db::HeldValue>& row : table.rows) {
    html += "<tr>";
    for (std::size_t i = 0; i < row.size(); ++i) html += cell_html(table, i, row[i]);
    html += "</tr>\n";
  }
  return html + "</tbody>\n</table>\n</section>\n";
}

std::string events_html(const std::vector<db::AuditEvent>& events) {
  std::string html = fmt::format(
      "<section id=\"audit_events\">\n<h2>audit events ({})</h2>\n<table>\n<thead><tr><th>seq"
      "</th><th>at</th><th>by</th><th>action</th><th>record</th><th>payload</th></tr></thead>\n"
      "<tbody>\n",
      events.size());
  for (const db::AuditEvent& event : events) {
    html += fmt::format(
        "<tr><td class=\"number\">{}</td><td>{}</td><td>{}</td><td>{}</td><td>{} {}</td>"
        "<td><code>{}</code></td></tr>\n",
        event.seq, html_escape(event.at), html_escape(event.actor), html_escape(event.action),
        html_escape(event.entity_type), html_escape(event.entity_id), html_escape(event.payload));
  }
  return html + "</tbody>\n</table>\n</section>\n";
}

}  // namespace

nlohmann::ordered_json subject_access_json(const SubjectAccess& access) {
  nlohmann::ordered_json records = nlohmann::ordered_json::object();
  for (const db::HeldTable& table : access.tables) records[table.name] = table_json(table);
  nlohmann::ordered_json events = nlohmann::ordered_json::array();
  for (const db::AuditEvent& event : access.events) events.push_back(event_json(event));
  return {{"client", client_json(access.client)},
          {"records", std::move(records)},
          {"audit_events", std::move(events)}};
}

std::string subject_access_html(const SubjectAccess& access) {
  const std::string ref = html_escape(access.client.ref);
  std::string html = fmt::format(
      "<!DOCTYPE html>\n<html lang=\"en-GB\">\n<head>\n<meta charset=\"utf-8\">\n<title>What "
      "hsg holds about client {0}</title>\n<style>body{{font-family:sans-serif;margin:2em}}"
      "table{{border-collapse:collapse;margin-bottom:1em}}th,td{{border:1px solid #999;padding:"
      "2px 6px;text-align:left;vertical-align:top}}td.number{{text-align:right}}code{{font-size:"
      "85%;word-break:break-all}}</style>\n</head>\n<body>\n<h1>What hsg holds about client {0}"
      "</h1>\n<p>Every record held about this client, as stored, and every audit event about "
      "them. Each section is one kind of record.</p>\n",
      ref);
  for (const db::HeldTable& table : access.tables) html += table_html(table);
  html += events_html(access.events);
  return html + "</body>\n</html>\n";
}

}  // namespace hsg::app
