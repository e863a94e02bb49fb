// Loading a client's answers from a file, resolved against a rule set.
//
// TOML (`[answers]` table of area = "option") or, for a path ending in ".json", JSON
// (`{"answers": {"area": "option", ...}}`). Unknown keys, non-string options, unknown
// areas or options (with the allowed ones listed) and missing areas are all reported,
// each with file:line:column where the format gives one (JSON problems name the
// JSON pointer, e.g. "/answers/money", and syntax errors their line and column).
#pragma once

#include <filesystem>
#include <string>
#include <vector>

#include "engine/answers.h"
#include "engine/ruleset.h"
#include "rules/diagnostic.h"

namespace hsg::rules {

struct LoadedAnswers {
  engine::Answers answers;
  std::vector<engine::NamedAnswer> named;  // in rule-set question order
};

Loaded<LoadedAnswers> load_answers_file(const std::filesystem::path& path,
                                        const engine::Ruleset& ruleset);
Loaded<LoadedAnswers> load_answers_text(const std::string& text, const std::string& source,
                                        bool is_json, const engine::Ruleset& ruleset);

// `area = "option"` lines of a TOML answers file, in rule-set order (for --save).
std::string answers_to_toml(const engine::Ruleset& ruleset, const engine::Answers& answers);

}  // namespace hsg::rules
