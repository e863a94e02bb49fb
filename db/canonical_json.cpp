#include "db/canonical_json.h"

#include <algorithm>
#include <functional>
#include <stdexcept>

namespace hsg::db {

namespace {

constexpr char kHex[] = "0123456789abcdef";

// Reads one string starting at text[pos] == '"', leaving pos after its closing quote.
std::optional<std::string> read_string(std::string_view text, std::size_t& pos) {
  if (pos >= text.size() || text[pos] != '"') return std::nullopt;
  std::string out;
  for (++pos; pos < text.size(); ++pos) {
    // Copy a run without quotes or escapes whole: replay reads a million of these. (A
    // plain loop: find_first_of calls memchr once per character it passes.)
    std::size_t run_end = pos;
    while (run_end < text.size() && text[run_end] != '"' && text[run_end] != '\\') ++run_end;
    if (run_end == text.size()) return std::nullopt;
    out.append(text.data() + pos, run_end - pos);
    pos = run_end;
    const char c = text[pos];
    if (c == '"') {
      ++pos;
      return out;
    }
    if (++pos >= text.size()) return std::nullopt;
    switch (text[pos]) {
      case '"':
        out += '"';
        break;
      case '\\':
        out += '\\';
        break;
      case 'b':
        out += '\b';
        break;
      case 'f':
        out += '\f';
        break;
      case 'n':
        out += '\n';
        break;
      case 'r':
        out += '\r';
        break;
      case 't':
        out += '\t';
        break;
      case 'u': {
        if (pos + 4 >= text.size() || text.substr(pos + 1, 2) != "00") return std::nullopt;
        const auto high = std::string_view(kHex).find(text[pos + 3]);
        const auto low = std::string_view(kHex).find(text[pos + 4]);
        if (high > 1 || low == std::string_view::npos) return std::nullopt;
        out += static_cast<char>(high * 16 + low);
        pos += 4;
        break;
      }
      default:
        return std::nullopt;
    }
  }
  return std::nullopt;
}

}  // namespace

namespace {

bool needs_escape(char c) { return c == '"' || c == '\\' || static_cast<unsigned char>(c) < 0x20; }

}  // namespace

void append_json_string(std::string& out, std::string_view text) {
  out += '"';
  // Stored outputs are long runs of plain text: copy each run whole, escape the rest.
  out.reserve(out.size() + text.size() + 1);
  while (!text.empty()) {
    std::size_t plain = 0;
    while (plain < text.size() && !needs_escape(text[plain])) ++plain;
    out.append(text.data(), plain);
    text.remove_prefix(plain);
    if (text.empty()) break;
    const char c = text.front();
    text.remove_prefix(1);
    switch (c) {
      case '"':
        out += "\\\"";
        break;
      case '\\':
        out += "\\\\";
        break;
      case '\b':
        out += "\\b";
        break;
      case '\f':
        out += "\\f";
        break;
      case '\n':
        out += "\\n";
        break;
      case '\r':
        out += "\\r";
        break;
      case '\t':
        out += "\\t";
        break;
      default: {  // the other control characters
        const auto byte = static_cast<unsigned char>(c);
        out += "\\u00";
        out += kHex[byte >> 4];
        out += kHex[byte & 0x0f];
      }
    }
  }
  out += '"';
}

CanonicalObject& CanonicalObject::add(std::string_view key, std::string_view text) {
  std::string rendered;
  rendered.reserve(text.size() + 2);
  append_json_string(rendered, text);
  members_.emplace_back(std::string(key), std::move(rendered));
  return *this;
}

CanonicalObject& CanonicalObject::add(std::string_view key, std::int64_t integer) {
  members_.emplace_back(std::string(key), std::to_string(integer));
  return *this;
}

CanonicalObject& CanonicalObject::add(std::string_view key, std::optional<std::int64_t> integer) {
  members_.emplace_back(std::string(key), integer ? std::to_string(*integer) : "null");
  return *this;
}

std::string CanonicalObject::str() const {
  std::vector<const std::pair<std::string, std::string>*> sorted;
  sorted.reserve(members_.size());
  for (const auto& member : members_) sorted.push_back(&member);
  std::sort(sorted.begin(), sorted.end(), [](auto* a, auto* b) { return a->first < b->first; });
  std::string out = "{";
  for (std::size_t i = 0; i < sorted.size(); ++i) {
    if (i > 0 && sorted[i]->first == sorted[i - 1]->first) {
      throw std::logic_error("canonical JSON: key written twice: " + sorted[i]->first);
    }
    if (i > 0) out += ',';
    append_json_string(out, sorted[i]->first);
    out += ':';
    out += sorted[i]->second;
  }
  out += '}';
  return out;
}

bool for_each_string_member(std::string_view text,
                            const std::function<void(std::string, std::string)>& member) {
  std::size_t pos = 0;
  if (text.empty() || text[pos++] != '{') return false;
  std::string previous_key;
  bool first = true;
  while (pos < text.size() && text[pos] != '}') {
    if (!first && text[pos++] != ',') return false;
    auto key = read_string(text, pos);
    if (!key || pos >= text.size() || text[pos++] != ':') return false;
    auto value = read_string(text, pos);
    if (!value || (!first && previous_key >= *key)) return false;
    previous_key = *key;
    first = false;
    member(std::move(*key), std::move(*value));
  }
  return pos + 1 == text.size();
}

}  // namespace hsg::db
