#include "cli/password_input.h"

#include <termios.h>
#include <unistd.h>

#include <string>

#include "cli/input_error.h"

namespace hsg::cli {

namespace {

// Echo off on the terminal for as long as it lives, whatever happens while it does. Made
// before the first prompt is shown, so nothing typed after a prompt is echoed or (by
// TCSAFLUSH, which drops what was typed ahead) lost.
class EchoOff {
 public:
  EchoOff() {
    if (tcgetattr(STDIN_FILENO, &saved_) != 0) return;
    termios quiet = saved_;
    quiet.c_lflag &= ~static_cast<tcflag_t>(ECHO);
    active_ = tcsetattr(STDIN_FILENO, TCSAFLUSH, &quiet) == 0;
  }
  EchoOff(const EchoOff&) = delete;
  EchoOff& operator=(const EchoOff&) = delete;
  ~EchoOff() {
    if (active_) tcsetattr(STDIN_FILENO, TCSANOW, &saved_);
  }

 private:
  termios saved_{};
  bool active_ = false;
};

std::string first_line(std::istream& in) {
  std::string line;
  std::getline(in, line);
  if (!line.empty() && line.back() == '\r') line.pop_back();
  return line;
}

std::string ask(Io& io, const char* prompt) {
  io.err << prompt << std::flush;
  std::string answer = first_line(io.in);
  io.err << "\n";  // the newline typed was not echoed
  return answer;
}

}  // namespace

void add_password_option(CommandLine& command_line) {
  command_line.add()("password-stdin",
                     "read the password from the first line of standard input (default on a "
                     "terminal: ask twice without echo)");
}

std::string read_password(const CommandLine& command_line, Io& io) {
  if (command_line.has("password-stdin")) {
    if (!io.in) throw InputError("--password-stdin: standard input could not be read");
    return first_line(io.in);
  }
  if (!io.interactive) {
    throw InputError(
        "no password given: pass --password-stdin and the password on standard input's "
        "first line (a password is never an argument), or run on a terminal to be asked");
  }
  const EchoOff quiet;
  const std::string password = ask(io, "New password: ");
  if (ask(io, "The same password again: ") != password) {
    throw InputError("the two passwords differ: nothing was changed");
  }
  return password;
}

}  // namespace hsg::cli
