#include "rules/letterhead_loader.h"

#include <fmt/core.h>

#include <toml++/toml.h>
#include <algorithm>

#include "rules/file_bytes.h"
#include "rules/source_map.h"
#include "rules/toml_reader.h"

namespace hsg::rules {

namespace {

constexpr std::size_t kMaxTextBytes = 200;
constexpr std::size_t kMaxAddressLines = 8;

bool is_one_line(const std::string& text) {
  return !text.empty() && text.size() <= kMaxTextBytes &&
         std::none_of(text.begin(), text.end(),
                      [](char c) { return static_cast<unsigned char>(c) < 0x20; });
}

class LetterheadReader {
 public:
  LetterheadReader(const std::string& source, std::vector<Diagnostic>& problems)
      : reader_(source, map_, problems) {}

  void read(const toml::table& root, Letterhead& letterhead) {
    reader_.check_keys(root, "", {"name", "department", "address", "telephone", "email"});
    if (auto name = text(root, "name")) letterhead.name = std::move(*name);
    letterhead.department = optional_text(root, "department");
    letterhead.telephone = optional_text(root, "telephone");
    letterhead.email = optional_text(root, "email");
    read_address(root, letterhead);
  }

 private:
  std::optional<std::string> text(const toml::table& table, std::string_view key) {
    auto value = reader_.string(table, "", key);
    if (value && !is_one_line(*value)) {
      reader_.error_at(*table.get(key),
                       fmt::format("{} must be one line of 1 to {} bytes", key, kMaxTextBytes));
      return std::nullopt;
    }
    return value;
  }

  std::optional<std::string> optional_text(const toml::table& table, std::string_view key) {
    if (!table.contains(key)) return std::nullopt;
    return text(table, key);
  }

  void read_address(const toml::table& root, Letterhead& letterhead) {
    const toml::node* node = root.get("address");
    if (node == nullptr) {
      reader_.error({1, 1}, "missing key 'address' at the top level (an array of 1 to 8 lines)");
      return;
    }
    const toml::array* lines = node->as_array();
    if (lines == nullptr || lines->empty() || lines->size() > kMaxAddressLines) {
      reader_.error_at(*node, "address must be an array of 1 to 8 lines");
      return;
    }
    for (const toml::node& line : *lines) {
      const auto* value = line.as_string();
      if (value == nullptr || !is_one_line(value->get())) {
        reader_.error_at(line, fmt::format("each address line must be a string of one line of "
                                           "1 to {} bytes",
                                           kMaxTextBytes));
        continue;
      }
      letterhead.address.push_back(value->get());
    }
  }

  SourceMap map_;
  TomlReader reader_;
};

}  // namespace

Loaded<Letterhead> load_letterhead_text(std::string_view bytes, const std::string& source) {
  toml::table root;
  if (auto syntax = parse_toml(bytes, source, root)) return std::vector<Diagnostic>{*syntax};
  std::vector<Diagnostic> problems;
  Letterhead letterhead;
  LetterheadReader(source, problems).read(root, letterhead);
  if (!problems.empty()) {
    sort_by_position(problems);
    return problems;
  }
  return letterhead;
}

Loaded<Letterhead> load_letterhead_file(const std::filesystem::path& path) {
  auto bytes = read_file_bytes(path);
  if (!bytes) {
    return std::vector<Diagnostic>{{path.string(), 0, 0, "cannot read the letterhead file"}};
  }
  return load_letterhead_text(*bytes, path.string());
}

}  // namespace hsg::rules
