// `hsg COMMAND …`: the table of commands and the top-level entry point.
//
// Each command is a function taking its own arguments (after the command name) and the
// streams; it returns the exit code or throws InputError (exit 1). run_hsg() adds
// `--help`, `--version` and the error handling every command shares: exit 0 success,
// 1 user or input error, 2 internal error. The executable (bin/main.cpp) adds commands
// that live outside cli/ (`hsg serve`, in web/) as `extra`: listed in --help after the
// built-in ones and dispatched the same way.
#pragma once

#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "cli/io.h"

namespace hsg::cli {

using Args = std::vector<std::string>;

struct Command {
  std::string_view name;
  int (*run)(const Args&, Io&);
  std::string_view summary;
};

int run_hsg(const Args& args, Io& io, std::span<const Command> extra = {});

// The commands, one file each.
int assess_command(const Args& args, Io& io);
int rules_command(const Args& args, Io& io);

}  // namespace hsg::cli
