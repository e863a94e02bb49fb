#include "web/thread_database.h"

#include <optional>
#include <stdexcept>

namespace hsg::web {

db::Database& thread_database(const std::filesystem::path& path) {
  thread_local std::optional<db::Database> database;
  if (!database || database->path() != path) {
    database.reset();
    auto opened = db::Database::open(path);
    if (!opened.ok()) throw std::runtime_error(opened.error().message);
    database.emplace(std::move(opened).value());
  }
  return *database;
}

}  // namespace hsg::web
