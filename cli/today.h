// The one place hsg reads the clock: defaults for --date and for audit timestamps, at
// the command-line edge only, so results depend only on their inputs.
#pragma once

#include <optional>
#include <string>

#include "engine/date.h"

namespace hsg::cli {

// Today's date where hsg runs: the local date (TZ), not UTC.
engine::Date today();
// The --date value if given (refusing a malformed one), else today.
engine::Date date_or_today(const std::optional<std::string>& text);
// Now in UTC as RFC 3339 with microseconds ("2025-01-31T14:05:09.123456Z").
std::string now_utc();

}  // namespace hsg::cli
