#include "web/exchange.h"

#include <algorithm>

#include "web/thread_database.h"

namespace hsg::web {

namespace {

std::string_view trimmed(std::string_view text) {
  const auto first = text.find_first_not_of(" \t\r\n");
  if (first == std::string_view::npos) return {};
  const auto last = text.find_last_not_of(" \t\r\n");
  return text.substr(first, last - first + 1);
}

}  // namespace

db::Database& Exchange::database() const { return thread_database(state.options.database); }

db::Stamp Exchange::stamp() const { return {user ? user->name : "", state.clock.utc_now()}; }

bool Exchange::holds(app::Role role) const {
  return user && std::find(user->roles.begin(), user->roles.end(), role) != user->roles.end();
}

std::string Exchange::path_part(std::size_t n) const {
  if (n >= request.matches.size()) return {};
  return request.matches[n].str();
}

// A multipart form (a file upload) carries its text fields as parts, not as parameters.
std::string Exchange::field(const std::string& name) const {
  if (!request.has_param(name) && request.has_file(name)) {
    return request.get_file_value(name).content;
  }
  return request.get_param_value(name);
}

bool Exchange::has_field(const std::string& name) const {
  return request.has_param(name) || request.has_file(name);
}

std::optional<std::string> Exchange::optional_field(const std::string& name) const {
  const std::string value = field(name);
  const std::string_view kept = trimmed(value);
  if (kept.empty()) return std::nullopt;
  return std::string(kept);
}

std::optional<std::string> Exchange::cookie(std::string_view name) const {
  const std::string header = request.get_header_value("Cookie");
  std::string_view rest = header;
  while (!rest.empty()) {
    const auto end = rest.find(';');
    const std::string_view pair = trimmed(rest.substr(0, end));
    const auto equals = pair.find('=');
    if (equals != std::string_view::npos && pair.substr(0, equals) == name) {
      return std::string(pair.substr(equals + 1));
    }
    if (end == std::string_view::npos) break;
    rest.remove_prefix(end + 1);
  }
  return std::nullopt;
}

}  // namespace hsg::web
