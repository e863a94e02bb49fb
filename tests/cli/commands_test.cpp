// The command table: version, help everywhere, and what a missing or unknown command does.
#include <catch2/catch.hpp>

#include <string>
#include <vector>

#include "tests/cli/run_process.h"

using hsg::test::run_hsg;

TEST_CASE("hsg --version and --help of every command") {
  CHECK(run_hsg({"--version"}).out == "hsg 0.1.0 (engine 1.0.0)\n");
  for (const std::vector<std::string>& command : {std::vector<std::string>{"--help"},
                                                  {"assess", "--help"},
                                                  {"rules", "--help"},
                                                  {"rules", "check", "--help"},
                                                  {"rules", "show", "--help"},
                                                  {"rules", "add", "--help"},
                                                  {"rules", "list", "--help"},
                                                  {"rules", "adopt", "--help"},
                                                  {"rules", "approve-adoption", "--help"},
                                                  {"rules", "reject-adoption", "--help"},
                                                  {"rules", "retire", "--help"},
                                                  {"init", "--help"},
                                                  {"client", "--help"},
                                                  {"client", "add", "--help"},
                                                  {"client", "show", "--help"},
                                                  {"client", "list", "--help"},
                                                  {"allocate", "--help"},
                                                  {"agree", "--help"},
                                                  {"approve", "--help"},
                                                  {"reject", "--help"},
                                                  {"show", "--help"},
                                                  {"audit", "--help"},
                                                  {"audit", "log", "--help"},
                                                  {"audit", "verify", "--help"},
                                                  {"audit", "checkpoint", "--help"},
                                                  {"import", "--help"},
                                                  {"generate", "--help"},
                                                  {"outcome", "--help"},
                                                  {"outcome", "record", "--help"},
                                                  {"outcome", "show", "--help"},
                                                  {"report", "--help"},
                                                  {"report", "outcomes", "--help"},
                                                  {"user", "--help"},
                                                  {"user", "add", "--help"},
                                                  {"user", "list", "--help"},
                                                  {"user", "disable", "--help"},
                                                  {"user", "enable", "--help"},
                                                  {"user", "grant", "--help"},
                                                  {"user", "revoke", "--help"},
                                                  {"user", "password", "--help"}}) {
    const auto result = run_hsg(command);
    INFO(command.front());
    CHECK(result.exit_code == 0);
    CHECK(result.out.rfind("Usage: hsg", 0) == 0);
  }
  CHECK(run_hsg({"frobnicate"}).exit_code == 1);
}

TEST_CASE("a missing or unknown command or subcommand is an error, with the usage to stderr") {
  const auto none = run_hsg({});
  CHECK(none.exit_code == 1);
  CHECK(none.out.empty());
  CHECK(none.err.rfind("hsg: error: no command given\n\nUsage: hsg COMMAND", 0) == 0);
  for (const std::string command : {"rules", "client", "audit"}) {
    INFO(command);
    const auto missing = run_hsg({command});
    CHECK(missing.exit_code == 1);
    CHECK(missing.out.empty());
    CHECK(missing.err.rfind("hsg: error: 'hsg " + command + "' needs a subcommand\n\nUsage: hsg " +
                                command + " SUBCOMMAND\n",
                            0) == 0);
    const auto unknown = run_hsg({command, "frobnicate"});
    CHECK(unknown.exit_code == 1);
    CHECK(unknown.out.empty());
    CHECK(unknown.err == "hsg: error: unknown subcommand '" + command + " frobnicate' (see 'hsg " +
                             command + " --help')\n");
  }
  const auto unknown = run_hsg({"frobnicate"});
  CHECK(unknown.exit_code == 1);
  CHECK(unknown.out.empty());
  CHECK(unknown.err == "hsg: error: unknown command 'frobnicate' (see 'hsg --help')\n");
}
