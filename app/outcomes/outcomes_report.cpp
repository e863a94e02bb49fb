#include "app/outcomes/outcomes_report.h"

#include <fmt/core.h>

#include <nlohmann/json.hpp>
#include <optional>
#include <string>

namespace hsg::app {

namespace {

std::string percent_text(const std::optional<std::int64_t>& percent) {
  return percent ? fmt::format("{}%", *percent) : std::string("—");
}

nlohmann::ordered_json percent_json(const std::optional<std::int64_t>& percent) {
  return percent ? nlohmann::ordered_json(*percent) : nlohmann::ordered_json(nullptr);
}

std::string percent_csv(const std::optional<std::int64_t>& percent) {
  return percent ? std::to_string(*percent) : std::string();
}

// fmt pads by code points; "—" is one, as wide as a digit on a terminal.
std::string right(const std::string& text, std::size_t width) {
  std::size_t points = 0;
  for (char c : text) points += (static_cast<unsigned char>(c) & 0xC0U) != 0x80U ? 1 : 0;
  return std::string(width > points ? width - points : 0, ' ') + text;
}

}  // namespace

void write_outcomes_text(std::ostream& out, const OutcomesReport& report) {
  const auto measures = engine::outcome_measures();
  for (std::size_t t = 0; t < report.terms.size(); ++t) {
    const OutcomesReport::Term& term = report.terms[t];
    if (t > 0) out << "\n";
    out << fmt::format("Outcomes of {}-term services, {} to {}: {} return(s)\n",
                       engine::to_string(term.term), report.from.to_string(), report.to.to_string(),
                       term.table.returns);
    out << fmt::format("{:<6} {:<36} {:>9} {:>12} {:>9}\n", "", "", "achieving", "% of needing",
                       "% of all");
    std::optional<engine::OutcomeDomain> domain;
    for (std::size_t i = 0; i < measures.size(); ++i) {
      if (domain != measures[i].domain) {
        domain = measures[i].domain;
        out << engine::to_string(*domain) << "\n";
      }
      const engine::OutcomeFigures figures = engine::outcome_figures(term.table.counts[i]);
      out << fmt::format("{:<6} {:<36} {:>9} {} {}\n", measures[i].key, measures[i].label,
                         figures.achieved, right(percent_text(figures.percent_of_needed), 12),
                         right(percent_text(figures.percent_of_all), 9));
    }
  }
}

void write_outcomes_json(std::ostream& out, const OutcomesReport& report) {
  const auto measures = engine::outcome_measures();
  nlohmann::ordered_json terms = nlohmann::ordered_json::array();
  for (const OutcomesReport::Term& term : report.terms) {
    nlohmann::ordered_json rows = nlohmann::ordered_json::array();
    for (std::size_t i = 0; i < measures.size(); ++i) {
      const engine::OutcomeCounts& counts = term.table.counts[i];
      const engine::OutcomeFigures figures = engine::outcome_figures(counts);
      rows.push_back({{"measure", measures[i].key},
                      {"domain", engine::to_string(measures[i].domain)},
                      {"label", measures[i].label},
                      {"question", measures[i].question},
                      {"needed", counts.needed},
                      {"achieved", counts.achieved},
                      {"percent_of_needed", percent_json(figures.percent_of_needed)},
                      {"percent_of_all", percent_json(figures.percent_of_all)}});
    }
    terms.push_back({{"term", engine::to_string(term.term)},
                     {"returns", term.table.returns},
                     {"measures", rows}});
  }
  out << nlohmann::ordered_json{{"from", report.from.to_string()},
                                {"to", report.to.to_string()},
                                {"terms", terms}}
             .dump(2)
      << "\n";
}

void write_outcomes_csv(std::ostream& out, const OutcomesReport& report) {
  const auto measures = engine::outcome_measures();
  out << "term,measure,domain,label,returns,needed,achieved,percent_of_needed,percent_of_all\r\n";
  for (const OutcomesReport::Term& term : report.terms) {
    for (std::size_t i = 0; i < measures.size(); ++i) {
      const engine::OutcomeCounts& counts = term.table.counts[i];
      const engine::OutcomeFigures figures = engine::outcome_figures(counts);
      out << fmt::format("{},{},{},{},{},{},{},{},{}\r\n", engine::to_string(term.term),
                         measures[i].key, engine::to_string(measures[i].domain), measures[i].label,
                         counts.returns, counts.needed, counts.achieved,
                         percent_csv(figures.percent_of_needed),
                         percent_csv(figures.percent_of_all));
    }
  }
}

}  // namespace hsg::app
