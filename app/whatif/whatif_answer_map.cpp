#include "app/whatif/whatif_answer_map.h"

#include <algorithm>

namespace hsg::app {

AnswerMap::AnswerMap(const engine::Ruleset& ruleset) : ruleset_(ruleset) {
  const engine::RulesetSpec& spec = ruleset.spec();
  for (std::size_t q = 0; q < spec.questions.size(); ++q)
    areas_.emplace_back(spec.questions[q].id, q);
  std::sort(areas_.begin(), areas_.end());
}

engine::Result<engine::Answers> AnswerMap::map(std::span<const engine::NamedAnswer> given) const {
  if (areas_.empty()) return engine::Answers::from_indices(ruleset_, {});
  if (given.size() == areas_.size()) {
    std::vector<std::uint8_t> options(areas_.size());
    bool mapped = true;
    for (std::size_t i = 0; mapped && i < given.size(); ++i) {
      const auto& [area, question] = areas_[i];
      mapped = given[i].area == area;
      if (!mapped) break;
      const auto& choices = ruleset_.spec().questions[question].options;
      const auto found = std::find_if(choices.begin(), choices.end(), [&](const auto& option) {
        return option.id == given[i].option;
      });
      mapped = found != choices.end();
      if (mapped) options[question] = static_cast<std::uint8_t>(found - choices.begin());
    }
    if (mapped) return engine::Answers::from_indices(ruleset_, std::move(options));
  }
  return engine::resolve_answers(ruleset_, given);
}

std::string problems_text(const std::vector<engine::Problem>& problems) {
  std::string text;
  for (const engine::Problem& problem : problems) {
    if (!text.empty()) text += "; ";
    text += problem.message;
  }
  return text;
}

}  // namespace hsg::app
