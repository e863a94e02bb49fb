// CSV fields as RFC 4180 writes them, for every CSV hsg writes (the ledger export, the
// trial balance, the what-if rows): a quoted field is in double quotes with each quote
// doubled. Inline, because the ledger export calls it for every field of a million lines.
#pragma once

#include <string>
#include <string_view>

namespace hsg::app {

inline void append_csv_quoted(std::string& out, std::string_view field) {
  out += '"';
  for (const char c : field) {
    if (c == '"') out += '"';
    out += c;
  }
  out += '"';
}

// Quoted only when it must be: when it holds a comma, a quote or a line break.
inline void append_csv_field(std::string& out, std::string_view field) {
  if (field.find_first_of(",\"\r\n") == std::string_view::npos) {
    out.append(field);
    return;
  }
  append_csv_quoted(out, field);
}

}  // namespace hsg::app
