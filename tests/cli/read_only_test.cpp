// Commands that only read open the store read-only (db::Database::open_read_only, whose
// own tests show a write through it refused): they never change the file's bytes and
// never migrate an older file.
#include <catch2/catch.hpp>
#include <fstream>
#include <iterator>

#include "tests/cli/store_fixture.h"

namespace hsg::test {

namespace {

std::string bytes_of(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  return {std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>()};
}

const std::vector<std::vector<std::string>> kReaders{
    {"show", "1"},
    {"client", "list"},
    {"client", "show", "C-1"},
    {"rules", "list"},
    {"rules", "show"},
    {"audit", "log"},
    {"audit", "verify"},
    {"audit", "replay", "--all"},
    {"ledger", "balance"},
    {"ledger", "commitments", "--as-of", "2025-02-01"},
    {"ledger", "export", "--from", "2025-01-01", "--to", "2026-01-01"},
    {"grant", "list"},
    {"provider", "list"},
    {"user", "list"},
    {"user", "list", "--json"},
    {"report", "outcomes", "--from", "2025-01-01", "--to", "2025-12-31"},
    {"whatif", "--rules", HSG_SOURCE_DIR "/docs/examples/candidate-rate.toml", "--as-of",
     "2025-06-30"},
};

}  // namespace

TEST_CASE("every reading command leaves the file's bytes as they were") {
  const StoreFixture store;
  const std::string before = bytes_of(store.path());
  for (const auto& command : kReaders) {
    INFO(command[0] << " " << command[1]);
    store.ok(command);
    CHECK(bytes_of(store.path()) == before);
  }
}

TEST_CASE("a reader refuses an older file rather than migrate it") {
  const StoreFixture store;
  store.sql("PRAGMA user_version = 8;");
  const std::string before = bytes_of(store.path());
  const ProcessResult shown = store.run({"show", "1"});
  CHECK(shown.exit_code == 1);
  CHECK(shown.out.empty());
  CHECK(shown.err == "hsg: error: " + store.path() +
                         " is at schema 8 and this hsg reads schema 11; upgrade it with 'hsg init "
                         "--db " +
                         store.path() + "' (a command that only reads never changes the file)\n");
  CHECK(bytes_of(store.path()) == before);
}

}  // namespace hsg::test
