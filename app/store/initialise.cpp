#include "app/store/initialise.h"

#include "app/assessment/ruleset_input.h"
#include "app/unwrap.h"
#include "db/write_transaction.h"

namespace hsg::app {

namespace {

Bootstrap bootstrap(db::Database& database, const db::Stamp& stamp,
                    const rules::LoadedRuleset& builtin) {
  auto transaction = unwrap(db::WriteTransaction::begin(database));
  Bootstrap done{unwrap(db::RulesetRepository(database).add(stamp, builtin.bytes, builtin.ruleset)),
                 std::nullopt};
  done.in_force = unwrap(db::AdoptionRepository(database).bootstrap(stamp, done.builtin.info.id));
  unwrap(transaction.commit());
  return done;
}

}  // namespace

Result<Initialised> initialise(db::Database& database, const db::Stamp& stamp) {
  return attempt([&] {
    const rules::LoadedRuleset builtin = load_ruleset_or_builtin(std::nullopt);
    Initialised initialised{std::nullopt, builtin.id, true};
    if (unwrap(db::AdoptionRepository(database).all()).empty()) {
      initialised.bootstrap = bootstrap(database, stamp, builtin);
    } else {
      initialised.builtin_stored = db::RulesetRepository(database).get(builtin.id).ok();
    }
    return initialised;
  });
}

}  // namespace hsg::app
