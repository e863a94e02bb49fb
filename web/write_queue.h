// Every write the server makes, from any worker thread, done on one connection and
// committed in batches (group commit).
//
// Why: SQLite lets one connection at a time write the file. Worker threads each beginning
// their own BEGIN IMMEDIATE would queue in SQLite's busy handler, which sleeps in steps of
// milliseconds, and each commit would be an fsync of its own: at tens of concurrent
// assessors that is both the throughput and the latency of the server. Instead a worker
// hands its write to the queue and waits. The writer thread takes every write waiting (up
// to max_batch), runs each inside one BEGIN IMMEDIATE transaction — so each use case's own
// WriteTransaction is a savepoint in it, and a write that is refused is undone alone —
// commits once, and only then answers each worker. A write reports a refusal by what it
// returns to its caller (app::Result), never by throwing.
//
// Promises: run() returns only after the write's batch is committed, so no request is
// answered with a write that is not durable; a batch whose BEGIN or COMMIT fails fails
// every write in it, and none of them is in the store; a write that throws (a broken
// store, a bug) fails its whole batch, rethrown to its own caller, the others told that
// nothing was written. Writes are run in the order they were queued. Destroying the queue
// finishes the writes already queued, then stops the writer.
#pragma once

#include <condition_variable>
#include <cstddef>
#include <deque>
#include <functional>
#include <mutex>
#include <thread>

#include "db/database.h"

namespace hsg::web {

class WriteQueue {
 public:
  using Write = std::function<void(db::Database&)>;

  explicit WriteQueue(db::Database database, std::size_t max_batch = 128);
  WriteQueue(const WriteQueue&) = delete;
  WriteQueue& operator=(const WriteQueue&) = delete;
  ~WriteQueue();

  // Runs `write` on the writer's connection; see the promises above.
  void run(const Write& write);

  // How many batches were committed, and how many writes they held (for the benchmark).
  struct Counts {
    std::size_t batches = 0;
    std::size_t writes = 0;
  };
  Counts counts() const;

 private:
  struct Pending;
  void write_batches();
  std::deque<Pending*> take_batch();
  void commit_batch(const std::deque<Pending*>& batch);

  db::Database database_;
  const std::size_t max_batch_;
  mutable std::mutex mutex_;
  std::condition_variable queued_;
  std::deque<Pending*> waiting_;
  bool stopping_ = false;
  Counts counts_;
  std::thread writer_;
};

}  // namespace hsg::web
