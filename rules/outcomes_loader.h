// Loading an outcomes return (hsg outcome record --file) from TOML:
//
//   term = "short"          # short | long: a short-term or a long-term service
//   [outcomes]
//   "1a" = { needed = true, achieved = true }
//   "1b" = { needed = false, achieved = false }
//   …                       # every measure of engine/outcome_questions.h
//
// Every problem is reported with file:line:column, in file order: unknown keys and
// measures (with the allowed ones listed), a term other than short or long, needed or
// achieved missing or not a boolean, achieved without needed, and every measure left
// out (listed together, at the [outcomes] table).
#pragma once

#include <filesystem>
#include <string>
#include <vector>

#include "engine/outcome_questions.h"
#include "rules/diagnostic.h"

namespace hsg::rules {

struct LoadedOutcomes {
  engine::OutcomeTerm term = engine::OutcomeTerm::short_term;
  std::vector<engine::OutcomeAnswer> answers;  // one per measure, in the framework's order
};

Loaded<LoadedOutcomes> load_outcomes_file(const std::filesystem::path& path);
Loaded<LoadedOutcomes> load_outcomes_text(const std::string& text, const std::string& source);

}  // namespace hsg::rules
