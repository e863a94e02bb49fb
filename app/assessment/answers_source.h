// Where a use case gets a client's answers once it knows the rule set they answer: the
// front end's reading of them (a file, AREA=OPTION pairs, a questionnaire, a form),
// resolved against that rule set. Any problem with them is a Refusal listing every one.
#pragma once

#include <functional>

#include "engine/answers.h"
#include "rules/ruleset_loader.h"

namespace hsg::app {

using AnswersSource = std::function<engine::Answers(const rules::LoadedRuleset& ruleset)>;

}  // namespace hsg::app
