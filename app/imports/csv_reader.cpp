#include "app/imports/csv_reader.h"

namespace hsg::app {

std::optional<std::vector<std::string>> CsvReader::next() {
  problem_.clear();
  record_line_ = next_line_;
  std::vector<std::string> fields(1);
  bool quoted = false;
  bool after_quote = false;
  bool any = false;
  for (int c = in_.get(); c != std::char_traits<char>::eof(); c = in_.get()) {
    any = true;
    const char ch = static_cast<char>(c);
    if (quoted) {
      if (ch == '"') {
        if (in_.peek() == '"') {
          fields.back() += static_cast<char>(in_.get());
        } else {
          quoted = false;
          after_quote = true;
        }
      } else {
        if (ch == '\n') ++next_line_;
        fields.back() += ch;
      }
      continue;
    }
    if (ch == ',') {
      fields.emplace_back();
      after_quote = false;
    } else if (ch == '\n' || ch == '\r') {
      if (ch == '\r' && in_.peek() == '\n') in_.get();
      ++next_line_;
      return fields;
    } else if (ch == '"' && fields.back().empty() && !after_quote) {
      quoted = true;
    } else if (after_quote || ch == '"') {
      if (problem_.empty()) {
        problem_ = "a quote may only enclose a whole field (write \"\" for a quote inside it)";
      }
      fields.back() += ch;
    } else {
      fields.back() += ch;
    }
  }
  if (!any) return std::nullopt;
  if (quoted) problem_ = "a quoted field is not closed before the end of the file";
  return fields;
}

}  // namespace hsg::app
