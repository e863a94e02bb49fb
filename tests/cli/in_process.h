// Running an hsg command in this process (cli::run_hsg, the binary's own dispatcher),
// for tests that run thousands of commands: no process start-up per command.
#pragma once

#include <sstream>
#include <string>
#include <vector>

#include "cli/commands.h"
#include "tests/cli/run_process.h"

namespace hsg::test {

inline ProcessResult run_in_process(const std::vector<std::string>& args) {
  std::ostringstream out;
  std::ostringstream err;
  std::istringstream in;
  cli::Io io{out, err, in, false};
  ProcessResult result;
  result.exit_code = cli::run_hsg(args, io);
  result.out = out.str();
  result.err = err.str();
  return result;
}

}  // namespace hsg::test
