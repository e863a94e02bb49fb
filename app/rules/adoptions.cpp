#include "app/rules/adoptions.h"

#include "app/rules/named_ruleset.h"
#include "app/unwrap.h"

namespace hsg::app {

Result<AdoptionChange> propose_adoption(db::Database& database, const db::Stamp& stamp,
                                        const ProposeAdoption& request) {
  return attempt([&] {
    db::RulesetInfo info = stored_ruleset_named(database, request.ruleset);
    db::Adoption proposed = unwrap(
        db::AdoptionRepository(database).propose(stamp, info.id, request.from, request.reason));
    return AdoptionChange{std::move(info), std::move(proposed)};
  });
}

Result<AdoptionChange> decide_adoption(db::Database& database, const db::Stamp& stamp,
                                       const DecideAdoption& request) {
  return attempt([&] {
    db::RulesetInfo info = stored_ruleset_named(database, request.ruleset);
    db::AdoptionRepository adoptions(database);
    db::Adoption decided =
        unwrap(request.approve ? adoptions.approve(stamp, info.id, request.reason)
                               : adoptions.reject(stamp, info.id, request.reason));
    return AdoptionChange{std::move(info), std::move(decided)};
  });
}

Result<AdoptionChange> retire_ruleset(db::Database& database, const db::Stamp& stamp,
                                      const RetireRuleset& request) {
  return attempt([&] {
    db::RulesetInfo info = stored_ruleset_named(database, request.ruleset);
    db::Adoption retired = unwrap(
        db::AdoptionRepository(database).retire(stamp, info.id, request.from, request.reason));
    return AdoptionChange{std::move(info), std::move(retired)};
  });
}

}  // namespace hsg::app
