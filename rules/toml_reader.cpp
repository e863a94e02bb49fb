#include "rules/toml_reader.h"

#include <fmt/core.h>

#include <algorithm>

#include "engine/decimal.h"
#include "engine/text.h"

namespace hsg::rules {

namespace {

std::string_view type_name(const toml::node& node) {
  switch (node.type()) {
    case toml::node_type::string:
      return "a string";
    case toml::node_type::integer:
      return "an integer";
    case toml::node_type::floating_point:
      return "a floating-point number";
    case toml::node_type::boolean:
      return "a boolean";
    case toml::node_type::table:
      return "a table";
    case toml::node_type::array:
      return "an array";
    case toml::node_type::date:
      return "a date";
    case toml::node_type::time:
      return "a time";
    case toml::node_type::date_time:
      return "a date-time";
    case toml::node_type::none:
      break;
  }
  return "nothing";
}

std::string allowed_list(std::initializer_list<std::string_view> allowed) {
  std::string out;
  for (std::string_view key : allowed) out += (out.empty() ? "" : ", ") + std::string(key);
  return out;
}

// "interventions[1]" for messages; the document itself is "the rule set".
std::string where(const std::string& path) {
  return path.empty() ? std::string("at the top level") : "in " + path;
}

}  // namespace

std::optional<Diagnostic> parse_toml(std::string_view bytes, const std::string& source,
                                     toml::table& root) {
  if (auto encoding = utf8_problem(bytes, source)) return encoding;
  try {
    root = toml::parse(bytes, source);
  } catch (const toml::parse_error& error) {
    return Diagnostic{source, error.source().begin.line, error.source().begin.column,
                      std::string(error.description())};
  }
  return std::nullopt;
}

std::string join_path(const std::string& prefix, std::string_view key) {
  return prefix.empty() ? std::string(key) : prefix + "." + std::string(key);
}

SourcePosition position_of(const toml::source_region& region) {
  return {region.begin.line, region.begin.column};
}

void TomlReader::error(SourcePosition position, std::string message) {
  problems_.push_back({source_, position.line, position.column, std::move(message)});
}

void TomlReader::error_at(const toml::node& node, std::string message) {
  error(position_of(node.source()), std::move(message));
}

void TomlReader::check_keys(const toml::table& table, const std::string& path,
                            std::initializer_list<std::string_view> allowed) {
  if (!path.empty()) map_.record(path, position_of(table.source()));
  for (auto&& [key, node] : table) {
    map_.record(join_path(path, key.str()), position_of(node.source()));
    if (std::find(allowed.begin(), allowed.end(), key.str()) == allowed.end()) {
      error(position_of(key.source()), fmt::format("unknown key '{}' {}; allowed: {}", key.str(),
                                                   where(path), allowed_list(allowed)));
    }
  }
}

void TomlReader::error_for(const std::string& path, const toml::node& node, std::string message) {
  failed_paths_.insert(path);
  error_at(node, std::move(message));
}

bool TomlReader::already_reported(const std::string& path) const {
  for (const std::string& failed : failed_paths_) {
    if (path == failed) return true;
    if (path.starts_with(failed) && (path[failed.size()] == '.' || path[failed.size()] == '[')) {
      return true;
    }
  }
  return false;
}

const toml::node* TomlReader::require(const toml::table& table, const std::string& path,
                                      std::string_view key) {
  const toml::node* node = table.get(key);
  if (node == nullptr) {
    failed_paths_.insert(join_path(path, key));
    error(position_of(table.source()), fmt::format("missing key '{}' {}", key, where(path)));
  }
  return node;
}

void TomlReader::wrong_type(const toml::node& node, const std::string& path,
                            std::string_view expected) {
  error_for(path, node, fmt::format("{} must be {}, got {}", path, expected, type_name(node)));
}

std::optional<std::string> TomlReader::string(const toml::table& table, const std::string& path,
                                              std::string_view key) {
  const toml::node* node = require(table, path, key);
  if (node == nullptr) return std::nullopt;
  if (const auto* value = node->as_string()) {
    const std::string& text = value->get();
    const auto control = engine::first_control_character(text);
    if (!control) return text;
    const std::size_t length = static_cast<unsigned char>(text[*control]) < 0x80 ? 1 : 2;
    error_for(join_path(path, key), *node,
              fmt::format("{} holds a control character ({} at character {}): a text here is "
                          "one line, without control characters",
                          join_path(path, key), engine::escaped(text.substr(*control, length)),
                          engine::characters_before(text, *control) + 1));
    return std::nullopt;
  }
  wrong_type(*node, join_path(path, key), "a string");
  return std::nullopt;
}

std::optional<std::int64_t> TomlReader::integer(const toml::table& table, const std::string& path,
                                                std::string_view key) {
  const toml::node* node = require(table, path, key);
  if (node == nullptr) return std::nullopt;
  return integer_value(*node, join_path(path, key));
}

std::optional<std::int64_t> TomlReader::integer_value(const toml::node& node,
                                                      const std::string& path) {
  if (const auto* value = node.as_integer()) return value->get();
  wrong_type(node, path, "an integer");
  return std::nullopt;
}

std::optional<std::int64_t> TomlReader::hundredths(const toml::table& table,
                                                   const std::string& path, std::string_view key) {
  const toml::node* node = require(table, path, key);
  if (node == nullptr) return std::nullopt;
  return hundredths_value(*node, join_path(path, key));
}

std::optional<std::int64_t> TomlReader::hundredths_value(const toml::node& node,
                                                         const std::string& path) {
  if (const auto* value = node.as_integer()) {
    constexpr std::int64_t kLimit = INT64_MAX / 100;
    if (value->get() > kLimit || value->get() < -kLimit) {
      error_for(path, node, fmt::format("{} is out of range", path));
      return std::nullopt;
    }
    return value->get() * 100;
  }
  if (node.is_floating_point()) {
    // A TOML float is binary and inexact; money and hours are read only as exact text.
    error_for(path, node,
              fmt::format("{} must be exact: write it as a string such as \"18.50\", not "
                          "a floating-point number",
                          path));
    return std::nullopt;
  }
  const auto* text = node.as_string();
  if (text == nullptr) {
    wrong_type(node, path, "a decimal string such as \"18.50\"");
    return std::nullopt;
  }
  engine::DecimalParse parsed = engine::parse_hundredths(text->get());
  if (const auto* reason = std::get_if<std::string>(&parsed)) {
    error_for(path, node, fmt::format("{}: {}", path, *reason));
    return std::nullopt;
  }
  return std::get<std::int64_t>(parsed);
}

std::optional<engine::Date> TomlReader::date(const toml::table& table, const std::string& path,
                                             std::string_view key) {
  const toml::node* node = require(table, path, key);
  if (node == nullptr) return std::nullopt;
  const std::string full = join_path(path, key);
  std::string text;
  if (const auto* value = node->as_date()) {
    const toml::date& ymd = value->get();
    text = fmt::format("{:04}-{:02}-{:02}", ymd.year, ymd.month, ymd.day);
  } else if (const auto* string = node->as_string()) {
    text = string->get();
  } else {
    wrong_type(*node, full, "a date such as 2024-04-01");
    return std::nullopt;
  }
  const std::optional<engine::Date> date = engine::Date::parse(text);
  if (!date) {
    error_for(full, *node,
              engine::Date::is_out_of_range(text)
                  ? fmt::format("{} '{}' {}", full, text, engine::Date::refusal(text))
                  : fmt::format("{} must be a real date such as 2024-04-01", full));
  }
  return date;
}

const toml::table* TomlReader::table(const toml::table& parent, const std::string& path,
                                     std::string_view key) {
  const toml::node* node = require(parent, path, key);
  if (node == nullptr) return nullptr;
  if (const auto* value = node->as_table()) return value;
  wrong_type(*node, join_path(path, key), "a table");
  return nullptr;
}

const toml::array* TomlReader::array_of_tables(const toml::table& parent, const std::string& path,
                                               std::string_view key, bool required) {
  const toml::node* node = required ? require(parent, path, key) : parent.get(key);
  if (node == nullptr) return nullptr;
  const std::string full = join_path(path, key);
  const auto* array = node->as_array();
  if (array == nullptr || !array->is_array_of_tables()) {
    wrong_type(*node, full, "an array of tables");
    return nullptr;
  }
  return array;
}

}  // namespace hsg::rules
