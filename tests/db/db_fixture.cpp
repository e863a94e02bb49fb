#include "tests/db/db_fixture.h"

#include <stdlib.h>

#include <SQLiteCpp/Database.h>
#include <SQLiteCpp/Exception.h>
#include <SQLiteCpp/Statement.h>

#include <stdexcept>
#include <vector>

#include "db/clients.h"
#include "db/rulesets.h"
#include "db/sha256.h"
#include "engine/allocate.h"
#include "engine/version.h"
#include "tests/engine/medway_spec.h"

namespace hsg::test {

TempDir::TempDir() {
  std::string pattern = (std::filesystem::temp_directory_path() / "hsg-db-test-XXXXXX").string();
  if (::mkdtemp(pattern.data()) == nullptr) throw std::runtime_error("mkdtemp failed");
  path_ = pattern;
}

TempDir::~TempDir() {
  std::error_code ignored;
  std::filesystem::remove_all(path_, ignored);
}

db::Stamp stamp(const std::string& actor, const std::string& at) { return {actor, at}; }

db::Database open_database(const std::filesystem::path& path) {
  return ok(db::Database::open(path));
}

std::string add_medway(db::Database& database) {
  const engine::Ruleset ruleset = medway_ruleset();
  return ok(db::RulesetRepository(database).add(stamp("admin"), kMedwayBytes, ruleset)).info.id;
}

void add_client(db::Database& database, const std::string& ref) {
  ok(db::ClientRepository(database).add(stamp("alice"), {ref, "refugees", false, std::nullopt}));
}

db::NewAllocation worked_example(const std::string& client_ref, const std::string& ruleset_id) {
  const engine::Ruleset ruleset = medway_ruleset();
  const std::vector<engine::NamedAnswer> given{{"tenancy_skills", "alongside"},
                                               {"money", "advice"},
                                               {"safety", "alongside"},
                                               {"settling_in", "alongside"},
                                               {"on_call", "monitoring"}};
  const engine::Answers answers =
      medway_answers(ruleset, {given[0], given[1], given[2], given[3], given[4]});
  std::vector<engine::NamedAnswer> all;
  for (std::size_t question = 0; question < ruleset.question_count(); ++question) {
    const auto& spec = ruleset.spec().questions[question];
    all.push_back({spec.id, spec.options[answers.option(question)].id});
  }
  return {client_ref,
          *engine::Date::from_ymd(2024, 5, 1),
          "alice",
          ruleset_id,
          std::string(engine::kEngineVersion),
          all,
          engine::allocate(ruleset, answers),
          db::sha256_hex(R"({"total":"2405.00"})"),
          db::sha256_hex("trace of the worked example")};
}

std::string refusal(const std::filesystem::path& path, const std::string& sql) {
  SQLite::Database raw(path, SQLite::OPEN_READWRITE);
  try {
    raw.exec(sql);
  } catch (const SQLite::Exception& error) {
    return error.what();
  }
  return "accepted";
}

void tamper(const std::filesystem::path& path, const std::string& sql) {
  SQLite::Database raw(path, SQLite::OPEN_READWRITE);
  std::vector<std::string> names;
  std::vector<std::string> triggers;
  {
    SQLite::Statement select(raw, "SELECT name, sql FROM sqlite_schema WHERE type = 'trigger'");
    while (select.executeStep()) {
      names.push_back(select.getColumn(0).getString());
      triggers.push_back(select.getColumn(1).getString());
    }
  }
  for (const std::string& name : names) raw.exec("DROP TRIGGER " + name);
  raw.exec(sql);
  for (const std::string& trigger : triggers) raw.exec(trigger);
}

}  // namespace hsg::test
