// A grant as text for people: what `hsg grant show` prints and what ending one says.
//
// Pure functions of the stored records: the same record gives the same bytes. Text that
// came from outside hsg (references, reasons, accounts, a provider) is escaped
// (engine::escaped), so a stored control character cannot reach a terminal or a page.
#pragma once

#include <cstdint>
#include <ostream>

#include "app/grants/grant_lookup.h"
#include "db/grants.h"

namespace hsg::app {

// How the grant is held and coded, each type, every instalment and its state,
// recoveries, the totals paid, recovered, still scheduled and cancelled, then the
// support plan if it has one.
void write_grant_view(std::ostream& out, const GrantView& view);

// What ending grant `grant_id` cancelled, and what it could not (already posted).
void write_grant_end(std::ostream& out, std::int64_t grant_id, const db::EndResult& end);

}  // namespace hsg::app
