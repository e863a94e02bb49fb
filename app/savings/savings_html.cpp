// hsg report savings --html FILE: the estimate as one self-contained page (inline CSS, no
// scripts, nothing fetched) a commissioner can open, print or attach to a paper. Every
// text is escaped, the table's own included: a table file is input like any other.
#include <fmt/core.h>

#include <sstream>

#include "app/present/html_escape.h"
#include "app/savings/savings_output.h"
#include "app/whatif/whatif_output.h"

namespace hsg::app {

namespace {

using engine::Money;

constexpr char kStyle[] =
    R"(body{font-family:system-ui,-apple-system,"Segoe UI",Roboto,sans-serif;margin:2em auto;max-width:72em;padding:0 1em;color:#1d2327}
h1{font-size:1.5em;margin-bottom:.2em}h2{font-size:1.15em;margin-top:1.8em;border-bottom:1px solid #ccd0d4;padding-bottom:.2em}
p.meta{color:#50575e;margin-top:0}table{border-collapse:collapse;margin:.5em 0;font-size:.9em}
th,td{padding:.2em .6em;border-bottom:1px solid #e2e4e7;text-align:right;white-space:nowrap;font-variant-numeric:tabular-nums}
th:first-child,td:first-child,td.groups,th.groups{text-align:left}th{background:#f6f7f7}
tr.total td{font-weight:600;border-top:2px solid #8c8f94}.down{color:#b32d2e}
)";

std::string cell(const std::string& text, const char* css = "") {
  if (*css == '\0') return "<td>" + html_escape(text) + "</td>";
  return fmt::format("<td class=\"{}\">{}</td>", css, html_escape(text));
}

std::string figures(Money spend, Money savings, const std::optional<std::int64_t>& percent) {
  const char* sign = savings.pence() < 0 ? "down" : "";
  return cell(pounds(spend)) + cell(pounds(savings), sign) +
         cell(percent ? fmt::format("{}%", *percent) : "—", sign) +
         cell(percent ? pounds(Money::from_pence(*percent)) : "—", sign);
}

}  // namespace

std::string savings_html(const SavingsReport& report) {
  const engine::SavingsEstimate& estimate = report.estimate;
  const std::string title =
      fmt::format("Savings estimate, {} to {}", report.from.to_string(), report.to.to_string());
  std::ostringstream out;
  out << "<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n"
      << "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n"
      << "<title>" << html_escape(title) << "</title>\n<style>\n"
      << kStyle << "</style>\n</head>\n<body>\n<h1>" << html_escape(title) << "</h1>\n";
  out << fmt::format(
      "<p class=\"meta\">Both days included. Spend ({}): {}, by client group.<br>Table {} from "
      "{}: {}.</p>\n",
      html_escape(to_string(report.basis)), html_escape(basis_words(report.basis)),
      html_escape(report.table_name), html_escape(report.table_source),
      html_escape(report.table_citation));
  out << "<table>\n<thead><tr><th>Row</th><th>Spend</th><th>Savings</th><th>Savings %</th>"
         "<th>Savings per £1</th><th class=\"groups\">Client groups</th></tr></thead>\n<tbody>\n";
  for (const engine::SavingsRowEstimate& row : estimate.rows) {
    std::string groups;
    for (const engine::GroupSpend& share : row.shares) {
      groups += (groups.empty() ? "" : ", ") + share.client_group + " " + pounds(share.spend);
    }
    out << "<tr>" << cell(row.label) << figures(row.spend, row.savings, row.percent)
        << cell(groups, "groups") << "</tr>\n";
  }
  out << "<tr class=\"total\">" << cell("Total")
      << figures(estimate.total.spend, estimate.total.savings, estimate.total.percent)
      << "<td></td></tr>\n</tbody>\n</table>\n";
  out << "<h2>Client groups with no ratio in the table</h2>\n<p>Their spend is not in the total."
      << "</p>\n<table>\n<thead><tr><th>Client group</th><th>Spend</th></tr></thead>\n<tbody>\n";
  for (const engine::GroupSpend& group : estimate.unmapped) {
    out << "<tr>" << cell(group.client_group) << cell(pounds(group.spend)) << "</tr>\n";
  }
  if (estimate.unmapped.empty()) out << "<tr><td>none</td><td></td></tr>\n";
  out << "</tbody>\n</table>\n"
      << fmt::format("<p>Spend of all client groups {}: {} with a ratio, {} with none.</p>\n",
                     html_escape(pounds(estimate.total.spend_all)),
                     html_escape(pounds(estimate.total.spend)),
                     html_escape(pounds(estimate.total.spend_unmapped)))
      << "</body>\n</html>\n";
  return out.str();
}

}  // namespace hsg::app
