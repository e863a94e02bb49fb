// hsg user add on a terminal: the password is asked twice and never echoed. The binary
// runs on a pseudo-terminal (forkpty), as it would in an administrator's shell.
#include <poll.h>
#include <pty.h>
#include <signal.h>
#include <sys/wait.h>
#include <unistd.h>

#include <catch2/catch.hpp>
#include <string>
#include <vector>

#include "tests/cli/store_fixture.h"

namespace hsg::test {

namespace {

class Terminal {
 public:
  explicit Terminal(const std::vector<std::string>& args) {
    pid_ = forkpty(&master_, nullptr, nullptr, nullptr);
    if (pid_ == 0) {
      std::vector<char*> argv;
      std::string binary = HSG_BINARY;
      argv.push_back(binary.data());
      std::vector<std::string> copies = args;
      for (std::string& arg : copies) argv.push_back(arg.data());
      argv.push_back(nullptr);
      execv(binary.c_str(), argv.data());
      _exit(127);
    }
  }
  Terminal(const Terminal&) = delete;
  Terminal& operator=(const Terminal&) = delete;
  ~Terminal() {
    if (master_ >= 0) close(master_);
  }

  // Everything the program writes until `text` appears (or it stops writing for 10 s).
  std::string read_until(const std::string& text) {
    while (seen_.find(text) == std::string::npos && read_some()) {
    }
    return seen_;
  }
  void type(const std::string& text) {
    REQUIRE(write(master_, text.data(), text.size()) == static_cast<ssize_t>(text.size()));
  }
  // The rest of the output, then the exit code; a program still waiting once it has
  // written nothing for 10 s is killed (-1), so a lost keystroke fails the test, not hangs it.
  int finish() {
    while (read_some()) {
    }
    int status = 0;
    // The terminal closes a moment before the exit status is there to collect.
    for (int tries = 0; waitpid(pid_, &status, WNOHANG) == 0; ++tries) {
      if (tries == 500) {
        kill(pid_, SIGKILL);
        waitpid(pid_, &status, 0);
        return -1;
      }
      usleep(10000);
    }
    return WIFEXITED(status) ? WEXITSTATUS(status) : -1;
  }
  const std::string& seen() const { return seen_; }

 private:
  bool read_some() {
    pollfd ready{master_, POLLIN, 0};
    if (poll(&ready, 1, 10000) <= 0) return false;
    char buffer[256];
    const ssize_t got = read(master_, buffer, sizeof buffer);
    if (got <= 0) return false;  // EIO once the child has closed the terminal
    seen_.append(buffer, static_cast<std::size_t>(got));
    return true;
  }

  pid_t pid_ = -1;
  int master_ = -1;
  std::string seen_;
};

}  // namespace

TEST_CASE("user add on a terminal asks for the password twice without echoing it") {
  const StoreFixture store;
  Terminal terminal({"user", "add", "asha", "--role", "assessor", "--db", store.path()});
  terminal.read_until("New password: ");
  terminal.type("terminal passphrase\n");
  terminal.read_until("The same password again: ");
  terminal.type("terminal passphrase\n");
  CHECK(terminal.finish() == 0);
  CHECK(terminal.seen().find("terminal passphrase") == std::string::npos);
  CHECK(terminal.seen().find("Added user asha: assessor; enabled") != std::string::npos);
  CHECK(store.sql("SELECT count(*) FROM user_passwords;") == "1\n");
}

TEST_CASE("user add on a terminal refuses two different answers and writes nothing") {
  const StoreFixture store;
  Terminal terminal({"user", "add", "bob", "--role", "finance", "--db", store.path()});
  terminal.read_until("New password: ");
  terminal.type("first passphrase\n");
  terminal.read_until("The same password again: ");
  terminal.type("second passphrase\n");
  CHECK(terminal.finish() == 1);
  CHECK(terminal.seen().find("the two passwords differ: nothing was changed") != std::string::npos);
  CHECK(store.sql("SELECT count(*) FROM users;") == "0\n");
}

}  // namespace hsg::test
