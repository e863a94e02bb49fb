// Reading the values every command parses the same way: ids and dates given on the
// command line, refused with the option named and the form expected.
#pragma once

#include <cstdint>

#include "cli/command_line.h"
#include "engine/date.h"

namespace hsg::cli {

// The value of `name` as a positive id; `what` names it in the error ("a grant id").
std::int64_t positive_id(const CommandLine& command_line, const char* name, const char* what);
// The positional GRANT argument of the commands about one grant, and its value.
void add_grant_argument(CommandLine& command_line);
std::int64_t grant_argument(const CommandLine& command_line);
// The value of --`name` as a date (YYYY-MM-DD).
engine::Date required_date(const CommandLine& command_line, const char* name);

}  // namespace hsg::cli
