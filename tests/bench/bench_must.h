// A benchmark has nobody to report a store error or a refusal to but its user: print it
// and exit 2.
#pragma once

#include <fmt/core.h>

#include <cstdlib>
#include <string_view>
#include <utility>

#include "app/result.h"
#include "db/result.h"

namespace hsg::bench {

template <typename T>
T must(std::string_view bench, db::DbResult<T> result) {
  if (!result.ok()) {
    fmt::print(stderr, "{}: {}\n", bench, result.error().message);
    std::exit(2);
  }
  return std::move(result).value();
}

template <typename T>
T must(std::string_view bench, app::Result<T> result) {
  if (!result.ok()) {
    fmt::print(stderr, "{}: {}\n", bench, result.refusal().what());
    std::exit(2);
  }
  return std::move(result).value();
}

}  // namespace hsg::bench
