#include "app/rules/add_ruleset.h"

#include "app/unwrap.h"
#include "db/ruleset_adoptions.h"

namespace hsg::app {

Result<StoredRulesetStatus> add_ruleset(db::Database& database, const db::Stamp& stamp,
                                        const rules::LoadedRuleset& loaded) {
  return attempt([&] {
    db::AddedRuleset added =
        unwrap(db::RulesetRepository(database).add(stamp, loaded.bytes, loaded.ruleset));
    std::string status =
        db::adoption_status(unwrap(db::AdoptionRepository(database).all()), added.info.id);
    return StoredRulesetStatus{std::move(added), std::move(status)};
  });
}

}  // namespace hsg::app
