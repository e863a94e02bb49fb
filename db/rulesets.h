// Rule sets, stored by content: id = SHA-256 of the exact file bytes (as sha256sum).
//
// Adding the same bytes twice is a no-op that writes nothing, not even an audit event.
// The rule set for an assessment date is the one with the latest effective_from on or
// before it; none in force, or two equally latest (which one applies would be a
// guess), is an error asking for one to be named. Stored bytes are never changed.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "db/database.h"
#include "db/result.h"
#include "db/stamp.h"
#include "engine/date.h"
#include "engine/ruleset.h"

namespace hsg::db {

struct RulesetInfo {
  std::string id;  // lowercase hex SHA-256 of the bytes
  std::string name;
  std::string version;
  engine::Date effective_from;
  std::int64_t adjustment_tolerance_percent = 0;
  bool operator==(const RulesetInfo&) const = default;
};

struct StoredRuleset {
  RulesetInfo info;
  std::string bytes;  // exactly as added
};

struct AddedRuleset {
  RulesetInfo info;
  bool added = false;  // false: these bytes were already stored
};

class RulesetRepository {
 public:
  explicit RulesetRepository(Database& database) : database_(database) {}

  // `ruleset` must be what rules/ loaded from exactly `bytes`: its name, version,
  // effective date and adjustment tolerance are stored beside them.
  DbResult<AddedRuleset> add(const Stamp& stamp, std::string_view bytes,
                             const engine::Ruleset& ruleset);
  DbResult<StoredRuleset> get(std::string_view id);
  DbResult<StoredRuleset> in_force_on(engine::Date date);
  // Oldest effective_from first, then by id.
  DbResult<std::vector<RulesetInfo>> list();

 private:
  Database& database_;
};

}  // namespace hsg::db
