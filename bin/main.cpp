// The hsg executable: wires the real streams and terminal state into run_hsg(), with the
// commands that live outside cli/ (`hsg serve`, web/). The one place that sees both front
// ends (scripts/check-layering).
#include <unistd.h>

#include <array>
#include <iostream>

#include "cli/commands.h"
#include "web/serve_command.h"

namespace {

int serve(const hsg::cli::Args& args, hsg::cli::Io& io) {
  return hsg::web::serve_command(args, io.out, io.err);
}

constexpr std::array kExtraCommands{
    hsg::cli::Command{"serve", serve, "serve the web application"},
};

}  // namespace

int main(int argc, char** argv) {
  hsg::cli::Io io{std::cout, std::cerr, std::cin,
                  isatty(STDIN_FILENO) == 1 && isatty(STDERR_FILENO) == 1};
  const hsg::cli::Args args(argv + 1, argv + argc);
  const int code = hsg::cli::run_hsg(args, io, kExtraCommands);
  // A result that did not reach its reader (a full disk, a closed pipe) is not a success.
  if (!std::cout.flush()) {
    std::cerr << "hsg: error: could not write the output\n";
    return 2;
  }
  return code;
}
