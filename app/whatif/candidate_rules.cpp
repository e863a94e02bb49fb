#include "app/whatif/candidate_rules.h"

#include "app/assessment/ruleset_input.h"

namespace hsg::app {

Result<CandidateRules> candidate_rules(const std::string& text) {
  return attempt([&] {
    CandidateRules candidate{text, std::nullopt};
    if (names_file(text)) candidate.file = load_rules_option(text, nullptr).loaded;
    return candidate;
  });
}

Result<rules::LoadedRuleset> load_candidate(db::Database& database,
                                            const CandidateRules& candidate) {
  return attempt([&] {
    if (candidate.file) return *candidate.file;
    return load_rules_option(candidate.text, &database).loaded;
  });
}

}  // namespace hsg::app
