#include "cli/commands.h"

#include <fmt/core.h>

#include <algorithm>
#include <array>
#include <exception>
#include <string_view>

#include "cli/input_error.h"
#include "cli/store_commands.h"
#include "cli/version.h"
#include "engine/text.h"

namespace hsg::cli {

namespace {

constexpr std::array kCommands{
    Command{"assess", assess_command, "work out an indicative grant and explain it"},
    Command{"rules", rules_command, "check, show, store or list rule sets"},
    Command{"init", init_command, "create the database and store the medway rule set"},
    Command{"client", client_command, "add, show, list, erase or export clients"},
    Command{"allocate", allocate_command, "assess a client and record the allocation"},
    Command{"agree", agree_command, "record the amount agreed with the client, and why"},
    Command{"approve", approve_command, "approve an agreed amount beyond tolerance or limit"},
    Command{"reject", reject_command, "reject an agreed amount beyond tolerance or limit"},
    Command{"show", show_command, "show a recorded allocation and its decisions"},
    Command{"letter", letter_command, "write the client's decision letter (HTML or PDF)"},
    Command{"audit", audit_command, "read, verify, checkpoint or replay the audit log"},
    Command{"import", import_command, "record assessments in bulk from CSV"},
    Command{"generate", generate_command, "record a synthetic caseload"},
    Command{"grant", grant_command, "start, end, review or recover grants; show and list them"},
    Command{"spend", spend_command, "record purchases with receipts; sign-off, balance, surplus"},
    Command{"provider", provider_command, "accredit providers, end accreditation, list them"},
    Command{"plan", plan_command, "set or show a grant's support plan"},
    Command{"ledger", ledger_command, "post instalments; export, balance and report the ledger"},
    Command{"outcome", outcome_command, "record and show outcomes at review or exit"},
    Command{"report", report_command, "reports for commissioners: outcomes, savings"},
    Command{"whatif", whatif_command, "what a candidate rule set would do to the caseload"},
    Command{"user", user_command, "add users of hsg serve; grant roles, disable, set passwords"},
    Command{"backup", backup_command, "copy the database while in use, and check the copy"},
    Command{"restore", restore_command, "put a checked backup back as the database"},
};

void write_usage(std::ostream& out, std::span<const Command> extra) {
  out << "Usage: hsg COMMAND [OPTIONS]\n\n"
         "hsg computes housing support grants: it scores a person's needs with a rule set,\n"
         "turns the levels into support hours and money, and explains every figure.\n\n"
         "Commands:\n";
  for (const Command& command : kCommands) {
    out << fmt::format("  {:<10} {}\n", command.name, command.summary);
  }
  for (const Command& command : extra) {
    out << fmt::format("  {:<10} {}\n", command.name, command.summary);
  }
  out << "\nOptions:\n  -h [ --help ]   show this help and exit\n"
         "  --version       show the version of hsg and of its engine\n\n"
         "'hsg COMMAND --help' describes a command.\n";
}

// A message as printed: whatever input it quotes was cut where it was quoted; this is the
// last guard, so that no message can hold a control character or run on without end.
constexpr std::size_t kMaxMessageCharacters = 4000;
std::string shown_line(std::string_view line) {
  return engine::excerpt(line, kMaxMessageCharacters);
}

int dispatch(const Args& args, Io& io, std::span<const Command> extra) {
  if (args.empty()) {
    io.err << "hsg: error: no command given\n\n";
    write_usage(io.err, extra);
    return 1;
  }
  if (args[0] == "--help" || args[0] == "-h" || args[0] == "help") {
    write_usage(io.out, extra);
    return 0;
  }
  if (args[0] == "--version") {
    io.out << version_line() << "\n";
    return 0;
  }
  const auto named = [&](const Command& command) { return command.name == args[0]; };
  const Args rest(args.begin() + 1, args.end());
  if (const auto found = std::find_if(kCommands.begin(), kCommands.end(), named);
      found != kCommands.end()) {
    return found->run(rest, io);
  }
  if (const auto found = std::find_if(extra.begin(), extra.end(), named); found != extra.end()) {
    return found->run(rest, io);
  }
  throw InputError(
      fmt::format("unknown command '{}' (see 'hsg --help')", engine::excerpt(args[0])));
}

}  // namespace

int run_hsg(const Args& args, Io& io, std::span<const Command> extra) {
  try {
    return dispatch(args, io, extra);
  } catch (const InputError& error) {
    for (const std::string& line : error.lines()) io.err << shown_line(line) << "\n";
    return 1;
  } catch (const std::exception& error) {
    io.err << "hsg: internal error: " << shown_line(error.what()) << "\n";
    return 2;
  } catch (...) {
    // Nothing of ours throws anything else, but a library might; still exit 2, not abort.
    io.err << "hsg: internal error: unknown exception\n";
    return 2;
  }
}

}  // namespace hsg::cli
