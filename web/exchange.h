// One request and its response as a route handler sees them: the signed-in user (once the
// route table has checked the session, the CSRF token and the route's permission), this
// thread's store, the stamp for a write, and the request's fields.
#pragma once

#include <httplib.h>

#include <optional>
#include <string>
#include <string_view>
#include <type_traits>
#include <utility>
#include <vector>

#include "app/users/roles.h"
#include "db/database.h"
#include "db/stamp.h"
#include "web/server_state.h"

namespace hsg::web {

struct SignedIn {
  std::string name;  // the account's name, in normal form: the actor of every write
  std::vector<app::Role> roles;
  std::string session_id;
  std::string csrf_token;
};

struct Exchange {
  const httplib::Request& request;
  httplib::Response& response;
  ServerState& state;
  std::optional<SignedIn> user;

  // This thread's connection, for reading.
  db::Database& database() const;
  // Runs `use_case(database)` through the server's write queue (web/write_queue.h) and
  // returns what it returned, once it is committed. The use case must report a refusal
  // by what it returns (an app::Result), not by throwing.
  template <typename UseCase>
  auto write(UseCase&& use_case) const -> std::invoke_result_t<UseCase, db::Database&>;
  // The signed-in user and the server's UTC time.
  db::Stamp stamp() const;
  bool holds(app::Role role) const;

  // The n-th capture of the route's pattern (1 = the first ":name").
  std::string path_part(std::size_t n) const;
  // A form field or query parameter (or a part of a multipart form); empty when absent.
  std::string field(const std::string& name) const;
  bool has_field(const std::string& name) const;
  // A field with surrounding whitespace dropped; nothing when blank or absent.
  std::optional<std::string> optional_field(const std::string& name) const;
  std::optional<std::string> cookie(std::string_view name) const;
};

template <typename UseCase>
auto Exchange::write(UseCase&& use_case) const -> std::invoke_result_t<UseCase, db::Database&> {
  std::optional<std::invoke_result_t<UseCase, db::Database&>> result;
  state.writes.run([&](db::Database& database) { result.emplace(use_case(database)); });
  return std::move(*result);
}

}  // namespace hsg::web
