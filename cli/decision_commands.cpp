// hsg agree | approve | reject | show: the agreed amount and four-eyes approval.
#include <fmt/core.h>

#include "app/assessment/record_allocation.h"
#include "app/audit/stored_outputs.h"
#include "app/present/decision_json.h"
#include "app/present/statement_text.h"
#include "app/present/support_plan_text.h"
#include "cli/option_values.h"
#include "cli/store_commands.h"
#include "cli/store_options.h"
#include "db/allocations.h"
#include "db/decisions.h"
#include "db/future_dates.h"
#include "db/grants.h"
#include "db/plans.h"
#include "db/record_check.h"
#include "engine/text.h"

namespace hsg::cli {

namespace {

void add_allocation_argument(CommandLine& command_line) {
  command_line.add()("allocation", po::value<std::string>()->required()->value_name("ALLOC"),
                     "allocation id (as printed by hsg allocate)");
  command_line.positional("allocation", 1);
}

std::int64_t allocation_id(const CommandLine& command_line) {
  return positive_id(command_line, "allocation", "an allocation id");
}

// The decision statement includes what the grant started from the allocation is for.
void write_plan_of_allocation(std::ostream& out, db::Database& database,
                              std::int64_t allocation_id) {
  db::GrantRepository grants(database);
  const auto grant_id = unwrap(grants.of_allocation(allocation_id));
  if (!grant_id) return;
  const auto plan = unwrap(db::PlanRepository(database).get(*grant_id));
  if (!plan) return;
  out << "\n";
  app::write_support_plan(out, *plan, unwrap(grants.get(*grant_id)).grant.agreed);
}

void add_json_option(CommandLine& command_line) {
  command_line.add()("json", "print the decision state as one JSON object");
}

void write_state(std::ostream& out, const db::DecisionState& state) {
  out << fmt::format("Allocation #{}: {}\n", state.allocation_id, db::to_string(state.status))
      << fmt::format("  indicative grant: £{}\n", state.indicative.to_grouped_string());
  if (state.agreement) {
    const db::Decision& agreement = *state.agreement;
    out << fmt::format("  agreed: £{} by {} at {}: {}\n", agreement.agreed->to_grouped_string(),
                       engine::escaped(agreement.actor), engine::escaped(agreement.at),
                       engine::escaped(agreement.reason));
    if (*agreement.agreed > state.upper_limit) {
      app::write_above_limit(out, *agreement.agreed, state.upper_limit, agreement.reason,
                             agreement.actor);
    }
    if (db::exceeds_tolerance(*agreement.agreed, state.indicative, state.tolerance_percent)) {
      out << fmt::format(
          "  differs from the indicative grant by more than {}%: needs approval "
          "by someone other than {}\n",
          state.tolerance_percent, engine::escaped(agreement.actor));
    }
  }
  if (state.resolution) {
    const db::Decision& resolution = *state.resolution;
    out << fmt::format("  {} by {} at {}{}\n",
                       resolution.kind == db::DecisionKind::approve ? "approved" : "rejected",
                       engine::escaped(resolution.actor), engine::escaped(resolution.at),
                       resolution.reason.empty() ? "" : ": " + engine::escaped(resolution.reason));
  }
}

void write_result(std::ostream& out, const CommandLine& command_line,
                  const db::DecisionState& state) {
  if (command_line.has("json")) {
    out << app::decision_json(state).dump(2) << "\n";
  } else {
    write_state(out, state);
  }
}

}  // namespace

int agree_command(const Args& args, Io& io) {
  CommandLine command_line(
      "agree", {"hsg agree ALLOC --amount AMOUNT --reason TEXT",
                "Records the amount agreed with the client and why. An amount more than the rule\n"
                "set's tolerance (10% in medway) away from the indicative grant, or above the\n"
                "allocation's upper limit (whatever the tolerance), waits for approval by a\n"
                "different person.",
                "hsg agree 1 --amount 2200.00 --reason 'Family support covers evenings'"});
  add_allocation_argument(command_line);
  command_line.add()("amount", po::value<std::string>()->required()->value_name("AMOUNT"),
                     "agreed total in pounds, e.g. 2200.00")(
      "reason", po::value<std::string>()->required()->value_name("TEXT"), "why (mandatory)");
  add_json_option(command_line);
  add_write_options(command_line);
  if (!command_line.parse(args, io)) return 0;
  const std::string amount_text = command_line.get<std::string>("amount");
  const engine::DecimalParse amount = engine::Money::parse_pence(amount_text);
  if (const auto* reason = std::get_if<std::string>(&amount)) {
    command_line.fail(fmt::format("--amount '{}' {}", engine::excerpt(amount_text), *reason));
  }
  db::Database database = open_database(command_line);
  unwrap(db::check_allocation(database, allocation_id(command_line)));
  const db::DecisionState state = unwrap(db::DecisionRepository(database).agree(
      stamp_of(command_line), allocation_id(command_line),
      engine::Money::from_pence(std::get<std::int64_t>(amount)),
      command_line.get<std::string>("reason")));
  write_result(io.out, command_line, state);
  return 0;
}

namespace {

int resolve(const Args& args, Io& io, bool approving) {
  CommandLine command_line(
      approving ? "approve" : "reject",
      {approving ? "hsg approve ALLOC [--reason TEXT]" : "hsg reject ALLOC --reason TEXT",
       approving ? "Approves an agreed amount that is beyond tolerance or above the upper limit.\n"
                   "The approver must not be the person who agreed it."
                 : "Rejects an agreed amount that is beyond tolerance or above the upper limit,\n"
                   "with a reason. The person rejecting must not be the person who agreed it.",
       approving ? "hsg approve 1 --actor manager" : "hsg reject 1 --reason 'Not evidenced'"});
  add_allocation_argument(command_line);
  auto reason = po::value<std::string>()->value_name("TEXT");
  if (!approving) reason->required();
  command_line.add()("reason", reason, approving ? "why (optional)" : "why (mandatory)");
  add_json_option(command_line);
  add_write_options(command_line);
  if (!command_line.parse(args, io)) return 0;
  const std::string text =
      command_line.has("reason") ? command_line.get<std::string>("reason") : "";
  db::Database database = open_database(command_line);
  db::DecisionRepository decisions(database);
  const db::Stamp stamp = stamp_of(command_line);
  const std::int64_t id = allocation_id(command_line);
  unwrap(db::check_allocation(database, id));
  write_result(
      io.out, command_line,
      unwrap(approving ? decisions.approve(stamp, id, text) : decisions.reject(stamp, id, text)));
  return 0;
}

}  // namespace

int approve_command(const Args& args, Io& io) { return resolve(args, io, true); }
int reject_command(const Args& args, Io& io) { return resolve(args, io, false); }

int show_command(const Args& args, Io& io) {
  CommandLine command_line(
      "show", {"hsg show ALLOC [--db PATH]",
               "Shows a recorded allocation: its statement, recomputed from what was stored and\n"
               "checked against the stored outputs, then every decision on it and, once its grant\n"
               "has one, the support plan.",
               "hsg show 1"});
  add_allocation_argument(command_line);
  add_database_option(command_line);
  if (!command_line.parse(args, io)) return 0;
  db::Database database = open_database(command_line);
  const std::int64_t id = allocation_id(command_line);
  unwrap(db::check_allocation(database, id));
  const db::StoredAllocation stored = unwrap(db::AllocationRepository(database).get(id));
  app::StoredRulesets rulesets(database);
  const rules::LoadedRuleset& ruleset = rulesets.stored(stored.ruleset_id);
  auto answers = engine::resolve_answers(ruleset.ruleset, stored.answers);
  if (!answers.ok())
    throw InputError(fmt::format("allocation #{}: stored answers no longer resolve", id));
  const engine::TracedAllocation traced = engine::allocate_traced(ruleset.ruleset, answers.value());
  if (app::stored_outputs_sha256(ruleset.ruleset, traced.allocation) != stored.outputs_sha256) {
    throw InputError(
        fmt::format("allocation #{}: the stored outputs differ from a recomputation; "
                    "run 'hsg audit verify'",
                    id));
  }
  io.out << fmt::format("Allocation #{} for client {}, assessed by {}\n", id,
                        engine::escaped(stored.client_ref), engine::escaped(stored.assessor));
  if (const auto future = unwrap(db::FutureDateNotes(database).of_allocation(id))) {
    io.out << fmt::format("Dated after the day it was recorded ({}): {}\n",
                          future->recorded_on.to_string(), engine::escaped(future->reason));
  }
  io.out << "\n";
  app::write_statement(io.out, ruleset, traced, stored.assessed_on);
  io.out << "\n";
  write_state(io.out, unwrap(db::DecisionRepository(database).state(id)));
  write_plan_of_allocation(io.out, database, id);
  return 0;
}

}  // namespace hsg::cli
