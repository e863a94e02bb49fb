#include "web/routes/four_eyes.h"

#include "db/decisions.h"
#include "db/stamp.h"

namespace hsg::web {

std::optional<std::string> own_agreement_problem(Exchange& exchange, std::int64_t allocation_id) {
  auto state = db::DecisionRepository(exchange.database()).state(allocation_id);
  if (!state.ok() || !state.value().agreement) return std::nullopt;  // the use case says why
  if (!db::same_actor(state.value().agreement->actor, exchange.user->name)) return std::nullopt;
  return "you agreed this amount: another approver must decide";
}

}  // namespace hsg::web
