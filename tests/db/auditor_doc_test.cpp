// docs/auditor.md's commands and scripts, run as written on a store made by hsg: they
// must agree with AuditLog on a sound store and name the same problem on a tampered one.
#include <sys/wait.h>

#include <SQLiteCpp/Database.h>
#include <catch2/catch.hpp>
#include <fstream>
#include <sstream>

#include "db/allocations.h"
#include "db/audit_log.h"
#include "db/clients.h"
#include "db/decisions.h"
#include "tests/db/db_fixture.h"

namespace hsg::test {

namespace {

std::string read_text(const std::filesystem::path& path) {
  std::ifstream in(path);
  std::stringstream text;
  text << in.rdbuf();
  return text.str();
}

// Writes every "```python NAME" block of the guide to NAME in `dir`, and returns the
// commands ("$ " lines) of the console blocks of its section "Checking it yourself",
// joined in order: the auditor's own export and check.
std::string extract_guide(const std::filesystem::path& dir) {
  std::istringstream guide(read_text(std::filesystem::path(HSG_SOURCE_DIR) / "docs/auditor.md"));
  std::string line;
  std::string shell;
  std::ofstream* sink = nullptr;
  std::ofstream script;
  bool in_section = false;
  bool in_console = false;
  while (std::getline(guide, line)) {
    if (line.starts_with("## ")) in_section = line == "## Checking it yourself";
    if (line.starts_with("```python ")) {
      script = std::ofstream(dir / line.substr(10));
      sink = &script;
    } else if (line == "```console") {
      in_console = in_section;
    } else if (line == "```") {
      if (sink) sink->close();
      sink = nullptr;
      in_console = false;
    } else if (sink) {
      *sink << line << '\n';
    } else if (in_console && line.starts_with("$ ")) {
      shell += line.substr(2) + '\n';
    }
  }
  return shell;
}

struct Run {
  int status = -1;
  std::string output;
};

Run run_in(const std::filesystem::path& dir, const std::string& command) {
  const std::string full = "cd '" + dir.string() + "' && (" + command + ") > output.txt 2>&1";
  const int raw = std::system(full.c_str());
  return {WIFEXITED(raw) ? WEXITSTATUS(raw) : -1, read_text(dir / "output.txt")};
}

bool tools_available() {
  return std::system("command -v python3 >/dev/null && command -v sqlite3 >/dev/null") == 0;
}

// Five events (rule set, client, its name, allocation 1 as event 4, an agreement), with
// text that needs escaping: quotes, a line break, non-ASCII letters.
std::string fill(const std::filesystem::path& path) {
  db::Database database = open_database(path);
  const std::string ruleset_id = add_medway(database);
  ok(db::ClientRepository(database).add(stamp("alice"),
                                        {"C-1", "refugees", true, std::string("Zoë Brontë")}));
  ok(db::AllocationRepository(database).record(stamp("alice"), worked_example("C-1", ruleset_id)));
  ok(db::DecisionRepository(database).agree(stamp("aoife ni bhriain"), 1,
                                            engine::Money::from_pence(300000),
                                            "extra \"night\" cover \\ agreed with Zoë"));
  return ok(db::AuditLog(database).checkpoint());
}

}  // namespace

TEST_CASE("the auditor's scripts recompute the chain and rows of a sound store") {
  if (!tools_available()) {
    WARN("python3 or sqlite3 not on PATH: docs/auditor.md scripts not run");
    return;
  }
  TempDir dir;
  const std::string checkpoint = fill(dir.file("hsg.db"));
  const std::string shell = extract_guide(dir.file(""));
  const Run run = run_in(dir.file(""), shell);
  CHECK(run.output == "chain ok, checkpoint " + checkpoint + "\nrows ok\n");
  CHECK(run.status == 0);
  CHECK(run_in(dir.file(""), "python3 check_chain.py events.json " + checkpoint).status == 0);
  CHECK(
      run_in(dir.file(""), "python3 check_chain.py events.json 0:" + std::string(64, '0')).status ==
      0);
}

TEST_CASE("the auditor's scripts name a changed row and a log cut short") {
  if (!tools_available()) {
    WARN("python3 or sqlite3 not on PATH: docs/auditor.md scripts not run");
    return;
  }
  TempDir dir;
  const auto path = dir.file("hsg.db");
  const std::string checkpoint = fill(path);
  const std::string shell = extract_guide(dir.file(""));
  {
    SQLite::Database raw(path, SQLite::OPEN_READWRITE);
    raw.exec(
        "DROP TRIGGER allocations_no_update; DROP TRIGGER audit_events_no_delete;"
        "DROP TRIGGER decisions_no_delete; PRAGMA foreign_keys = OFF;"
        "UPDATE allocations SET total_pence = 250000 WHERE id = 1;"
        "DELETE FROM decisions; DELETE FROM audit_events WHERE seq = 5");
  }
  const Run run = run_in(dir.file(""), shell);
  CHECK(run.status == 1);
  CHECK_THAT(run.output,
             Catch::EndsWith("allocations 1 no longer matches audit event 4 that wrote it\n"));
  const Run truncated = run_in(dir.file(""), "python3 check_chain.py events.json " + checkpoint);
  CHECK(truncated.status == 1);
  CHECK(truncated.output ==
        "checkpoint " + checkpoint + " does not match: the log was cut short or changed\n");
  // hsg's own verification names the same row.
  db::Database database = open_database(path);
  CHECK(ok(db::AuditLog(database).verify()).problem ==
        "allocations 1 no longer matches audit event 4 that wrote it");
}

}  // namespace hsg::test
