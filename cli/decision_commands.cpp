// hsg agree | approve | reject | show: the agreed amount and four-eyes approval.
#include <fmt/core.h>

#include "app/decisions/record_decision.h"
#include "app/decisions/show_allocation.h"
#include "app/present/decision_json.h"
#include "app/present/decision_state_text.h"
#include "app/present/shown_allocation_json.h"
#include "app/present/shown_allocation_text.h"
#include "cli/option_values.h"
#include "cli/store_commands.h"
#include "cli/store_options.h"
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

void add_json_option(CommandLine& command_line) {
  command_line.add()("json", "print the decision state as one JSON object");
}

void write_result(std::ostream& out, const CommandLine& command_line,
                  const db::DecisionState& state) {
  if (command_line.has("json")) {
    out << app::decision_json(state).dump(2) << "\n";
  } else {
    app::write_decision_state(out, state);
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
  const app::AgreeRequest request{allocation_id(command_line),
                                  engine::Money::from_pence(std::get<std::int64_t>(amount)),
                                  command_line.get<std::string>("reason")};
  const db::DecisionState state = unwrap(app::agree(database, stamp_of(command_line), request));
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
  const db::Stamp stamp = stamp_of(command_line);
  const app::ResolveRequest request{allocation_id(command_line),
                                    approving ? app::Resolution::approve : app::Resolution::reject,
                                    text};
  write_result(io.out, command_line, unwrap(app::resolve(database, stamp, request)));
  return 0;
}

}  // namespace

int approve_command(const Args& args, Io& io) { return resolve(args, io, true); }
int reject_command(const Args& args, Io& io) { return resolve(args, io, false); }

int show_command(const Args& args, Io& io) {
  CommandLine command_line(
      "show", {"hsg show ALLOC [--db PATH] [--json]",
               "Shows a recorded allocation: its statement, recomputed from what was stored and\n"
               "checked against the stored outputs, then every decision on it and, once its grant\n"
               "has one, the support plan.",
               "hsg show 1"});
  add_allocation_argument(command_line);
  command_line.add()("json", "print the allocation and its decision state as one JSON object");
  add_database_option(command_line);
  if (!command_line.parse(args, io)) return 0;
  db::Database database = open_database_to_read(command_line);
  const std::int64_t id = allocation_id(command_line);
  const app::ShownAllocation shown = unwrap(app::show_allocation(database, id));
  if (command_line.has("json")) {
    io.out << app::shown_allocation_json(shown).dump(2) << "\n";
  } else {
    app::write_shown_allocation(io.out, shown);
  }
  return 0;
}

}  // namespace hsg::cli
