// hsg import: all or nothing, every bad row named, and a killed import leaves no trace.
#include <catch2/catch.hpp>

#include <signal.h>
#include <sys/wait.h>
#include <unistd.h>

#include <fmt/core.h>
#include <chrono>
#include <thread>

#include "tests/cli/run_process.h"

using hsg::test::TempDir;

namespace {

const std::string kHeader =
    "client_ref,date,assessor,tenancy_skills,housing_options,home_maintenance,settling_in,"
    "on_call,money,health,safety,social,work_learning\n";
const std::string kWorkedRow =
    "alongside,none,none,alongside,monitoring,advice,none,alongside,none,none";

struct ImportStore {
  TempDir dir;
  std::string db = (dir / "hsg.db").string();
  ImportStore() {
    REQUIRE(hsg::test::run_hsg({"init", "--db", db, "--actor", "asha"}).exit_code == 0);
    REQUIRE(hsg::test::run_hsg(
                {"client", "add", "C-1", "--group", "older_people", "--db", db, "--actor", "asha"})
                .exit_code == 0);
  }
  std::string count() const {
    return hsg::test::run_sqlite(
        db, "SELECT (SELECT count(*) FROM allocations), (SELECT count(*) FROM audit_events);");
  }
};

}  // namespace

TEST_CASE("import: good rows are all recorded in one go") {
  ImportStore store;
  const auto csv = store.dir / "good.csv";
  hsg::test::write_file(csv, kHeader + "C-1,2025-01-15,ben," + kWorkedRow + "\r\n" +
                                 "\"C-1\",2025-02-01,\"chloe, senior\"," + kWorkedRow + "\n");
  const auto result = hsg::test::run_hsg({"import", csv.string(), "--db", store.db});
  CHECK(result.exit_code == 0);
  CHECK(result.out == fmt::format("imported 2 assessments from {}\n", csv.string()));
  CHECK(hsg::test::run_sqlite(store.db, "SELECT assessor, total_pence FROM allocations;") ==
        "ben|240500\nchloe, senior|240500\n");
}

TEST_CASE("import: every bad row is reported with line and column and nothing is written") {
  ImportStore store;
  const std::string before = store.count();
  const auto csv = store.dir / "bad.csv";
  hsg::test::write_file(
      csv, kHeader + "C-1,2025-01-15,ben," + kWorkedRow + "\n" +  // line 2: fine
               "C-9,2025-01-15,ben," + kWorkedRow + "\n" +        // 3: unknown client
               "C-1,2025-02-30,ben," + kWorkedRow + "\n" +        // 4: bad date
               "C-1,2025-01-15,ben,alongside,none,none,alongside,monitoring,lots,none,alongside,"
               "none,none\n" +                // 5: unknown option
               "C-1,2025-01-15,ben,none\n");  // 6: short row
  const auto result = hsg::test::run_hsg({"import", csv.string(), "--db", store.db});
  CHECK(result.exit_code == 1);
  CHECK(result.out.empty());
  const std::string file = csv.string();
  CHECK(result.err ==
        fmt::format("{0}:3:1: unknown client 'C-9' (client_ref)\n"
                    "{0}:4:2: '2025-02-30' is not a real date YYYY-MM-DD (date)\n"
                    "{0}:5:9: unknown option 'lots' for area 'money'; allowed: none, advice, "
                    "alongside, monitoring (money)\n"
                    "{0}:6: 4 fields where the header has 13\n"
                    "hsg: error: 4 problems; nothing was imported\n",
                    file));
  CHECK(store.count() == before);
}

TEST_CASE("import: killed with SIGKILL mid-import, the database is intact and unchanged") {
  ImportStore store;
  const std::string before = store.count();
  const auto csv = store.dir / "big.csv";
  std::string text = kHeader;
  for (int i = 0; i < 30000; ++i) text += "C-1,2025-01-15,ben," + kWorkedRow + "\n";
  hsg::test::write_file(csv, text);
  const auto wal = std::filesystem::path(store.db + "-wal");
  const auto wal_before = std::filesystem::exists(wal) ? std::filesystem::file_size(wal) : 0;
  const pid_t child = fork();
  REQUIRE(child >= 0);
  if (child == 0) {
    execl(HSG_BINARY, HSG_BINARY, "import", csv.c_str(), "--db", store.db.c_str(), nullptr);
    _exit(127);
  }
  // Wait until the import is writing (its transaction spills into the WAL), then kill it.
  for (int i = 0; i < 3000; ++i) {
    if (std::filesystem::exists(wal) && std::filesystem::file_size(wal) > wal_before + 65536) break;
    std::this_thread::sleep_for(std::chrono::milliseconds(5));
  }
  kill(child, SIGKILL);
  int status = 0;
  waitpid(child, &status, 0);
  CHECK(WIFSIGNALED(status));
  CHECK(hsg::test::run_sqlite(store.db, "PRAGMA integrity_check;") == "ok\n");
  CHECK(store.count() == before);
  const auto verify = hsg::test::run_hsg({"audit", "verify", "--db", store.db});
  CHECK(verify.exit_code == 0);
}
