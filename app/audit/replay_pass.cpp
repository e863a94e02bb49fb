#include "app/audit/replay_pass.h"

#include <algorithm>
#include <condition_variable>
#include <deque>
#include <exception>
#include <mutex>
#include <optional>
#include <thread>
#include <utility>

#include "app/unwrap.h"

namespace hsg::app {

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
  // Queues `batch` (moved from) unless the queue is full; false if it is.
  bool push_if_room(Batch& batch) {
    std::lock_guard lock(mutex_);
    if (failed_) return true;  // dropped: the pass is ending with the error
    if (batches_.size() >= kBatchesInFlight) return false;
    batches_.push_back(std::move(batch));
    has_work_.notify_one();
    return true;
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
    return batch;
  }
  // A replayed batch goes back to the reader to be freed there: its strings were
  // allocated by the reader, and freeing them on a worker contended for the reader's
  // malloc arena (thousands of futex waits a second).
  void give_back(Batch batch) {
    std::lock_guard lock(mutex_);
    spent_.push_back(std::move(batch));
  }
  void free_given_back() {
    std::vector<Batch> spent;
    {
      std::lock_guard lock(mutex_);
      spent.swap(spent_);
    }
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
  std::deque<Batch> batches_;
  std::vector<Batch> spent_;
  bool closed_ = false;
  bool failed_ = false;
  std::exception_ptr error_;
  std::int64_t identical_ = 0;
  std::vector<ReplayResult> different_;
};

void replay_batch(Queue& queue, const Batch& batch) {
  std::int64_t identical = 0;
  std::vector<ReplayResult> different;
  for (const Work& item : batch) {
    ReplayResult result = replay_allocation(item.stored, *item.ruleset);
    if (result.identical()) {
      ++identical;
    } else {
      different.push_back(std::move(result));
    }
  }
  queue.report(identical, std::move(different));
}

void work(Queue& queue) {
  try {
    while (std::optional<Batch> batch = queue.pop()) {
      replay_batch(queue, *batch);
      queue.give_back(std::move(*batch));
    }
  } catch (...) {
    queue.fail(std::current_exception());
  }
}

// When the workers are behind, the reader replays the batch itself instead of waiting:
// the reader is one of the threads that replay, so no core idles and none is shared.
void hand_over(Queue& queue, Batch& batch) {
  if (!queue.push_if_room(batch)) replay_batch(queue, batch);
  queue.free_given_back();
  batch = Batch();
  batch.reserve(kBatchSize);
}

// The reader replays too, so it counts as one of the `requested` threads.
unsigned worker_count(unsigned requested) {
  if (requested == 0) requested = std::clamp(std::thread::hardware_concurrency(), 1U, 16U);
  return std::max(requested, 2U) - 1;
}

}  // namespace

ReplaySummary replay_range(db::Database& database, const db::AllocationRange& range,
                           ProgressListener& progress, unsigned workers) {
  db::AllocationRepository allocations(database);
  // Counted only when shown: the count is a pass over the table.
  const std::int64_t total = progress.wants_total() ? unwrap(allocations.count_in(range)) : 0;
  progress.started("replaying", total);
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
      if (batch.size() == kBatchSize) hand_over(queue, batch);
      progress.advanced(++read);
      return true;
    }));
    if (!batch.empty()) hand_over(queue, batch);
  } catch (...) {
    queue.fail(std::current_exception());
  }
  queue.close();
  threads.clear();  // joins
  progress.finished();
  return queue.summary(read);
}

}  // namespace hsg::app
