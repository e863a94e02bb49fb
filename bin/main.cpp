// The hsg executable: wires the real streams and terminal state into run_hsg().
#include <unistd.h>

#include <iostream>

#include "cli/commands.h"

int main(int argc, char** argv) {
  hsg::cli::Io io{std::cout, std::cerr, std::cin,
                  isatty(STDIN_FILENO) == 1 && isatty(STDERR_FILENO) == 1};
  const hsg::cli::Args args(argv + 1, argv + argc);
  const int code = hsg::cli::run_hsg(args, io);
  // A result that did not reach its reader (a full disk, a closed pipe) is not a success.
  if (!std::cout.flush()) {
    std::cerr << "hsg: error: could not write the output\n";
    return 2;
  }
  return code;
}
