// The what-if report written out: text for people, JSON for machines, one HTML page
// with charts for a commissioner's report, and a CSV row per client.
//
// All four are pure functions of their input: the same report gives the same bytes. No
// clock, locale or host is consulted. Amounts come from WhatifReport exactly; the HTML
// charts' pixel geometry is integer arithmetic on them, in tenths of a pixel.
#pragma once

#include <nlohmann/json.hpp>
#include <ostream>
#include <string>

#include "app/whatif/whatif_report.h"
#include "engine/money.h"

namespace hsg::app {

void write_whatif_text(std::ostream& out, const WhatifReport& report);

// Keys in a fixed order; money as strings with two decimals, as everywhere in hsg.
nlohmann::ordered_json whatif_json(const WhatifReport& report);

// A self-contained page: inline CSS and SVG, no scripts, nothing fetched.
std::string whatif_html(const WhatifReport& report);

// hsg whatif --csv: a header, then one row per client as compute_whatif reports them.
void write_whatif_csv_header(std::ostream& out);
void write_whatif_csv_row(std::ostream& out, const WhatifClient& client);

// "£1,234.50"; with a sign for changes: "+£12.00", "-£3.50", "£0.00".
std::string pounds(engine::Money amount);
std::string signed_pounds(engine::Money change);
// "score 5: one point below the medium threshold (6)" or "score 6: on the medium
// threshold (6); one point fewer is low".
std::string cliff_edge_words(const WhatifCliffEdge& edge);
// The outcome of the budget search in one sentence.
std::string budget_words(const WhatifBudget& budget);

}  // namespace hsg::app
