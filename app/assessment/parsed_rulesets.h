// Stored rule sets parsed once per process, not once per use.
//
// Reading a rule set's stored bytes into an engine::Ruleset (TOML, then every check of
// the rule-set format) costs several times what recording an allocation under it does,
// and a server reads the same one or two rule sets for every request it handles. The
// parse is a pure function of the bytes, so it is memoised by the SHA-256 of the bytes,
// computed afresh on every call: bytes that changed in the store hash differently and
// are parsed (and fail or pass on their own) again, never answered from the memo.
// Promises: the result is exactly what rules::load_ruleset_text(bytes, "rule set " + id)
// gives; safe to call from several threads; at most kMaxParsedRulesets are kept.
#pragma once

#include <cstddef>
#include <memory>
#include <string>

#include "rules/ruleset_loader.h"

namespace hsg::app {

inline constexpr std::size_t kMaxParsedRulesets = 64;

// The stored rule set `id` whose bytes are `bytes`, parsed; bytes that no longer load
// are an internal error (std::runtime_error naming the first problem).
std::shared_ptr<const rules::LoadedRuleset> parsed_ruleset(const std::string& id,
                                                           const std::string& bytes);

}  // namespace hsg::app
