// How the store reports failure: a value that is either the result or a DbError.
//
// Nothing in db/ lets an exception escape a public function: SQLiteCpp and libcrypto
// failures are caught at the repository boundary and become a DbError whose message
// says what was being done and why it failed, in words a user of `hsg` can act on
// ("unknown client C-17", "hsg.db is not an hsg database (application_id 0x00000000)").
#pragma once

#include <string>
#include <utility>
#include <variant>

namespace hsg::db {

struct DbError {
  std::string message;
  bool operator==(const DbError&) const = default;
};

// The value of an operation that returns nothing but can fail.
struct Done {
  bool operator==(const Done&) const = default;
};

template <typename T>
class DbResult {
 public:
  DbResult(T value) : state_(std::move(value)) {}        // NOLINT: implicit by design
  DbResult(DbError error) : state_(std::move(error)) {}  // NOLINT: implicit by design

  bool ok() const { return std::holds_alternative<T>(state_); }
  const T& value() const& { return std::get<T>(state_); }
  T& value() & { return std::get<T>(state_); }
  T&& value() && { return std::get<T>(std::move(state_)); }
  const DbError& error() const { return std::get<DbError>(state_); }

 private:
  std::variant<T, DbError> state_;
};

}  // namespace hsg::db
