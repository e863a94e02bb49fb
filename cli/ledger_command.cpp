// hsg ledger post | reverse | export | balance | commitments | summary: the finance ledger.
#include <fmt/core.h>

#include <array>
#include <filesystem>

#include "app/grants/ledger_export.h"
#include "app/grants/ledger_posting.h"
#include "app/grants/ledger_reports.h"
#include "cli/option_values.h"
#include "cli/store_commands.h"
#include "cli/store_options.h"
#include "cli/subcommands.h"
#include "db/safe_file.h"
#include "engine/text.h"

namespace hsg::cli {

namespace {

int post(const Args& args, Io& io) {
  CommandLine command_line(
      "ledger post",
      {"hsg ledger post [--through D]",
       "Posts every instalment due on or before the date that is neither posted nor\n"
       "cancelled, each dated its due date: Dr the type's expenditure account, Cr the\n"
       "creditor account of the way the money is held. Posting ids come from the grant and\n"
       "instalment, so running it again posts nothing twice.",
       "hsg ledger post --through 2025-02-28"});
  add_date_option(command_line, "through",
                  "post what is due on or before this date (default: today)");
  add_write_options(command_line);
  if (!command_line.parse(args, io)) return 0;
  const engine::Date through = date_or_today_option(command_line, "through");
  db::Database database = open_database(command_line);
  const db::PostResult result =
      unwrap(app::post_due_instalments(database, stamp_of(command_line), through));
  io.out << fmt::format("Posted {} instalment(s) due on or before {}: £{}\n", result.posted,
                        through.to_string(), result.posted_amount.to_grouped_string());
  io.out << fmt::format("{} instalment(s) due by then were already posted\n",
                        result.already_posted);
  return 0;
}

int reverse(const Args& args, Io& io) {
  CommandLine command_line(
      "ledger reverse",
      {"hsg ledger reverse POSTING --reason TEXT [--date D]",
       "Corrects a posting by reversing it: a new posting X-POSTING with the same lines,\n"
       "debit and credit swapped, referencing the original, so the two net to zero. A\n"
       "posting is reversed at most once, not before its own date; nothing is edited.",
       "hsg ledger reverse I-1-short_term_basic-2 --reason 'Paid in error' --date 2025-03-10"});
  command_line.add()("posting", po::value<std::string>()->required()->value_name("POSTING"),
                     "the id of the posting to reverse");
  command_line.positional("posting", 1);
  command_line.add()("reason", po::value<std::string>()->required()->value_name("TEXT"),
                     "why (mandatory)");
  add_date_option(command_line, "date", "date of the reversal (default: today)");
  add_write_options(command_line);
  if (!command_line.parse(args, io)) return 0;
  const engine::Date date = date_or_today_option(command_line, "date");
  db::Database database = open_database(command_line);
  const std::string id = unwrap(app::reverse_posting(
      database, stamp_of(command_line),
      {command_line.get<std::string>("posting"), date, command_line.get<std::string>("reason")}));
  io.out << fmt::format("Posted {} on {}, reversing {}\n", id, date.to_string(),
                        command_line.get<std::string>("posting"));
  return 0;
}

app::ExportFormat export_format(const CommandLine& command_line) {
  const std::string text =
      command_line.has("format") ? command_line.get<std::string>("format") : "csv";
  if (const auto format = app::export_format_named(text)) return *format;
  command_line.fail(
      fmt::format("--format '{}' is not one of csv, json, hledger", engine::excerpt(text)));
}

int export_ledger(const Args& args, Io& io) {
  CommandLine command_line(
      "ledger export",
      {"hsg ledger export --from D --to D [--format csv|json|hledger] [--output FILE]",
       "Writes every line of the postings dated from --from up to but not including --to:\n"
       "CSV (RFC 4180, with a header), JSON, or an hledger journal whose 'hledger bal'\n"
       "equals 'hsg ledger balance'. Amounts have exactly two decimals; amount = debit -\n"
       "credit. With --output the file appears only once complete.",
       "hsg ledger export --from 2025-02-01 --to 2025-03-01 --output february.csv"});
  add_required_date(command_line, "from", "first posting date included");
  add_required_date(command_line, "to", "first posting date not included");
  command_line.add()("format", po::value<std::string>()->value_name("FORMAT"),
                     "csv (default), json or hledger")(
      "output", po::value<std::string>()->value_name("FILE"), "write here instead of stdout");
  add_database_option(command_line);
  if (!command_line.parse(args, io)) return 0;
  const engine::Date from = required_date(command_line, "from");
  const engine::Date to = required_date(command_line, "to");
  if (to < from) command_line.fail("--to is before --from");
  const app::ExportRequest request{from, to, export_format(command_line)};
  db::Database database = open_database_to_read(command_line);
  if (!command_line.has("output")) {
    unwrap(app::export_ledger_lines(database, request, io.out));
    return 0;
  }
  const std::filesystem::path output = command_line.get<std::string>("output");
  db::SafeFile file = unwrap(db::SafeFile::create(output));
  const std::int64_t lines = unwrap(app::export_ledger_lines(database, request, file.stream()));
  unwrap(file.commit());
  io.err << fmt::format("wrote {} ledger line(s) to {}\n", lines, output.string());
  return 0;
}

int balance(const Args& args, Io& io) {
  CommandLine command_line(
      "ledger balance",
      {"hsg ledger balance [--as-of D] [--format text|csv]",
       "The trial balance: each account's balance (debits positive, credits negative) over\n"
       "the postings dated on or before the date (default: all), accounts at zero left out,\n"
       "and the total, which is always zero. --format csv writes what 'hledger bal -O csv'\n"
       "writes for the exported journal.",
       "hsg ledger balance --as-of 2025-02-28"});
  add_date_option(command_line, "as-of", "include postings dated on or before this date");
  command_line.add()("format", po::value<std::string>()->value_name("FORMAT"),
                     "text (default) or csv");
  add_database_option(command_line);
  if (!command_line.parse(args, io)) return 0;
  const std::optional<engine::Date> as_of = optional_date(command_line, "as-of");
  const std::string format =
      command_line.has("format") ? command_line.get<std::string>("format") : "text";
  if (format != "text" && format != "csv") {
    command_line.fail(
        fmt::format("--format '{}' is not one of text, csv", engine::excerpt(format)));
  }
  db::Database database = open_database_to_read(command_line);
  const app::TrialBalance balance = unwrap(app::trial_balance(database, as_of));
  if (format == "csv") {
    app::write_balance_csv(io.out, balance);
    return 0;
  }
  for (const db::AccountBalance& account : balance.accounts) {
    io.out << fmt::format("{:>16}  {}\n",
                          engine::Money::from_pence(account.balance_pence).to_grouped_string(),
                          account.account);
  }
  io.out << std::string(16, '-') << "\n"
         << fmt::format("{:>16}\n",
                        engine::Money::from_pence(balance.total_pence).to_grouped_string());
  return 0;
}

int commitments(const Args& args, Io& io) {
  CommandLine command_line(
      "ledger commitments",
      {"hsg ledger commitments [--as-of D]",
       "The future liability: instalments scheduled, not cancelled and not posted on or\n"
       "before the date, by month of their due date and intervention type.",
       "hsg ledger commitments --as-of 2025-02-28"});
  add_date_option(command_line, "as-of", "the date to look forward from (default: today)");
  add_database_option(command_line);
  if (!command_line.parse(args, io)) return 0;
  const engine::Date as_of = date_or_today_option(command_line, "as-of");
  db::Database database = open_database_to_read(command_line);
  const app::Commitments commitments = unwrap(app::commitments_as_of(database, as_of));
  io.out << fmt::format("Commitments as of {}\n", as_of.to_string());
  io.out << fmt::format("{:<8} {:<24} {:>11} {:>14}\n", "month", "intervention", "instalments",
                        "amount");
  for (const db::Commitment& row : commitments.rows) {
    io.out << fmt::format("{:<8} {:<24} {:>11} {:>14}\n", row.month, row.intervention,
                          row.instalments, row.amount.to_grouped_string());
  }
  io.out << fmt::format("{:<8} {:<24} {:>11} {:>14}\n", "total", "", commitments.instalments,
                        commitments.total.to_grouped_string());
  return 0;
}

db::SummaryBy summary_by(const CommandLine& command_line) {
  const std::string text = command_line.get<std::string>("by");
  if (const auto by = app::summary_by_named(text)) return *by;
  command_line.fail(
      fmt::format("--by '{}' is not one of month, client-group, intervention, cost-centre",
                  engine::excerpt(text)));
}

int summary(const Args& args, Io& io) {
  CommandLine command_line(
      "ledger summary",
      {"hsg ledger summary --from D --to D --by month|client-group|intervention|cost-centre "
       "[--budget AMOUNT]",
       "Spend (expenditure debits less credits: instalments less recoveries, net of\n"
       "reversals) of the postings dated from --from up to but not including --to, grouped,\n"
       "with the total and, given a budget, what remains of it.",
       "hsg ledger summary --from 2025-04-01 --to 2026-04-01 --by month --budget 250000"});
  add_required_date(command_line, "from", "first posting date included");
  add_required_date(command_line, "to", "first posting date not included");
  command_line.add()("by", po::value<std::string>()->required()->value_name("GROUPING"),
                     "month, client-group, intervention or cost-centre")(
      "budget", po::value<std::string>()->value_name("AMOUNT"), "the budget for the period");
  add_database_option(command_line);
  if (!command_line.parse(args, io)) return 0;
  const engine::Date from = required_date(command_line, "from");
  const engine::Date to = required_date(command_line, "to");
  if (to < from) command_line.fail("--to is before --from");
  app::SpendRequest request{from, to, summary_by(command_line), std::nullopt};
  if (command_line.has("budget")) request.budget = amount_option(command_line, "budget");
  db::Database database = open_database_to_read(command_line);
  const app::SpendSummary summary = unwrap(app::spend_summary(database, request));
  io.out << fmt::format("Spend from {} to {} (not included), by {}\n", from.to_string(),
                        to.to_string(), command_line.get<std::string>("by"));
  for (const db::SpendRow& row : summary.rows) {
    io.out << fmt::format("  {:<40} {:>14}\n", row.key, row.spend.to_grouped_string());
  }
  io.out << fmt::format("  {:<40} {:>14}\n", "total", summary.total.to_grouped_string());
  if (request.budget) {
    io.out << fmt::format("  {:<40} {:>14}\n", "budget", request.budget->to_grouped_string())
           << fmt::format("  {:<40} {:>14}\n", "remaining", summary.remaining->to_grouped_string());
  }
  return 0;
}

constexpr std::array kSubcommands{
    Subcommand{"post", "post [--through D]", "post the instalments due by a date", post},
    Subcommand{"reverse", "reverse POSTING --reason TEXT", "correct a posting by reversal",
               reverse},
    Subcommand{"export", "export --from D --to D [--format F]",
               "write ledger lines as CSV, JSON or an hledger journal", export_ledger},
    Subcommand{"balance", "balance [--as-of D]", "trial balance by account", balance},
    Subcommand{"commitments", "commitments [--as-of D]",
               "scheduled instalments not yet posted, by month and type", commitments},
    Subcommand{"summary", "summary --from D --to D --by G", "spend, and what remains of a budget",
               summary},
};

}  // namespace

int ledger_command(const Args& args, Io& io) {
  return run_subcommand("ledger", kSubcommands, args, io);
}

}  // namespace hsg::cli
