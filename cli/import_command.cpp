// hsg import FILE: bulk assessments from CSV, all or nothing, and never twice by accident
// (the rules: app/imports/import_rows.h).
#include <fmt/core.h>

#include "app/imports/import_rows.h"
#include "app/present/import_text.h"
#include "cli/future_date_option.h"
#include "cli/progress.h"
#include "cli/store_commands.h"
#include "cli/store_options.h"
#include "engine/text.h"

namespace hsg::cli {

int import_command(const Args& args, Io& io) {
  CommandLine command_line(
      "import",
      {"hsg import FILE [--again] [--allow-future REASON] [--db PATH] [--actor NAME]",
       "Records assessments in bulk from a CSV file (UTF-8, with or without a byte-order\n"
       "mark) with the header client_ref,date,assessor,<one column per area>. All or\n"
       "nothing: if any row is bad, every bad row is reported with its line and column and\n"
       "nothing is written. Rows imported before (the same rows, however the file was\n"
       "saved) are refused, naming that import, unless --again is given. Rows dated after\n"
       "today (the local date) need --allow-future REASON.",
       "hsg import assessments.csv"});
  command_line.add()("file", po::value<std::string>()->required()->value_name("FILE"),
                     "the CSV file")(
      "again", "record rows an earlier import recorded, again, on purpose (a re-import)");
  command_line.positional("file", 1);
  add_allow_future_option(command_line);
  add_write_options(command_line);
  if (!command_line.parse(args, io)) return 0;
  // The file is read before the database is opened, so a missing file is said first.
  app::ImportFile file = unwrap(app::read_import_file(command_line.get<std::string>("file")));
  db::Database database = open_database(command_line);
  const db::Stamp stamp = stamp_of(command_line);
  const app::FutureDatePermission future = future_date_permission(command_line);
  Progress progress(io.err, io.interactive);
  const app::ImportOutcome outcome = unwrap(app::import_rows(
      database, {std::move(file), stamp, future, command_line.has("again")}, progress));
  if (!outcome.problems.empty()) {
    for (const std::string& line : outcome.problems) io.err << engine::escaped(line) << "\n";
    io.err << fmt::format("hsg: error: {} {}; nothing was imported\n", outcome.problems.size(),
                          outcome.problems.size() == 1 ? "problem" : "problems");
    return 1;
  }
  io.out << app::imported_text(*outcome.recorded) << "\n";
  return 0;
}

}  // namespace hsg::cli
