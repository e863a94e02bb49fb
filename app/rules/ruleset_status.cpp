#include "app/rules/ruleset_status.h"

#include "app/unwrap.h"
#include "db/ruleset_adoptions.h"

namespace hsg::app {

Result<std::vector<ListedRuleset>> list_rulesets(db::Database& database) {
  return attempt([&] {
    const std::vector<db::Adoption> adoptions = unwrap(db::AdoptionRepository(database).all());
    std::vector<ListedRuleset> listed;
    for (db::RulesetInfo& info : unwrap(db::RulesetRepository(database).list())) {
      std::string status = db::adoption_status(adoptions, info.id);
      listed.push_back({std::move(info), std::move(status)});
    }
    return listed;
  });
}

Result<std::string> ruleset_status(db::Database& database, const std::string& ruleset_id) {
  return attempt([&] {
    return db::adoption_status(unwrap(db::AdoptionRepository(database).all()), ruleset_id);
  });
}

}  // namespace hsg::app
