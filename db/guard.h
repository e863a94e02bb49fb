// The repository boundary: where SQLiteCpp's (and libcrypto's) exceptions become
// DbErrors, and where each write becomes one WriteTransaction. Private to db/.
#pragma once

#include <fmt/format.h>

#include <SQLiteCpp/Exception.h>
#include <exception>
#include <string_view>
#include <utility>

#include "db/connection.h"
#include "db/database.h"
#include "db/result.h"
#include "db/write_transaction.h"

namespace hsg::db {

// Runs body() (returning a DbResult) and turns any exception into a DbError saying
// what was being done.
template <typename Body>
auto guarded(std::string_view doing, Body&& body) -> decltype(body()) {
  try {
    return std::forward<Body>(body)();
  } catch (const SQLite::Exception& error) {
    return DbError{fmt::format("{}: {}", doing, error.what())};
  } catch (const std::exception& error) {
    return DbError{fmt::format("{}: {}", doing, error.what())};
  }
}

// Runs body(connection) inside one WriteTransaction, committing only if it succeeds:
// on any error or exception nothing it wrote remains.
template <typename Body>
auto guarded_write(Database& database, std::string_view doing, Body&& body)
    -> decltype(body(database.connection())) {
  using Result = decltype(body(database.connection()));
  return guarded(doing, [&]() -> Result {
    auto transaction = WriteTransaction::begin(database);
    if (!transaction.ok()) return transaction.error();
    Result result = body(database.connection());
    if (!result.ok()) return result;
    auto committed = transaction.value().commit();
    if (!committed.ok()) return committed.error();
    return result;
  });
}

}  // namespace hsg::db
