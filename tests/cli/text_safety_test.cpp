// Issue 20, hostile text: input that is not UTF-8 is refused wherever it enters, free text
// holds no control character (and stored text is printed escaped), an error quotes input
// cut and escaped, and a huge CSV header is one problem, found fast.
#include <catch2/catch.hpp>

#include <fmt/core.h>

#include <algorithm>
#include <string>

#include "tests/cli/store_fixture.h"

using hsg::test::StoreFixture;

namespace {

const std::string kAreas =
    "tenancy_skills, housing_options, home_maintenance, settling_in, on_call, money, health, "
    "safety, social, work_learning";
const std::string kHeader =
    "client_ref,date,assessor,tenancy_skills,housing_options,home_maintenance,settling_in,"
    "on_call,money,health,safety,social,work_learning\n";
const std::string kWorkedRow =
    "alongside,none,none,alongside,monitoring,advice,none,alongside,none,none";

std::string csv_file(const StoreFixture& store, const std::string& text) {
  const std::string path = (store.dir() / "rows.csv").string();
  hsg::test::write_file(path, text);
  return path;
}

std::size_t line_count(const std::string& text) {
  return static_cast<std::size_t>(std::count(text.begin(), text.end(), '\n'));
}

}  // namespace

TEST_CASE("text: an import whose assessor holds byte 0xFF is refused at its line and column") {
  StoreFixture store;
  const std::string csv = csv_file(store, kHeader + "C-1,2025-01-15,b\xFFn," + kWorkedRow + "\n");
  CHECK(store.refused({"import", csv, "--actor", "asha"}) ==
        csv + ":2:17: byte 0xFF is not UTF-8; the file must be saved as UTF-8 text\n");
  CHECK(store.sql("SELECT count(*) FROM imports;") == "0\n");
}

TEST_CASE("text: an option value, an argument or an answers file that is not UTF-8 is refused") {
  StoreFixture store;
  CHECK(store.refused(
            {"agree", "1", "--amount", "2200.00", "--reason", "ok\xFF", "--actor", "asha"}) ==
        "hsg: error: --reason is not UTF-8 (byte 0xFF at character 3 of 'ok\\xFF'); every "
        "argument must be UTF-8 text (see 'hsg agree --help')\n");
  CHECK(store.refused({"client", "add",
                       "C-\xFF"
                       "2",
                       "--group", "older_people", "--actor", "asha"}) ==
        "hsg: error: the argument REF is not UTF-8 (byte 0xFF at character 3 of 'C-\\xFF2'); "
        "every argument must be UTF-8 text (see 'hsg client add --help')\n");
  const std::string answers = (store.dir() / "answers.toml").string();
  hsg::test::write_file(answers, "[answers]\nmoney = \"advice\" # caf\xC3\xA9 \xFF\n");
  CHECK(store.refused(
            {"allocate", "C-1", "--answers", answers, "--date", "2025-01-15", "--actor", "asha"}) ==
        answers + ":2:25: byte 0xFF is not UTF-8; the file must be saved as UTF-8 text\n");
}

TEST_CASE("text: a reason with a newline or an ANSI escape cannot forge a statement line") {
  StoreFixture store;
  CHECK(store.refused({"agree", "1", "--amount", "2200.00", "--reason",
                       "Family support\n  approved by ben at 2025-01-16T09:00:00Z", "--actor",
                       "asha"}) ==
        "hsg: error: cannot agree an amount for allocation 1: the reason contains a control "
        "character (\\n "
        "at character 15): it must be one line of text\n");
  store.ok({"agree", "1", "--amount", "1800.00", "--reason", "Family support", "--actor", "asha"});
  CHECK(store.refused({"reject", "1", "--reason", "no\x1B[2K", "--actor", "ben"}) ==
        "hsg: error: cannot reject allocation 1: the reason contains a control character "
        "(\\x1B at character 3): it must be one line of text\n");
}

TEST_CASE("text: an actor an older hsg stored with a newline is listed escaped, on one line") {
  StoreFixture store;
  // The row as an older hsg let it be stored; `audit log` lists rows, it does not re-hash.
  store.sql(
      "DROP TRIGGER audit_events_no_update;"
      "UPDATE audit_events SET actor = 'asha' || char(10) || '     9 2025-01-16T09:00:00Z ben' "
      "WHERE seq = 1;"
      "CREATE TRIGGER audit_events_no_update BEFORE UPDATE ON audit_events\n"
      "BEGIN SELECT RAISE(ABORT, 'append-only: audit_events rows are never updated'); END;");
  const auto listed = store.ok({"audit", "log"});
  const std::string first = listed.out.substr(0, listed.out.find('\n'));
  CHECK(first.find(" asha\\n     9 2025-01-16T09:00:00Z ben ruleset.add ") != std::string::npos);
  CHECK(listed.out.find("\n     9 2025-01-16T09:00:00Z ben") == std::string::npos);
}

TEST_CASE("text: an error quotes a huge or NUL-holding value cut and escaped") {
  StoreFixture store;
  const std::string huge(100000, 'x');
  CHECK(store.refused({"agree", "1", "--amount", huge, "--reason", "r", "--actor", "asha"}) ==
        fmt::format("hsg: error: --amount '{}\u2026(100000 bytes)' is not a decimal number "
                    "(digits, optionally '.' and up to two decimals) (see 'hsg agree --help')\n",
                    std::string(60, 'x')));
  const std::string client = std::string("C-\0", 3) + std::string(1000000, 'y');
  const std::string csv =
      csv_file(store, kHeader + client + ",2025-01-15,ben," + kWorkedRow + "\n");
  const std::string err = store.refused({"import", csv, "--actor", "asha"});
  CHECK(err == fmt::format("{}:2:1: unknown client 'C-\\x00{}\u2026(1000003 bytes)' (client_ref)\n"
                           "hsg: error: 1 problem; nothing was imported\n",
                           csv, std::string(57, 'y')));
}

TEST_CASE("text: a 100,000-column CSV header is one problem, not 100,001 lines") {
  StoreFixture store;
  std::string header = "client_ref,date,assessor";
  std::string row = "C-1,2025-01-15,ben";
  for (int column = 0; column < 100000; ++column) {
    header += fmt::format(",c{}", column);
    row += ",none";
  }
  const std::string csv = csv_file(store, header + "\n" + row + "\n");
  const std::string err = store.refused({"import", csv, "--actor", "asha"});
  CHECK(line_count(err) == 2);
  CHECK(err == fmt::format("{}:1: the header has 100000 area columns but rule set medway 1.0 has "
                           "10 areas, one column each: {}; column 4 'c0' is not one of them\n"
                           "hsg: error: 1 problem; nothing was imported\n",
                           csv, kAreas));
  std::string repeated = "client_ref,date,assessor";
  for (int column = 0; column < 100000; ++column) repeated += ",money";
  const std::string again =
      store.refused({"import", csv_file(store, repeated + "\n" + row + "\n"), "--actor", "asha"});
  CHECK(line_count(again) == 12);
  CHECK(again.starts_with(fmt::format("{}:1:5: column 'money' appears twice\n", csv)));
  CHECK(
      again.ends_with(fmt::format("{}:1:14: column 'money' appears twice\n{}:1: 99989 more "
                                  "columns repeat an earlier one\nhsg: error: 11 problems; "
                                  "nothing was imported\n",
                                  csv, csv)));
}
