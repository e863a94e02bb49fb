// hsg plan set | show: a grant's support plan, checked against the grant conditions.
#include <fmt/core.h>

#include <array>

#include "app/plans/plan_lookup.h"
#include "app/plans/record_plan.h"
#include "app/present/plan_json.h"
#include "app/present/support_plan_text.h"
#include "cli/option_values.h"
#include "cli/store_commands.h"
#include "cli/store_options.h"
#include "cli/subcommands.h"
#include "rules/support_plan_loader.h"

namespace hsg::cli {

namespace {

int set(const Args& args, Io& io) {
  CommandLine command_line(
      "plan set",
      {"hsg plan set GRANT --file PLAN.toml [--date D]",
       "Records a grant's support plan: the objectives the person wants to achieve and how\n"
       "the grant is used for them (docs/assessor.md, \"Support plans\"). The plan is checked\n"
       "against the grant conditions and the rule set's [plans] table on the plan date;\n"
       "every problem is listed with the line of the plan file and nothing is recorded. A\n"
       "grant's plan is never edited: setting it again records the next version.",
       "hsg plan set 1 --file support-plan.toml --date 2025-02-03"});
  add_grant_argument(command_line);
  command_line.add()("file", po::value<std::string>()->required()->value_name("PLAN.toml"),
                     "the plan file")("date", po::value<std::string>()->value_name("YYYY-MM-DD"),
                                      "the plan's date (default: today)");
  add_write_options(command_line);
  if (!command_line.parse(args, io)) return 0;
  const std::int64_t grant_id = grant_id_argument(command_line);
  const engine::Date plan_on = date_option(command_line);
  auto loaded = rules::load_support_plan_file(command_line.get<std::string>("file"));
  if (auto* problems = std::get_if<std::vector<rules::Diagnostic>>(&loaded)) {
    throw InputError(*problems);
  }
  const auto& plan = std::get<rules::LoadedSupportPlan>(loaded);
  db::Database database = open_database(command_line);
  const app::RecordedPlan recorded =
      unwrap(app::record_plan(database, stamp_of(command_line), {grant_id, plan_on}, plan));
  io.out << fmt::format("Plan version {} recorded for grant {}\n\n", recorded.stored.version,
                        grant_id);
  app::write_support_plan(io.out, recorded.stored, recorded.agreed);
  return 0;
}

int show(const Args& args, Io& io) {
  CommandLine command_line(
      "plan show", {"hsg plan show GRANT [--version N] [--json]",
                    "Shows a grant's support plan: the latest version, or the one asked for.",
                    "hsg plan show 1"});
  add_grant_argument(command_line);
  command_line.add()("version", po::value<std::string>()->value_name("N"),
                     "a version of the plan (default: the latest)")("json",
                                                                    "print JSON instead of text");
  add_database_option(command_line);
  if (!command_line.parse(args, io)) return 0;
  const std::int64_t grant_id = grant_id_argument(command_line);
  std::optional<std::int64_t> version;
  if (command_line.has("version")) version = positive_id(command_line, "version", "a version");
  db::Database database = open_database_to_read(command_line);
  const app::PlanView view = unwrap(app::find_plan(database, grant_id, version));
  if (command_line.has("json")) {
    io.out << app::plan_json(view.plan).dump(2) << "\n";
  } else {
    app::write_support_plan(io.out, view.plan, view.agreed);
  }
  return 0;
}

constexpr std::array kSubcommands{
    Subcommand{"set", "set GRANT --file PLAN.toml [--date D]",
               "check and record a grant's support plan (a new version)", set},
    Subcommand{"show", "show GRANT [--version N] [--json]", "show a grant's support plan", show},
};

}  // namespace

int plan_command(const Args& args, Io& io) {
  return run_subcommand("plan", kSubcommands, args, io);
}

}  // namespace hsg::cli
