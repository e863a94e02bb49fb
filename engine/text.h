// Text that comes from outside hsg (arguments, files, rows an older hsg stored), checked
// and shown safely.
//
// Every input is UTF-8 (RFC 3629: no overlong forms, no surrogates, nothing above
// U+10FFFF), so what is stored can be read back by any UTF-8 tool (docs/auditor.md's
// independent check). A free text (a reason, a name, a plan's or an outcome's words) is
// one line: no control character, C0 (U+0000-U+001F), DEL or C1 (U+0080-U+009F), so it
// cannot start a line or move a terminal's cursor in a statement. Whatever is printed
// that did not come from hsg itself goes through escaped(); an error message quoting
// input quotes excerpt(), so a 50 MB value or a NUL cannot flood or forge the output.
#pragma once

#include <cstddef>
#include <optional>
#include <string>
#include <string_view>

namespace hsg::engine {

// The offset of the first byte that does not belong to a well-formed UTF-8 character,
// or nothing when all of `text` is UTF-8.
std::optional<std::size_t> first_invalid_utf8(std::string_view text);

// The offset of the first control character (C0, DEL or C1, above), or nothing.
std::optional<std::size_t> first_control_character(std::string_view text);

// The number of characters in `text` before byte `offset` (a byte of invalid UTF-8
// counts as one), for 1-based columns: column = characters_before(...) + 1.
std::size_t characters_before(std::string_view text, std::size_t offset);

// `text` with each control character written as an escape (\n, \r, \t, \xHH for the
// other C0 and DEL, \u00HH for C1) and each byte of invalid UTF-8 as \xHH; all else as
// it is. The result is valid UTF-8 and holds no control character.
std::string escaped(std::string_view text);

// How an error message quotes untrusted input: escaped(), and cut after
// `max_characters` characters with "…(N bytes)" saying how long the whole was.
inline constexpr std::size_t kExcerptCharacters = 60;
std::string excerpt(std::string_view text, std::size_t max_characters = kExcerptCharacters);

}  // namespace hsg::engine
