#include "app/assessment/parsed_rulesets.h"

#include <fmt/core.h>

#include <map>
#include <mutex>
#include <stdexcept>
#include <utility>
#include <variant>
#include <vector>

#include "rules/sha256.h"

namespace hsg::app {

namespace {

// Keyed by the id as stored and the hash of the bytes as read: the diagnostics name the
// id, so two ids with the same bytes are two entries.
using Key = std::pair<std::string, std::string>;

struct Memo {
  std::mutex mutex;
  std::map<Key, std::shared_ptr<const rules::LoadedRuleset>> parsed;
};

Memo& memo() {
  static Memo instance;
  return instance;
}

std::shared_ptr<const rules::LoadedRuleset> parse(const std::string& id, const std::string& bytes) {
  auto loaded = rules::load_ruleset_text(bytes, "rule set " + id);
  if (auto* problems = std::get_if<std::vector<rules::Diagnostic>>(&loaded)) {
    throw std::runtime_error(
        fmt::format("stored rule set {} no longer loads: {}", id, problems->front().to_string()));
  }
  return std::make_shared<const rules::LoadedRuleset>(
      std::get<rules::LoadedRuleset>(std::move(loaded)));
}

}  // namespace

std::shared_ptr<const rules::LoadedRuleset> parsed_ruleset(const std::string& id,
                                                           const std::string& bytes) {
  Key key{id, rules::sha256_hex(bytes)};
  Memo& shared = memo();
  {
    std::lock_guard lock(shared.mutex);
    if (auto found = shared.parsed.find(key); found != shared.parsed.end()) return found->second;
  }
  // Parsed outside the lock, so one slow parse does not hold up every other request; two
  // threads parsing the same bytes at once both get the same result, and one is kept.
  std::shared_ptr<const rules::LoadedRuleset> ruleset = parse(id, bytes);
  std::lock_guard lock(shared.mutex);
  if (shared.parsed.size() >= kMaxParsedRulesets) shared.parsed.clear();
  return shared.parsed.emplace(std::move(key), std::move(ruleset)).first->second;
}

}  // namespace hsg::app
