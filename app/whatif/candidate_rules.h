// The candidate rule set of a what-if (`hsg whatif --rules FILE|ID`, the web's what-if
// page), named as --rules names one (app/assessment/ruleset_input.h).
//
// A file is loaded, so every problem in it is reported, before the store is opened; a
// stored rule set's id needs the store and is loaded from its stored bytes (re-hashed).
#pragma once

#include <optional>
#include <string>

#include "app/result.h"
#include "db/database.h"
#include "rules/ruleset_loader.h"

namespace hsg::app {

struct CandidateRules {
  std::string text;                          // as given
  std::optional<rules::LoadedRuleset> file;  // loaded already when `text` names a file
};

// Loads `text` now when it names a file; a file with problems is a Refusal.
Result<CandidateRules> candidate_rules(const std::string& text);

// The candidate's rule set: the file's, or the stored one `text` names.
Result<rules::LoadedRuleset> load_candidate(db::Database& database,
                                            const CandidateRules& candidate);

// A candidate given as its bytes (an uploaded file), checked exactly as `hsg rules check`
// checks a file: `name` stands for the file in every problem's "name:line:column".
Result<rules::LoadedRuleset> candidate_from_text(std::string bytes, std::string name);

}  // namespace hsg::app
