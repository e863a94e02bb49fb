// The savings estimate (hsg report savings) written out: text for people, one JSON object
// and CSV for machines, and one self-contained HTML page for a paper.
//
// Pure functions of the report: the same report gives the same bytes. Money is shown to
// the penny ("£179,239.00", "-£72,595.00"; JSON and CSV "179239.00"); a percentage as
// whole percent ("528%", "-26%") and savings per £1 as pounds ("£5.28", "-£0.26"), both
// the one quotient engine::estimate_savings rounded; a row with no spend has neither
// ("—" in text and HTML, null in JSON, empty in CSV).
//
// CSV is RFC 4180 with CRLF line ends: kind,label,client_groups,spend,savings,percent,
// per_pound, where kind is "row" (one per table row, client groups separated by spaces),
// "total", or "no_ratio" (one per client group no row names, with its spend, not in the
// total).
#pragma once

#include <ostream>
#include <string>

#include "app/savings/savings_report.h"

namespace hsg::app {

// What the basis means, in a sentence's words ("expenditure posted in the ledger …").
std::string_view basis_words(SpendBasis basis);

void write_savings_text(std::ostream& out, const SavingsReport& report);
void write_savings_json(std::ostream& out, const SavingsReport& report);
void write_savings_csv(std::ostream& out, const SavingsReport& report);
std::string savings_html(const SavingsReport& report);

}  // namespace hsg::app
