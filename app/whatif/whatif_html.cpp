// hsg whatif --html FILE: the report as one self-contained page a commissioner can open
// in any browser, print, or attach to a paper.
//
// No scripts and nothing fetched: CSS and the two SVG charts (grants by amount, before
// and after, in the same bins; totals by client group, before and after) are inline.
// Every text is escaped. Chart geometry is integer arithmetic in tenths of a pixel on
// the exact figures, so the same report gives the same bytes; a bar of a non-zero
// figure is at least one pixel long. Bars carry their figure (data-clients, data-pence)
// so the page can be checked by reading it back.
#include <fmt/core.h>

#include <algorithm>
#include <sstream>
#include <string>

#include "app/present/html_escape.h"
#include "app/whatif/whatif_output.h"
#include "engine/checked.h"

namespace hsg::app {

namespace {

using engine::Money;

// A length in tenths of a pixel, as SVG text ("123.4").
std::string px(std::int64_t tenths) { return fmt::format("{}.{}", tenths / 10, tenths % 10); }

// value / max of `full` tenths of a pixel, at least one pixel when value is not zero.
std::int64_t scaled(std::int64_t value, std::int64_t max, std::int64_t full) {
  if (value <= 0 || max <= 0) return 0;
  const auto tenths = engine::narrow_checked(engine::Int128{value} * full / max);
  return std::max<std::int64_t>(tenths, 10);
}

constexpr char kStyle[] =
    R"(body{font-family:system-ui,-apple-system,"Segoe UI",Roboto,sans-serif;margin:2em auto;max-width:72em;padding:0 1em;color:#1d2327}
h1{font-size:1.5em;margin-bottom:.2em}h2{font-size:1.15em;margin-top:1.8em;border-bottom:1px solid #ccd0d4;padding-bottom:.2em}
p.meta{color:#50575e;margin-top:0}table{border-collapse:collapse;margin:.5em 0}
table{font-size:.9em}th,td{padding:.2em .6em;border-bottom:1px solid #e2e4e7;text-align:right;white-space:nowrap;font-variant-numeric:tabular-nums}
th:first-child,td:first-child{text-align:left}th{background:#f6f7f7}
.up{color:#0a6b2e}.down{color:#b32d2e}svg{display:block;margin:.5em 0;max-width:100%;height:auto}
svg text{font-size:12px;fill:#1d2327}.bar.before{fill:#7f8c9a}.bar.after{fill:#d9822b}
.axis{stroke:#8c8f94;stroke-width:1}.grid{stroke:#e2e4e7;stroke-width:1}
.legend-before{fill:#7f8c9a}.legend-after{fill:#d9822b}
)";

std::string change_cell(Money before, Money after) {
  const Money change = after - before;
  const char* css = change.pence() > 0 ? "up" : (change.pence() < 0 ? "down" : "");
  return fmt::format("<td class=\"{}\">{}</td>", css, html_escape(signed_pounds(change)));
}

std::string amount_cells(Money before, Money after) {
  return fmt::format("<td>{}</td><td>{}</td>{}", html_escape(pounds(before)),
                     html_escape(pounds(after)), change_cell(before, after));
}

std::string bin_label(const WhatifBin& bin) {
  if (bin.to.pence() == 0) return pounds(bin.to);
  return pounds(bin.from + Money::from_pence(1)) + "–" + pounds(bin.to);
}

std::string legend(std::int64_t x_tenths, std::int64_t y_tenths) {
  return fmt::format(
      "<g class=\"legend\"><rect class=\"legend-before\" x=\"{}\" y=\"{}\" width=\"12\" "
      "height=\"12\"/><text x=\"{}\" y=\"{}\">before (recorded)</text><rect "
      "class=\"legend-after\" x=\"{}\" y=\"{}\" width=\"12\" height=\"12\"/><text x=\"{}\" "
      "y=\"{}\">after (candidate)</text></g>\n",
      px(x_tenths), px(y_tenths), px(x_tenths + 180), px(y_tenths + 105), px(x_tenths + 1500),
      px(y_tenths), px(x_tenths + 1680), px(y_tenths + 105));
}

// Clients per bin, before and after side by side, on one count axis.
void distribution_chart(std::ostream& out, const WhatifReport& report) {
  constexpr std::int64_t kWidth = 7600, kLeft = 700, kTop = 400, kPlotWidth = 6700,
                         kPlotHeight = 2400, kHeight = 3900;
  const auto bins = static_cast<std::int64_t>(report.distribution.size());
  std::int64_t max_clients = 0;
  for (const WhatifBin& bin : report.distribution) {
    max_clients = std::max({max_clients, bin.before, bin.after});
  }
  const std::int64_t bottom = kTop + kPlotHeight;
  out << fmt::format(
      "<svg id=\"distribution-chart\" xmlns=\"http://www.w3.org/2000/svg\" width=\"{}\" "
      "height=\"{}\" viewBox=\"0 0 {} {}\" role=\"img\" aria-labelledby=\"distribution-title\">\n"
      "<title id=\"distribution-title\">Clients by grant amount, before and after</title>\n",
      px(kWidth), px(kHeight), px(kWidth), px(kHeight));
  out << legend(kLeft, 40);
  for (const std::int64_t clients : {max_clients / 2, max_clients}) {
    if (clients == 0) continue;
    const std::int64_t y = bottom - scaled(clients, max_clients, kPlotHeight);
    out << fmt::format(
        "<line class=\"grid\" x1=\"{}\" y1=\"{}\" x2=\"{}\" y2=\"{}\"/><text x=\"{}\" y=\"{}\" "
        "text-anchor=\"end\">{}</text>\n",
        px(kLeft), px(y), px(kLeft + kPlotWidth), px(y), px(kLeft - 80), px(y + 40), clients);
  }
  out << fmt::format(
      "<line class=\"axis\" x1=\"{}\" y1=\"{}\" x2=\"{}\" y2=\"{}\"/><text x=\"{}\" y=\"{}\" "
      "text-anchor=\"end\">0</text>\n",
      px(kLeft), px(bottom), px(kLeft + kPlotWidth), px(bottom), px(kLeft - 80), px(bottom + 40));
  out << fmt::format(
      "<text x=\"{}\" y=\"{}\" transform=\"rotate(-90 {} {})\" "
      "text-anchor=\"middle\">clients</text>\n",
      px(200), px(kTop + kPlotHeight / 2), px(200), px(kTop + kPlotHeight / 2));
  const std::int64_t slot = bins > 0 ? kPlotWidth / bins : kPlotWidth;
  const std::int64_t bar = slot * 35 / 100;
  for (std::int64_t i = 0; i < bins; ++i) {
    const WhatifBin& bin = report.distribution[static_cast<std::size_t>(i)];
    const std::int64_t x = kLeft + i * slot;
    const std::string label = html_escape(bin_label(bin));
    const std::pair<const char*, std::int64_t> sides[] = {{"before", bin.before},
                                                          {"after", bin.after}};
    std::int64_t bar_x = x + slot * 10 / 100;
    for (const auto& [side, clients] : sides) {
      const std::int64_t height = scaled(clients, max_clients, kPlotHeight);
      out << fmt::format(
          "<rect class=\"bar {}\" x=\"{}\" y=\"{}\" width=\"{}\" height=\"{}\" "
          "data-clients=\"{}\"><title>{}, {}: {} clients</title></rect>\n",
          side, px(bar_x), px(bottom - height), px(bar), px(height), clients, label, side, clients);
      bar_x += bar + slot * 10 / 100;
    }
    const std::int64_t label_x = x + slot / 2;
    out << fmt::format(
        "<text class=\"bin-label\" x=\"{}\" y=\"{}\" transform=\"rotate(-35 {} {})\" "
        "text-anchor=\"end\">{}</text>\n",
        px(label_x), px(bottom + 160), px(label_x), px(bottom + 160), label);
  }
  out << "</svg>\n";
}

// Each client group's total, before and after, as horizontal bars on one money axis.
void groups_chart(std::ostream& out, const WhatifReport& report) {
  constexpr std::int64_t kWidth = 8000, kLeft = 2500, kTop = 500, kPlotWidth = 4000, kRow = 360,
                         kBar = 140;
  const auto rows = static_cast<std::int64_t>(report.groups.size());
  const std::int64_t height = kTop + rows * kRow + 200;
  std::int64_t max_pence = 0;
  for (const WhatifGroup& group : report.groups) {
    max_pence = std::max({max_pence, group.figures.before.pence(), group.figures.after.pence()});
  }
  out << fmt::format(
      "<svg id=\"group-chart\" xmlns=\"http://www.w3.org/2000/svg\" width=\"{}\" height=\"{}\" "
      "viewBox=\"0 0 {} {}\" role=\"img\" aria-labelledby=\"group-title\">\n"
      "<title id=\"group-title\">Total grants by client group, before and after</title>\n",
      px(kWidth), px(height), px(kWidth), px(height));
  out << legend(kLeft, 100);
  out << fmt::format("<line class=\"axis\" x1=\"{}\" y1=\"{}\" x2=\"{}\" y2=\"{}\"/>\n", px(kLeft),
                     px(kTop - 60), px(kLeft), px(kTop + rows * kRow));
  for (std::int64_t i = 0; i < rows; ++i) {
    const WhatifGroup& group = report.groups[static_cast<std::size_t>(i)];
    const std::int64_t y = kTop + i * kRow;
    out << fmt::format(
        "<text class=\"group-label\" x=\"{}\" y=\"{}\" text-anchor=\"end\"><title>{}</title>{}"
        "</text>\n",
        px(kLeft - 80), px(y + kBar + 40), html_escape(group.name), html_escape(group.key));
    const std::pair<const char*, Money> sides[] = {{"before", group.figures.before},
                                                   {"after", group.figures.after}};
    std::int64_t bar_y = y;
    for (const auto& [side, amount] : sides) {
      const std::int64_t length = scaled(amount.pence(), max_pence, kPlotWidth);
      out << fmt::format(
          "<rect class=\"bar {}\" x=\"{}\" y=\"{}\" width=\"{}\" height=\"{}\" "
          "data-pence=\"{}\"><title>{}, {}: {}</title></rect>"
          "<text class=\"value\" x=\"{}\" y=\"{}\">{}</text>\n",
          side, px(kLeft), px(bar_y), px(length), px(kBar), amount.pence(), html_escape(group.key),
          side, html_escape(pounds(amount)), px(kLeft + length + 60), px(bar_y + 110),
          html_escape(pounds(amount)));
      bar_y += kBar;
    }
  }
  out << "</svg>\n";
}

void heading(std::ostream& out, const WhatifReport& report) {
  const WhatifCandidate& candidate = report.candidate;
  const std::string title = "What-if: rule set " + candidate.name + " " + candidate.version;
  out << "<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n"
      << "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n"
      << "<title>" << html_escape(title) << "</title>\n<style>\n"
      << kStyle << "</style>\n</head>\n<body>\n<h1>" << html_escape(title) << "</h1>\n";
  out << fmt::format(
      "<p class=\"meta\">Candidate from {} (id <code>{}</code>): hourly rate {}, upper limit "
      "{}.<br>Caseload: each client's latest allocation on or before {}, {}.</p>\n",
      html_escape(candidate.source), html_escape(candidate.id),
      html_escape(pounds(candidate.hourly_rate)), html_escape(pounds(candidate.upper_limit)),
      html_escape(report.as_of.to_string()),
      report.group_key ? "client group " + html_escape(*report.group_key) : "all client groups");
}

void summary(std::ostream& out, const WhatifReport& report) {
  out << "<h2>Summary</h2>\n<table id=\"summary\">\n"
      << fmt::format("<tr><td>Clients</td><td>{}</td></tr>\n", report.clients)
      << fmt::format("<tr><td>Assessed under the candidate</td><td>{}</td></tr>\n", report.assessed)
      << fmt::format("<tr><td>Amount goes up</td><td>{}</td></tr>\n", report.up)
      << fmt::format("<tr><td>Amount goes down</td><td>{}</td></tr>\n", report.down)
      << fmt::format("<tr><td>Amount stays the same</td><td>{}</td></tr>\n", report.same)
      << fmt::format("<tr><td>Cannot be assessed under the candidate</td><td>{}</td></tr>\n",
                     report.unassessable_clients)
      << "</table>\n<table id=\"totals\">\n<tr><th>Totals</th><th>before</th><th>after</th>"
         "<th>change</th></tr>\n"
      << fmt::format("<tr><td>Indicative grants</td>{}</tr>\n",
                     amount_cells(report.totals.before, report.totals.after))
      << fmt::format("<tr><td>Annualised</td>{}</tr>\n</table>\n",
                     amount_cells(report.totals.annualised_before, report.totals.annualised_after));
  if (report.budget) {
    out << fmt::format("<p id=\"budget\"><strong>Budget {}:</strong> {}.</p>\n",
                       html_escape(pounds(report.budget->budget)),
                       html_escape(budget_words(*report.budget)));
  }
}

template <typename Row, typename Name, typename Clients>
void breakdown(std::ostream& out, const char* id, const char* title, const std::vector<Row>& rows,
               Name name, Clients clients) {
  out << fmt::format(
      "<table id=\"{}\">\n<tr><th>{}</th><th>clients</th><th>before</th><th>after</th>"
      "<th>change</th><th>annualised before</th><th>annualised after</th><th>annualised "
      "change</th></tr>\n",
      id, title);
  for (const Row& row : rows) {
    out << fmt::format("<tr><td>{}</td><td>{}</td>{}{}</tr>\n", html_escape(name(row)),
                       clients(row), amount_cells(row.figures.before, row.figures.after),
                       amount_cells(row.figures.annualised_before, row.figures.annualised_after));
  }
  out << "</table>\n";
}

void level_tables(std::ostream& out, const WhatifReport& report) {
  out << "<h2>Level changes by intervention type</h2>\n<p>Rows: level before; columns: "
         "level after; each cell counts clients.</p>\n";
  for (const WhatifType& type : report.types) {
    out << fmt::format("<table class=\"levels\">\n<tr><th>{}</th>", html_escape(type.key));
    for (std::size_t after = 0; after < 4; ++after) {
      out << "<th>" << engine::to_string(static_cast<engine::Level>(after)) << "</th>";
    }
    out << "</tr>\n";
    for (std::size_t before = 0; before < 4; ++before) {
      out << "<tr><td>" << engine::to_string(static_cast<engine::Level>(before)) << "</td>";
      for (std::size_t after = 0; after < 4; ++after) {
        out << "<td>" << type.levels[before][after] << "</td>";
      }
      out << "</tr>\n";
    }
    out << "</table>\n";
  }
}

void movers(std::ostream& out, const WhatifReport& report) {
  out << fmt::format(
             "<h2>Largest movers</h2>\n<p>Top {} by size of change; equal changes in "
             "client reference order.</p>\n",
             kWhatifMovers)
      << "<table id=\"movers\">\n<tr><th>client</th><th>group</th><th>before</th><th>after</th>"
         "<th>change</th></tr>\n";
  for (const WhatifMover& mover : report.movers) {
    out << fmt::format("<tr><td>{}</td><td>{}</td>{}</tr>\n", html_escape(mover.client_ref),
                       html_escape(mover.group_key), amount_cells(mover.before, mover.after));
  }
  out << "</table>\n";
}

void cliff_edges(std::ostream& out, const WhatifReport& report) {
  out << fmt::format(
      "<h2>Cliff edges</h2>\n<p>{} clients have a score, under the candidate, on a threshold "
      "or one point below it. The first {} by client reference:</p>\n<table "
      "id=\"cliff-edges\">\n<tr><th>client</th><th>type</th><th>where</th></tr>\n",
      report.cliff_edge_clients, kWhatifListed);
  for (const WhatifCliffEdge& edge : report.cliff_edges) {
    out << fmt::format("<tr><td>{}</td><td>{}</td><td>{}</td></tr>\n", html_escape(edge.client_ref),
                       html_escape(edge.type_key), html_escape(cliff_edge_words(edge)));
  }
  out << "</table>\n";
}

void unassessable(std::ostream& out, const WhatifReport& report) {
  out << fmt::format(
      "<h2>Cannot be assessed under the candidate</h2>\n<p>{} clients (recorded total {}).</p>\n",
      report.unassessable_clients, html_escape(pounds(report.unassessable_before)));
  if (report.unassessable.empty()) return;
  out << "<table id=\"unassessable\">\n<tr><th>client</th><th>allocation</th><th>reason</th>"
         "</tr>\n";
  for (const WhatifUnassessable& client : report.unassessable) {
    out << fmt::format("<tr><td>{}</td><td>{}</td><td>{}</td></tr>\n",
                       html_escape(client.client_ref), client.allocation_id,
                       html_escape(client.reason));
  }
  out << "</table>\n";
}

}  // namespace

std::string whatif_html(const WhatifReport& report) {
  std::ostringstream out;
  heading(out, report);
  summary(out, report);
  out << "<h2>Grants by amount</h2>\n";
  distribution_chart(out, report);
  out << "<table id=\"distribution\">\n<tr><th>grant</th><th>before</th><th>after</th></tr>\n";
  for (const WhatifBin& bin : report.distribution) {
    out << fmt::format("<tr><td>{}</td><td>{}</td><td>{}</td></tr>\n", html_escape(bin_label(bin)),
                       bin.before, bin.after);
  }
  out << "</table>\n<h2>Totals by client group</h2>\n";
  groups_chart(out, report);
  breakdown(
      out, "groups", "client group", report.groups,
      [](const WhatifGroup& group) { return group.key; },
      [](const WhatifGroup& group) { return group.clients; });
  out << "<h2>Totals by intervention type</h2>\n";
  breakdown(
      out, "types", "intervention type", report.types,
      [](const WhatifType& type) { return type.key; },
      [&](const WhatifType&) { return report.assessed; });
  level_tables(out, report);
  movers(out, report);
  cliff_edges(out, report);
  unassessable(out, report);
  out << "</body>\n</html>\n";
  return out.str();
}

}  // namespace hsg::app
