// Inside the application layer, a store error (db/result.h) is something the user can
// act on ("unknown client C-17"): unwrap() gives the value or throws it as a Refusal.
#pragma once

#include <utility>

#include "app/refusal.h"
#include "db/result.h"

namespace hsg::app {

template <typename T>
T unwrap(db::DbResult<T> result) {
  if (!result.ok()) throw Refusal(result.error().message);
  return std::move(result).value();
}

}  // namespace hsg::app
