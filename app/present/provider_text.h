// A provider's accreditation as text for people (hsg provider add | list).
//
// Pure functions of the stored records. The name and kind came from outside hsg, so a
// provider's line escapes them (engine::escaped).
#pragma once

#include <string>

#include "db/providers.h"

namespace hsg::app {

// "2024-04-01 to 2025-03-31", or "2024-04-01 to open" without an end.
std::string accreditation_period_text(const db::Accreditation& period);

// "NAME  (KIND): PERIOD, PERIOD, ended DATE".
std::string provider_line(const db::Provider& provider);

}  // namespace hsg::app
