#include "db/database.h"

#include <fcntl.h>
#include <fmt/format.h>
#include <sys/stat.h>
#include <unistd.h>

#include <SQLiteCpp/Database.h>
#include <SQLiteCpp/Exception.h>
#include <sqlite3.h>

#include <cerrno>
#include <cstring>
#include <string>
#include <utility>

#include "db/connection.h"
#include "db/sha256.h"

namespace hsg::db {

namespace {

constexpr int kBusyTimeoutMs = 5000;

// Creating the file ourselves is the only way to choose its mode without racing on
// umask; O_EXCL leaves an existing file (and its mode) alone. An existing empty file is
// about to become a new database, so it too must be readable by its owner only: SQLite
// gives the -wal and -shm files the database's mode, and would keep a 0644 one.
std::optional<std::string> create_owner_only(const std::filesystem::path& path) {
  const int fd = ::open(path.c_str(), O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0600);
  if (fd >= 0) {
    ::close(fd);
    return std::nullopt;
  }
  if (errno != EEXIST)
    return fmt::format("cannot create {}: {}", path.string(), std::strerror(errno));
  struct stat status {};
  if (::stat(path.c_str(), &status) == 0 && S_ISREG(status.st_mode) && status.st_size == 0 &&
      (status.st_mode & 077U) != 0) {
    return fmt::format(
        "{} is an empty file others may read (mode {:04o}); a new database must be readable by "
        "its owner only: remove the file or make it 0600 (chmod 600), then try again",
        path.string(), status.st_mode & 07777U);
  }
  return std::nullopt;
}

struct Identity {
  std::int32_t application_id = 0;
  std::int32_t user_version = 0;
  std::int64_t object_count = 0;  // tables, indexes, triggers, views
};

Identity read_identity(SQLite::Database& sqlite) {
  return {sqlite.execAndGet("PRAGMA application_id").getInt(),
          sqlite.execAndGet("PRAGMA user_version").getInt(),
          sqlite.execAndGet("SELECT count(*) FROM sqlite_schema").getInt64()};
}

bool is_fresh(const Identity& identity) {
  return identity.application_id == 0 && identity.user_version == 0 && identity.object_count == 0;
}

std::optional<std::string> identity_problem(const std::filesystem::path& path,
                                            const Identity& identity, std::int32_t known) {
  if (!is_fresh(identity) && identity.application_id != kApplicationId) {
    return fmt::format("{} is not an hsg database (application_id 0x{:08x}, expected 0x{:08x})",
                       path.string(), static_cast<std::uint32_t>(identity.application_id),
                       static_cast<std::uint32_t>(kApplicationId));
  }
  if (identity.user_version > known) {
    return fmt::format("{} was created by a newer hsg (schema {}; this hsg knows up to {})",
                       path.string(), identity.user_version, known);
  }
  return std::nullopt;
}

void configure(SQLite::Database& sqlite) {
  sqlite.exec("PRAGMA foreign_keys = ON");
  const std::string mode = sqlite.execAndGet("PRAGMA journal_mode = WAL").getString();
  if (mode != "wal") throw SQLite::Exception("journal_mode stayed '" + mode + "', not 'wal'");
  sqlite.exec("PRAGMA synchronous = FULL");
  // Erasure (db/client_erasures.h) deletes personal details: overwrite what is deleted
  // with zeros, so no copy stays in the file's free space. hsg deletes nothing else.
  sqlite.exec("PRAGMA secure_delete = ON");
  // 8 MiB of page cache (SQLite's default is 2 MiB) holds the index pages a bulk import
  // keeps changing. (32 MiB was needed while every row had its own savepoint, which
  // journalled each page it touched; it only raised the peak memory once they went.)
  sqlite.exec(fmt::format("PRAGMA cache_size = -{}", kPageCacheKiB));
}

std::optional<std::string> migrations_problem(std::span<const Migration> migrations) {
  for (std::size_t i = 0; i < migrations.size(); ++i) {
    if (migrations[i].to_version != static_cast<std::int32_t>(i + 1)) {
      return fmt::format("migration {} is numbered {}", i + 1, migrations[i].to_version);
    }
  }
  return std::nullopt;
}

// hsg_sha256(text): the SHA-256 of a text as lowercase hex, for migrations that turn a
// stored text into the hash the audit chain already committed to (migration 3).
void sha256_function(sqlite3_context* context, int, sqlite3_value** values) {
  const auto* text = sqlite3_value_text(values[0]);
  const auto size = static_cast<std::size_t>(sqlite3_value_bytes(values[0]));
  const std::string hash =
      sha256_hex(std::string_view(reinterpret_cast<const char*>(text), text ? size : 0));
  sqlite3_result_text(context, hash.c_str(), static_cast<int>(hash.size()), SQLITE_TRANSIENT);
}

// A migration's C++ step writes rows with their audit events, so it runs as one write
// of the migrating transaction (already BEGIN IMMEDIATE).
void run_after(Connection& connection, const Migration& migration) {
  connection.transaction_depth = 1;
  try {
    migration.after(connection);
  } catch (...) {
    connection.transaction_depth = 0;
    connection.audit_head.reset();
    throw;
  }
  connection.transaction_depth = 0;
  connection.audit_head.reset();
}

// Re-reads the identity under the write lock: another process may have created or
// migrated the file between our first look and BEGIN IMMEDIATE.
std::optional<std::string> migrate(Connection& connection, std::span<const Migration> migrations) {
  const auto known = static_cast<std::int32_t>(migrations.size());
  connection.sqlite.exec("BEGIN IMMEDIATE");
  const Identity identity = read_identity(connection.sqlite);
  if (auto problem = identity_problem(connection.path, identity, known)) {
    connection.sqlite.exec("ROLLBACK");
    return problem;
  }
  connection.sqlite.createFunction("hsg_sha256", 1, true, nullptr, sha256_function);
  for (const Migration& migration : migrations) {
    if (migration.to_version > identity.user_version) {
      connection.sqlite.exec(std::string(migration.sql));
      if (migration.after) run_after(connection, migration);
    }
  }
  connection.sqlite.exec(fmt::format("PRAGMA user_version = {}", known));
  connection.sqlite.exec(fmt::format("PRAGMA application_id = {}", kApplicationId));
  connection.sqlite.exec("COMMIT");
  connection.schema_version = known;
  return std::nullopt;
}

DbResult<std::unique_ptr<Connection>> open_connection(const std::filesystem::path& path,
                                                      std::span<const Migration> migrations) {
  if (auto problem = migrations_problem(migrations)) return DbError{*problem};
  if (auto problem = create_owner_only(path)) return DbError{*problem};
  // NOMUTEX: a Database is used by one thread at a time (db/database.h), so SQLite's
  // per-call connection mutex is pure cost — it showed in replaying a million rows.
  auto connection = std::make_unique<Connection>(
      path, SQLite::OPEN_READWRITE | SQLite::OPEN_CREATE | SQLite::OPEN_NOMUTEX, kBusyTimeoutMs);
  const auto known = static_cast<std::int32_t>(migrations.size());
  const Identity identity = read_identity(connection->sqlite);
  if (auto problem = identity_problem(path, identity, known)) return DbError{*problem};
  configure(connection->sqlite);
  connection->schema_version = identity.user_version;
  if (identity.user_version < known || is_fresh(identity)) {
    if (auto problem = migrate(*connection, migrations)) return DbError{*problem};
  }
  return connection;
}

std::optional<std::string> reader_problem(const std::filesystem::path& path,
                                          const Identity& identity, std::int32_t known) {
  if (auto problem = identity_problem(path, identity, known)) return problem;
  if (is_fresh(identity)) {
    return fmt::format("{} is not an hsg database yet; create one with 'hsg init'", path.string());
  }
  if (identity.user_version < known) {
    return fmt::format(
        "{} is at schema {} and this hsg reads schema {}; upgrade it with 'hsg init --db {}' "
        "(a command that only reads never changes the file)",
        path.string(), identity.user_version, known, path.string());
  }
  return std::nullopt;
}

DbResult<std::unique_ptr<Connection>> open_reader(const std::filesystem::path& path) {
  auto connection = std::make_unique<Connection>(path, SQLite::OPEN_READONLY | SQLite::OPEN_NOMUTEX,
                                                 kBusyTimeoutMs);
  const auto known = static_cast<std::int32_t>(shipped_migrations().size());
  const Identity identity = read_identity(connection->sqlite);
  if (auto problem = reader_problem(path, identity, known)) return DbError{*problem};
  connection->sqlite.exec("PRAGMA foreign_keys = ON");
  connection->sqlite.exec("PRAGMA query_only = ON");
  connection->sqlite.exec(fmt::format("PRAGMA cache_size = -{}", kPageCacheKiB));
  connection->schema_version = identity.user_version;
  return connection;
}

}  // namespace

DbResult<Database> Database::open_read_only(const std::filesystem::path& path) {
  try {
    auto opened = open_reader(path);
    if (!opened.ok()) return opened.error();
    return Database(std::move(opened).value());
  } catch (const SQLite::Exception& error) {
    return DbError{
        fmt::format("cannot open {} as an hsg database: {}", path.string(), error.what())};
  }
}

DbResult<Database> Database::open(const std::filesystem::path& path) {
  return open(path, shipped_migrations());
}

DbResult<Database> Database::open(const std::filesystem::path& path,
                                  std::span<const Migration> migrations) {
  try {
    auto opened = open_connection(path, migrations);
    if (!opened.ok()) return opened.error();
    return Database(std::move(opened).value());
  } catch (const SQLite::Exception& error) {
    return DbError{
        fmt::format("cannot open {} as an hsg database: {}", path.string(), error.what())};
  }
}

Database::Database(std::unique_ptr<Connection> connection) : connection_(std::move(connection)) {}
Database::Database(Database&&) noexcept = default;
Database& Database::operator=(Database&&) noexcept = default;
Database::~Database() = default;

const std::filesystem::path& Database::path() const { return connection_->path; }
std::int32_t Database::schema_version() const { return connection_->schema_version; }

}  // namespace hsg::db
