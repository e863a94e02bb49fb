// The interactive questionnaire, driven through a real pseudo-terminal.
#include <catch2/catch.hpp>

#include <pty.h>
#include <sys/wait.h>
#include <unistd.h>

#include <string>

#include "tests/cli/run_process.h"

namespace {

struct PtyResult {
  int exit_code = -1;
  std::string screen;  // everything the terminal showed: prompts, echo, statement
};

PtyResult run_on_terminal(const std::vector<std::string>& args, const std::string& typed) {
  int terminal = -1;
  const pid_t child = forkpty(&terminal, nullptr, nullptr, nullptr);
  REQUIRE(child >= 0);
  if (child == 0) {
    if (chdir(HSG_SOURCE_DIR) != 0) _exit(127);
    std::vector<char*> argv{const_cast<char*>(HSG_BINARY)};
    for (const std::string& arg : args) argv.push_back(const_cast<char*>(arg.c_str()));
    argv.push_back(nullptr);
    execv(HSG_BINARY, argv.data());
    _exit(127);
  }
  // The terminal's line discipline holds typed lines until hsg reads them.
  REQUIRE(write(terminal, typed.data(), typed.size()) == static_cast<ssize_t>(typed.size()));
  PtyResult result;
  char buffer[4096];
  for (ssize_t got = read(terminal, buffer, sizeof buffer); got > 0;
       got = read(terminal, buffer, sizeof buffer)) {
    result.screen.append(buffer, static_cast<std::size_t>(got));
  }
  int status = 0;
  waitpid(child, &status, 0);
  close(terminal);
  result.exit_code = WIFEXITED(status) ? WEXITSTATUS(status) : -1;
  return result;
}

}  // namespace

TEST_CASE("questionnaire: asks each question, re-asks a bad choice, saves the answers") {
  hsg::test::TempDir dir;
  const std::string saved = (dir / "answers.toml").string();
  // tenancy alongside, housing none, home none, settling alongside, on_call monitoring,
  // money advice, health none, safety: "9" (refused) then alongside, social none, work none.
  const PtyResult result = run_on_terminal({"assess", "--date", "2025-01-15", "--save", saved},
                                           "3\n1\n1\n3\n4\n2\n1\n9\n3\n1\n1\n");
  CHECK(result.exit_code == 0);
  CHECK(result.screen.find("Question 1 of 10: Managing the home and tenancy: skills and "
                           "confidence") != std::string::npos);
  CHECK(result.screen.find("  4. Ongoing monitoring and occasional help to keep things going") !=
        std::string::npos);
  CHECK(result.screen.find("Please type a number from 1 to 4.") != std::string::npos);
  CHECK(result.screen.find("Indicative grant:  £2,405.00") != std::string::npos);
  CHECK(hsg::test::read_file(saved) ==
        hsg::test::read_file(HSG_SOURCE_DIR "/docs/examples/worked-example.toml"));
}

TEST_CASE("questionnaire: input ending early is an error and saves nothing") {
  hsg::test::TempDir dir;
  const std::string saved = (dir / "answers.toml").string();
  const PtyResult result =
      run_on_terminal({"assess", "--date", "2025-01-15", "--save", saved}, "3\n1\n\x04");
  CHECK(result.exit_code == 1);
  CHECK(result.screen.find("hsg: error: input ended before question 'home_maintenance' was "
                           "answered; nothing was calculated") != std::string::npos);
  CHECK_FALSE(std::filesystem::exists(saved));
}
