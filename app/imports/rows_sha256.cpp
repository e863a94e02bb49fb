#include "app/imports/rows_sha256.h"

#include <algorithm>

#include "db/canonical_json.h"
#include "rules/sha256.h"

namespace hsg::app {

std::optional<std::int64_t> RowsSha256::add(
    const std::string& client_ref, const std::string& date, const std::string& assessor,
    std::vector<std::pair<std::string, std::string>> answers, std::int64_t line) {
  std::sort(answers.begin(), answers.end());
  std::string text = "[";
  for (const std::string& field : {client_ref, date, assessor}) {
    db::append_json_string(text, field);
    text += ',';
  }
  for (const auto& [area, option] : answers) {
    db::append_json_string(text, area);
    text += ',';
    db::append_json_string(text, option);
    text += ',';
  }
  text.back() = ']';
  const auto [found, inserted] = lines_.emplace(std::move(text), line);
  if (inserted) return std::nullopt;
  return found->second;
}

std::string RowsSha256::hex() const {
  std::string text;
  for (const auto& [row, line] : lines_) text += row + "\n";
  return rules::sha256_hex(text);
}

}  // namespace hsg::app
