// A database for end-to-end tests (grants, ledger, replay): the real hsg binary on a fresh
// file, holding client C-1 and the worked example of domain.md as allocation 1.
#pragma once

#include <catch2/catch.hpp>

#include <string>
#include <vector>

#include "tests/cli/run_process.h"

namespace hsg::test {

class StoreFixture {
 public:
  // With `worked`: init, client C-1, allocation 1 (the worked example, 2025-01-15).
  explicit StoreFixture(bool worked = true) : db_((dir_ / "hsg.db").string()) {
    if (!worked) return;
    ok({"init", "--actor", "asha"});
    ok({"client", "add", "C-1", "--group", "Older people with support needs", "--actor", "asha"});
    ok({"allocate", "C-1", "--answers", HSG_SOURCE_DIR "/docs/examples/worked-example.toml",
        "--date", "2025-01-15", "--actor", "asha"});
  }
  ProcessResult run(std::vector<std::string> args) const {
    args.push_back("--db");
    args.push_back(db_);
    return run_hsg(args);
  }
  ProcessResult ok(const std::vector<std::string>& args) const {
    ProcessResult result = run(args);
    INFO(result.err);
    REQUIRE(result.exit_code == 0);
    return result;
  }
  // Runs a command that must fail with exit 1 and change nothing; its stderr.
  std::string refused(const std::vector<std::string>& args) const {
    const std::string before = fingerprint();
    ProcessResult result = run(args);
    INFO(result.out);
    CHECK(result.exit_code == 1);
    CHECK(result.out.empty());
    CHECK(fingerprint() == before);
    return result.err;
  }
  std::string sql(const std::string& query) const { return run_sqlite(db_, query); }
  std::string fingerprint() const {
    return sql(
        "SELECT (SELECT count(*) FROM audit_events), (SELECT hash FROM audit_events "
        "ORDER BY seq DESC LIMIT 1);");
  }
  const std::string& path() const { return db_; }
  const TempDir& dir() const { return dir_; }

 private:
  TempDir dir_;
  std::string db_;
};

}  // namespace hsg::test
