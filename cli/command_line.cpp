#include "cli/command_line.h"

#include <fmt/core.h>

#include "cli/input_error.h"

namespace hsg::cli {

CommandLine::CommandLine(std::string command, CommandHelp help)
    : command_(std::move(command)), help_(std::move(help)), options_("Options") {
  options_.add_options()("help,h", "show this help and exit");
}

bool CommandLine::parse(const std::vector<std::string>& args, Io& io) {
  try {
    po::store(po::command_line_parser(args).options(options_).positional(positional_).run(),
              values_);
    if (values_.count("help") > 0) {
      io.out << "Usage: " << help_.usage << "\n\n"
             << help_.summary << "\n\n"
             << options_ << "\nExample:\n  " << help_.example << "\n";
      return false;
    }
    po::notify(values_);
  } catch (const po::error& error) {
    fail(error.what());
  }
  return true;
}

void CommandLine::fail(const std::string& message) const {
  throw InputError(fmt::format("{} (see 'hsg {} --help')", message, command_));
}

}  // namespace hsg::cli
