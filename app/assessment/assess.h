// `hsg assess` (and the web's try-an-assessment page): the indicative grant for one set
// of answers, computed and explained; nothing is recorded, so any rule set may be tried
// on any date.
//
// `database` may be null, unless the request names a stored rule set rather than a file.
// Promises: the rule set used (the one named, else the built-in medway), why it is not in
// force on the date if it is not (by the adoptions when there is a database, else by its
// effective_from alone), the answers read against it and the traced allocation. Reads
// the store only.
#pragma once

#include <optional>
#include <string>

#include "app/assessment/answers_source.h"
#include "app/assessment/ruleset_input.h"
#include "app/result.h"
#include "db/database.h"
#include "engine/allocate.h"
#include "engine/date.h"

namespace hsg::app {

struct AssessRequest {
  engine::Date date;
  std::optional<std::string> rules;  // as --rules: a file, an id or a prefix
};

struct Assessment {
  std::optional<RulesOption> named;  // when the request named the rule set
  rules::LoadedRuleset ruleset;
  std::optional<std::string> not_in_force;  // why it is not in force on the date
  engine::Answers answers;
  engine::TracedAllocation traced;
};

Result<Assessment> assess(db::Database* database, const AssessRequest& request,
                          const AnswersSource& answers_for);

}  // namespace hsg::app
