// The store's schema: its identity in the file header and the migrations that build it.
//
// A file is an hsg database when its header's application_id is kApplicationId
// ("HSG1"); its user_version is the number of migrations applied. Migration N turns a
// version N-1 file into version N; opening applies the missing ones in one transaction
// (db/database.h). Migrations are only ever appended: a shipped one is never edited.
#pragma once

#include <cstdint>
#include <span>
#include <string_view>

namespace hsg::db {

inline constexpr std::int32_t kApplicationId = 0x48534731;  // "HSG1" in ASCII

class Connection;

struct Migration {
  std::int32_t to_version = 0;
  std::string_view sql;
  // Run after `sql` in the same transaction, for rows that need their audit events
  // (which SQL cannot chain); nothing when null.
  void (*after)(Connection&) = nullptr;
};

// Every shipped migration, to_version 1, 2, … in order.
std::span<const Migration> shipped_migrations();

}  // namespace hsg::db
