// hsg generate --clients N --seed S: a synthetic, reproducible caseload, recorded through
// the same path as hsg client add and hsg allocate, in one transaction, with the
// generation itself (db/generations.h). Synthetic clients are not to be mixed with real
// ones, so a database holding any client hsg generate did not add is refused, unless
// --force says that is meant.
#include <fmt/core.h>

#include "app/assessment/allocation_pipeline.h"
#include "app/assessment/record_allocation.h"
#include "app/caseload/caseload_generator.h"
#include "cli/future_date_option.h"
#include "cli/progress.h"
#include "cli/store_commands.h"
#include "cli/store_options.h"
#include "db/clients.h"
#include "db/generations.h"
#include "db/write_transaction.h"

namespace hsg::cli {

namespace {

// A generated case with the rule set in force on its date and its answers under it.
struct PlannedCase {
  app::GeneratedCase generated;
  const rules::LoadedRuleset* ruleset = nullptr;
  engine::Answers answers;
};

// Refuses a database holding clients hsg generate did not add, unless `force`; whether
// it holds any (so the generation is recorded as forced).
bool check_only_generated(db::GenerationRepository& generations, bool force) {
  const std::int64_t others = unwrap(generations.clients_not_generated());
  if (others == 0 || force) return others != 0;
  throw InputError(fmt::format(
      "the database holds {} {} that hsg generate did not add; synthetic clients are not "
      "to be mixed with real ones, so nothing was generated (use a new database, or add "
      "--force to generate here anyway)",
      others, others == 1 ? "client" : "clients"));
}

}  // namespace

int generate_command(const Args& args, Io& io) {
  CommandLine command_line(
      "generate",
      {"hsg generate --clients N --seed S [--from D] [--force] [--allow-future REASON] "
       "[--db PATH] [--actor NAME]",
       "Records N synthetic clients (G000001, …) across the client groups, each with one\n"
       "assessment on a day of the year from --from, with a realistic mix of answers. The\n"
       "same seed gives the same caseload. For demos, tests and benchmarks: a database\n"
       "holding any client hsg generate did not add is refused unless --force is given.\n"
       "An assessment that would fall after today (the local date) needs --allow-future\n"
       "REASON, as for hsg allocate.",
       "hsg generate --clients 1000 --seed 7"});
  command_line.add()("clients", po::value<std::int64_t>()->required()->value_name("N"),
                     "how many clients (1 to 10,000,000)")(
      "seed", po::value<std::uint64_t>()->required()->value_name("S"), "random seed")(
      "from", po::value<std::string>()->default_value("2025-04-01")->value_name("YYYY-MM-DD"),
      "first day of the year the assessments fall in")(
      "force", "generate even into a database holding clients hsg generate did not add");
  add_allow_future_option(command_line);
  add_write_options(command_line);
  if (!command_line.parse(args, io)) return 0;
  const std::int64_t count = command_line.get<std::int64_t>("clients");
  if (count < 1 || count > 10'000'000) command_line.fail("--clients must be 1 to 10,000,000");
  const std::string from_text = command_line.get<std::string>("from");
  const auto from = engine::Date::parse(from_text);
  if (!from) {
    command_line.fail(fmt::format("--from '{}' {}", from_text, engine::Date::refusal(from_text)));
  }
  // The assessments fall on the 365 days from --from.
  if (!from->plus_days(364)) {
    command_line.fail(
        fmt::format("--from {}: the year from it runs past {}, the last date hsg handles",
                    from->to_string(), engine::Date::latest().to_string()));
  }

  const FutureDatePermission future = future_date_permission(command_line);
  db::Database database = open_database(command_line);
  const db::Stamp stamp = stamp_of(command_line);
  // The rule sets in force are read under the write lock (see allocate).
  db::WriteTransaction transaction = unwrap(db::WriteTransaction::begin_unit(database));
  app::StoredRulesets rulesets(database);
  // Answers are drawn against the rule set in force at the start of the year.
  const rules::LoadedRuleset& first = rulesets.in_force_on(*from);
  app::CaseloadGenerator generator(first.ruleset, command_line.get<std::uint64_t>("seed"), *from);
  db::GenerationRepository generations(database);
  const bool forced = check_only_generated(generations, command_line.has("force"));
  db::ClientRepository clients(database);
  Progress progress(io.err, io.interactive, "generating", count);
  engine::Money total;
  std::int64_t generated_count = 0;
  std::int64_t done = 0;
  db::NewGeneration generation{
      command_line.get<std::uint64_t>("seed"), *from, count, "", "", forced};
  app::record_pipelined<PlannedCase>(
      [&]() -> std::optional<PlannedCase> {
        if (generated_count == count) return std::nullopt;
        ++generated_count;
        app::GeneratedCase generated = generator.next();
        refuse_future_date(future, generated.assessed_on,
                           fmt::format("the assessment of {}, dated", generated.client_ref));
        const rules::LoadedRuleset& ruleset = rulesets.in_force_on(generated.assessed_on);
        auto answers = engine::Answers::from_indices(ruleset.ruleset, generated.options);
        if (!answers.ok()) {
          command_line.fail("the rule sets of the year do not share their questions");
        }
        return PlannedCase{std::move(generated), &ruleset, answers.value()};
      },
      [](const PlannedCase& planned) {
        const app::GeneratedCase& generated = planned.generated;
        return app::prepare_allocation(
            *planned.ruleset, {generated.client_ref, generated.assessed_on, generated.assessor},
            planned.answers);
      },
      [&](const PlannedCase& planned, const app::PreparedAllocation& prepared) {
        const app::GeneratedCase& generated = planned.generated;
        unwrap(clients.add(stamp, {generated.client_ref, generated.group_key, generated.asc_funded,
                                   std::nullopt}));
        const std::int64_t id = app::store_allocation(database, stamp, prepared);
        note_future_date(database, stamp, future, id, generated.assessed_on);
        if (done == 0) generation.first_client_ref = generated.client_ref;
        generation.last_client_ref = generated.client_ref;
        total += prepared.traced.allocation.total;
        progress.advanced(++done);
      });
  unwrap(generations.record(stamp, generation));
  unwrap(transaction.commit());
  progress.finished();
  io.out << fmt::format("generated {} clients with one allocation each; indicative total £{}\n",
                        count, total.to_grouped_string());
  return 0;
}

}  // namespace hsg::cli
