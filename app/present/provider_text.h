// A provider's accreditation as text for people (hsg provider add | list).
//
// Pure functions of the stored records. The name and kind came from outside hsg, so a
// provider's line escapes them (engine::escaped).
#pragma once

#include <cstdint>
#include <string>
#include <string_view>

#include "db/providers.h"
#include "engine/date.h"

namespace hsg::app {

// "2024-04-01 to 2025-03-31", or "2024-04-01 to open" without an end.
std::string accreditation_period_text(const db::Accreditation& period);

// "NAME  (KIND): PERIOD, PERIOD, ended DATE".
std::string provider_line(const db::Provider& provider);

// What `hsg provider add` prints and the providers page says once it is done:
// "Provider 'NAME' (KIND) accredited PERIOD (accreditation N)".
std::string accredited_line(const db::NewAccreditation& accreditation, std::int64_t number);
// What `hsg provider end` prints and the providers page says once it is done:
// "Provider 'NAME' is accredited until DATE and not after".
std::string ended_line(std::string_view name, engine::Date last_day);

}  // namespace hsg::app
