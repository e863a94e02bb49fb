// Rule sets, stored by content: id = SHA-256 of the exact file bytes (as sha256sum).
//
// Adding the same bytes twice is a no-op that writes nothing, not even an audit event.
// A rule set added is a draft: the one in force on a date is the one an adoption puts
// in force that day (db/ruleset_adoptions.h); none in force is an error. Stored bytes
// are never changed. A stored rule set may be named by a unique prefix of its id, of at
// least kMinIdPrefix hex digits, as git names commits.
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

inline constexpr std::size_t kMinIdPrefix = 4;

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
  // The full id of the one stored rule set whose id starts with `prefix`; a prefix that
  // is too short, not lowercase hex, matches none or several (listed) is an error.
  DbResult<std::string> resolve(std::string_view prefix);
  DbResult<StoredRuleset> in_force_on(engine::Date date);
  // Oldest effective_from first, then by id.
  DbResult<std::vector<RulesetInfo>> list();

 private:
  Database& database_;
};

}  // namespace hsg::db
