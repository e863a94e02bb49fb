// A generated caseload on disk for the benchmarks that read a store (replay, what-if).
//
// caseload_database(N) returns the path of an hsg database holding N generated clients
// with one allocation each (`hsg init` then `hsg generate --clients N --seed 1`, run with
// the real binary). Generating a million takes about a minute, so the file is kept in
// $TMPDIR (or /tmp) under a name that says N, the seed and when the hsg binary was
// built, and reused by later runs of the same build; it is written under a temporary name and
// renamed only once complete, so an interrupted run never leaves a short caseload behind.
#pragma once

#include <cstdint>
#include <filesystem>

namespace hsg::bench {

std::filesystem::path caseload_database(std::int64_t clients);

}  // namespace hsg::bench
