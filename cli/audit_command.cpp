// hsg audit log | verify | checkpoint | replay: reading and checking the hash-chained
// audit log, and recomputing what it recorded.
#include <fmt/core.h>

#include <array>

#include "cli/replay_command.h"
#include "cli/store_commands.h"
#include "cli/store_options.h"
#include "cli/subcommands.h"
#include "db/audit_log.h"

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
  db::Database database = open_database(command_line);
  db::AuditLog audit(database);
  const auto events = command_line.has("client")
                          ? unwrap(audit.events_for_client(command_line.get<std::string>("client")))
                          : unwrap(audit.events());
  for (const db::AuditEvent& event : events) {
    io.out << fmt::format("{:>6} {} {:<12} {:<18} {}:{} {}\n", event.seq, event.at, event.actor,
                          event.action, event.entity_type, event.entity_id, event.hash);
  }
  return 0;
}

int verify(const Args& args, Io& io) {
  CommandLine command_line(
      "audit verify",
      {"hsg audit verify [--checkpoint SEQ:HASH] [--replay] [--db PATH]",
       "Recomputes the whole hash chain and checks every stored record against the event\n"
       "that wrote it; names the first that does not match (exit 1). With a checkpoint taken\n"
       "earlier, also detects a log cut short after it. With --replay, also recomputes every\n"
       "allocation (as hsg audit replay --all) and lists any that differ (exit 1).",
       "hsg audit verify --checkpoint 42:3f1c… --replay"});
  command_line.add()("checkpoint", po::value<std::string>()->value_name("SEQ:HASH"),
                     "a checkpoint printed earlier by hsg audit checkpoint")(
      "replay", "also replay every recorded allocation");
  add_database_option(command_line);
  if (!command_line.parse(args, io)) return 0;
  db::Database database = open_database(command_line);
  std::optional<std::string> checkpoint;
  if (command_line.has("checkpoint")) checkpoint = command_line.get<std::string>("checkpoint");
  const db::VerifyReport report = unwrap(db::AuditLog(database).verify(checkpoint));
  if (!report.ok) {
    io.err << "hsg: audit verification FAILED: " << report.problem << "\n";
    return 1;
  }
  if (!command_line.has("replay")) {
    io.out << fmt::format("ok: {} events and {} records verified; head {}\n", report.events_checked,
                          report.records_checked, report.head);
    return 0;
  }
  const ReplaySummary replayed = replay_range(database, {}, io);
  if (!replayed.different.empty()) {
    for (const ReplayResult& result : replayed.different) write_replay_result(io.err, result);
    io.err << fmt::format(
        "hsg: audit verification FAILED: the chain is intact but {} of {} allocations differ "
        "when replayed\n",
        replayed.different.size(), replayed.replayed);
    return 1;
  }
  io.out << fmt::format(
      "ok: {} events and {} records verified, {} allocations replayed identical; head {}\n",
      report.events_checked, report.records_checked, replayed.identical, report.head);
  return 0;
}

int checkpoint(const Args& args, Io& io) {
  CommandLine command_line(
      "audit checkpoint",
      {"hsg audit checkpoint [--db PATH]",
       "Prints SEQ:HASH of the last audit event, to hand to an auditor.", "hsg audit checkpoint"});
  add_database_option(command_line);
  if (!command_line.parse(args, io)) return 0;
  db::Database database = open_database(command_line);
  io.out << unwrap(db::AuditLog(database).checkpoint()) << "\n";
  return 0;
}

}  // namespace

int audit_command(const Args& args, Io& io) {
  static constexpr std::array kSubcommands{
      Subcommand{"log", "log [--client REF]", "the audit log, oldest first", log},
      Subcommand{"verify", "verify [--checkpoint SEQ:HASH]", "check the chain and every record",
                 verify},
      Subcommand{"checkpoint", "checkpoint", "print SEQ:HASH of the last event", checkpoint},
      Subcommand{"replay", "replay (ALLOC | --all ...)", "recompute recorded allocations",
                 audit_replay},
  };
  return run_subcommand("audit", kSubcommands, args, io);
}

}  // namespace hsg::cli
