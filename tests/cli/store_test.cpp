// The store end to end: recording, four eyes, a bad command changes nothing, tampering
// is named, concurrent writers all land.
#include <catch2/catch.hpp>

#include <sys/wait.h>
#include <unistd.h>

#include <nlohmann/json.hpp>

#include "tests/cli/run_process.h"

using hsg::test::ProcessResult;
using hsg::test::RunOptions;
using hsg::test::TempDir;

namespace {

const std::string kWorked = HSG_SOURCE_DIR "/docs/examples/worked-example.toml";

class Store {
 public:
  // A new database; with `client`, initialised and holding client C-1.
  explicit Store(bool client = true) : db_((dir_ / "hsg.db").string()) {
    if (!client) return;
    ok({"init", "--actor", "asha"});
    ok({"client", "add", "C-1", "--group", "Older people with support needs", "--actor", "asha"});
  }
  ProcessResult run(std::vector<std::string> args) const {
    args.push_back("--db");
    args.push_back(db_);
    return hsg::test::run_hsg(args);
  }
  ProcessResult ok(const std::vector<std::string>& args) const {
    ProcessResult result = run(args);
    INFO(result.err);
    REQUIRE(result.exit_code == 0);
    return result;
  }
  std::string sql(const std::string& query) const { return hsg::test::run_sqlite(db_, query); }
  // Everything a bad command must leave as it was.
  std::string fingerprint() const {
    return sql(
        "SELECT (SELECT count(*) FROM clients), (SELECT count(*) FROM allocations), "
        "(SELECT count(*) FROM decisions), (SELECT count(*) FROM audit_events), "
        "(SELECT hash FROM audit_events ORDER BY seq DESC LIMIT 1);");
  }
  const std::string& path() const { return db_; }

 private:
  TempDir dir_;
  std::string db_;
};

}  // namespace

TEST_CASE("store: allocate records the worked example and show replays it") {
  Store store;
  const auto allocated = store.ok({"allocate", "C-1", "--answers", kWorked, "--date", "2025-01-15",
                                   "--actor", "asha", "--json"});
  const auto json = nlohmann::json::parse(allocated.out);
  CHECK(json["allocation_id"] == 1);
  CHECK(json["total"] == "2405.00");
  CHECK(store.sql("SELECT client_ref, assessed_on, assessor, total_pence FROM allocations;") ==
        "C-1|2025-01-15|asha|240500\n");
  const auto shown = store.ok({"show", "1"});
  CHECK(shown.out.find("Allocation #1 for client C-1, assessed by asha") != std::string::npos);
  CHECK(shown.out.find("Indicative grant:  £2,405.00") != std::string::npos);
  CHECK(shown.out.find("Allocation #1: indicative") != std::string::npos);
  CHECK(store.ok({"audit", "verify"}).out.rfind("ok: 4 events and 4 records verified", 0) == 0);
}

TEST_CASE("store: an adjustment beyond 10% needs a different person's approval") {
  Store store;
  store.ok({"allocate", "C-1", "--answers", kWorked, "--date", "2025-01-15", "--actor", "asha"});
  // Within tolerance: 2405.00 → 2200.00 is 8.5% less.
  CHECK(
      store.ok({"agree", "1", "--amount", "2200.00", "--reason", "family help", "--actor", "asha"})
          .out.rfind("Allocation #1: agreed\n", 0) == 0);
  // Beyond: 2000.00 is 16.8% less.
  CHECK(store.ok({"agree", "1", "--amount", "2000", "--reason", "family help", "--actor", "asha"})
            .out.rfind("Allocation #1: pending_approval\n", 0) == 0);
  const std::string before = store.fingerprint();
  const auto own = store.run({"approve", "1", "--actor", "asha"});
  CHECK(own.exit_code == 1);
  CHECK(own.err ==
        "hsg: error: cannot approve allocation 1: asha agreed this amount, so another "
        "person must approve it\n");
  CHECK(store.fingerprint() == before);
  CHECK(store.ok({"approve", "1", "--actor", "ben"}).out.find("approved by ben") !=
        std::string::npos);
}

TEST_CASE("store: a bad command changes nothing") {
  Store store;
  store.ok({"allocate", "C-1", "--answers", kWorked, "--date", "2025-01-15", "--actor", "asha"});
  const std::string before = store.fingerprint();
  const std::vector<std::vector<std::string>> bad{
      {"allocate", "C-404", "--answers", kWorked, "--date", "2025-01-15"},
      {"allocate", "C-1", "--answer", "money=lots", "--date", "2025-01-15"},
      {"allocate", "C-1", "--answers", kWorked, "--date", "2025-13-01"},
      {"allocate", "C-1", "--answers", kWorked, "--date", "2020-01-01"},
      {"allocate", "C-1", "--answers", kWorked, "--rules", "feedface"},
      {"agree", "1", "--amount", "2000"},
      {"agree", "1", "--amount", "20.001", "--reason", "x"},
      {"agree", "99", "--amount", "2000", "--reason", "x"},
      {"reject", "1"},
      {"client", "add", "C-1", "--group", "older_people"},
      {"client", "add", "C-2", "--group", "pensioners"},
      {"rules", "add", HSG_SOURCE_DIR "/docs/examples/rules-with-mistakes.toml"},
  };
  for (const auto& args : bad) {
    const auto result = store.run(args);
    INFO(args.front() << " " << args.at(1) << ": " << result.err);
    CHECK(result.exit_code == 1);
    CHECK(result.out.empty());
    CHECK_FALSE(result.err.empty());
    CHECK(store.fingerprint() == before);
  }
}

TEST_CASE("store: a changed allocation is named by audit verify, a cut log by a checkpoint") {
  Store store;
  store.ok({"allocate", "C-1", "--answers", kWorked, "--date", "2025-01-15", "--actor", "asha"});
  store.ok({"agree", "1", "--amount", "2300", "--reason", "x", "--actor", "asha"});
  const std::string triggers = store.sql(
      "SELECT name FROM sqlite_master WHERE type='trigger' AND tbl_name='allocations' "
      "AND name LIKE '%update%';");
  REQUIRE_FALSE(triggers.empty());
  store.sql("DROP TRIGGER " + triggers.substr(0, triggers.find('\n')) +
            "; UPDATE allocations SET total_pence = 250000 WHERE id = 1;");
  const auto tampered = store.run({"audit", "verify"});
  CHECK(tampered.exit_code == 1);
  CHECK(tampered.err == "hsg: audit verification FAILED: trigger " +
                            triggers.substr(0, triggers.find('\n')) +
                            " on allocations is missing\n"
                            "hsg: audit verification FAILED: allocations 1 no longer matches audit "
                            "event 4 that wrote it\n");

  Store other;
  other.ok({"allocate", "C-1", "--answers", kWorked, "--date", "2025-01-15", "--actor", "asha"});
  const std::string early = other.ok({"audit", "checkpoint"}).out;
  other.ok({"agree", "1", "--amount", "2300", "--reason", "x", "--actor", "asha"});
  const std::string late = other.ok({"audit", "checkpoint"}).out;
  const std::string late_seq = late.substr(0, late.find(':'));
  // An insider removes the newest event and the row it wrote, triggers dropped first and
  // put back after: the chain that is left is consistent, so only the checkpoint can show
  // the loss.
  const std::string triggers_all =
      other.sql("SELECT group_concat(name, ' ') FROM sqlite_master WHERE type='trigger';");
  std::string drop;
  for (std::size_t at = 0; at < triggers_all.size();) {
    const std::size_t end = triggers_all.find_first_of(" \n", at);
    drop += "DROP TRIGGER " + triggers_all.substr(at, end - at) + ";";
    at = end + 1;
  }
  std::string create = other.sql(
      "SELECT group_concat(sql, ';' || char(10)) FROM sqlite_master WHERE type='trigger';");
  create.pop_back();
  other.sql(drop + "DELETE FROM decisions; DELETE FROM audit_events WHERE seq = " + late_seq + ";" +
            create + ";");
  CHECK(other.run({"audit", "verify"}).exit_code == 0);
  CHECK(
      other.run({"audit", "verify", "--checkpoint", early.substr(0, early.size() - 1)}).exit_code ==
      0);
  const auto cut = other.run({"audit", "verify", "--checkpoint", late.substr(0, late.size() - 1)});
  CHECK(cut.exit_code == 1);
  CHECK(cut.err.find(late_seq) != std::string::npos);
}

TEST_CASE("store: two processes recording 200 allocations each all land, chain intact") {
  Store store;
  std::vector<pid_t> writers;
  for (const std::string actor : {"asha", "ben"}) {
    const pid_t child = fork();
    REQUIRE(child >= 0);
    if (child == 0) {
      for (int i = 0; i < 200; ++i) {
        const auto result = store.run(
            {"allocate", "C-1", "--answers", kWorked, "--date", "2025-01-15", "--actor", actor});
        if (result.exit_code != 0) _exit(1);
      }
      _exit(0);
    }
    writers.push_back(child);
  }
  for (const pid_t writer : writers) {
    int status = 0;
    waitpid(writer, &status, 0);
    CHECK(WIFEXITED(status));
    CHECK(WEXITSTATUS(status) == 0);
  }
  CHECK(store.sql("SELECT count(*), count(DISTINCT assessor) FROM allocations;") == "400|2\n");
  CHECK(store.ok({"audit", "verify"}).out.rfind("ok: 403 events and 403 records verified", 0) == 0);
}

TEST_CASE("store: opening another program's database is refused and leaves it alone") {
  TempDir dir;
  const std::string path = (dir / "other.db").string();
  hsg::test::run_sqlite(path, "CREATE TABLE t(x); PRAGMA application_id = 7;");
  const auto result = hsg::test::run_hsg({"client", "list", "--db", path});
  CHECK(result.exit_code == 1);
  CHECK(result.err.find("is not an hsg database") != std::string::npos);
  CHECK(hsg::test::run_sqlite(path, "PRAGMA application_id;") == "7\n");
}

TEST_CASE("store: commands other than init refuse a missing database") {
  TempDir dir;
  const auto result = hsg::test::run_hsg({"client", "list", "--db", (dir / "none.db").string()});
  CHECK(result.exit_code == 1);
  CHECK_FALSE(std::filesystem::exists(dir / "none.db"));
}
