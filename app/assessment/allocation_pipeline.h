// Recording many allocations on two cores: while the calling thread writes one batch to
// SQLite, the next batches are computed (prepare_allocation: the engine, the stored
// texts and their SHA-256) on other threads. `hsg import` and `hsg generate` record
// this way; about a third of recording an allocation needs no database, so it overlaps
// the writing instead of adding to it.
//
// Everything that touches the database stays on the calling thread and in order:
// next() (which may read, e.g. to choose a rule set) and store() are called one case at
// a time, in the order next() gave the cases, so what is written — and so the audit
// chain — is exactly what a plain loop would write. prepare() must be pure (it runs on
// another thread). At most kInFlight batches of kBatch cases are held at once, so
// memory does not grow with the number of cases. An exception from any of the three
// stops the pipeline and reaches the caller after the batches in flight have finished.
#pragma once

#include <cstddef>
#include <deque>
#include <future>
#include <memory>
#include <optional>
#include <utility>
#include <vector>

#include "app/assessment/record_allocation.h"

namespace hsg::app {

inline constexpr std::size_t kPipelineBatch = 256;
inline constexpr std::size_t kPipelineInFlight = 3;

// Memory goes back to the thread that allocated it: glibc returns each freed block to
// its own thread's arena under that arena's lock, and freeing the other threads' blocks
// took a sixth of the writing thread's time. So the cases (made by next(), here) are
// freed here, and each batch of prepared allocations (made on a preparing thread) is
// freed by the next preparing thread.
template <typename Case>
struct InFlight {
  std::unique_ptr<std::vector<Case>> cases;
  // Declared after `cases`, so destroyed first: waits for the thread still reading them.
  std::future<std::vector<PreparedAllocation>> prepared;
};

// next() → std::optional<Case> (nullopt when there are no more); prepare(const Case&)
// → PreparedAllocation; store(Case&, const PreparedAllocation&).
template <typename Case, typename Next, typename Prepare, typename Store>
void record_pipelined(Next&& next, const Prepare& prepare, Store&& store) {
  using Batch = std::vector<PreparedAllocation>;
  std::deque<InFlight<Case>> in_flight;
  Batch spent;  // the batch written last, for the next preparing thread to free
  bool more = true;
  const auto launch = [&] {
    auto cases = std::make_unique<std::vector<Case>>();
    cases->reserve(kPipelineBatch);
    while (cases->size() < kPipelineBatch) {
      std::optional<Case> item = next();
      if (!item) {
        more = false;
        break;
      }
      cases->push_back(std::move(*item));
    }
    if (cases->empty()) return;
    const std::vector<Case>& to_prepare = *cases;
    auto prepared =
        std::async(std::launch::async, [&prepare, &to_prepare, spent = std::move(spent)]() mutable {
          spent = Batch();
          Batch batch;
          batch.reserve(to_prepare.size());
          for (const Case& item : to_prepare) batch.push_back(prepare(item));
          return batch;
        });
    in_flight.push_back({std::move(cases), std::move(prepared)});
  };
  while (more && in_flight.size() < kPipelineInFlight) launch();
  while (!in_flight.empty()) {
    InFlight<Case> front = std::move(in_flight.front());
    in_flight.pop_front();
    Batch batch = front.prepared.get();
    if (more) launch();
    for (std::size_t i = 0; i < batch.size(); ++i)
      store((*front.cases)[i], std::as_const(batch[i]));
    spent = std::move(batch);
  }
}

}  // namespace hsg::app
