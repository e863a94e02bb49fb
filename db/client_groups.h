// The Supporting People primary client groups: the list "Groups of people who may
// require supported housing" (seeds/000, section 1), each with a short key.
//
// The store keeps the key. A group is given either by its key or by its full name as
// written in the list, compared case-insensitively, with or without the final full stop.
#pragma once

#include <optional>
#include <span>
#include <string>
#include <string_view>

namespace hsg::db {

struct ClientGroup {
  std::string_view key;
  std::string_view name;
};

std::span<const ClientGroup> client_groups();

// The key for `text`, or nothing if it names no group.
std::optional<std::string_view> parse_client_group(std::string_view text);

// "unknown client group 'x'; use one of: older_people, …" for a refused `text`.
std::string unknown_client_group_message(std::string_view text);

}  // namespace hsg::db
