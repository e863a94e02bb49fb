// hsg spend record | approve | refuse | show | surplus: spending a grant's cash, with
// receipts, sign-off, and the surplus a council could recover.
#include <fmt/core.h>

#include <array>
#include <filesystem>
#include <fstream>
#include <iterator>

#include "app/grants/spending.h"
#include "app/present/spending_json.h"
#include "cli/option_values.h"
#include "cli/store_commands.h"
#include "cli/store_options.h"
#include "cli/subcommands.h"
#include "engine/text.h"

namespace hsg::cli {

namespace {

// The receipt's bytes; a file larger than a receipt may be is refused from its size,
// before it is read, and the read itself stops one byte past the limit.
std::string read_receipt(const CommandLine& command_line) {
  const std::string path = command_line.get<std::string>("receipt");
  std::error_code error;
  const bool regular = std::filesystem::is_regular_file(path, error);
  if (!regular) {
    command_line.fail(
        fmt::format("--receipt '{}' is not a file hsg can read", engine::excerpt(path)));
  }
  const auto too_big = [&](std::uintmax_t size) {
    command_line.fail(
        fmt::format("--receipt '{}' has {} bytes; a receipt may have at most {} (10 MiB)",
                    engine::excerpt(path), size, db::kMaxReceiptBytes));
  };
  const std::uintmax_t size = std::filesystem::file_size(path, error);
  if (!error && size > db::kMaxReceiptBytes) too_big(size);
  std::ifstream file(path, std::ios::binary);
  if (!file) {
    command_line.fail(
        fmt::format("--receipt '{}' is not a file hsg can read", engine::excerpt(path)));
  }
  std::string bytes(db::kMaxReceiptBytes + 1, '\0');
  file.read(bytes.data(), static_cast<std::streamsize>(bytes.size()));
  bytes.resize(static_cast<std::size_t>(file.gcount()));
  if (bytes.size() > db::kMaxReceiptBytes) too_big(bytes.size());
  return bytes;
}

// "£175.75 (one week's payment, the default)"
std::string threshold(const app::SpendingPolicy& policy) {
  return fmt::format("£{}{}", policy.sign_off_above.to_grouped_string(),
                     policy.sign_off_above_default ? " (one week's payment, the default)" : "");
}

int record(const Args& args, Io& io) {
  CommandLine command_line(
      "spend record",
      {"hsg spend record GRANT --date D --amount AMOUNT --description TEXT --objective ID "
       "[--receipt FILE]",
       "Records a purchase made with a grant's cash, for one of its support plan's\n"
       "objectives (any objective key when the grant has no plan in force on the date),\n"
       "with its receipt if there is one (kept in the database by its SHA-256; at most\n"
       "10 MiB). It may not be more than the grant's balance on the date: paid in by then,\n"
       "less every purchase spent or awaiting sign-off and every recovery. A purchase of\n"
       "more than the rule set's sign_off_above (default: one week's payment of the grant)\n"
       "awaits sign-off by a different person (hsg spend approve); the money stays reserved\n"
       "until then.",
       "hsg spend record 1 --date 2025-02-10 --amount 25.00 --description 'Bus pass' "
       "--objective travel --receipt bus-pass.pdf"});
  add_grant_argument(command_line);
  command_line.add()("date", po::value<std::string>()->required()->value_name("YYYY-MM-DD"),
                     "the day of the purchase, within the grant")(
      "amount", po::value<std::string>()->required()->value_name("AMOUNT"),
      "amount in pounds, e.g. 25.00")("description",
                                      po::value<std::string>()->required()->value_name("TEXT"),
                                      "what was bought (one line)")(
      "objective", po::value<std::string>()->required()->value_name("ID"),
      "the support plan's objective it serves (hsg plan show GRANT)")(
      "receipt", po::value<std::string>()->value_name("FILE"),
      "the receipt (any file, at most 10 MiB)");
  add_write_options(command_line);
  if (!command_line.parse(args, io)) return 0;
  app::PurchaseRequest request{grant_id_argument(command_line),
                               required_date(command_line, "date"),
                               amount_option(command_line, "amount"),
                               command_line.get<std::string>("description"),
                               command_line.get<std::string>("objective"),
                               std::nullopt};
  if (request.amount.pence() <= 0) {
    command_line.fail(
        fmt::format("--amount {} must be more than 0.00", command_line.get<std::string>("amount")));
  }
  if (command_line.has("receipt")) request.receipt = read_receipt(command_line);
  db::Database database = open_database(command_line);
  const app::RecordedPurchase recorded =
      unwrap(app::record_purchase(database, stamp_of(command_line), request));
  const db::Purchase& purchase = recorded.purchase;
  io.out << fmt::format("Purchase {} recorded for grant {} on {}: £{} for {} (objective {})\n",
                        purchase.number, purchase.grant_id, purchase.purchased_on.to_string(),
                        purchase.amount.to_grouped_string(), engine::escaped(purchase.description),
                        purchase.objective);
  if (purchase.receipt_sha256) {
    io.out << fmt::format("  receipt sha256 {} ({} bytes)\n", *purchase.receipt_sha256,
                          *purchase.receipt_size_bytes);
  }
  if (purchase.needs_sign_off) {
    io.out << fmt::format(
        "  awaiting sign-off, being more than {}: reserved until a different person signs it "
        "off (hsg spend approve {} {}) or it is refused\n",
        threshold(recorded.policy), purchase.grant_id, purchase.number);
  } else {
    io.out << "  spent\n";
  }
  return 0;
}

void add_purchase_arguments(CommandLine& command_line) {
  command_line.add()("grant", po::value<std::string>()->required()->value_name("GRANT"),
                     "grant id")("purchase",
                                 po::value<std::string>()->required()->value_name("PURCHASE"),
                                 "the purchase's number (as hsg spend record printed it)");
  command_line.positional("grant", 1);
  command_line.positional("purchase", 1);
}

int decide(const Args& args, Io& io, bool approve) {
  CommandLine command_line(
      approve ? "spend approve" : "spend refuse",
      approve
          ? CommandHelp{"hsg spend approve GRANT PURCHASE [--date D] [--reason TEXT]",
                        "Signs off a purchase awaiting sign-off, once. The person who "
                        "recorded it cannot\nsign it off (four eyes).",
                        "hsg spend approve 1 2 --date 2025-02-12 --actor sam"}
          : CommandHelp{"hsg spend refuse GRANT PURCHASE --reason TEXT [--date D]",
                        "Refuses a purchase awaiting sign-off, once: the money it reserved is "
                        "released.\nBy the person who recorded it, it is a withdrawal. Nothing is "
                        "deleted: the\nrefusal is a record of its own.",
                        "hsg spend refuse 1 2 --reason 'Not in the plan' --actor sam"});
  add_purchase_arguments(command_line);
  if (approve) {
    command_line.add()("reason", po::value<std::string>()->value_name("TEXT"),
                       "why (default: 'signed off')");
  } else {
    command_line.add()("reason", po::value<std::string>()->required()->value_name("TEXT"),
                       "why (mandatory)");
  }
  command_line.add()("date", po::value<std::string>()->value_name("YYYY-MM-DD"),
                     "the day of the decision (default: today)");
  add_write_options(command_line);
  if (!command_line.parse(args, io)) return 0;
  const app::PurchaseDecisionRequest request{
      grant_id_argument(command_line), positive_id(command_line, "purchase", "a purchase number"),
      approve, date_option(command_line),
      command_line.has("reason") ? command_line.get<std::string>("reason") : "signed off"};
  db::Database database = open_database(command_line);
  const db::Purchase purchase =
      unwrap(app::decide_purchase(database, stamp_of(command_line), request));
  io.out << fmt::format("Purchase {} of grant {} ({}, £{}) {} by {} on {}\n", purchase.number,
                        purchase.grant_id, engine::escaped(purchase.description),
                        purchase.amount.to_grouped_string(), approve ? "signed off" : "refused",
                        purchase.decision->actor, purchase.decision->decided_on.to_string());
  return 0;
}

int approve(const Args& args, Io& io) { return decide(args, io, true); }
int refuse(const Args& args, Io& io) { return decide(args, io, false); }

void write_balance(std::ostream& out, const db::SpendingBalance& balance) {
  const std::pair<const char*, engine::Money> rows[] = {{"paid in", balance.paid_in},
                                                        {"spent", balance.spent},
                                                        {"awaiting sign-off", balance.awaiting},
                                                        {"recovered", balance.recovered},
                                                        {"saved", balance.saved}};
  for (const auto& [label, amount] : rows) {
    out << fmt::format("  {:<20} £{:>10}\n", label, amount.to_grouped_string());
  }
}

int show(const Args& args, Io& io) {
  CommandLine command_line(
      "spend show",
      {"hsg spend show GRANT [--as-of D] [--json]",
       "Shows a grant's cash on a day: paid in (instalments posted by then, net of\n"
       "reversals), spent, awaiting sign-off (reserved), recovered and saved (paid in less\n"
       "the rest), and each purchase dated by then with its state and its receipt's SHA-256.",
       "hsg spend show 1 --as-of 2025-03-31"});
  add_grant_argument(command_line);
  command_line.add()("as-of", po::value<std::string>()->value_name("YYYY-MM-DD"),
                     "the day (default: today)")("json", "print JSON instead of text");
  add_database_option(command_line);
  if (!command_line.parse(args, io)) return 0;
  const std::int64_t grant_id = grant_id_argument(command_line);
  const engine::Date as_of = date_or_today_option(command_line, "as-of");
  db::Database database = open_database_to_read(command_line);
  const app::SpendingView view = unwrap(app::spending_view(database, grant_id, as_of));
  if (command_line.has("json")) {
    io.out << app::spending_json(view).dump(2) << "\n";
    return 0;
  }
  io.out << fmt::format("Grant {} cash as of {}\n", grant_id, as_of.to_string());
  write_balance(io.out, view.spending.balance);
  io.out << fmt::format(
      "  a week's payment £{}; sign-off above {}; surplus above {} weeks' "
      "payments\n",
      view.policy.week_payment.to_grouped_string(), threshold(view.policy), view.policy.keep_weeks);
  if (view.spending.purchases.empty()) {
    io.out << "No purchases.\n";
    return 0;
  }
  io.out << fmt::format("{:>3}  {:<10}  {:>10}  {:<17}  {:<16}  {}\n", "#", "date", "amount",
                        "state", "objective", "description");
  for (const db::Purchase& purchase : view.spending.purchases) {
    io.out << fmt::format("{:>3}  {}  {:>10}  {:<17}  {:<16}  {}\n", purchase.number,
                          purchase.purchased_on.to_string(), purchase.amount.to_grouped_string(),
                          db::to_string(purchase.status_on(as_of)), purchase.objective,
                          engine::escaped(purchase.description));
    if (purchase.receipt_sha256) {
      io.out << fmt::format("     receipt sha256 {} ({} bytes{})\n", *purchase.receipt_sha256,
                            *purchase.receipt_size_bytes,
                            purchase.receipt_stored ? "" : ", not stored");
    }
  }
  return 0;
}

int surplus(const Args& args, Io& io) {
  CommandLine command_line(
      "spend surplus",
      {"hsg spend surplus GRANT --as-of D [--json]",
       "What the council could recover from a grant on a day under its rule set's policy:\n"
       "the saved balance above keep_weeks weeks' payments (default: the instalment\n"
       "period), a week's payment being the grant's amounts per week (each type's amount\n"
       "over its weeks, summed exactly and rounded once to the penny). Prints the hsg grant\n"
       "recover command that would record it; nothing is written.",
       "hsg spend surplus 1 --as-of 2025-03-31"});
  add_grant_argument(command_line);
  add_required_date(command_line, "as-of", "the day");
  command_line.add()("json", "print JSON instead of text");
  add_database_option(command_line);
  if (!command_line.parse(args, io)) return 0;
  const std::int64_t grant_id = grant_id_argument(command_line);
  const engine::Date as_of = required_date(command_line, "as-of");
  db::Database database = open_database_to_read(command_line);
  const app::Surplus found = unwrap(app::spending_surplus(database, grant_id, as_of));
  if (command_line.has("json")) {
    io.out << app::surplus_json(found).dump(2) << "\n";
    return 0;
  }
  const app::SpendingPolicy& policy = found.view.policy;
  io.out << fmt::format("Grant {} surplus as of {}\n", grant_id, as_of.to_string());
  io.out << fmt::format("  {:<20} £{:>10}\n", "saved",
                        found.view.spending.balance.saved.to_grouped_string());
  io.out << fmt::format("  {:<20} £{:>10}  ({} weeks of £{})\n", "kept",
                        found.kept.to_grouped_string(), policy.keep_weeks,
                        policy.week_payment.to_grouped_string());
  io.out << fmt::format("  {:<20} £{:>10}\n", "surplus", found.surplus.to_grouped_string());
  if (found.surplus.pence() > 0) {
    io.out << fmt::format(
        "To recover it: hsg grant recover {} --amount {} --date {} --reason 'Surplus above {} "
        "weeks of payments'\n",
        grant_id, found.surplus.to_string(), as_of.to_string(), policy.keep_weeks);
  } else {
    io.out << "Nothing to recover.\n";
  }
  return 0;
}

constexpr std::array kSubcommands{
    Subcommand{"record", "record GRANT --date D --amount AMOUNT --description TEXT --objective ID",
               "record a purchase with the grant's cash, with its receipt", record},
    Subcommand{"approve", "approve GRANT PURCHASE", "sign off a purchase awaiting sign-off",
               approve},
    Subcommand{"refuse", "refuse GRANT PURCHASE --reason TEXT",
               "refuse (or withdraw) a purchase awaiting sign-off", refuse},
    Subcommand{"show", "show GRANT [--as-of D]", "a grant's cash: paid in, spent, saved", show},
    Subcommand{"surplus", "surplus GRANT --as-of D", "what could be recovered under the policy",
               surplus},
};

}  // namespace

int spend_command(const Args& args, Io& io) {
  return run_subcommand("spend", kSubcommands, args, io);
}

}  // namespace hsg::cli
