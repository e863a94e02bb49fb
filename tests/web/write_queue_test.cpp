// web/write_queue.h: writes from many threads committed in batches, each refused write
// undone alone, nothing answered before it is durable, a failing batch written not at all.
#include <stdlib.h>

#include <catch2/catch.hpp>

#include <atomic>
#include <filesystem>
#include <optional>
#include <stdexcept>
#include <string>
#include <thread>
#include <vector>

#include "app/audit/verify_audit.h"
#include "app/clients/client_register.h"
#include "app/progress.h"
#include "app/store/initialise.h"
#include "db/database.h"
#include "web/write_queue.h"

namespace {

using hsg::app::Result;
using hsg::db::Client;
using hsg::db::Database;
using hsg::web::WriteQueue;

const hsg::db::Stamp kStamp{"asha", "2026-06-30T09:00:00Z"};

struct TempStore {
  TempStore() {
    std::string pattern =
        (std::filesystem::temp_directory_path() / "hsg-write-queue-XXXXXX").string();
    REQUIRE(::mkdtemp(pattern.data()) != nullptr);
    dir = pattern;
    Database database = open();
    REQUIRE(hsg::app::initialise(database, kStamp).ok());
  }
  ~TempStore() {
    std::error_code ignored;
    std::filesystem::remove_all(dir, ignored);
  }
  Database open() const { return std::move(Database::open(dir / "hsg.db")).value(); }
  std::size_t clients() const {
    Database database = open();
    return hsg::app::list_clients(database).value().size();
  }
  bool verifies() const {
    Database database = open();
    auto verified = hsg::app::verify_audit(database, {}, false, hsg::app::no_progress());
    return verified.ok();
  }
  std::filesystem::path dir;
};

// Adds client `ref` through the queue; whether the use case accepted it.
bool add_through(WriteQueue& queue, const std::string& ref) {
  std::optional<Result<Client>> added;
  queue.run([&](Database& database) {
    added.emplace(hsg::app::add_client(database, kStamp, {ref, "older_people", false, {}}));
  });
  return added->ok();
}

}  // namespace

TEST_CASE("Writes from 8 threads are all committed in no more commits than writes",
          "[write_queue]") {
  TempStore store;
  std::atomic<int> accepted = 0;
  WriteQueue::Counts counts;
  {
    WriteQueue queue(store.open());
    std::vector<std::thread> threads;
    for (int thread = 0; thread < 8; ++thread) {
      threads.emplace_back([&, thread] {
        for (int i = 0; i < 50; ++i) {
          if (add_through(queue, "C-" + std::to_string(thread) + "-" + std::to_string(i))) {
            ++accepted;
          }
        }
      });
    }
    for (std::thread& thread : threads) thread.join();
    counts = queue.counts();
  }
  CHECK(accepted == 400);
  CHECK(counts.writes == 400);
  CHECK(counts.batches >= 1);
  CHECK(counts.batches <= 400);
  CHECK(store.clients() == 400);
  CHECK(store.verifies());
}

TEST_CASE("A refused write is undone alone: the others of its batch are committed",
          "[write_queue]") {
  TempStore store;
  std::atomic<int> accepted = 0;
  {
    WriteQueue queue(store.open());
    // Every thread adds the same 20 references: each is accepted exactly once.
    std::vector<std::thread> threads;
    for (int thread = 0; thread < 4; ++thread) {
      threads.emplace_back([&] {
        for (int i = 0; i < 20; ++i) {
          if (add_through(queue, "C-" + std::to_string(i))) ++accepted;
        }
      });
    }
    for (std::thread& thread : threads) thread.join();
  }
  CHECK(accepted == 20);
  CHECK(store.clients() == 20);
  CHECK(store.verifies());
}

TEST_CASE("A write that throws is rethrown to its caller and nothing of it is written",
          "[write_queue]") {
  TempStore store;
  {
    WriteQueue queue(store.open());
    CHECK(add_through(queue, "C-1"));
    CHECK_THROWS_WITH(queue.run([](Database& database) {
      REQUIRE(hsg::app::add_client(database, kStamp, {"C-2", "older_people", false, {}}).ok());
      throw std::runtime_error("disk full");
    }),
                      "disk full");
    CHECK(add_through(queue, "C-3"));
  }
  CHECK(store.clients() == 2);
  CHECK(store.verifies());
}
