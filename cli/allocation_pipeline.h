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
#include <optional>
#include <utility>
#include <vector>

#include "cli/record_allocation.h"

namespace hsg::cli {

inline constexpr std::size_t kPipelineBatch = 256;
inline constexpr std::size_t kPipelineInFlight = 3;

template <typename Case>
struct PreparedCase {
  Case item;
  PreparedAllocation prepared;
};

// next() → std::optional<Case> (nullopt when there are no more); prepare(const Case&)
// → PreparedAllocation; store(Case&, PreparedAllocation&&).
template <typename Case, typename Next, typename Prepare, typename Store>
void record_pipelined(Next&& next, const Prepare& prepare, Store&& store) {
  using Batch = std::vector<PreparedCase<Case>>;
  std::deque<std::future<Batch>> in_flight;
  // The last batch written, to be freed by the next preparing thread: its strings were
  // allocated on a preparing thread, and freeing them here took a sixth of the writing
  // thread's time (glibc returns each to the arena it came from, under that arena's lock).
  Batch spent;
  bool more = true;
  const auto launch = [&] {
    std::vector<Case> cases;
    cases.reserve(kPipelineBatch);
    while (cases.size() < kPipelineBatch) {
      std::optional<Case> item = next();
      if (!item) {
        more = false;
        break;
      }
      cases.push_back(std::move(*item));
    }
    if (cases.empty()) return;
    in_flight.push_back(std::async(std::launch::async, [&prepare, batch = std::move(cases),
                                                        spent = std::move(spent)]() mutable {
      spent = Batch();
      Batch prepared;
      prepared.reserve(batch.size());
      for (const Case& item : batch) prepared.push_back({item, prepare(item)});
      return prepared;
    }));
  };
  while (more && in_flight.size() < kPipelineInFlight) launch();
  while (!in_flight.empty()) {
    Batch batch = in_flight.front().get();
    in_flight.pop_front();
    if (more) launch();
    for (PreparedCase<Case>& each : batch) store(each.item, std::move(each.prepared));
    spent = std::move(batch);
  }
}

}  // namespace hsg::cli
