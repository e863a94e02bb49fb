#include "cli/future_date_option.h"

#include "cli/input_error.h"
#include "cli/today.h"

namespace hsg::cli {

void add_allow_future_option(CommandLine& command_line) {
  command_line.add()("allow-future", po::value<std::string>()->value_name("REASON"),
                     "record an assessment dated after today (the local date), saying why; "
                     "the reason is kept in the audit log");
}

app::FutureDatePermission future_date_permission(const CommandLine& command_line) {
  app::FutureDatePermission permission{today(), std::nullopt};
  if (!command_line.has("allow-future")) return permission;
  permission.reason = command_line.get<std::string>("allow-future");
  if (permission.reason->find_first_not_of(" \t\r\n") == std::string::npos) {
    throw InputError("--allow-future needs a reason: why is the assessment dated after today?");
  }
  return permission;
}

}  // namespace hsg::cli
