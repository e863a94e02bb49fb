#include "db/connection.h"

namespace hsg::db {

Connection::Use::~Use() {
  // Neither call can usefully fail here; a failed step already reported its error.
  statement_.tryReset();
  try {
    statement_.clearBindings();
  } catch (const SQLite::Exception&) {  // NOLINT(bugprone-empty-catch): see above
  }
}

Connection::Use Connection::statement(const char* sql) {
  auto& slot = statements_[sql];
  if (!slot) slot = std::make_unique<SQLite::Statement>(sqlite, sql);
  return Use(*slot);
}

}  // namespace hsg::db
