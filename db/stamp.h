// Who is writing and when: the two facts every write to the store records.
//
// The store never reads a clock; the caller (the CLI) passes the time. `at` is UTC in
// RFC 3339 form with a 'Z' ("2025-01-31T14:05:09Z", optionally with a fraction of a
// second), so times sort as text. `actor` names one person, in normal form (below), so
// that "Asha", " asha" and "asha" cannot pass for three people at a four-eyes check; it
// is one line, so every field of an audit event is one line and the hash input
// (docs/auditor.md) cannot be ambiguous.
//
// The normal form of a typed name: whitespace at either end dropped, each run of
// whitespace inside it one space, ASCII capitals lowercased; then it must be 1 to 200
// bytes of ASCII letters, digits, '.', '_', '-', '@' and those single spaces. The
// store refuses a stamp whose actor is not in normal form, whichever front end made it.
// Names stored before this rule are compared by their folded form (same_actor).
#pragma once

#include <optional>
#include <string>
#include <string_view>

#include "db/result.h"

namespace hsg::db {

struct Stamp {
  std::string actor;
  std::string at;
};

// The normal form of `typed`, or why it has none (empty, too long, or a character
// outside the set above, which the message names).
DbResult<std::string> normalise_actor(std::string_view typed);
inline constexpr std::string_view kActorCharacters =
    "letters a-z (capitals are lowercased), digits 0-9, '.', '_', '-', '@' and single spaces";

// Whether two stored actor names are the same person, for every four-eyes check
// (agreements, rule-set adoptions; the one place actors are compared): equal once each is
// folded (ends trimmed, inner whitespace runs one space, ASCII lowercased), so a name
// stored before normal forms were enforced still matches its normal form.
bool same_actor(std::string_view first, std::string_view second);

// Why `stamp` is unusable, or nothing when it is fine.
std::optional<std::string> stamp_problem(const Stamp& stamp);

// Why `text` may not be a one-line field of an audit event or a free text (`what` names
// it): empty, longer than `max_bytes`, not UTF-8 or holding a control character
// (engine/text.h), saying where; or nothing.
std::optional<std::string> one_line_problem(std::string_view what, std::string_view text,
                                            std::size_t max_bytes);

}  // namespace hsg::db
