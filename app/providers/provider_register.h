// The accredited providers (hsg provider add | list | end): who may hold an individual
// service fund or be named by route 4 or 5 of a support plan, and on which days.
//
// Requires an open store (writable to accredit or end). Promises: accrediting a provider
// already on the list adds another period and changes nothing earlier; an end is a
// record of its own (the periods stay as they were, so plans made before it still read
// as they were made). What the store refuses is a Refusal and nothing is written.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "app/result.h"
#include "db/database.h"
#include "db/providers.h"
#include "db/stamp.h"
#include "engine/date.h"

namespace hsg::app {

// The new accreditation's number.
Result<std::int64_t> accredit_provider(db::Database& database, const db::Stamp& stamp,
                                       const db::NewAccreditation& accreditation);

// By name, with every accreditation period and end; with `on`, only those accredited
// that day.
Result<std::vector<db::Provider>> list_providers(db::Database& database,
                                                 std::optional<engine::Date> on);

struct ProviderEndRequest {
  std::string name;
  engine::Date last_day;  // the last day the provider is accredited
};

Result<db::Done> end_provider(db::Database& database, const db::Stamp& stamp,
                              const ProviderEndRequest& request);

}  // namespace hsg::app
