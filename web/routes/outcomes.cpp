// GET /outcomes: the Supporting People outcomes report for a period, as `hsg report
// outcomes --from D --to D [--term T]` prints it, with the same CSV and JSON downloads
// (format=csv, format=json). Read only.
#include <fmt/format.h>

#include <sstream>

#include "app/outcomes/compile_outcomes_report.h"
#include "app/outcomes/outcomes_report.h"
#include "engine/text.h"
#include "web/page.h"
#include "web/routes/route_inputs.h"
#include "web/routes/routes.h"

namespace hsg::web {

namespace {

app::OutcomesReportRequest request_of(const Exchange& exchange) {
  std::vector<std::string> problems;
  const auto date = [&](const char* name, const char* what) {
    const std::string text = exchange.field(name);
    if (text.find_first_not_of(" \t") == std::string::npos) {
      problems.push_back(fmt::format("{}: the {} day is required", name, what));
      return engine::Date{};
    }
    auto parsed = app::attempt([&] { return date_from(text, name, engine::Date{}); });
    if (parsed.ok()) return parsed.value();
    for (const std::string& line : problems_of(parsed.refusal())) problems.push_back(line);
    return engine::Date{};
  };
  app::OutcomesReportRequest request{
      date("from", "first"),
      date("to", "last"),
      {engine::OutcomeTerm::short_term, engine::OutcomeTerm::long_term}};
  if (problems.empty() && request.to < request.from) {
    problems.push_back(
        fmt::format("to {} is before from {}", request.to.to_string(), request.from.to_string()));
  }
  if (const auto text = exchange.optional_field("term")) {
    const auto term = engine::parse_outcome_term(*text);
    if (term) {
      request.terms = {*term};
    } else {
      problems.push_back(
          fmt::format("term '{}' is not one of: short, long", engine::excerpt(*text)));
    }
  }
  const std::string format = exchange.field("format");
  if (!format.empty() && format != "csv" && format != "json") {
    problems.push_back(
        fmt::format("format '{}' is not one of: csv, json", engine::excerpt(format)));
  }
  if (!problems.empty()) throw app::Refusal::of_messages(problems);
  return request;
}

Data form_data(const Exchange& exchange) {
  Data data;
  const std::string term = exchange.field("term");
  data.set("from", exchange.field("from"));
  data.set("to", exchange.field("to"));
  data.set("term_both", term.empty());
  data.set("term_short", term == "short");
  data.set("term_long", term == "long");
  data.set("report", false);
  return data;
}

// The same report as a download: every part of the query is one the request has checked.
std::string download_href(const app::OutcomesReportRequest& request, std::string_view format) {
  std::string href =
      fmt::format("/outcomes?from={}&to={}", request.from.to_string(), request.to.to_string());
  if (request.terms.size() == 1)
    href += fmt::format("&term={}", engine::to_string(request.terms.front()));
  return href + fmt::format("&format={}", format);
}

void show_outcomes(Exchange& exchange) {
  Data data = form_data(exchange);
  if (!exchange.has_field("from") && !exchange.has_field("to")) {
    send_page(exchange, 200, "Outcomes", "outcomes.mustache", std::move(data));
    return;
  }
  auto report = app::attempt([&] {
    const app::OutcomesReportRequest request = request_of(exchange);
    return std::make_pair(request,
                          unwrap(app::compile_outcomes_report(exchange.database(), request)));
  });
  if (!report.ok()) {
    send_page(exchange, 422, "Outcomes", "outcomes.mustache", std::move(data),
              problems_of(report.refusal()));
    return;
  }
  const auto& [request, outcomes] = report.value();
  const std::string format = exchange.field("format");
  std::ostringstream text;
  if (format == "csv") {
    app::write_outcomes_csv(text, outcomes);
    exchange.response.set_header("Content-Disposition", "attachment; filename=\"outcomes.csv\"");
    exchange.response.set_content(text.str(), "text/csv; charset=utf-8");
    return;
  }
  if (format == "json") {
    app::write_outcomes_json(text, outcomes);
    exchange.response.set_header("Content-Disposition", "attachment; filename=\"outcomes.json\"");
    exchange.response.set_content(text.str(), "application/json");
    return;
  }
  app::write_outcomes_text(text, outcomes);
  Data shown;
  shown.set("csv_href", download_href(request, "csv"));
  shown.set("json_href", download_href(request, "json"));
  shown.set("text", text.str());
  data.set("report", shown);
  send_page(exchange, 200, "Outcomes", "outcomes.mustache", std::move(data));
}

}  // namespace

void add_outcomes_routes(RouteTable& table) {
  table.add(Method::get, "/outcomes", Answer::page, Access::needs(app::Permission::read_outcomes),
            show_outcomes);
}

}  // namespace hsg::web
