// How long a client's personal details are kept: the optional [retention] table.
//
//   [retention]
//   years = 6   # after the last day of the client's records
//
// years is 1 to 100; without the table, kDefaultRetentionYears. `hsg client
// due-for-erasure` lists the clients whose last record (db/client_erasures.h) is more than
// that many years before the date asked about, under the rule set in force that day
// (docs/administrator.md, "Personal data"). Like [finance], the engine never reads it.
#pragma once

#include <cstdint>

namespace hsg::rules {

struct RetentionConfig {
  std::int64_t years = 0;
  bool operator==(const RetentionConfig&) const = default;
};

// Six years after the last grant ended: the Limitation Act's period for a claim in
// contract, which is what councils commonly keep grant records for.
inline constexpr std::int64_t kDefaultRetentionYears = 6;
inline constexpr std::int64_t kMaxRetentionYears = 100;

}  // namespace hsg::rules
