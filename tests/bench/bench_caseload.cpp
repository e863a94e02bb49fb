#include "tests/bench/bench_caseload.h"

#include <fmt/core.h>
#include <unistd.h>

#include <cstdlib>
#include <stdexcept>
#include <string>

namespace hsg::bench {

namespace {

void run(const std::string& command) {
  if (std::system(command.c_str()) != 0) {
    throw std::runtime_error("benchmark set-up failed: " + command);
  }
}

}  // namespace

std::filesystem::path caseload_database(std::int64_t clients) {
  const std::filesystem::path directory = std::filesystem::temp_directory_path();
  // Keyed by the binary's build time: a rebuilt hsg may write a different store.
  const auto built = static_cast<std::uint64_t>(
      std::filesystem::last_write_time(HSG_BINARY).time_since_epoch().count());
  const std::filesystem::path file =
      directory / fmt::format("hsg-bench-caseload-{}-seed1-{:x}.db", clients, built);
  if (std::filesystem::exists(file)) return file;
  // Caseloads of this size made by earlier builds are stale: remove them (a million is
  // nearly 3 GB).
  const std::string prefix = fmt::format("hsg-bench-caseload-{}-", clients);
  for (const auto& entry : std::filesystem::directory_iterator(directory)) {
    if (entry.path().filename().string().starts_with(prefix)) {
      std::filesystem::remove(entry.path());
    }
  }
  const std::filesystem::path partial =
      directory / fmt::format("{}.{}", file.filename().string(), getpid());
  fmt::print(stderr, "making {} (once; later runs reuse it)\n", file.string());
  run(fmt::format("'{}' init --db '{}' --actor bench > /dev/null", HSG_BINARY, partial.string()));
  run(fmt::format("'{}' generate --clients {} --seed 1 --db '{}' --actor bench > /dev/null",
                  HSG_BINARY, clients, partial.string()));
  // The WAL is folded in by the last connection's close, so the file stands alone.
  std::filesystem::rename(partial, file);
  return file;
}

}  // namespace hsg::bench
