// Forgery is hard and always noticed (issue 13): hsg audit verify names every append-only
// trigger that is missing; commands refuse a record that differs from its audit event,
// or a store whose triggers are gone; and a decision forged with its event and every
// later hash re-chained is caught by the auditor's signed checkpoint.
#include <catch2/catch.hpp>

#include <fmt/core.h>

#include "db/audit_log.h"
#include "tests/cli/store_fixture.h"

namespace {

using hsg::test::ProcessResult;
using hsg::test::StoreFixture;

// hsg audit keygen: it touches no database, so it takes no --db (StoreFixture::run adds one).
ProcessResult keygen_run(std::vector<std::string> args) {
  args.insert(args.begin(), {"audit", "keygen"});
  return hsg::test::run_hsg(args);
}
ProcessResult keygen(const std::vector<std::string>& args) {
  ProcessResult result = keygen_run(args);
  INFO(result.err);
  REQUIRE(result.exit_code == 0);
  return result;
}

std::string chomp(std::string text) {
  while (!text.empty() && text.back() == '\n') text.pop_back();
  return text;
}

struct Triggers {
  std::string drop;     // DROP TRIGGER … for each
  std::string create;   // each CREATE TRIGGER exactly as the file held it
  std::string missing;  // what audit verify prints with all of them gone
};

Triggers triggers_of(const StoreFixture& store) {
  const std::string order = " FROM sqlite_master WHERE type = 'trigger' ORDER BY name;";
  return {chomp(store.sql("SELECT group_concat('DROP TRIGGER ' || name, ';')" + order)) + ";",
          chomp(store.sql("SELECT group_concat(sql, ';' || char(10))" + order)) + ";",
          store.sql("SELECT 'hsg: audit verification FAILED: trigger ' || name || ' on ' || "
                    "tbl_name || ' is missing'" +
                    order)};
}

// What someone with the file does: drop the triggers, change rows, put the triggers back.
void tamper(const StoreFixture& store, const std::string& sql) {
  const Triggers triggers = triggers_of(store);
  store.sql(triggers.drop + sql + ";" + triggers.create);
}

// Recomputes prev_hash and hash of every event from `from` on, as an attacker would who
// has rewritten a payload; the triggers must be out of the way.
void rechain(const StoreFixture& store, std::int64_t from) {
  std::vector<hsg::db::AuditEvent> events;
  {
    auto database = hsg::db::Database::open(store.path());
    REQUIRE(database.ok());
    auto read = hsg::db::AuditLog(database.value()).events();
    REQUIRE(read.ok());
    events = read.value();
  }
  std::string sql;
  for (std::size_t i = static_cast<std::size_t>(from - 1); i < events.size(); ++i) {
    if (i > 0) events[i].prev_hash = events[i - 1].hash;
    events[i].hash = hsg::db::audit_event_hash(events[i]);
    sql += fmt::format("UPDATE audit_events SET prev_hash = '{}', hash = '{}' WHERE seq = {};",
                       events[i].prev_hash, events[i].hash, events[i].seq);
  }
  store.sql(sql);
}

const std::string kRefusedDecision =
    "hsg: error: refusing to act on allocation 1: decisions 1 no longer matches audit event 5 "
    "that wrote it; run 'hsg audit verify'\n";

}  // namespace

TEST_CASE("forgery: audit verify names every missing, altered and foreign trigger") {
  const StoreFixture store;
  store.sql(
      "DROP TRIGGER decisions_no_update; DROP TRIGGER audit_events_no_delete;"
      "DROP TRIGGER grants_no_delete;"
      "CREATE TRIGGER grants_no_delete BEFORE DELETE ON grants BEGIN SELECT 1; END;"
      "CREATE TRIGGER quietly AFTER INSERT ON decisions BEGIN SELECT 1; END;");
  const ProcessResult verified = store.run({"audit", "verify"});
  CHECK(verified.exit_code == 1);
  CHECK(verified.out.empty());
  CHECK(verified.err ==
        "hsg: audit verification FAILED: trigger audit_events_no_delete on audit_events is "
        "missing\n"
        "hsg: audit verification FAILED: trigger decisions_no_update on decisions is missing\n"
        "hsg: audit verification FAILED: trigger grants_no_delete on grants has been altered: it "
        "is not the SQL of hsg's schema\n"
        "hsg: audit verification FAILED: trigger quietly on decisions is not part of hsg's "
        "schema\n");
}

TEST_CASE("forgery: each command that acts on a record refuses one that differs from its event") {
  const StoreFixture store;
  store.ok({"agree", "1", "--amount", "2400", "--reason", "Family help", "--actor", "asha"});
  tamper(store, "UPDATE decisions SET agreed_pence = 260000 WHERE id = 1");
  CHECK(store.refused({"agree", "1", "--amount", "2000", "--reason", "x", "--actor", "asha"}) ==
        kRefusedDecision);
  CHECK(store.refused({"approve", "1", "--actor", "manager"}) == kRefusedDecision);
  CHECK(store.refused({"reject", "1", "--reason", "no", "--actor", "manager"}) == kRefusedDecision);
  CHECK(store.refused({"show", "1"}) == kRefusedDecision);
  CHECK(store.refused({"audit", "replay", "1"}) == kRefusedDecision);
  CHECK(store.refused({"grant", "start", "1", "--start", "2025-02-03", "--held-as",
                       "direct_payment", "--actor", "asha"}) == kRefusedDecision);
  CHECK(store.sql("SELECT count(*) FROM grants;") == "0\n");
}

TEST_CASE("forgery: ledger post refuses an instalment that differs from its event") {
  const StoreFixture store;
  store.ok({"agree", "1", "--amount", "2405", "--reason", "As assessed", "--actor", "asha"});
  store.ok({"grant", "start", "1", "--start", "2025-02-03", "--held-as", "direct_payment",
            "--actor", "asha"});
  const std::string seq =
      chomp(store.sql("SELECT seq FROM audit_events WHERE entity_type = 'instalments' AND "
                      "entity_id = '1/short_term_basic/2';"));
  tamper(store,
         "UPDATE instalments SET amount_pence = 99999 WHERE grant_id = 1 AND "
         "intervention = 'short_term_basic' AND number = 2");
  CHECK(store.refused({"ledger", "post", "--through", "2025-03-31", "--actor", "finance"}) ==
        "hsg: error: refusing to act on the instalments due by 2025-03-31: instalments "
        "1/short_term_basic/2 no longer matches audit event " +
            seq + " that wrote it; run 'hsg audit verify'\n");
  // Instalments not yet due are not acted on, so what is due before it still posts.
  CHECK(store.ok({"ledger", "post", "--through", "2025-02-28", "--actor", "finance"}).out ==
        "Posted 3 instalment(s) due on or before 2025-02-28: £703.00\n"
        "0 instalment(s) due by then were already posted\n");
}

TEST_CASE("forgery: with the append-only triggers gone, commands refuse to act") {
  const StoreFixture store;
  store.ok({"agree", "1", "--amount", "2405", "--reason", "As assessed", "--actor", "asha"});
  store.sql("DROP TRIGGER decisions_no_update;");
  const std::string schema =
      "the schema is not intact: trigger decisions_no_update on decisions is missing; run 'hsg "
      "audit verify'\n";
  CHECK(store.refused({"agree", "1", "--amount", "2000", "--reason", "x", "--actor", "asha"}) ==
        "hsg: error: refusing to act on allocation 1: " + schema);
  CHECK(store.refused({"grant", "start", "1", "--start", "2025-02-03", "--held-as",
                       "direct_payment", "--actor", "asha"}) ==
        "hsg: error: refusing to act on allocation 1: " + schema);
  CHECK(store.refused({"ledger", "post", "--through", "2025-03-31", "--actor", "finance"}) ==
        "hsg: error: refusing to act on the instalments due by 2025-03-31: " + schema);
  CHECK(store.refused({"audit", "replay", "--all"}) ==
        "hsg: error: refusing to act on the store: " + schema);
}

TEST_CASE("forgery: a decision rewritten with its event and the chain is caught two ways") {
  const StoreFixture store;
  store.ok({"agree", "1", "--amount", "2400", "--reason", "Family help", "--actor", "asha"});
  store.ok(
      {"client", "add", "C-2", "--group", "Older people with support needs", "--actor", "asha"});
  const std::string key = (store.dir() / "auditor.key").string();
  const std::string pub = (store.dir() / "auditor.pub").string();
  const std::string file = (store.dir() / "auditor.checkpoints").string();
  keygen({"--secret-key", key, "--public-key", pub});
  const std::string signed_head = chomp(store.ok({"audit", "checkpoint"}).out);
  CHECK(store.ok({"audit", "checkpoint", "--sign", key, "--checkpoints", file}).out ==
        "signed checkpoint " + signed_head + " appended to " + file + "\n");

  // The attacker: triggers dropped, the agreed £2,400.00 made £2,600.00 in the row and in
  // its event (seq 5), every hash from event 5 on recomputed.
  const Triggers triggers = triggers_of(store);
  store.sql(triggers.drop +
            "UPDATE decisions SET agreed_pence = 260000 WHERE id = 1;"
            "UPDATE audit_events SET payload = replace(payload, '\"agreed_pence\":240000', "
            "'\"agreed_pence\":260000') WHERE seq = 5;");
  rechain(store, 5);
  REQUIRE(store.sql("SELECT agreed_pence FROM decisions WHERE id = 1;") == "260000\n");

  // 1. audit verify fails on the triggers (and only on them: the chain is consistent).
  const ProcessResult no_triggers = store.run({"audit", "verify"});
  CHECK(no_triggers.exit_code == 1);
  CHECK(no_triggers.err == triggers.missing);
  // ... and grant start refuses the forged record.
  const std::string refused = store.refused({"grant", "start", "1", "--start", "2025-02-03",
                                             "--held-as", "direct_payment", "--actor", "asha"});
  CHECK_THAT(refused, Catch::StartsWith("hsg: error: refusing to act on allocation 1: the "
                                        "schema is not intact: trigger allocations_no_delete "
                                        "on allocations is missing; "));

  // 2. The attacker puts the triggers back: the chain and the rows agree again, so only
  // the checkpoint signed before the forgery, held apart, can tell.
  store.sql(triggers.create);
  const std::string forged_head = chomp(store.sql("SELECT hash FROM audit_events WHERE seq = 6;"));
  CHECK(store.ok({"audit", "verify"}).out ==
        "ok: 6 events and 6 records verified; head 6:" + forged_head + "\n");
  const ProcessResult against_signed =
      store.run({"audit", "verify", "--checkpoints", file, "--public-key", pub});
  CHECK(against_signed.exit_code == 1);
  CHECK(against_signed.out.empty());
  CHECK(against_signed.err ==
        "hsg: audit verification FAILED: audit event 6 differs from "
        "checkpoint " +
            signed_head + " (signed, " + file + " line 1)\n");
  // Nor will the auditor's key sign the forged log on top of that file.
  CHECK(store.refused({"audit", "checkpoint", "--sign", key, "--checkpoints", file}) ==
        "hsg: error: refusing to sign: the audit log does not verify: audit event 6 differs "
        "from checkpoint " +
            signed_head + " (already in " + file + "); run 'hsg audit verify'\n");
}

TEST_CASE("forgery: a second event vouching for a changed row cannot be appended, nor used") {
  const StoreFixture store;
  store.ok({"agree", "1", "--amount", "2400", "--reason", "Family help", "--actor", "asha"});
  tamper(store, "UPDATE decisions SET agreed_pence = 260000 WHERE id = 1");
  // The forger appends, properly chained, an event saying decision 1 was written as the
  // row now is, so that the newest event about it would match the row.
  std::vector<hsg::db::AuditEvent> events;
  {
    auto database = hsg::db::Database::open(store.path());
    REQUIRE(database.ok());
    events = hsg::db::AuditLog(database.value()).events().value();
  }
  REQUIRE(events.size() == 5);
  REQUIRE(events[4].action == "decision.agree");
  hsg::db::AuditEvent forged = events[4];
  forged.seq = 6;
  forged.prev_hash = events[4].hash;
  forged.payload.replace(forged.payload.find("\"agreed_pence\":240000"), 21,
                         "\"agreed_pence\":260000");
  forged.hash = hsg::db::audit_event_hash(forged);
  const std::string insert = fmt::format(
      "INSERT INTO audit_events VALUES (6, '{}', '{}', '{}', '{}', '{}', '{}', '{}', '{}');",
      forged.at, forged.actor, forged.action, forged.entity_type, forged.entity_id, forged.payload,
      forged.prev_hash, forged.hash);
  std::string refused_insert;
  try {
    store.sql(insert);
  } catch (const std::runtime_error& error) {
    refused_insert = error.what();
  }
  CHECK_THAT(refused_insert, Catch::Contains("UNIQUE constraint failed: audit_events.entity_type, "
                                             "audit_events.entity_id"));
  CHECK(store.sql("SELECT count(*) FROM audit_events;") == "5\n");
  // With the index dropped first the event goes in, but the index's absence is named.
  store.sql("DROP INDEX audit_events_one_writer;" + insert);
  CHECK(store.refused({"grant", "start", "1", "--start", "2025-02-03", "--held-as",
                       "direct_payment", "--actor", "asha"}) ==
        "hsg: error: refusing to act on allocation 1: the schema is not intact: index "
        "audit_events_one_writer on audit_events is missing; run 'hsg audit verify'\n");
  // Nor can it be put back without UNIQUE to let the two events stand.
  store.sql(
      "CREATE INDEX audit_events_one_writer ON audit_events "
      "(entity_type, entity_id) WHERE action NOT IN ('client_personal.set', "
      "'client_personal.erase', 'allocation.allow_future');");
  CHECK(store.refused({"approve", "1", "--actor", "manager"}) ==
        "hsg: error: refusing to act on allocation 1: the schema is not intact: index "
        "audit_events_one_writer on audit_events has been altered: it is not the SQL of hsg's "
        "schema; run 'hsg audit verify'\n");
}
