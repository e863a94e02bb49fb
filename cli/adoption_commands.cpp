// hsg rules adopt | approve-adoption | reject-adoption | retire: which stored rule set is
// in force from when, decided by two people (db/ruleset_adoptions.h).
#include <fmt/core.h>

#include "app/rules/adoptions.h"
#include "cli/option_values.h"
#include "cli/store_commands.h"
#include "cli/store_options.h"

namespace hsg::cli {

namespace {

void add_ruleset_argument(CommandLine& command_line) {
  command_line.add()("ruleset", po::value<std::string>()->required()->value_name("ID"),
                     "a stored rule set: its id, a unique prefix of it (4 or more hex digits) "
                     "or its file");
  command_line.positional("ruleset", 1);
}

std::string title(const db::RulesetInfo& info) {
  return fmt::format("rule set {} ({} version {})", info.id.substr(0, 12), info.name, info.version);
}

std::string optional_reason(const CommandLine& command_line) {
  return command_line.has("reason") ? command_line.get<std::string>("reason") : "";
}

}  // namespace

int rules_adopt_command(const Args& args, Io& io) {
  CommandLine command_line(
      "rules adopt",
      {"hsg rules adopt ID --from D --reason TEXT",
       "Proposes putting a stored rule set in force from D (on or after its effective_from).\n"
       "It is in force once another person approves (hsg rules approve-adoption). Refused\n"
       "while another rule set is in force or pending on any day from D on (retire it from D\n"
       "first), or when allocations assessed from D on were recorded under another rule set.",
       "hsg rules adopt 5f1c0a2b --from 2026-04-01 --reason 'Rate review 2026'"});
  add_ruleset_argument(command_line);
  command_line.add()("from", po::value<std::string>()->required()->value_name("YYYY-MM-DD"),
                     "the first day it is to be in force")(
      "reason", po::value<std::string>()->required()->value_name("TEXT"), "why (mandatory)");
  add_write_options(command_line);
  if (!command_line.parse(args, io)) return 0;
  const engine::Date from = required_date(command_line, "from");
  db::Database database = open_database(command_line);
  const db::Stamp stamp = stamp_of(command_line);
  const app::ProposeAdoption request{command_line.get<std::string>("ruleset"), from,
                                     command_line.get<std::string>("reason")};
  const db::RulesetInfo info = unwrap(app::propose_adoption(database, stamp, request)).ruleset;
  io.out << fmt::format(
      "Adoption of {} from {} proposed by {}: waiting for approval by another person (hsg "
      "rules approve-adoption {})\n",
      title(info), from.to_string(), stamp.actor, info.id.substr(0, 12));
  return 0;
}

namespace {

int decide(const Args& args, Io& io, bool approve) {
  const char* name = approve ? "rules approve-adoption" : "rules reject-adoption";
  CommandLine command_line(
      name,
      {approve ? "hsg rules approve-adoption ID [--reason TEXT]"
               : "hsg rules reject-adoption ID --reason TEXT",
       approve ? "Approves the adoption of a rule set waiting for approval: it is in force from\n"
                 "the proposed date. The approver must be another person than the proposer."
               : "Rejects the adoption of a rule set waiting for approval: it stays a draft.\n"
                 "Another person than the proposer rejects it, with a reason.",
       approve ? "hsg rules approve-adoption 5f1c0a2b --actor manager"
               : "hsg rules reject-adoption 5f1c0a2b --reason 'Budget not agreed'"});
  add_ruleset_argument(command_line);
  auto reason = po::value<std::string>()->value_name("TEXT");
  if (!approve) reason->required();
  command_line.add()("reason", reason, approve ? "why (optional)" : "why (mandatory)");
  add_write_options(command_line);
  if (!command_line.parse(args, io)) return 0;
  db::Database database = open_database(command_line);
  const db::Stamp stamp = stamp_of(command_line);
  const app::DecideAdoption request{command_line.get<std::string>("ruleset"), approve,
                                    optional_reason(command_line)};
  const app::AdoptionChange change = unwrap(app::decide_adoption(database, stamp, request));
  const db::RulesetInfo& info = change.ruleset;
  const db::Adoption& decided = change.adoption;
  if (approve) {
    io.out << fmt::format("{} is in force from {}: proposed by {}, approved by {}\n", title(info),
                          decided.from_on.to_string(), decided.actor, stamp.actor);
  } else {
    io.out << fmt::format("Adoption of {} from {} rejected by {}: it stays a draft\n", title(info),
                          decided.from_on.to_string(), stamp.actor);
  }
  return 0;
}

}  // namespace

int rules_approve_adoption_command(const Args& args, Io& io) { return decide(args, io, true); }
int rules_reject_adoption_command(const Args& args, Io& io) { return decide(args, io, false); }

int rules_retire_command(const Args& args, Io& io) {
  CommandLine command_line(
      "rules retire",
      {"hsg rules retire ID --from D --reason TEXT",
       "Ends a rule set in force: from D on it is not (D is the first day without it).\n"
       "Refused when allocations assessed under it on or after D are recorded.",
       "hsg rules retire f8a37111 --from 2026-04-01 --reason 'Replaced by the 2026 rates'"});
  add_ruleset_argument(command_line);
  command_line.add()("from", po::value<std::string>()->required()->value_name("YYYY-MM-DD"),
                     "the first day it is no longer in force")(
      "reason", po::value<std::string>()->required()->value_name("TEXT"), "why (mandatory)");
  add_write_options(command_line);
  if (!command_line.parse(args, io)) return 0;
  const engine::Date from = required_date(command_line, "from");
  db::Database database = open_database(command_line);
  const db::Stamp stamp = stamp_of(command_line);
  const app::RetireRuleset request{command_line.get<std::string>("ruleset"), from,
                                   command_line.get<std::string>("reason")};
  const app::AdoptionChange change = unwrap(app::retire_ruleset(database, stamp, request));
  const db::RulesetInfo& info = change.ruleset;
  const db::Adoption& retired = change.adoption;
  if (from == retired.from_on) {
    // Retired from its first day: there is no last day in force to name.
    io.out << fmt::format("{} retired from {}: it was never in force\n", title(info),
                          from.to_string());
    return 0;
  }
  io.out << fmt::format("{} retired from {}: in force from {} to {}\n", title(info),
                        from.to_string(), retired.from_on.to_string(),
                        from.plus_days(-1).value().to_string());
  return 0;
}

}  // namespace hsg::cli
