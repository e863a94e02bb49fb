// Option values several commands read the same way: ids, dates, money.
//
// Each refuses a malformed value through CommandLine::fail (an InputError naming the
// option and what it should look like), so every command words it alike.
#pragma once

#include <cstdint>
#include <optional>
#include <string>

#include "cli/command_line.h"
#include "engine/date.h"
#include "engine/money.h"

namespace hsg::cli {

// The option `name`'s text if given.
std::optional<std::string> optional_text(const CommandLine& command_line, const char* name);
// The option `name` as a positive id; `what` says what it is ("a grant id").
std::int64_t positive_id(const CommandLine& command_line, const char* name, const char* what);
// The positional GRANT of the grant and plan commands, and its value.
void add_grant_argument(CommandLine& command_line);
std::int64_t grant_id_argument(const CommandLine& command_line);
// A date option `name` (YYYY-MM-DD), optional or required, with its help line.
void add_date_option(CommandLine& command_line, const char* name, const char* help);
void add_required_date(CommandLine& command_line, const char* name, const char* help);
// The option `name` as a date (YYYY-MM-DD).
engine::Date required_date(const CommandLine& command_line, const char* name);
// The option `name` as a date if given.
std::optional<engine::Date> optional_date(const CommandLine& command_line, const char* name);
// The option `name` as a date if given, else today (cli/today.h).
engine::Date date_or_today_option(const CommandLine& command_line, const char* name);
// --date if given, else today (refused as cli/today.h words it).
engine::Date date_option(const CommandLine& command_line);
// The option `name` as an exact amount of money in pounds ("120.00").
engine::Money amount_option(const CommandLine& command_line, const char* name);

}  // namespace hsg::cli
