#include "cli/command_line.h"

#include <fmt/core.h>

#include <algorithm>

#include "cli/input_error.h"
#include "engine/text.h"

namespace hsg::cli {

namespace {

// How far Boost's own messages (which quote a bad value whole) may run.
constexpr std::size_t kLibraryMessageCharacters = 300;

// The text values given for one option or positional argument.
std::vector<std::string> texts_of(const po::variable_value& value) {
  if (const auto* text = boost::any_cast<std::string>(&value.value())) return {*text};
  if (const auto* list = boost::any_cast<std::vector<std::string>>(&value.value())) return *list;
  return {};
}

}  // namespace

CommandLine::CommandLine(std::string command, CommandHelp help)
    : command_(std::move(command)), help_(std::move(help)), options_("Options") {
  options_.add_options()("help,h", "show this help and exit");
}

bool CommandLine::parse(const std::vector<std::string>& args, Io& io) {
  try {
    po::store(po::command_line_parser(args).options(options_).positional(positional_).run(),
              values_);
    if (values_.count("help") > 0) {
      io.out << "Usage: " << help_.usage << "\n\n"
             << help_.summary << "\n\n"
             << options_ << "\nExample:\n  " << help_.example << "\n";
      return false;
    }
    po::notify(values_);
  } catch (const po::error& error) {
    fail(engine::excerpt(error.what(), kLibraryMessageCharacters));
  }
  refuse_invalid_utf8();
  return true;
}

void CommandLine::refuse_invalid_utf8() const {
  for (const auto& [name, value] : values_) {
    for (const std::string& text : texts_of(value)) {
      const auto bad = engine::first_invalid_utf8(text);
      if (!bad) continue;
      fail(
          fmt::format("{} is not UTF-8 (byte 0x{:02X} at character {} of '{}'); every "
                      "argument must be UTF-8 text",
                      display_name(name), static_cast<unsigned char>(text[*bad]),
                      engine::characters_before(text, *bad) + 1, engine::excerpt(text)));
    }
  }
}

std::string CommandLine::display_name(const std::string& name) const {
  const unsigned positions = std::min(positional_.max_total_count(), 64U);
  for (unsigned position = 0; position < positions; ++position) {
    if (positional_.name_for_position(position) != name) continue;
    const po::option_description* option = options_.find_nothrow(name, false);
    return "the argument " + (option != nullptr ? option->semantic()->name() : name);
  }
  return "--" + name;
}

void CommandLine::fail(const std::string& message) const {
  throw InputError(fmt::format("{} (see 'hsg {} --help')", message, command_));
}

}  // namespace hsg::cli
