// A store holding the worked example of domain.md agreed as assessed, and a schedule
// ready to start as its grant (db tests of grants, the ledger, outcomes, plans and providers).
#pragma once

#include <string>

#include "db/allocations.h"
#include "db/decisions.h"
#include "db/grants.h"
#include "tests/db/db_fixture.h"

namespace hsg::test {

inline engine::Date date(const char* text) { return *engine::Date::parse(text); }

// The worked example agreed as assessed, and a schedule for it: 2 instalments of the
// basic type only, the other types' shares given as single instalments.
struct Agreed {
  TempDir dir;
  db::Database database = open_database(dir.file("hsg.db"));
  db::NewGrant grant;
  Agreed() {
    using engine::Money;
    const std::string ruleset_id = add_medway(database);
    add_client(database, "C-1");
    ok(db::AllocationRepository(database).record(stamp("alice"),
                                                 worked_example("C-1", ruleset_id)));
    const auto state = ok(db::DecisionRepository(database).agree(
        stamp("alice"), 1, Money::from_pence(240500), "as assessed"));
    grant = {1,
             state.agreement->id,
             date("2025-02-03"),
             "direct_payment",
             std::nullopt,
             Money::from_pence(240500),
             "HSG",
             "liabilities:dp",
             {{"short_term_intensive", 0, 12, Money::from_pence(177600), "expenses:i"},
              {"short_term_basic", 1, 8, Money::from_pence(14800), "expenses:b"},
              {"long_term_maintenance", 2, 52, Money::from_pence(48100), "expenses:m"}},
             {{"short_term_intensive", 1, date("2025-02-03"), Money::from_pence(177600)},
              {"short_term_basic", 1, date("2025-02-03"), Money::from_pence(7400)},
              {"short_term_basic", 2, date("2025-03-03"), Money::from_pence(7400)},
              {"long_term_maintenance", 1, date("2025-02-03"), Money::from_pence(48100)}}};
  }
};

}  // namespace hsg::test
