#include "app/letter/decision_letter.h"

#include "app/unwrap.h"
#include "db/clients.h"

namespace hsg::app {

Result<DecisionLetter> decision_letter(db::Database& database, const LetterRequest& request) {
  auto shown = show_allocation(database, request.allocation_id);
  if (!shown.ok()) return shown.refusal();
  return attempt([&] {
    ShownAllocation allocation = std::move(shown).value();
    const db::Client client = unwrap(db::ClientRepository(database).get(allocation.client_ref));
    std::optional<db::GrantDetail> grant;
    if (allocation.grant_id)
      grant = unwrap(db::GrantRepository(database).get(*allocation.grant_id));
    return DecisionLetter{request.date, request.letterhead, client.name, std::move(allocation),
                          std::move(grant)};
  });
}

}  // namespace hsg::app
