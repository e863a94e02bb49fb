#include "web/write_queue.h"

#include <exception>
#include <future>
#include <stdexcept>
#include <utility>

#include "db/write_transaction.h"

namespace hsg::web {

struct WriteQueue::Pending {
  const Write* write;
  std::promise<void> done;
};

WriteQueue::WriteQueue(db::Database database, std::size_t max_batch)
    : database_(std::move(database)),
      max_batch_(max_batch == 0 ? 1 : max_batch),
      writer_([this] { write_batches(); }) {}

WriteQueue::~WriteQueue() {
  {
    std::lock_guard lock(mutex_);
    stopping_ = true;
  }
  queued_.notify_one();
  writer_.join();
}

void WriteQueue::run(const Write& write) {
  Pending pending{&write, {}};
  std::future<void> done = pending.done.get_future();
  {
    std::lock_guard lock(mutex_);
    if (stopping_) throw std::runtime_error("the server is stopping: nothing was written");
    waiting_.push_back(&pending);
  }
  queued_.notify_one();
  done.get();
}

WriteQueue::Counts WriteQueue::counts() const {
  std::lock_guard lock(mutex_);
  return counts_;
}

std::deque<WriteQueue::Pending*> WriteQueue::take_batch() {
  std::unique_lock lock(mutex_);
  queued_.wait(lock, [this] { return stopping_ || !waiting_.empty(); });
  std::deque<Pending*> batch;
  while (!waiting_.empty() && batch.size() < max_batch_) {
    batch.push_back(waiting_.front());
    waiting_.pop_front();
  }
  return batch;
}

void WriteQueue::write_batches() {
  for (;;) {
    std::deque<Pending*> batch = take_batch();
    if (batch.empty()) return;  // stopping, and every queued write is answered
    commit_batch(batch);
  }
}

void WriteQueue::commit_batch(const std::deque<Pending*>& batch) {
  std::exception_ptr failure;
  std::size_t failed = batch.size();  // the write that threw, if one did
  try {
    auto transaction = db::WriteTransaction::begin(database_);
    if (!transaction.ok()) throw std::runtime_error(transaction.error().message);
    for (failed = 0; failed < batch.size(); ++failed) (*batch[failed]->write)(database_);
    auto committed = transaction.value().commit();
    if (!committed.ok()) throw std::runtime_error(committed.error().message);
  } catch (...) {
    failure = std::current_exception();
  }
  {
    // Counted before anyone is answered, so a caller that has its answer sees its write
    // in counts().
    std::lock_guard lock(mutex_);
    counts_.batches += 1;
    counts_.writes += batch.size();
  }
  for (std::size_t i = 0; i < batch.size(); ++i) {
    if (!failure) {
      batch[i]->done.set_value();
    } else if (i == failed) {
      batch[i]->done.set_exception(failure);
    } else {
      // A use case refuses by returning its Refusal, so a write that throws is a broken
      // store (a full disk, an I/O error), after which SQLite may have ended the
      // transaction on its own: nothing more is run in it, and the whole batch is rolled
      // back rather than risk a later write committing by itself.
      batch[i]->done.set_exception(std::make_exception_ptr(std::runtime_error(
          "the store failed while writing (nothing of this request was written)")));
    }
  }
}

}  // namespace hsg::web
