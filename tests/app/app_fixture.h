// What the tests of the use cases share: a store on a fresh file in a temporary directory,
// opened and initialised in process (no binary), a fixed stamp and today, and the
// worked example of domain.md recorded through the layer as allocation 1.
#pragma once

#include <stdlib.h>

#include <SQLiteCpp/Database.h>
#include <catch2/catch.hpp>

#include <filesystem>
#include <stdexcept>
#include <string>
#include <utility>
#include <variant>
#include <vector>

#include "app/assessment/allocate_client.h"
#include "app/clients/client_register.h"
#include "app/result.h"
#include "app/store/initialise.h"
#include "db/database.h"
#include "db/stamp.h"
#include "engine/date.h"
#include "rules/answers_loader.h"

namespace hsg::test {

// The time of every write in these tests, and the day it falls on: after every date the
// tests assess on, so none needs a reason for a future date.
inline constexpr const char* kAt = "2026-06-30T09:00:00Z";
inline engine::Date today() { return *engine::Date::from_ymd(2026, 6, 30); }
inline db::Stamp stamp(const std::string& actor = "asha") { return {actor, kAt}; }

inline constexpr const char* kWorkedAnswers = HSG_SOURCE_DIR "/docs/examples/worked-example.toml";

// The value of a use case that must succeed; its refusal fails the test, shown.
template <typename T>
T ok(app::Result<T> result) {
  std::string lines;
  if (!result.ok()) {
    for (const std::string& line : result.refusal().lines()) lines += line + "\n";
  }
  INFO(lines);
  REQUIRE(result.ok());
  return std::move(result).value();
}

// The lines of a use case's refusal; success fails the test.
template <typename T>
std::vector<std::string> refused(const app::Result<T>& result) {
  REQUIRE_FALSE(result.ok());
  return result.refusal().lines();
}

// The answers of a file, as `hsg allocate --answers FILE` reads them (cli/answer_input.cpp).
inline app::AnswersSource answers_file(std::string path) {
  return [path = std::move(path)](const rules::LoadedRuleset& ruleset) {
    auto loaded = rules::load_answers_file(path, ruleset.ruleset);
    if (auto* problems = std::get_if<std::vector<rules::Diagnostic>>(&loaded)) {
      throw app::Refusal(*problems);
    }
    return std::get<rules::LoadedAnswers>(std::move(loaded)).answers;
  };
}

class TempDir {
 public:
  TempDir() {
    std::string pattern = (std::filesystem::temp_directory_path() / "hsg-app-test-XXXXXX").string();
    if (::mkdtemp(pattern.data()) == nullptr) throw std::runtime_error("mkdtemp failed");
    path_ = pattern;
  }
  TempDir(const TempDir&) = delete;
  TempDir& operator=(const TempDir&) = delete;
  ~TempDir() {
    std::error_code ignored;
    std::filesystem::remove_all(path_, ignored);
  }
  const std::filesystem::path& path() const { return path_; }

 private:
  std::filesystem::path path_;
};

// A fresh store, opened (created) and initialised by asha: the built-in medway rule set
// in force, as after `hsg init`.
class AppStore {
 public:
  AppStore() : path_(dir_.path() / "hsg.db"), database_(open(path_)) {
    ok(app::initialise(database_, stamp()));
  }
  db::Database& database() { return database_; }
  const std::filesystem::path& path() const { return path_; }

  // Client C-1 and the worked example assessed on 2025-01-15 by asha: allocation 1, as
  // the end-to-end tests' StoreFixture (tests/cli/store_fixture.h) records it.
  app::AllocatedClient add_worked_example() {
    ok(app::add_client(database_, stamp(), {"C-1", "older_people", false, std::nullopt}));
    return ok(app::allocate_client(
        database_, stamp(),
        {"C-1", *engine::Date::from_ymd(2025, 1, 15), std::nullopt, {today(), std::nullopt}},
        answers_file(kWorkedAnswers)));
  }

  // Runs `sql` on the file directly, bypassing hsg, as tampering would (a connection of its
  // own, closed before this returns).
  void tamper(const std::string& sql) const {
    SQLite::Database connection(path_.string(), SQLite::OPEN_READWRITE);
    connection.exec(sql);
  }

 private:
  static db::Database open(const std::filesystem::path& path) {
    auto opened = db::Database::open(path);
    INFO((opened.ok() ? std::string() : opened.error().message));
    REQUIRE(opened.ok());
    return std::move(opened).value();
  }

  TempDir dir_;
  std::filesystem::path path_;
  db::Database database_;
};

}  // namespace hsg::test
