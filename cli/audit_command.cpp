// hsg audit log | verify | checkpoint | keygen | replay: reading and checking the
// hash-chained audit log, and recomputing what it recorded.
#include <fmt/core.h>

#include <array>

#include "app/audit/audit_events.h"
#include "app/audit/verify_audit.h"
#include "app/present/replay_text.h"
#include "cli/progress.h"
#include "cli/replay_command.h"
#include "cli/signed_checkpoints.h"
#include "cli/store_commands.h"
#include "cli/store_options.h"
#include "cli/subcommands.h"
#include "engine/text.h"

namespace hsg::cli {

namespace {

int log(const Args& args, Io& io) {
  CommandLine command_line("audit log",
                           {"hsg audit log [--client REF] [--db PATH]",
                            "Prints the audit log, oldest first: sequence, time, actor, action, "
                            "record and hash.",
                            "hsg audit log --client C-1001"});
  command_line.add()("client", po::value<std::string>()->value_name("REF"),
                     "only events about this client");
  add_database_option(command_line);
  if (!command_line.parse(args, io)) return 0;
  db::Database database = open_database_to_read(command_line);
  std::optional<std::string> client_ref;
  if (command_line.has("client")) client_ref = command_line.get<std::string>("client");
  const auto events = unwrap(app::audit_events(database, client_ref));
  for (const db::AuditEvent& event : events) {
    io.out << fmt::format("{:>6} {} {:<12} {:<18} {}:{} {}\n", event.seq, engine::escaped(event.at),
                          engine::escaped(event.actor), engine::escaped(event.action),
                          engine::escaped(event.entity_type), engine::escaped(event.entity_id),
                          engine::escaped(event.hash));
  }
  return 0;
}

int verify(const Args& args, Io& io) {
  CommandLine command_line(
      "audit verify",
      {"hsg audit verify [--checkpoint SEQ:HASH] [--checkpoints FILE --public-key KEY] "
       "[--replay] [--db PATH]",
       "Checks that the schema's append-only triggers (and every table and index) are as\n"
       "shipped, naming each that is not; recomputes the whole hash chain and checks every\n"
       "stored record against the event that wrote it; names the first that does not match\n"
       "(exit 1). Names every rule-set adoption that breaks the adoption rules (init only\n"
       "first, upgrade only by hsg-upgrade, four eyes, one rule set in force a day), written\n"
       "by an event or not. With a checkpoint taken earlier, also detects a log cut short or\n"
       "rewritten before it; --checkpoints checks every signed checkpoint of an auditor's\n"
       "file, each signature first. With --replay, also recomputes every allocation (as hsg\n"
       "audit replay --all) and lists any that differ (exit 1).",
       "hsg audit verify --checkpoints auditor.checkpoints --public-key auditor.pub"});
  command_line.add()("checkpoint", po::value<std::string>()->value_name("SEQ:HASH"),
                     "a checkpoint printed earlier by hsg audit checkpoint")(
      "replay", "also replay every recorded allocation");
  add_signed_checkpoint_options(command_line);
  add_database_option(command_line);
  if (!command_line.parse(args, io)) return 0;
  const app::CheckpointsToVerify checkpoints = checkpoints_to_verify(command_line);
  if (checkpoints.bad_signature) {
    io.err << "hsg: audit verification FAILED: " << *checkpoints.bad_signature << "\n";
    return 1;
  }
  db::Database database = open_database_to_read(command_line);
  Progress progress(io.err, io.interactive);
  const app::AuditVerification verified =
      unwrap(app::verify_audit(database, checkpoints, command_line.has("replay"), progress));
  const db::VerifyReport& report = verified.report;
  if (!report.ok) {
    for (const std::string& failure : app::verification_failures(report, checkpoints)) {
      io.err << "hsg: audit verification FAILED: " << failure << "\n";
    }
    return 1;
  }
  if (!verified.replayed) {
    io.out << fmt::format("ok: {} events and {} records verified; head {}\n", report.events_checked,
                          report.records_checked, report.head);
  } else if (!verified.replayed->different.empty()) {
    const app::ReplaySummary& replayed = *verified.replayed;
    for (const app::ReplayResult& result : replayed.different) {
      app::write_replay_result(io.err, result);
    }
    io.err << fmt::format(
        "hsg: audit verification FAILED: the chain is intact but {} of {} allocations differ "
        "when replayed\n",
        replayed.different.size(), replayed.replayed);
    return 1;
  } else {
    io.out << fmt::format(
        "ok: {} events and {} records verified, {} allocations replayed identical; head {}\n",
        report.events_checked, report.records_checked, verified.replayed->identical, report.head);
  }
  io.out << app::signed_summary(checkpoints, report.head);
  return 0;
}

}  // namespace

int audit_command(const Args& args, Io& io) {
  static constexpr std::array kSubcommands{
      Subcommand{"log", "log [--client REF]", "the audit log, oldest first", log},
      Subcommand{"verify", "verify [--checkpoints FILE --public-key KEY]",
                 "check the schema, the chain and every record", verify},
      Subcommand{"checkpoint", "checkpoint [--sign KEYFILE]",
                 "print (or sign) SEQ:HASH of the last event", audit_checkpoint},
      Subcommand{"keygen", "keygen --secret-key FILE --public-key FILE",
                 "a key pair for signed checkpoints", audit_keygen},
      Subcommand{"replay", "replay (ALLOC | --all ...)", "recompute recorded allocations",
                 audit_replay},
  };
  return run_subcommand("audit", kSubcommands, args, io);
}

}  // namespace hsg::cli
