#include "app/present/questionnaire_json.h"

namespace hsg::app {

nlohmann::ordered_json questionnaire_json(const rules::LoadedRuleset& ruleset) {
  const engine::RulesetSpec& spec = ruleset.ruleset.spec();
  nlohmann::ordered_json areas = nlohmann::ordered_json::array();
  for (const engine::QuestionSpec& question : spec.questions) {
    nlohmann::ordered_json options = nlohmann::ordered_json::array();
    for (const engine::OptionSpec& option : question.options) {
      options.push_back({{"option", option.id}, {"label", option.label}});
    }
    areas.push_back(
        {{"area", question.id}, {"question", question.text}, {"options", std::move(options)}});
  }
  return {{"ruleset_id", ruleset.id},
          {"name", spec.name},
          {"version", spec.version},
          {"effective_from", spec.effective_from.to_string()},
          {"areas", std::move(areas)}};
}

}  // namespace hsg::app
