// Which stored rule set is in force from when, decided by two people (`hsg rules adopt |
// approve-adoption | reject-adoption | retire`, and the web's adoption pages).
//
// Each request names a stored rule set as --rules does (app/rules/named_ruleset.h). The
// rules of adoption are db/ruleset_adoptions.h's: a proposal is in force once another
// person approves it; a retirement is refused when allocations recorded under it would
// be left outside its days. Promises: the named rule set and the adoption as written; a
// request the rules refuse is a Refusal and nothing is written.
#pragma once

#include <string>

#include "app/result.h"
#include "db/database.h"
#include "db/ruleset_adoptions.h"
#include "db/rulesets.h"
#include "db/stamp.h"
#include "engine/date.h"

namespace hsg::app {

struct AdoptionChange {
  db::RulesetInfo ruleset;
  db::Adoption adoption;  // as proposed, decided or retired
};

struct ProposeAdoption {
  std::string ruleset;  // an id, a unique prefix of one, or the rule set's file
  engine::Date from;
  std::string reason;  // mandatory
};

Result<AdoptionChange> propose_adoption(db::Database& database, const db::Stamp& stamp,
                                        const ProposeAdoption& request);

struct DecideAdoption {
  std::string ruleset;
  bool approve = true;  // false: reject
  std::string reason;   // optional for an approval, mandatory for a rejection
};

Result<AdoptionChange> decide_adoption(db::Database& database, const db::Stamp& stamp,
                                       const DecideAdoption& request);

struct RetireRuleset {
  std::string ruleset;
  engine::Date from;  // the first day without it
  std::string reason;
};

Result<AdoptionChange> retire_ruleset(db::Database& database, const db::Stamp& stamp,
                                      const RetireRuleset& request);

}  // namespace hsg::app
