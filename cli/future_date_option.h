// --allow-future REASON: an assessment dated after today is refused unless the person
// says why (the rule and its audit note: app/assessment/future_date_permission.h).
//
// "Today" is the local date where hsg runs (cli/today.h).
#pragma once

#include "app/assessment/future_date_permission.h"
#include "cli/command_line.h"

namespace hsg::cli {

void add_allow_future_option(CommandLine& command_line);
// Today, and the --allow-future reason if given (refusing a blank one).
app::FutureDatePermission future_date_permission(const CommandLine& command_line);

}  // namespace hsg::cli
