// hsg import: all or nothing, every bad row named, a killed import leaves no trace, and
// the same rows are never recorded twice by accident.
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
  std::string sql(const std::string& query) const { return hsg::test::run_sqlite(db, query); }
  // The audit head: any write moves it.
  std::string head() const {
    return hsg::test::run_sqlite(db,
                                 "SELECT seq, hash FROM audit_events ORDER BY seq DESC LIMIT 1;");
  }
  hsg::test::ProcessResult import(const std::filesystem::path& csv,
                                  std::vector<std::string> more = {}) const {
    std::vector<std::string> args{"import", csv.string(), "--db", db, "--actor", "asha"};
    args.insert(args.end(), more.begin(), more.end());
    return hsg::test::run_hsg(args);
  }
  // An import that must fail with exit 1 and write nothing; its stderr.
  std::string refused(const std::filesystem::path& csv, std::vector<std::string> more = {}) const {
    const std::string before = head();
    const auto result = import(csv, std::move(more));
    CHECK(result.exit_code == 1);
    CHECK(result.out.empty());
    CHECK(head() == before);
    return result.err;
  }
};

// The two rows of the reproduction, as a spreadsheet might save them.
std::string good_rows(const std::string& line_end) {
  return kHeader.substr(0, kHeader.size() - 1) + line_end + "C-1,2025-01-15,ben," + kWorkedRow +
         line_end + "\"C-1\",2025-02-01,\"chloe senior\"," + kWorkedRow + line_end;
}

std::string without_newline(std::string text) {
  if (!text.empty() && text.back() == '\n') text.pop_back();
  return text;
}

}  // namespace

TEST_CASE("import: good rows are all recorded in one go") {
  ImportStore store;
  const auto csv = store.dir / "good.csv";
  hsg::test::write_file(csv, kHeader + "C-1,2025-01-15,ben," + kWorkedRow + "\r\n" +
                                 "\"C-1\",2025-02-01,\"chloe senior\"," + kWorkedRow + "\n");
  const auto result = hsg::test::run_hsg({"import", csv.string(), "--db", store.db});
  CHECK(result.exit_code == 0);
  CHECK(result.out == fmt::format("imported 2 assessments from {} as import 1\n", csv.string()));
  CHECK(hsg::test::run_sqlite(store.db, "SELECT assessor, total_pence FROM allocations;") ==
        "ben|240500\nchloe senior|240500\n");
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
                    "{0}:4:2: '2025-02-30' is not a real date in the form YYYY-MM-DD (date)\n"
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
  // Each row another assessor's, so that no row repeats another.
  for (int i = 0; i < 30000; ++i) {
    text += "C-1,2025-01-15,ben" + std::to_string(i) + "," + kWorkedRow + "\n";
  }
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

TEST_CASE("import: the same rows three times are recorded once, then refused naming the first") {
  ImportStore store;
  const auto csv = store.dir / "good.csv";
  hsg::test::write_file(csv, good_rows("\r\n"));
  const auto first = store.import(csv);
  CHECK(first.exit_code == 0);
  CHECK(first.out == fmt::format("imported 2 assessments from {} as import 1\n", csv.string()));
  const std::string at = without_newline(store.sql("SELECT at FROM imports;"));
  const auto refusal = [&](const std::filesystem::path& file) {
    return fmt::format(
        "hsg: error: the rows of {} were imported already: import 1 ({}, 2 assessments: "
        "allocations 1 to 2) at {} by asha; nothing was imported (to record them again on "
        "purpose, add --again)\n",
        file.string(), csv.string(), at);
  };
  CHECK(store.refused(csv) == refusal(csv));
  // The same rows saved again by a spreadsheet: a byte-order mark, LF, other quoting.
  const auto resaved = store.dir / "resaved.csv";
  std::string requoted = good_rows("\n");
  requoted.replace(requoted.find("C-1,2025-01-15,ben,"), 19, "\"C-1\",2025-01-15,\"ben\",");
  hsg::test::write_file(resaved, "\xEF\xBB\xBF" + requoted);
  CHECK(store.refused(resaved) == refusal(resaved));
  CHECK(store.sql("SELECT count(*) FROM allocations;") == "2\n");
  CHECK(store.sql("SELECT id, row_count, first_allocation_id, last_allocation_id, actor FROM "
                  "imports;") == "1|2|1|2|asha\n");
}

TEST_CASE("import: --again records the same rows again, as a deliberate re-import") {
  ImportStore store;
  const auto csv = store.dir / "good.csv";
  hsg::test::write_file(csv, good_rows("\n"));
  CHECK(store.refused(csv, {"--again"}) ==
        fmt::format("hsg: error: --again: the rows of {} were never imported or recorded, so "
                    "they cannot be recorded again; leave --again out\n",
                    csv.string()));
  REQUIRE(store.import(csv).exit_code == 0);
  const auto again = store.import(csv, {"--again"});
  CHECK(again.exit_code == 0);
  CHECK(again.out == fmt::format("imported 2 assessments from {} as import 2, again (the same "
                                 "rows as import 1)\n",
                                 csv.string()));
  CHECK(store.sql("SELECT id, row_count, first_allocation_id, last_allocation_id, "
                  "ifnull(again_of, '-') FROM imports;") == "1|2|1|2|-\n2|2|3|4|1\n");
  // The file's own hash, as sha256sum prints it, and the one the rows are known by.
  CHECK(store.sql("SELECT count(DISTINCT file_sha256), count(DISTINCT rows_sha256), "
                  "length(file_sha256) FROM imports;") == "1|1|64\n");
  const auto verify = hsg::test::run_hsg({"audit", "verify", "--db", store.db});
  CHECK(verify.exit_code == 0);
  CHECK(verify.out.starts_with("ok: 9 events and 9 records verified;"));
}

TEST_CASE("import: a CSV saved by Excel as CSV UTF-8, with a byte-order mark, is read") {
  ImportStore store;
  const auto csv = store.dir / "excel.csv";
  hsg::test::write_file(csv,
                        "\xEF\xBB\xBF" + kHeader + "C-1,2025-01-15,ben," + kWorkedRow + "\r\n");
  const auto result = store.import(csv);
  CHECK(result.err.empty());
  CHECK(result.exit_code == 0);
  CHECK(result.out == fmt::format("imported 1 assessment from {} as import 1\n", csv.string()));
  CHECK(store.sql("SELECT client_ref, total_pence FROM allocations;") == "C-1|240500\n");
}

TEST_CASE("import: a misspelt header is reported once, at its column, not once per row") {
  ImportStore store;
  const auto csv = store.dir / "misspelt.csv";
  std::string misspelt = kHeader;
  misspelt.replace(misspelt.find("tenancy_skills"), 14, "tenancy_skils");
  std::string text = misspelt;
  for (int i = 0; i < 3; ++i) text += "C-1,2025-01-15,ben," + std::string(kWorkedRow) + "\n";
  hsg::test::write_file(csv, text);
  CHECK(store.refused(csv) ==
        fmt::format("{}:1:4: unknown column 'tenancy_skils'; the columns are client_ref, date, "
                    "assessor and one per area of rule set medway 1.0: tenancy_skills, "
                    "housing_options, home_maintenance, settling_in, on_call, money, health, "
                    "safety, social, work_learning\n"
                    "hsg: error: 1 problem; nothing was imported\n",
                    csv.string()));
  std::string fixed_column = text;
  fixed_column.replace(0, 10, "clientref");
  hsg::test::write_file(csv, fixed_column);
  CHECK(store.refused(csv) ==
        fmt::format("{}:1:1: column 'clientref' should be 'client_ref': the header is "
                    "client_ref,date,assessor followed by one column per area\n"
                    "hsg: error: 1 problem; nothing was imported\n",
                    csv.string()));
  std::string missing_area = kHeader;
  missing_area.erase(missing_area.find(",work_learning"), 14);
  hsg::test::write_file(csv, missing_area +
                                 "C-1,2025-01-15,ben,alongside,none,none,alongside,"
                                 "monitoring,advice,none,alongside,none\n");
  CHECK(store.refused(csv) ==
        fmt::format("{}:1: the header has no column for area work_learning of rule set medway "
                    "1.0\nhsg: error: 1 problem; nothing was imported\n",
                    csv.string()));
}

TEST_CASE("import: a file with no data rows is refused") {
  ImportStore store;
  const auto csv = store.dir / "empty.csv";
  const std::string no_rows = fmt::format(
      "{}:1: no assessments to import: the file has a header but no rows\n"
      "hsg: error: 1 problem; nothing was imported\n",
      csv.string());
  hsg::test::write_file(csv, kHeader);
  CHECK(store.refused(csv) == no_rows);
  hsg::test::write_file(csv, "\xEF\xBB\xBF" + kHeader + "\n\r\n");
  CHECK(store.refused(csv) == no_rows);
  hsg::test::write_file(csv, "");
  CHECK(store.refused(csv) ==
        fmt::format("{}:1: the file is empty: the header is client_ref,date,assessor followed "
                    "by one column per area, then one row per assessment\n"
                    "hsg: error: 1 problem; nothing was imported\n",
                    csv.string()));
  CHECK(store.sql("SELECT count(*) FROM imports;") == "0\n");
}

TEST_CASE(
    "import: the same assessments sorted, reordered, repeated or retyped are not recorded twice") {
  ImportStore store;
  const auto csv = store.dir / "good.csv";
  hsg::test::write_file(csv, good_rows("\n"));
  REQUIRE(store.import(csv).exit_code == 0);
  const std::string at = without_newline(store.sql("SELECT at FROM imports;"));
  const std::string imported_already = fmt::format(
      "the rows of {{}} were imported already: import 1 ({}, 2 assessments: allocations 1 to "
      "2) at {} by asha; nothing was imported (to record them again on purpose, add --again)\n",
      csv.string(), at);
  // The rows sorted the other way, the area columns swapped, the assessors retyped.
  const auto sorted = store.dir / "sorted.csv";
  const std::string swapped_header =
      "client_ref,date,assessor,housing_options,tenancy_skills,home_maintenance,settling_in,"
      "on_call,money,health,safety,social,work_learning\n";
  const std::string swapped_row =
      "none,alongside,none,alongside,monitoring,advice,none,alongside,none,none";
  hsg::test::write_file(sorted, swapped_header + "C-1,2025-02-01,Chloe  Senior," + swapped_row +
                                    "\nC-1,2025-01-15,  BEN ," + swapped_row + "\n");
  CHECK(store.refused(sorted) ==
        "hsg: error: " + fmt::format(fmt::runtime(imported_already), sorted.string()));
  // One of those rows with a new one: the old row is named, at its line.
  const auto more = store.dir / "more.csv";
  hsg::test::write_file(more, kHeader + "C-1,2025-01-15,ben," + kWorkedRow +
                                  "\nC-1,2025-03-01,ben," + kWorkedRow + "\n");
  CHECK(store.refused(more) ==
        more.string() +
            ":2: this assessment of C-1 on 2025-01-15 by ben with these answers is recorded "
            "already, as allocation 1 (to record it again on purpose, add --again)\n"
            "hsg: error: 1 problem; nothing was imported\n");
  // A row given twice in one file.
  const auto twice = store.dir / "twice.csv";
  hsg::test::write_file(twice, kHeader + "C-1,2025-04-01,ben," + kWorkedRow +
                                   "\nC-1,2025-04-01,Ben," + kWorkedRow + "\n");
  CHECK(store.refused(twice) ==
        twice.string() +
            ":3: repeats line 2: the same client, date, assessor and answers\n"
            "hsg: error: 1 problem; nothing was imported\n");
  // An assessor who is not one person's normal name.
  const auto bad = store.dir / "bad.csv";
  hsg::test::write_file(bad, kHeader + "C-1,2025-04-01,ben!," + kWorkedRow + "\n");
  CHECK(store.refused(bad) ==
        bad.string() +
            ":2:3: the actor 'ben!' may hold only letters a-z (capitals are lowercased), "
            "digits 0-9, '.', '_', '-', '@' and single spaces (assessor)\n"
            "hsg: error: 1 problem; nothing was imported\n");
  CHECK(store.sql("SELECT count(*) FROM allocations;") == "2\n");
  // Meant: --again records the known row again with the new one.
  const auto again = store.import(more, {"--again"});
  CHECK(again.exit_code == 0);
  CHECK(again.out == fmt::format("imported 2 assessments from {} as import 2\n", more.string()));
  CHECK(store.sql("SELECT assessor FROM allocations ORDER BY id;") ==
        "ben\nchloe senior\nben\nben\n");
}
