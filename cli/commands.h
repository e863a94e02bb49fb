// `hsg COMMAND …`: the table of commands and the top-level entry point.
//
// Each command is a function taking its own arguments (after the command name) and the
// streams; it returns the exit code or throws InputError (exit 1). run_hsg() adds
// `--help`, `--version` and the error handling every command shares: exit 0 success,
// 1 user or input error, 2 internal error.
#pragma once

#include <string>
#include <vector>

#include "cli/io.h"

namespace hsg::cli {

using Args = std::vector<std::string>;

int run_hsg(const Args& args, Io& io);

// The commands, one file each.
int assess_command(const Args& args, Io& io);
int rules_command(const Args& args, Io& io);

}  // namespace hsg::cli
