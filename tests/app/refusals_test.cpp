// Rules a front end may check first in its own words are kept by the use cases too, so a
// second front end (or a script calling the layer) cannot skip them: each is a refusal
// with its exact line, and nothing is written.
#include <catch2/catch.hpp>

#include <filesystem>
#include <string>
#include <vector>

#include "app/assessment/allocate_client.h"
#include "app/audit/signed_checkpoints.h"
#include "app/audit/verify_audit.h"
#include "app/clients/client_register.h"
#include "app/progress.h"
#include "db/audit_log.h"
#include "tests/app/app_fixture.h"

using hsg::test::AppStore;
using hsg::test::ok;
using hsg::test::refused;
using hsg::test::stamp;
using hsg::test::today;

namespace {

// "SEQ:HASH" of the last audit event: unchanged when nothing was written.
std::string head_of(hsg::db::Database& database) {
  const auto head = hsg::db::AuditLog(database).checkpoint();
  REQUIRE(head.ok());
  return head.value();
}

}  // namespace

TEST_CASE("use cases: an assessment dated after today without a reason is refused") {
  AppStore store;
  ok(hsg::app::add_client(store.database(), stamp(), {"C-1", "older_people", false, {}}));
  const std::string before = head_of(store.database());
  const auto tomorrow = *today().plus_days(1);
  const auto result = hsg::app::allocate_client(
      store.database(), stamp(), {"C-1", tomorrow, std::nullopt, {today(), std::nullopt}},
      hsg::test::answers_file(hsg::test::kWorkedAnswers));
  CHECK(refused(result) ==
        std::vector<std::string>{
            "hsg: error: the assessment date 2026-07-01 is after today (2026-06-30, the local "
            "date); an assessment is not dated in the future unless --allow-future REASON "
            "says why"});
  CHECK(head_of(store.database()) == before);
}

TEST_CASE("use cases: a checkpoints file needs its key, to sign or to verify") {
  AppStore store;
  const std::string file = (store.path().parent_path() / "auditor.checkpoints").string();
  CHECK(refused(hsg::app::take_checkpoint(store.database(), {std::nullopt, file})) ==
        std::vector<std::string>{
            "hsg: error: a checkpoints file holds signed checkpoints: give the secret key too"});
  CHECK(refused(hsg::app::checkpoints_to_verify({std::nullopt, file, std::nullopt})) ==
        std::vector<std::string>{
            "hsg: error: a checkpoints file and the public key to verify it go together"});
  CHECK_FALSE(std::filesystem::exists(file));
}

TEST_CASE("use cases: a checkpoint whose signature fails fails the verification") {
  AppStore store;
  hsg::app::CheckpointsToVerify checkpoints;
  checkpoints.bad_signature = "the signature of checkpoint 2:ab (f line 1) does not verify";
  const hsg::app::AuditVerification verified =
      ok(hsg::app::verify_audit(store.database(), checkpoints, true, hsg::app::no_progress()));
  CHECK_FALSE(verified.report.ok);
  CHECK(verified.report.problem == *checkpoints.bad_signature);
  CHECK_FALSE(verified.replayed.has_value());
  CHECK(hsg::app::verification_failures(verified.report, checkpoints) ==
        std::vector<std::string>{*checkpoints.bad_signature});
}
