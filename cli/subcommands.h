// `hsg COMMAND SUBCOMMAND …`: the one way a command with subcommands (rules, client,
// audit, …) picks one, so each of them answers `--help`, a missing and an unknown
// subcommand the same way.
//
// A command lists its subcommands in a table and calls run_subcommand(); `hsg COMMAND
// --help` prints the table (exit 0), no subcommand is an error followed by the table on
// stderr (exit 1), an unknown one an InputError naming `hsg COMMAND --help`.
#pragma once

#include <span>
#include <string_view>

#include "cli/commands.h"

namespace hsg::cli {

struct Subcommand {
  std::string_view name;      // "check"
  std::string_view synopsis;  // "check FILE", as it appears in the usage table
  std::string_view summary;   // what it does, in a few words
  int (*run)(const Args& args, Io& io);
};

// Runs the subcommand named by args[0] with the rest of the arguments.
int run_subcommand(std::string_view command, std::span<const Subcommand> subcommands,
                   const Args& args, Io& io);

}  // namespace hsg::cli
