// Who is writing and when: the two facts every write to the store records.
//
// The store never reads a clock; the caller (the CLI) passes the time. `at` is UTC in
// RFC 3339 form with a 'Z' ("2025-01-31T14:05:09Z", optionally with a fraction of a
// second), so times sort as text. `actor` is a person's login or name: non-empty, at
// most 200 bytes, and without control characters, so every field of an audit event is
// one line and the hash input (docs/auditor.md) cannot be ambiguous.
#pragma once

#include <optional>
#include <string>
#include <string_view>

namespace hsg::db {

struct Stamp {
  std::string actor;
  std::string at;
};

// Why `stamp` is unusable, or nothing when it is fine.
std::optional<std::string> stamp_problem(const Stamp& stamp);

// Whether two actors are the same person, for four-eyes checks (agreements, rule-set
// adoptions): the one place actors are compared.
bool same_actor(std::string_view first, std::string_view second);

// Why `text` may not be a one-line field of an audit event (`what` names it), or nothing.
std::optional<std::string> one_line_problem(std::string_view what, std::string_view text,
                                            std::size_t max_bytes);

}  // namespace hsg::db
