// How an import is named in words, the same on every front end.
//
// Requires: a recorded import (db/imports.h). Promises: one line, no trailing newline.
#pragma once

#include <string>

#include "db/imports.h"

namespace hsg::app {

// "import 3 (rows.csv, 2 assessments: allocations 1 to 2) at … by asha": which import,
// of what, when and by whom (as a refusal names an earlier import).
std::string import_summary(const db::Import& import);
// "imported 2 assessments from rows.csv as import 3[, again (the same rows as import 1)]":
// what an import just did.
std::string imported_text(const db::Import& import);

}  // namespace hsg::app
