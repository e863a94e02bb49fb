#include "cli/replay_pass.h"

#include <algorithm>
#include <condition_variable>
#include <deque>
#include <exception>
#include <mutex>
#include <optional>
#include <thread>
#include <utility>

#include "cli/progress.h"
#include "cli/store_options.h"

namespace hsg::cli {

namespace {

constexpr std::size_t kBatchSize = 256;
constexpr std::size_t kBatchesInFlight = 16;  // bounds memory: about 4k rows at once

struct Work {
  db::StoredAllocation stored;
  const ReplayRuleset* ruleset = nullptr;  // owned by the reader's ReplayRulesets
};

using Batch = std::vector<Work>;

// Batches from the reader to the workers, and each worker's findings back.
class Queue {
 public:
  void push(Batch batch) {
    std::unique_lock lock(mutex_);
    has_room_.wait(lock, [&] { return batches_.size() < kBatchesInFlight || failed_; });
    batches_.push_back(std::move(batch));
    has_work_.notify_one();
  }
  void close() {
    std::lock_guard lock(mutex_);
    closed_ = true;
    has_work_.notify_all();
  }
  std::optional<Batch> pop() {
    std::unique_lock lock(mutex_);
    has_work_.wait(lock, [&] { return !batches_.empty() || closed_; });
    if (batches_.empty()) return std::nullopt;
    Batch batch = std::move(batches_.front());
    batches_.pop_front();
    has_room_.notify_one();
    return batch;
  }
  void report(std::int64_t identical, std::vector<ReplayResult> different) {
    std::lock_guard lock(mutex_);
    identical_ += identical;
    for (ReplayResult& result : different) different_.push_back(std::move(result));
  }
  void fail(std::exception_ptr error) {
    std::lock_guard lock(mutex_);
    if (!error_) error_ = std::move(error);
    failed_ = true;
    batches_.clear();
    has_room_.notify_all();
  }
  // After every worker has joined.
  ReplaySummary summary(std::int64_t replayed) {
    if (error_) std::rethrow_exception(error_);
    std::sort(different_.begin(), different_.end(),
              [](const auto& a, const auto& b) { return a.allocation_id < b.allocation_id; });
    return {replayed, identical_, std::move(different_)};
  }

 private:
  std::mutex mutex_;
  std::condition_variable has_work_;
  std::condition_variable has_room_;
  std::deque<Batch> batches_;
  bool closed_ = false;
  bool failed_ = false;
  std::exception_ptr error_;
  std::int64_t identical_ = 0;
  std::vector<ReplayResult> different_;
};

void work(Queue& queue) {
  try {
    while (std::optional<Batch> batch = queue.pop()) {
      std::int64_t identical = 0;
      std::vector<ReplayResult> different;
      for (const Work& item : *batch) {
        ReplayResult result = replay_allocation(item.stored, *item.ruleset);
        if (result.identical()) {
          ++identical;
        } else {
          different.push_back(std::move(result));
        }
      }
      queue.report(identical, std::move(different));
    }
  } catch (...) {
    queue.fail(std::current_exception());
  }
}

unsigned worker_count(unsigned requested) {
  if (requested > 0) return requested;
  return std::clamp(std::thread::hardware_concurrency(), 1U, 16U);
}

}  // namespace

ReplaySummary replay_range(db::Database& database, const db::AllocationRange& range, Io& io,
                           unsigned workers) {
  db::AllocationRepository allocations(database);
  Progress progress(io.err, io.interactive, "replaying", unwrap(allocations.count_in(range)));
  ReplayRulesets rulesets(database);
  Queue queue;
  std::vector<std::jthread> threads;
  for (unsigned i = 0; i < worker_count(workers); ++i) threads.emplace_back(work, std::ref(queue));
  std::int64_t read = 0;
  Batch batch;
  batch.reserve(kBatchSize);
  try {
    unwrap(allocations.for_each_in(range, [&](db::StoredAllocation& stored) {
      const ReplayRuleset* ruleset = &rulesets.get(stored.ruleset_id);
      batch.push_back({std::move(stored), ruleset});
      if (batch.size() == kBatchSize) {
        queue.push(std::exchange(batch, {}));
        batch.reserve(kBatchSize);
      }
      progress.update(++read);
      return true;
    }));
    if (!batch.empty()) queue.push(std::move(batch));
  } catch (...) {
    queue.fail(std::current_exception());
  }
  queue.close();
  threads.clear();  // joins
  progress.finish();
  return queue.summary(read);
}

}  // namespace hsg::cli
