#include "db/ruleset_adoptions.h"

#include <fmt/format.h>

#include <algorithm>
#include <map>
#include <stdexcept>

#include "db/audit_append.h"
#include "db/canonical_json.h"
#include "db/guard.h"
#include "db/record_payloads.h"
#include "db/ruleset_upgrade.h"

namespace hsg::db {

namespace {

constexpr std::size_t kMaxReasonBytes = 4000;
// How many allocations a refusal names before "and N more".
constexpr std::size_t kNamedAllocations = 5;

constexpr char kSelectAll[] =
    "SELECT a.id, a.ruleset_id, a.from_on, a.basis, a.actor, a.at, a.reason, d.kind, d.actor, "
    "d.at, d.reason, r.from_on, r.actor, r.at, r.reason FROM ruleset_adoptions a "
    "LEFT JOIN ruleset_adoption_decisions d ON d.adoption_id = a.id "
    "LEFT JOIN ruleset_retirements r ON r.adoption_id = a.id ORDER BY a.id";
constexpr char kInsertAdoption[] =
    "INSERT INTO ruleset_adoptions (ruleset_id, from_on, basis, actor, at, reason) "
    "VALUES (?1, ?2, ?3, ?4, ?5, ?6)";
constexpr char kInsertDecision[] =
    "INSERT INTO ruleset_adoption_decisions (adoption_id, kind, actor, at, reason) "
    "VALUES (?1, ?2, ?3, ?4, ?5)";
constexpr char kInsertRetirement[] =
    "INSERT INTO ruleset_retirements (adoption_id, from_on, actor, at, reason) "
    "VALUES (?1, ?2, ?3, ?4, ?5)";
constexpr char kSelectOthersFrom[] =
    "SELECT id FROM allocations WHERE assessed_on >= ?1 AND ruleset_id <> ?2 ORDER BY id";
constexpr char kSelectUnderFrom[] =
    "SELECT id FROM allocations WHERE assessed_on >= ?1 AND ruleset_id = ?2 ORDER BY id";
constexpr char kAnyAllocation[] = "SELECT EXISTS (SELECT 1 FROM allocations)";
constexpr char kSelectRulesetDates[] =
    "SELECT id, effective_from FROM rulesets ORDER BY effective_from, id";
constexpr char kSelectLastAt[] =
    "SELECT ifnull((SELECT at FROM audit_events ORDER BY seq DESC LIMIT 1), "
    "'1970-01-01T00:00:00Z')";

engine::Date date_of(const std::string& text) {
  const auto date = engine::Date::parse(text);
  if (!date) throw std::runtime_error("stored adoption date is not a date: " + text);
  return *date;
}

AdoptionBasis basis_of(const std::string& text) {
  for (AdoptionBasis basis :
       {AdoptionBasis::proposal, AdoptionBasis::init, AdoptionBasis::upgrade}) {
    if (to_string(basis) == text) return basis;
  }
  throw std::runtime_error("stored adoption has unknown basis " + text);
}

Adoption read_row(SQLite::Statement& row) {
  Adoption adoption{row.getColumn(0).getInt64(),
                    row.getColumn(1).getString(),
                    date_of(row.getColumn(2).getString()),
                    basis_of(row.getColumn(3).getString()),
                    row.getColumn(4).getString(),
                    row.getColumn(5).getString(),
                    row.getColumn(6).getString(),
                    std::nullopt,
                    std::nullopt};
  if (!row.getColumn(7).isNull()) {
    adoption.decision =
        AdoptionDecision{row.getColumn(7).getString() == "approve", row.getColumn(8).getString(),
                         row.getColumn(9).getString(), row.getColumn(10).getString()};
  }
  if (!row.getColumn(11).isNull()) {
    adoption.retirement =
        Retirement{date_of(row.getColumn(11).getString()), row.getColumn(12).getString(),
                   row.getColumn(13).getString(), row.getColumn(14).getString()};
  }
  return adoption;
}

std::vector<Adoption> read_all(Connection& connection) {
  std::vector<Adoption> all;
  auto select = connection.statement(kSelectAll);
  while (select->executeStep()) all.push_back(read_row(*select));
  return all;
}

std::string adoption_payload(const Adoption& adoption) {
  return CanonicalObject()
      .add("id", adoption.id)
      .add("ruleset_id", adoption.ruleset_id)
      .add("from_on", adoption.from_on.to_string())
      .add("basis", to_string(adoption.basis))
      .add("actor", adoption.actor)
      .add("at", adoption.at)
      .add("reason", adoption.reason)
      .str();
}

std::string decision_payload(std::int64_t adoption_id, const AdoptionDecision& decision) {
  return CanonicalObject()
      .add("adoption_id", adoption_id)
      .add("kind", decision.approved ? "approve" : "reject")
      .add("actor", decision.actor)
      .add("at", decision.at)
      .add("reason", decision.reason)
      .str();
}

std::string retirement_payload(std::int64_t adoption_id, const Retirement& retirement) {
  return CanonicalObject()
      .add("adoption_id", adoption_id)
      .add("from_on", retirement.from_on.to_string())
      .add("actor", retirement.actor)
      .add("at", retirement.at)
      .add("reason", retirement.reason)
      .str();
}

const Adoption* find_by_id(const std::vector<Adoption>& all, std::int64_t id) {
  for (const Adoption& adoption : all) {
    if (adoption.id == id) return &adoption;
  }
  return nullptr;
}

void insert_adoption(Connection& connection, const Stamp& stamp, Adoption& adoption) {
  auto statement = connection.statement(kInsertAdoption);
  statement->bind(1, adoption.ruleset_id);
  statement->bind(2, adoption.from_on.to_string());
  statement->bind(3, std::string(to_string(adoption.basis)));
  statement->bind(4, adoption.actor);
  statement->bind(5, adoption.at);
  statement->bind(6, adoption.reason);
  statement->exec();
  adoption.id = connection.sqlite.getLastInsertRowid();
  append_audit_event(connection, stamp, "ruleset.adopt", "ruleset_adoptions",
                     std::to_string(adoption.id), adoption_payload(adoption));
}

void insert_decision(Connection& connection, const Stamp& stamp, std::int64_t adoption_id,
                     const AdoptionDecision& decision) {
  auto statement = connection.statement(kInsertDecision);
  statement->bind(1, adoption_id);
  statement->bind(2, decision.approved ? "approve" : "reject");
  statement->bind(3, decision.actor);
  statement->bind(4, decision.at);
  statement->bind(5, decision.reason);
  statement->exec();
  append_audit_event(connection, stamp,
                     decision.approved ? "ruleset.approve_adoption" : "ruleset.reject_adoption",
                     "ruleset_adoption_decisions", std::to_string(adoption_id),
                     decision_payload(adoption_id, decision));
}

void insert_retirement(Connection& connection, const Stamp& stamp, std::int64_t adoption_id,
                       const Retirement& retirement) {
  auto statement = connection.statement(kInsertRetirement);
  statement->bind(1, adoption_id);
  statement->bind(2, retirement.from_on.to_string());
  statement->bind(3, retirement.actor);
  statement->bind(4, retirement.at);
  statement->bind(5, retirement.reason);
  statement->exec();
  append_audit_event(connection, stamp, "ruleset.retire", "ruleset_retirements",
                     std::to_string(adoption_id), retirement_payload(adoption_id, retirement));
}

std::vector<std::int64_t> allocation_ids(Connection& connection, const char* sql, engine::Date from,
                                         std::string_view ruleset_id) {
  std::vector<std::int64_t> ids;
  auto select = connection.statement(sql);
  select->bind(1, from.to_string());
  select->bind(2, std::string(ruleset_id));
  while (select->executeStep()) ids.push_back(select->getColumn(0).getInt64());
  return ids;
}

// "allocation 3" / "allocations 3, 7 and 9" / "allocations 3, 7, 9, 11, 12 and 40 more".
std::string named_allocations(const std::vector<std::int64_t>& ids) {
  if (ids.size() == 1) return fmt::format("allocation {}", ids.front());
  const std::size_t named = std::min(ids.size(), kNamedAllocations);
  std::vector<std::int64_t> shown(ids.begin(), ids.begin() + static_cast<std::ptrdiff_t>(named));
  if (ids.size() > named) {
    return fmt::format("allocations {} and {} more", fmt::join(shown, ", "), ids.size() - named);
  }
  shown.pop_back();
  return fmt::format("allocations {} and {}", fmt::join(shown, ", "), ids.back());
}

// Why putting `ruleset_id` in force from `from` would reinterpret recorded allocations.
std::optional<std::string> reinterpretation_problem(Connection& connection,
                                                    std::string_view ruleset_id,
                                                    engine::Date from) {
  const auto others = allocation_ids(connection, kSelectOthersFrom, from, ruleset_id);
  if (others.empty()) return std::nullopt;
  return fmt::format(
      "{} {} assessed on or after {} under another rule set, and would then read as "
      "assessed under a rule set {} not computed with",
      named_allocations(others), others.size() == 1 ? "was" : "were", from.to_string(),
      others.size() == 1 ? "it was" : "they were");
}

// Another adoption holding any day from `from` on, named, or nothing.
std::optional<std::string> overlap_problem(const std::vector<Adoption>& all, engine::Date from) {
  for (const Adoption& other : all) {
    if (other.pending()) {
      return fmt::format(
          "the adoption of rule set {} from {} is waiting for approval; approve or reject it "
          "first (hsg rules approve-adoption | reject-adoption {})",
          other.ruleset_id.substr(0, 12), other.from_on.to_string(),
          other.ruleset_id.substr(0, 12));
    }
    if (!other.adopted()) continue;
    if (other.retirement && other.retirement->from_on <= from) continue;
    if (other.retirement) {
      return fmt::format(
          "rule set {} is in force from {} until {}, days from {} on that the adoption would "
          "cover too",
          other.ruleset_id.substr(0, 12), other.from_on.to_string(),
          other.retirement->from_on.plus_days(-1).value().to_string(), from.to_string());
    }
    return fmt::format(
        "rule set {} is in force from {} with no end; retire it from {} first (hsg rules "
        "retire {} --from {} --reason TEXT)",
        other.ruleset_id.substr(0, 12), other.from_on.to_string(), from.to_string(),
        other.ruleset_id.substr(0, 12), from.to_string());
  }
  return std::nullopt;
}

std::optional<std::string> reason_problem(std::string_view reason, bool required) {
  if (required && reason.find_first_not_of(" \t\r\n") == std::string_view::npos) {
    return "a reason is required";
  }
  if (reason.empty()) return std::nullopt;  // an approval's reason is optional
  return one_line_problem("the reason", reason, kMaxReasonBytes);
}

std::optional<StoredRuleset> stored(Database& database, std::string_view ruleset_id) {
  auto found = RulesetRepository(database).get(ruleset_id);
  if (!found.ok()) return std::nullopt;
  return std::move(found).value();
}

std::string short_id(std::string_view id) { return std::string(id.substr(0, 12)); }

// "it is a draft", "it is in force from D", … for a status of adoption_status().
std::string it_is(const std::string& status) {
  return (status.starts_with("draft") ? "it is a " : "it is ") + status;
}

}  // namespace

std::string_view to_string(AdoptionBasis basis) {
  switch (basis) {
    case AdoptionBasis::proposal:
      return "proposal";
    case AdoptionBasis::init:
      return "init";
    case AdoptionBasis::upgrade:
      return "upgrade";
  }
  return "?";
}

bool Adoption::adopted() const {
  return basis != AdoptionBasis::proposal || (decision && decision->approved);
}

bool Adoption::in_force_on(engine::Date date) const {
  return adopted() && from_on <= date && (!retirement || date < retirement->from_on);
}

DbResult<const Adoption*> in_force_on(const std::vector<Adoption>& adoptions, engine::Date date) {
  const Adoption* found = nullptr;
  for (const Adoption& adoption : adoptions) {
    if (!adoption.in_force_on(date)) continue;
    // The writes refuse this, so only rows written around hsg can hold it: the user's
    // problem to investigate, not hsg's to crash on.
    if (found) return DbError{two_in_force_problem(*found, adoption, date)};
    found = &adoption;
  }
  return found;
}

std::string two_in_force_problem(const Adoption& first, const Adoption& second, engine::Date date) {
  return fmt::format(
      "the store's adoptions put two rule sets in force on {}: adoption {} (rule set {}) and "
      "adoption {} (rule set {}); run hsg audit verify",
      date.to_string(), first.id, short_id(first.ruleset_id), second.id,
      short_id(second.ruleset_id));
}

std::string adoption_status(const std::vector<Adoption>& adoptions, std::string_view ruleset_id) {
  const Adoption* latest = nullptr;
  for (const Adoption& adoption : adoptions) {
    if (adoption.ruleset_id == ruleset_id) latest = &adoption;
  }
  if (!latest) return "draft";
  const std::string from = latest->from_on.to_string();
  if (latest->pending()) return "pending adoption from " + from;
  if (!latest->adopted()) return fmt::format("draft (adoption from {} rejected)", from);
  if (latest->retirement && latest->retirement->from_on == latest->from_on) {
    return fmt::format("retired from {} (never in force)", from);
  }
  if (latest->retirement) {
    return fmt::format("retired from {} (in force from {})",
                       latest->retirement->from_on.to_string(), from);
  }
  return "in force from " + from;
}

DbResult<std::optional<std::string>> not_in_force_problem(const RulesetInfo& info,
                                                          const std::vector<Adoption>& adoptions,
                                                          engine::Date date) {
  const auto found = in_force_on(adoptions, date);
  if (!found.ok()) return found.error();
  const Adoption* in_force = found.value();
  if (in_force && in_force->ruleset_id == info.id) return std::optional<std::string>();
  std::string problem =
      fmt::format("rule set {} ({} version {}, effective from {}) is not in force on {}: {}",
                  short_id(info.id), info.name, info.version, info.effective_from.to_string(),
                  date.to_string(), it_is(adoption_status(adoptions, info.id)));
  if (in_force) {
    problem += fmt::format("; the rule set in force on {} is {}", date.to_string(),
                           short_id(in_force->ruleset_id));
  }
  return std::optional<std::string>(std::move(problem));
}

std::optional<std::string> stored_adoption_payload(Connection& connection, std::string_view id) {
  const auto number = parse_entity_number(id);
  if (!number) return std::nullopt;
  const auto all = read_all(connection);
  const Adoption* adoption = find_by_id(all, *number);
  if (!adoption) return std::nullopt;
  return adoption_payload(*adoption);
}

std::optional<std::string> stored_adoption_decision_payload(Connection& connection,
                                                            std::string_view id) {
  const auto number = parse_entity_number(id);
  if (!number) return std::nullopt;
  const auto all = read_all(connection);
  const Adoption* adoption = find_by_id(all, *number);
  if (!adoption || !adoption->decision) return std::nullopt;
  return decision_payload(adoption->id, *adoption->decision);
}

std::optional<std::string> stored_retirement_payload(Connection& connection, std::string_view id) {
  const auto number = parse_entity_number(id);
  if (!number) return std::nullopt;
  const auto all = read_all(connection);
  const Adoption* adoption = find_by_id(all, *number);
  if (!adoption || !adoption->retirement) return std::nullopt;
  return retirement_payload(adoption->id, *adoption->retirement);
}

void adopt_as_before_upgrade(Connection& connection) {
  // Before version 6 the rule set for a day was the one with the latest effective_from
  // on or before it, and none when two shared that date. So each date held by exactly
  // one rule set puts it in force from then until the next stored date.
  std::map<engine::Date, std::vector<std::string>> by_date;
  {
    auto select = connection.statement(kSelectRulesetDates);
    while (select->executeStep()) {
      by_date[date_of(select->getColumn(1).getString())].push_back(
          select->getColumn(0).getString());
    }
  }
  if (by_date.empty()) return;
  const Stamp stamp{kUpgradeActor, connection.sqlite.execAndGet(kSelectLastAt).getString()};
  std::optional<std::int64_t> open_adoption;
  for (const auto& [date, ids] : by_date) {
    if (open_adoption) {
      insert_retirement(connection, stamp, *open_adoption,
                        {date, stamp.actor, stamp.at,
                         "upgrade to schema 6: a rule set with a later effective_from was "
                         "stored"});
      open_adoption.reset();
    }
    if (ids.size() != 1) continue;  // two equally latest: none was in force
    Adoption adoption{0,
                      ids.front(),
                      date,
                      AdoptionBasis::upgrade,
                      stamp.actor,
                      stamp.at,
                      "upgrade to schema 6: in force from its effective_from, as before",
                      std::nullopt,
                      std::nullopt};
    insert_adoption(connection, stamp, adoption);
    open_adoption = adoption.id;
  }
}

DbResult<Adoption> AdoptionRepository::propose(const Stamp& stamp, std::string_view ruleset_id,
                                               engine::Date from, std::string_view reason) {
  const std::string doing =
      fmt::format("cannot adopt rule set {} from {}", short_id(ruleset_id), from.to_string());
  if (auto problem = stamp_problem(stamp)) return DbError{doing + ": " + *problem};
  if (auto problem = reason_problem(reason, true)) return DbError{doing + ": " + *problem};
  return guarded_write(database_, doing, [&](Connection& connection) -> DbResult<Adoption> {
    const auto ruleset = stored(database_, ruleset_id);
    if (!ruleset) return DbError{fmt::format("{}: no rule set with id {}", doing, ruleset_id)};
    if (from < ruleset->info.effective_from) {
      return DbError{fmt::format("{}: it is effective from {}, the first day it may be used", doing,
                                 ruleset->info.effective_from.to_string())};
    }
    const std::vector<Adoption> all = read_all(connection);
    if (auto problem = overlap_problem(all, from)) return DbError{doing + ": " + *problem};
    if (auto problem = reinterpretation_problem(connection, ruleset_id, from)) {
      return DbError{doing + ": " + *problem};
    }
    Adoption adoption{0,
                      std::string(ruleset_id),
                      from,
                      AdoptionBasis::proposal,
                      stamp.actor,
                      stamp.at,
                      std::string(reason),
                      std::nullopt,
                      std::nullopt};
    insert_adoption(connection, stamp, adoption);
    return adoption;
  });
}

DbResult<Adoption> AdoptionRepository::approve(const Stamp& stamp, std::string_view ruleset_id,
                                               std::string_view reason) {
  return decide(stamp, ruleset_id, true, reason);
}

DbResult<Adoption> AdoptionRepository::reject(const Stamp& stamp, std::string_view ruleset_id,
                                              std::string_view reason) {
  return decide(stamp, ruleset_id, false, reason);
}

DbResult<Adoption> AdoptionRepository::decide(const Stamp& stamp, std::string_view ruleset_id,
                                              bool approve, std::string_view reason) {
  const std::string verb = approve ? "approve" : "reject";
  const std::string doing =
      fmt::format("cannot {} the adoption of rule set {}", verb, short_id(ruleset_id));
  if (auto problem = stamp_problem(stamp)) return DbError{doing + ": " + *problem};
  if (auto problem = reason_problem(reason, !approve)) return DbError{doing + ": " + *problem};
  return guarded_write(database_, doing, [&](Connection& connection) -> DbResult<Adoption> {
    const std::vector<Adoption> all = read_all(connection);
    const auto pending = std::find_if(all.begin(), all.end(), [&](const Adoption& adoption) {
      return adoption.ruleset_id == ruleset_id && adoption.pending();
    });
    if (pending == all.end()) {
      return DbError{fmt::format("{}: no adoption of it is waiting for approval ({})", doing,
                                 it_is(adoption_status(all, ruleset_id)))};
    }
    if (same_actor(pending->actor, stamp.actor)) {
      return DbError{fmt::format("{}: {} proposed this adoption, so another person must {} it",
                                 doing, stamp.actor, verb)};
    }
    if (approve) {
      if (auto problem = reinterpretation_problem(connection, ruleset_id, pending->from_on)) {
        return DbError{doing + ": " + *problem};
      }
    }
    Adoption decided = *pending;
    decided.decision = AdoptionDecision{approve, stamp.actor, stamp.at, std::string(reason)};
    insert_decision(connection, stamp, decided.id, *decided.decision);
    return decided;
  });
}

DbResult<Adoption> AdoptionRepository::retire(const Stamp& stamp, std::string_view ruleset_id,
                                              engine::Date from, std::string_view reason) {
  const std::string doing =
      fmt::format("cannot retire rule set {} from {}", short_id(ruleset_id), from.to_string());
  if (auto problem = stamp_problem(stamp)) return DbError{doing + ": " + *problem};
  if (auto problem = reason_problem(reason, true)) return DbError{doing + ": " + *problem};
  return guarded_write(database_, doing, [&](Connection& connection) -> DbResult<Adoption> {
    const std::vector<Adoption> all = read_all(connection);
    const auto current = std::find_if(all.begin(), all.end(), [&](const Adoption& adoption) {
      return adoption.ruleset_id == ruleset_id && adoption.adopted() && !adoption.retirement;
    });
    if (current == all.end()) {
      return DbError{fmt::format("{}: it is not in force ({})", doing,
                                 it_is(adoption_status(all, ruleset_id)))};
    }
    if (from < current->from_on) {
      return DbError{
          fmt::format("{}: it is in force only from {}", doing, current->from_on.to_string())};
    }
    const auto under = allocation_ids(connection, kSelectUnderFrom, from, ruleset_id);
    if (!under.empty()) {
      return DbError{fmt::format(
          "{}: {} {} assessed under it on or after {}, and would then read as assessed under "
          "a rule set not in force",
          doing, named_allocations(under), under.size() == 1 ? "was" : "were", from.to_string())};
    }
    Adoption retired = *current;
    retired.retirement = Retirement{from, stamp.actor, stamp.at, std::string(reason)};
    insert_retirement(connection, stamp, retired.id, *retired.retirement);
    return retired;
  });
}

DbResult<std::optional<Adoption>> AdoptionRepository::bootstrap(const Stamp& stamp,
                                                                std::string_view ruleset_id) {
  const std::string doing = fmt::format("cannot put rule set {} in force", short_id(ruleset_id));
  if (auto problem = stamp_problem(stamp)) return DbError{doing + ": " + *problem};
  return guarded_write(
      database_, doing, [&](Connection& connection) -> DbResult<std::optional<Adoption>> {
        if (!read_all(connection).empty() ||
            connection.sqlite.execAndGet(kAnyAllocation).getInt() != 0) {
          return std::optional<Adoption>();
        }
        const auto ruleset = stored(database_, ruleset_id);
        if (!ruleset) return DbError{fmt::format("{}: no rule set with id {}", doing, ruleset_id)};
        Adoption adoption{0,
                          std::string(ruleset_id),
                          ruleset->info.effective_from,
                          AdoptionBasis::init,
                          stamp.actor,
                          stamp.at,
                          "hsg init: the built-in rule set, in force from its effective_from",
                          std::nullopt,
                          std::nullopt};
        insert_adoption(connection, stamp, adoption);
        return std::optional<Adoption>(std::move(adoption));
      });
}

DbResult<std::vector<Adoption>> AdoptionRepository::all() {
  return guarded("cannot read the rule-set adoptions", [&]() -> DbResult<std::vector<Adoption>> {
    return read_all(database_.connection());
  });
}

}  // namespace hsg::db
