// hsg plan set | show: a grant's support plan, checked against the grant conditions.
#include <fmt/core.h>

#include <array>
#include <nlohmann/json.hpp>

#include "app/assessment/record_allocation.h"
#include "app/present/support_plan_text.h"
#include "cli/option_values.h"
#include "cli/store_commands.h"
#include "cli/store_options.h"
#include "cli/subcommands.h"
#include "db/clients.h"
#include "db/grants.h"
#include "db/plans.h"
#include "db/providers.h"
#include "db/write_transaction.h"
#include "rules/support_plan_check.h"

namespace hsg::cli {

namespace {

// What the rules need to know beyond the file, read from the store.
rules::PlanContext context_of(db::Database& database, const db::GrantDetail& detail,
                              engine::Date plan_on) {
  const db::Grant& grant = detail.grant;
  // What a grant may be spent on is the council's policy on the day the plan is made, so
  // the plan is checked against the rule set in force that day, not necessarily the one
  // the grant was assessed under: a grant assessed under an older rule set can still
  // have a plan once a rule set with a [plans] table is in force.
  app::StoredRulesets rulesets(database);
  const rules::LoadedRuleset& ruleset = rulesets.in_force_on(plan_on);
  if (!ruleset.plans) {
    throw InputError(fmt::format(
        "the rule set in force on {}, {} {} ({}), has no [plans] table, so it cannot check a "
        "support plan; add one that has, effective from a later date (docs/rules.md)",
        plan_on.to_string(), ruleset.ruleset.spec().name, ruleset.ruleset.spec().version,
        ruleset.id.substr(0, 12)));
  }
  rules::PlanContext context{
      plan_on,
      grant.id,
      grant.agreed,
      detail.end ? std::optional(detail.end->end_on) : std::nullopt,
      grant.held_as,
      grant.provider,
      unwrap(db::ClientRepository(database).get(grant.client_ref)).asc_funded,
      {},
      *ruleset.plans};
  for (const db::Provider& provider : unwrap(db::ProviderRepository(database).list(plan_on))) {
    context.accredited.emplace(provider.name, provider.kind);
  }
  return context;
}

db::NewPlan new_plan(std::int64_t grant_id, engine::Date plan_on,
                     const rules::LoadedSupportPlan& loaded) {
  db::NewPlan plan{grant_id, plan_on, loaded.bytes, {}, {}};
  for (const rules::PlanObjectiveEntry& objective : loaded.objectives) {
    plan.objectives.push_back({objective.id, objective.text, objective.domain});
  }
  for (const rules::PlanUseEntry& use : loaded.uses) {
    plan.uses.push_back(
        {use.route, use.description, use.objective, use.provider, use.category, use.amount});
  }
  return plan;
}

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
  const db::Stamp stamp = stamp_of(command_line);
  // One write: what the plan is checked against (the grant's end, providers accredited
  // that day) cannot change between the check and the record.
  auto transaction = unwrap(db::WriteTransaction::begin(database));
  const db::GrantDetail detail = unwrap(db::GrantRepository(database).get(grant_id));
  const auto problems = rules::check_support_plan(plan, context_of(database, detail, plan_on));
  if (!problems.empty()) throw InputError(problems);
  const db::Plan stored =
      unwrap(db::PlanRepository(database).add(stamp, new_plan(grant_id, plan_on, plan)));
  unwrap(transaction.commit());
  io.out << fmt::format("Plan version {} recorded for grant {}\n\n", stored.version, grant_id);
  app::write_support_plan(io.out, stored, detail.grant.agreed);
  return 0;
}

nlohmann::ordered_json plan_json(const db::Plan& plan) {
  nlohmann::ordered_json json{{"grant", plan.grant_id},
                              {"version", plan.version},
                              {"plan_on", plan.plan_on.to_string()},
                              {"actor", plan.actor},
                              {"at", plan.at},
                              {"sha256", plan.sha256},
                              {"objectives", nlohmann::json::array()},
                              {"uses", nlohmann::json::array()}};
  for (const db::PlanObjective& objective : plan.objectives) {
    json["objectives"].push_back(
        {{"id", objective.key}, {"text", objective.text}, {"domain", objective.domain}});
  }
  for (const db::PlanUse& use : plan.uses) {
    nlohmann::ordered_json entry{{"route", use.route},
                                 {"description", use.description},
                                 {"objective", use.objective},
                                 {"provider", nullptr},
                                 {"category", use.category},
                                 {"amount", use.amount.to_string()},
                                 {"amount_pence", use.amount.pence()}};
    if (use.provider) entry["provider"] = *use.provider;
    json["uses"].push_back(entry);
  }
  return json;
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
  db::Database database = open_database(command_line);
  const db::GrantDetail detail = unwrap(db::GrantRepository(database).get(grant_id));
  const auto plan = unwrap(db::PlanRepository(database).get(grant_id, version));
  if (!plan) {
    throw InputError(version ? fmt::format("grant {} has no plan version {}", grant_id, *version)
                             : fmt::format("grant {} has no support plan yet (hsg plan set {} "
                                           "--file PLAN.toml)",
                                           grant_id, grant_id));
  }
  if (command_line.has("json")) {
    io.out << plan_json(*plan).dump(2) << "\n";
  } else {
    app::write_support_plan(io.out, *plan, detail.grant.agreed);
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
