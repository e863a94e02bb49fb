// hsg backup FILE and hsg restore FILE (docs/administrator.md, "Backups").
#include <fmt/core.h>

#include <filesystem>

#include "app/store/backup.h"
#include "cli/signed_checkpoints.h"
#include "cli/store_commands.h"
#include "cli/store_options.h"

namespace hsg::cli {

namespace {

void add_file_argument(CommandLine& command_line, const char* help) {
  command_line.add()("file", po::value<std::string>()->required()->value_name("FILE"), help);
  command_line.positional("file", 1);
}

std::string copy_text(const app::StoreCopy& copy) {
  return fmt::format("{} events and {} records verified; head {}; {} bytes", copy.events,
                     copy.records, copy.head, copy.bytes);
}

}  // namespace

int backup_command(const Args& args, Io& io) {
  CommandLine command_line(
      "backup",
      {"hsg backup FILE [--db PATH]",
       "Copies the database to FILE while others keep using it (SQLite's online backup: one\n"
       "consistent snapshot, so a bulk import is in the copy wholly or not at all), then\n"
       "opens the copy and checks it (SQLite's integrity_check and the whole audit\n"
       "verification) before naming it FILE. FILE must not exist; it is owner-only.",
       "hsg backup /var/backups/hsg/hsg-2026-12-07.db"});
  add_file_argument(command_line, "where to write the copy (must not exist)");
  add_database_option(command_line);
  if (!command_line.parse(args, io)) return 0;
  const std::filesystem::path target = command_line.get<std::string>("file");
  db::Database database = open_database_to_read(command_line);
  const app::StoreCopy copy = unwrap(app::backup_store(database, target));
  io.out << fmt::format("backed up {} to {}: {}\n", database.path().string(), target.string(),
                        copy_text(copy));
  return 0;
}

int restore_command(const Args& args, Io& io) {
  CommandLine command_line(
      "restore",
      {"hsg restore FILE [--checkpoint SEQ:HASH] [--checkpoints FILE --public-key KEY] "
       "[--force] [--db PATH]",
       "Puts a backup back as the database. The copy must pass SQLite's integrity_check and\n"
       "the whole audit verification first, with every checkpoint given: a copy older than a\n"
       "checkpoint (cut short before it) or rewritten is refused and nothing is changed.\n"
       "Replacing an existing database needs --force; stop hsg serve first.",
       "hsg restore /var/backups/hsg/hsg-2026-12-07.db --checkpoints auditor.checkpoints "
       "--public-key auditor.pub --force"});
  add_file_argument(command_line, "the backup to restore");
  command_line.add()("checkpoint", po::value<std::string>()->value_name("SEQ:HASH"),
                     "a checkpoint the copy must hold (hsg audit checkpoint)")(
      "force", "replace the database that is there");
  add_signed_checkpoint_options(command_line);
  add_database_option(command_line);
  if (!command_line.parse(args, io)) return 0;
  const app::CheckpointsToVerify checkpoints = checkpoints_to_verify(command_line);
  if (checkpoints.bad_signature) command_line.fail(*checkpoints.bad_signature);
  const std::filesystem::path copy = command_line.get<std::string>("file");
  const std::filesystem::path target = database_path(command_line);
  std::error_code error;
  if (std::filesystem::exists(target, error) && std::filesystem::file_size(target, error) > 0 &&
      !command_line.has("force")) {
    command_line.fail(fmt::format("{} already holds a database: give --force to replace it with {}",
                                  target.string(), copy.string()));
  }
  const app::StoreCopy restored = unwrap(app::restore_store(copy, target, checkpoints));
  io.out << fmt::format("restored {} from {}: {}\n", target.string(), copy.string(),
                        copy_text(restored));
  io.out << app::signed_summary(checkpoints, restored.head);
  return 0;
}

}  // namespace hsg::cli
