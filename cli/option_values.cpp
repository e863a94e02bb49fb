#include "cli/option_values.h"

#include <fmt/core.h>

#include <charconv>
#include <optional>
#include <string>

#include "cli/today.h"
#include "engine/text.h"

namespace hsg::cli {

std::optional<std::string> optional_text(const CommandLine& command_line, const char* name) {
  if (!command_line.has(name)) return std::nullopt;
  return command_line.get<std::string>(name);
}

std::int64_t positive_id(const CommandLine& command_line, const char* name, const char* what) {
  const std::string text = command_line.get<std::string>(name);
  std::int64_t id = 0;
  const auto parsed = std::from_chars(text.data(), text.data() + text.size(), id);
  if (parsed.ec != std::errc() || parsed.ptr != text.data() + text.size() || id <= 0) {
    command_line.fail(
        fmt::format("'{}' is not {} (a positive number)", engine::excerpt(text), what));
  }
  return id;
}

void add_grant_argument(CommandLine& command_line) {
  command_line.add()("grant", po::value<std::string>()->required()->value_name("GRANT"),
                     "grant id (as printed by hsg grant start)");
  command_line.positional("grant", 1);
}

std::int64_t grant_id_argument(const CommandLine& command_line) {
  return positive_id(command_line, "grant", "a grant id");
}

engine::Date required_date(const CommandLine& command_line, const char* name) {
  const std::string text = command_line.get<std::string>(name);
  const auto date = engine::Date::parse(text);
  if (!date) {
    command_line.fail(
        fmt::format("--{} '{}' {}", name, engine::excerpt(text), engine::Date::refusal(text)));
  }
  return *date;
}

void add_date_option(CommandLine& command_line, const char* name, const char* help) {
  command_line.add()(name, po::value<std::string>()->value_name("YYYY-MM-DD"), help);
}

void add_required_date(CommandLine& command_line, const char* name, const char* help) {
  command_line.add()(name, po::value<std::string>()->required()->value_name("YYYY-MM-DD"), help);
}

std::optional<engine::Date> optional_date(const CommandLine& command_line, const char* name) {
  if (!command_line.has(name)) return std::nullopt;
  return required_date(command_line, name);
}

engine::Date date_or_today_option(const CommandLine& command_line, const char* name) {
  if (command_line.has(name)) return required_date(command_line, name);
  return today();
}

engine::Date date_option(const CommandLine& command_line) {
  std::optional<std::string> text;
  if (command_line.has("date")) text = command_line.get<std::string>("date");
  return date_or_today(text);
}

engine::Money amount_option(const CommandLine& command_line, const char* name) {
  const std::string text = command_line.get<std::string>(name);
  const engine::DecimalParse amount = engine::Money::parse_pence(text);
  if (const auto* reason = std::get_if<std::string>(&amount)) {
    command_line.fail(fmt::format("--{} '{}' {}", name, engine::excerpt(text), *reason));
  }
  return engine::Money::from_pence(std::get<std::int64_t>(amount));
}

}  // namespace hsg::cli
