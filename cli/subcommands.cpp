#include "cli/subcommands.h"

#include <fmt/core.h>

#include <algorithm>
#include <ostream>

#include "cli/input_error.h"

namespace hsg::cli {

namespace {

void write_usage(std::ostream& out, std::string_view command,
                 std::span<const Subcommand> subcommands) {
  std::size_t width = 0;
  for (const Subcommand& subcommand : subcommands) {
    width = std::max(width, subcommand.synopsis.size());
  }
  out << fmt::format("Usage: hsg {} SUBCOMMAND\n\nSubcommands:\n", command);
  for (const Subcommand& subcommand : subcommands) {
    out << fmt::format("  {:<{}}   {}\n", subcommand.synopsis, width, subcommand.summary);
  }
  out << fmt::format("\n'hsg {} SUBCOMMAND --help' describes a subcommand.\n", command);
}

}  // namespace

int run_subcommand(std::string_view command, std::span<const Subcommand> subcommands,
                   const Args& args, Io& io) {
  if (args.empty()) {
    io.err << fmt::format("hsg: error: 'hsg {}' needs a subcommand\n\n", command);
    write_usage(io.err, command, subcommands);
    return 1;
  }
  if (args[0] == "--help" || args[0] == "-h") {
    write_usage(io.out, command, subcommands);
    return 0;
  }
  const auto found =
      std::find_if(subcommands.begin(), subcommands.end(),
                   [&](const Subcommand& subcommand) { return subcommand.name == args[0]; });
  if (found == subcommands.end()) {
    throw InputError(
        fmt::format("unknown subcommand '{} {}' (see 'hsg {} --help')", command, args[0], command));
  }
  return found->run(Args(args.begin() + 1, args.end()), io);
}

}  // namespace hsg::cli
