// hsg backup and hsg restore end to end (issue 18): a backup taken while a generate of
// 100,000 clients is writing verifies and holds no part of that unfinished write; a
// backup is refused over an existing file; restore refuses a tampered copy and one older
// than a checkpoint, changing nothing, and puts a good copy back whole.
#include <catch2/catch.hpp>

#include <chrono>
#include <filesystem>
#include <future>
#include <string>
#include <thread>

#include "tests/cli/store_fixture.h"

using hsg::test::StoreFixture;

namespace {

std::uintmax_t size_or_zero(const std::filesystem::path& path) {
  std::error_code error;
  const std::uintmax_t size = std::filesystem::file_size(path, error);
  return error ? 0 : size;
}

std::string sql_of(const std::filesystem::path& database, const std::string& query) {
  return hsg::test::run_sqlite(database.string(), query);
}

}  // namespace

TEST_CASE("backup: a copy taken while 100000 clients are generated verifies with none of them") {
  const StoreFixture store(false);
  store.ok({"init", "--actor", "asha"});
  auto generating = std::async(std::launch::async, [&] {
    return store.run({"generate", "--clients", "100000", "--seed", "7", "--actor", "gen"});
  });
  // The generate is one transaction: wait until its pages are spilling into the log.
  const auto wal = std::filesystem::path(store.path() + "-wal");
  for (int i = 0; i < 6000 && size_or_zero(wal) < (1U << 20); ++i) {
    std::this_thread::sleep_for(std::chrono::milliseconds(20));
  }
  REQUIRE(size_or_zero(wal) >= (1U << 20));
  const auto copy = store.dir() / "during.db";
  const auto backed_up = store.ok({"backup", copy.string()});
  const bool still_writing =
      generating.wait_for(std::chrono::seconds(0)) != std::future_status::ready;
  REQUIRE(generating.get().exit_code == 0);
  CHECK(still_writing);  // the copy was taken in the middle of the write
  CHECK(backed_up.out.starts_with("backed up " + store.path() + " to " + copy.string() + ": "));
  CHECK(sql_of(copy, "SELECT count(*) FROM clients; SELECT count(*) FROM generations;") ==
        "0\n0\n");
  CHECK(sql_of(copy, "PRAGMA journal_mode;") == "delete\n");
  CHECK(hsg::test::run_hsg({"audit", "verify", "--db", copy.string()}).exit_code == 0);
  CHECK((std::filesystem::status(copy).permissions() & std::filesystem::perms::all) ==
        (std::filesystem::perms::owner_read | std::filesystem::perms::owner_write));

  const auto after = store.dir() / "after.db";
  store.ok({"backup", after.string()});
  CHECK(sql_of(after, "SELECT count(*) FROM clients; SELECT count(*) FROM generations;") ==
        "100000\n1\n");
  CHECK(store.run({"backup", after.string()}).err ==
        "hsg: error: cannot back up to " + after.string() +
            ": it already exists (a backup never replaces a file)\n");
  CHECK_FALSE(std::filesystem::exists(store.dir() / ".after.db.hsg-backup"));
}

TEST_CASE("restore: a tampered copy and one older than a checkpoint are refused") {
  const StoreFixture store;  // the worked example recorded as allocation 1
  const auto old_copy = store.dir() / "old.db";
  store.ok({"backup", old_copy.string()});
  store.ok({"agree", "1", "--amount", "2405.00", "--reason", "as assessed", "--actor", "asha"});
  const std::string checkpoint = store.ok({"audit", "checkpoint"}).out;
  const std::string head = checkpoint.substr(0, checkpoint.find('\n'));
  const auto good_copy = store.dir() / "good.db";
  store.ok({"backup", good_copy.string()});

  // Tampered: the allocation's total changed behind hsg's back, trigger and all put back.
  const auto tampered = store.dir() / "tampered.db";
  std::filesystem::copy_file(good_copy, tampered);
  const std::string trigger =
      sql_of(tampered, "SELECT sql FROM sqlite_master WHERE name = 'allocations_no_update';");
  sql_of(tampered,
         "DROP TRIGGER allocations_no_update; UPDATE allocations SET total_pence = "
         "250000 WHERE id = 1; " +
             trigger.substr(0, trigger.size() - 1) + ";");
  const std::string before = store.fingerprint();
  const auto refused = store.run({"restore", tampered.string(), "--force"});
  CHECK(refused.exit_code == 1);
  CHECK(refused.err.starts_with("hsg: error: " + tampered.string() +
                                " does not verify: allocations 1 no longer matches audit event "));
  CHECK(store.fingerprint() == before);

  const auto older = store.run({"restore", old_copy.string(), "--checkpoint", head, "--force"});
  CHECK(older.exit_code == 1);
  CHECK(older.err.starts_with("hsg: error: " + old_copy.string() + " does not verify: "));
  CHECK(store.fingerprint() == before);
  CHECK(store.run({"restore", good_copy.string()}).err ==
        "hsg: error: " + store.path() +
            " already holds a database: give --force to replace it "
            "with " +
            good_copy.string() + " (see 'hsg restore --help')\n");

  // The old copy without the checkpoint is a good copy: restoring it goes back in time.
  store.ok({"restore", old_copy.string(), "--force"});
  CHECK(store.sql("SELECT count(*) FROM decisions;") == "0\n");
  const auto restored = store.ok({"restore", good_copy.string(), "--checkpoint", head, "--force"});
  CHECK(
      restored.out.starts_with("restored " + store.path() + " from " + good_copy.string() + ": "));
  CHECK(restored.out.find("head " + head + ";") != std::string::npos);
  CHECK(store.sql("SELECT count(*) FROM decisions; PRAGMA journal_mode;") == "1\nwal\n");
  CHECK(store.ok({"audit", "verify", "--checkpoint", head}).out.starts_with("ok: "));

  // Into a new file: no --force needed.
  const auto fresh = store.dir() / "fresh.db";
  CHECK(hsg::test::run_hsg({"restore", good_copy.string(), "--db", fresh.string()}).exit_code == 0);
  CHECK(sql_of(fresh, "SELECT count(*) FROM decisions;") == "1\n");
}
