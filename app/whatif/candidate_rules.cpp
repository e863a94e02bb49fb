#include "app/whatif/candidate_rules.h"

#include <variant>
#include <vector>

#include "app/assessment/ruleset_input.h"
#include "app/refusal.h"

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

Result<rules::LoadedRuleset> candidate_from_text(std::string bytes, std::string name) {
  return attempt([&] {
    auto loaded = rules::load_ruleset_text(std::move(bytes), std::move(name));
    if (auto* problems = std::get_if<std::vector<rules::Diagnostic>>(&loaded)) {
      throw Refusal(*problems);
    }
    return std::get<rules::LoadedRuleset>(std::move(loaded));
  });
}

}  // namespace hsg::app
