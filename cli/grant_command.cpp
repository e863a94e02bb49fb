// hsg grant start | end | review | recover | show | list: grants and their instalments.
#include <fmt/core.h>

#include <array>

#include "app/grants/grant_changes.h"
#include "app/grants/grant_lookup.h"
#include "app/grants/grant_review.h"
#include "app/grants/grant_start.h"
#include "app/present/grant_json.h"
#include "app/present/grant_text.h"
#include "cli/answer_input.h"
#include "cli/future_date_option.h"
#include "cli/option_values.h"
#include "cli/store_commands.h"
#include "cli/store_options.h"
#include "cli/subcommands.h"
#include "rules/finance.h"

namespace hsg::cli {

namespace {

std::string held_as_help() {
  std::string text = "how the money is held:";
  for (std::string_view held_as : rules::kHeldAs) text += fmt::format(" {}", held_as);
  return text;
}

int start(const Args& args, Io& io) {
  CommandLine command_line(
      "grant start",
      {"hsg grant start ALLOC --start D --held-as direct_payment|managed_account|isf "
       "[--provider NAME] [--json]",
       "Turns an agreed (or, beyond tolerance or above the upper limit, approved) allocation\n"
       "into a grant, starting on or after its assessment date. The agreed amount is shared\n"
       "across the intervention types in proportion to their indicative amounts; each type\n"
       "is paid in advance, every instalment period of the rule set (4 weeks in medway) from\n"
       "the start date, pennies to the earliest instalments. One grant per allocation; an\n"
       "individual service fund (isf) names its provider.",
       "hsg grant start 1 --start 2025-02-03 --held-as direct_payment"});
  command_line.add()("allocation", po::value<std::string>()->required()->value_name("ALLOC"),
                     "allocation id (as printed by hsg allocate)");
  command_line.positional("allocation", 1);
  command_line.add()("start", po::value<std::string>()->required()->value_name("YYYY-MM-DD"),
                     "the first instalment's due date")(
      "held-as", po::value<std::string>()->required()->value_name("HOW"), held_as_help().c_str())(
      "provider", po::value<std::string>()->value_name("NAME"),
      "the provider holding an individual service fund")(
      "json", "print the grant and its instalments as one JSON object");
  add_write_options(command_line);
  if (!command_line.parse(args, io)) return 0;
  app::GrantRequest request{positive_id(command_line, "allocation", "an allocation id"),
                            required_date(command_line, "start"),
                            command_line.get<std::string>("held-as"), std::nullopt};
  if (command_line.has("provider")) request.provider = command_line.get<std::string>("provider");
  db::Database database = open_database(command_line);
  const app::StartedGrant started =
      unwrap(app::start_grant(database, stamp_of(command_line), request));
  if (command_line.has("json")) {
    io.out << app::started_grant_json(started).dump(2) << "\n";
    return 0;
  }
  io.out << fmt::format("Grant {} started for allocation {} on {}: £{} held as {}\n", started.id,
                        request.allocation_id, request.start_on.to_string(),
                        started.plan.agreed.to_grouped_string(), request.held_as);
  for (std::size_t i = 0; i < started.plan.interventions.size(); ++i) {
    const db::GrantIntervention& type = started.plan.interventions[i];
    io.out << fmt::format("  {:<24} £{:>10}  {} instalment(s)\n", type.intervention,
                          type.amount.to_grouped_string(), started.instalments_per_type[i]);
  }
  return 0;
}

int end(const Args& args, Io& io) {
  CommandLine command_line(
      "grant end",
      {"hsg grant end GRANT --reason TEXT [--date D]",
       "Ends a grant on the date: every instalment due after it that is not yet posted is\n"
       "cancelled (a cancellation record; nothing is edited or deleted). Instalments already\n"
       "posted stay posted.",
       "hsg grant end 1 --date 2025-03-31 --reason 'Moved out of the area'"});
  add_grant_argument(command_line);
  command_line.add()("date", po::value<std::string>()->value_name("YYYY-MM-DD"),
                     "the last day of the grant (default: today)")(
      "reason", po::value<std::string>()->required()->value_name("TEXT"), "why (mandatory)");
  add_write_options(command_line);
  if (!command_line.parse(args, io)) return 0;
  const std::int64_t id = grant_id_argument(command_line);
  const engine::Date date = date_option(command_line);
  db::Database database = open_database(command_line);
  app::write_grant_end(io.out, id,
                       unwrap(app::end_grant(database, stamp_of(command_line),
                                             {id, date, command_line.get<std::string>("reason")})));
  return 0;
}

int review(const Args& args, Io& io) {
  CommandLine command_line(
      "grant review",
      {"hsg grant review GRANT (--answers FILE | --answer AREA=OPTION ...) [--date D] "
       "[--reason TEXT] [--rules ID|FILE] [--allow-future REASON]",
       "A review is a new assessment: it records a new allocation for the grant's client\n"
       "(under the rule set in force on the review date) and ends the old grant the day\n"
       "before the review date, cancelling its unposted instalments due from the review date\n"
       "on, so nothing is paid twice. The new allocation is agreed (and approved) as usual,\n"
       "then started with hsg grant start, normally from the review date. All of it is one\n"
       "write: if anything fails, nothing is recorded. A review date after today (the local\n"
       "date) needs --allow-future REASON.",
       "hsg grant review 1 --answers answers.toml --date 2025-04-28"});
  add_grant_argument(command_line);
  add_answer_options(command_line);
  command_line.add()("date", po::value<std::string>()->value_name("YYYY-MM-DD"),
                     "review date (default: today)")(
      "reason", po::value<std::string>()->value_name("TEXT"),
      "why the grant ends (default: 'review: new assessment')")(
      "rules", po::value<std::string>()->value_name("ID|FILE"),
      "a stored rule set's id (or unique prefix) or file; it must be in force on the date "
      "(default: the one in force on the date)");
  add_allow_future_option(command_line);
  add_write_options(command_line);
  if (!command_line.parse(args, io)) return 0;
  const std::int64_t id = grant_id_argument(command_line);
  const engine::Date date = date_option(command_line);
  // The old grant ends the day before, which must itself be a date hsg handles.
  const auto end_on = date.plus_days(-1);
  if (!end_on) {
    command_line.fail(fmt::format("--date {} leaves no day before it for the old grant to end on",
                                  date.to_string()));
  }
  const app::FutureDatePermission future = future_date_permission(command_line);
  app::refuse_future_date(future, date, "--date");
  app::ReviewRequest request{id, date,
                             command_line.has("reason") ? command_line.get<std::string>("reason")
                                                        : "review: new assessment",
                             future, std::nullopt};
  if (command_line.has("rules")) request.rules = command_line.get<std::string>("rules");
  db::Database database = open_database(command_line);
  const app::ReviewedGrant reviewed = unwrap(app::review_grant(
      database, stamp_of(command_line), request, [&](const rules::LoadedRuleset& ruleset) {
        return read_answers(command_line, ruleset.ruleset, io, false);
      }));
  const db::GrantDetail& old = reviewed.old;
  if (reviewed.named) io.out << reviewed.named->used() << "\n";
  io.out << fmt::format("Allocation #{} recorded for client {}: indicative grant £{}\n",
                        reviewed.recorded.id, old.grant.client_ref,
                        reviewed.recorded.traced.allocation.total.to_grouped_string());
  app::write_grant_end(io.out, id, reviewed.ended);
  io.out << fmt::format(
      "Next: agree allocation {} and start its grant from {} (hsg grant start "
      "{} --start {} --held-as {})\n",
      reviewed.recorded.id, date.to_string(), reviewed.recorded.id, date.to_string(),
      old.grant.held_as);
  return 0;
}

int recover(const Args& args, Io& io) {
  CommandLine command_line(
      "grant recover",
      {"hsg grant recover GRANT --amount AMOUNT --reason TEXT [--date D]",
       "Records money returned (e.g. the unspent surplus of a direct payment) as its own\n"
       "posting: debit the creditor account, credit the expenditure accounts in proportion\n"
       "to the grant's type amounts. It may not exceed what the grant has paid less what was\n"
       "already recovered and what its purchases spent or reserve (hsg spend).",
       "hsg grant recover 1 --amount 120.00 --reason 'Unspent surplus' --date 2025-06-30"});
  add_grant_argument(command_line);
  command_line.add()("amount", po::value<std::string>()->required()->value_name("AMOUNT"),
                     "amount returned in pounds, e.g. 120.00")(
      "reason", po::value<std::string>()->required()->value_name("TEXT"), "why (mandatory)")(
      "date", po::value<std::string>()->value_name("YYYY-MM-DD"),
      "date of the recovery (default: today)");
  add_write_options(command_line);
  if (!command_line.parse(args, io)) return 0;
  const std::int64_t id = grant_id_argument(command_line);
  const engine::Money amount = amount_option(command_line, "amount");
  const engine::Date date = date_option(command_line);
  db::Database database = open_database(command_line);
  const std::string posting =
      unwrap(app::recover_grant(database, stamp_of(command_line),
                                {id, amount, date, command_line.get<std::string>("reason")}));
  io.out << fmt::format("Recovery {} posted on {}: £{} back from grant {}\n", posting,
                        date.to_string(), amount.to_grouped_string(), id);
  return 0;
}

int show(const Args& args, Io& io) {
  CommandLine command_line(
      "grant show",
      {"hsg grant show GRANT",
       "Shows a grant: how it is held and coded, each type's amount, every instalment with\n"
       "its state (scheduled, posted, reversed or cancelled) and posting, recoveries, and\n"
       "what has been paid and recovered, and its support plan if it has one.",
       "hsg grant show 1"});
  add_grant_argument(command_line);
  add_database_option(command_line);
  if (!command_line.parse(args, io)) return 0;
  db::Database database = open_database_to_read(command_line);
  const std::int64_t id = grant_id_argument(command_line);
  app::write_grant_view(io.out, unwrap(app::grant_view(database, id)));
  return 0;
}

int list(const Args& args, Io& io) {
  CommandLine command_line(
      "grant list",
      {"hsg grant list [--active-on D]",
       "Lists grants in id order; with --active-on, only those started on or before the date\n"
       "and not ended before it.",
       "hsg grant list --active-on 2025-03-01"});
  command_line.add()("active-on", po::value<std::string>()->value_name("YYYY-MM-DD"),
                     "only grants active on this date");
  add_database_option(command_line);
  if (!command_line.parse(args, io)) return 0;
  const std::optional<engine::Date> active_on = optional_date(command_line, "active-on");
  db::Database database = open_database_to_read(command_line);
  const auto grants = unwrap(app::list_grants(database, active_on));
  io.out << fmt::format("{:>6}  {:<12} {:>6}  {:<10}  {:<15} {:>12}  {}\n", "grant", "client",
                        "alloc", "start", "held as", "agreed", "ended");
  for (const db::GrantSummary& summary : grants) {
    const db::Grant& grant = summary.grant;
    io.out << fmt::format("{:>6}  {:<12} {:>6}  {}  {:<15} {:>12}  {}\n", grant.id,
                          grant.client_ref, grant.allocation_id, grant.start_on.to_string(),
                          grant.held_as, grant.agreed.to_grouped_string(),
                          summary.end ? summary.end->end_on.to_string() : "-");
  }
  return 0;
}

constexpr std::array kSubcommands{
    Subcommand{"start", "start ALLOC --start D --held-as HOW",
               "turn an agreed allocation into a grant and schedule its instalments", start},
    Subcommand{"end", "end GRANT --reason TEXT [--date D]",
               "end a grant, cancelling unposted instalments due after the date", end},
    Subcommand{"review", "review GRANT (--answers FILE | --answer ...)",
               "reassess the client and end the grant before the review date", review},
    Subcommand{"recover", "recover GRANT --amount AMOUNT --reason TEXT",
               "record money returned, as its own posting", recover},
    Subcommand{"show", "show GRANT", "show a grant, its instalments and postings", show},
    Subcommand{"list", "list [--active-on D]", "list grants", list},
};

}  // namespace

int grant_command(const Args& args, Io& io) {
  return run_subcommand("grant", kSubcommands, args, io);
}

}  // namespace hsg::cli
