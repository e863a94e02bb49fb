#include "app/audit/replay.h"

#include <fmt/core.h>

#include <nlohmann/json.hpp>

#include "app/audit/stored_outputs.h"
#include "db/rulesets.h"
#include "db/sha256.h"
#include "engine/allocate.h"
#include "engine/version.h"

namespace hsg::app {

namespace {

using nlohmann::json;

void add_if_different(std::vector<FieldDifference>& out, std::string field, std::int64_t stored,
                      std::int64_t replayed) {
  if (stored != replayed) {
    out.push_back({std::move(field), std::to_string(stored), std::to_string(replayed)});
  }
}

void add_if_different(std::vector<FieldDifference>& out, std::string field,
                      const std::string& stored, const std::string& replayed) {
  if (stored != replayed) {
    out.push_back({std::move(field), json(stored).dump(), json(replayed).dump()});
  }
}

}  // namespace

bool ReplayResult::engine_changed() const {
  return stored_engine_version != engine::kEngineVersion;
}

const ReplayRuleset& ReplayRulesets::get(const std::string& id) {
  if (auto found = rulesets_.find(id); found != rulesets_.end()) return found->second;
  const auto stored = db::RulesetRepository(database_).get(id);
  ReplayRuleset loaded = std::string();
  if (!stored.ok()) {
    loaded = fmt::format("its rule set {} cannot be read: {}", id, stored.error().message);
  } else if (const std::string hash = db::sha256_hex(stored.value().bytes); hash != id) {
    loaded = fmt::format("the stored bytes of rule set {} now hash to {}", id, hash);
  } else {
    auto parsed = rules::load_ruleset_text(stored.value().bytes, "rule set " + id);
    if (auto* problems = std::get_if<std::vector<rules::Diagnostic>>(&parsed)) {
      loaded =
          fmt::format("its rule set {} no longer loads: {}", id, problems->front().to_string());
    } else {
      loaded = std::get<rules::LoadedRuleset>(std::move(parsed));
    }
  }
  return rulesets_.emplace(id, std::move(loaded)).first->second;
}

ReplayResult replay_allocation(const db::StoredAllocation& stored, const ReplayRuleset& ruleset) {
  ReplayResult result{stored.id, stored.client_ref, stored.engine_version, {}, {}};
  if (const auto* problem = std::get_if<std::string>(&ruleset)) {
    result.problem = *problem;
    return result;
  }
  const rules::LoadedRuleset& rules = std::get<rules::LoadedRuleset>(ruleset);
  const auto answers = engine::resolve_answers(rules.ruleset, stored.answers);
  if (!answers.ok()) {
    result.problem = "its stored answers no longer resolve: " + answers.problems().front().message;
    return result;
  }
  const engine::TracedAllocation traced = engine::allocate_traced(rules.ruleset, answers.value());
  const engine::Allocation& totals = traced.allocation;
  auto& out = result.differences;
  add_if_different(out, "calculated_total_pence", stored.calculated_total.pence(),
                   totals.calculated_total.pence());
  add_if_different(out, "upper_limit_pence", stored.upper_limit.pence(),
                   totals.upper_limit.pence());
  add_if_different(out, "total_pence", stored.total.pence(), totals.total.pence());
  add_if_different(out, "cap_applied", stored.cap_applied ? 1 : 0, totals.cap_applied ? 1 : 0);
  add_if_different(out, "outputs_sha256", stored.outputs_sha256,
                   stored_outputs_sha256(rules.ruleset, totals));
  add_if_different(out, "trace_sha256", stored.trace_sha256,
                   stored_trace_sha256(rules.ruleset, traced.trace));
  return result;
}

}  // namespace hsg::app
