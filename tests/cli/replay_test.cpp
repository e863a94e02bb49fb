// hsg audit replay and verify --replay, end to end: every recorded allocation replays
// identical; a stored output changed behind hsg's back is named, stored -> replayed; a rule
// set whose stored bytes changed, or an older engine, is said to be so.
#include <catch2/catch.hpp>

#include <fmt/core.h>

#include <nlohmann/json.hpp>

#include "db/sha256.h"
#include "tests/cli/store_fixture.h"

using hsg::test::ProcessResult;

namespace {

const std::string kMedwayId = "f8a37111e36020b1d657fc89e6958f27e0567dd73daeb86c9ce51d4ed0c48d2b";

// The worked example's outputs as hsg writes them before hashing (app/audit/stored_outputs.h):
// the figures of domain.md's worked example.
const std::string kWorkedExampleOutputsSha256 = hsg::db::sha256_hex(
    R"({"interventions":[{"type":"short_term_intensive","score":15,"level":"high",)"
    R"("hours_per_week":"8.00","weeks":12,"weekly_amount":"148.00","calculated_amount":)"
    R"("1776.00","amount":"1776.00","points_to_next_level":null,"points_above_threshold":0},)"
    R"({"type":"short_term_basic","score":4,"level":"low","hours_per_week":"1.00","weeks":8,)"
    R"("weekly_amount":"18.50","calculated_amount":"148.00","amount":"148.00",)"
    R"("points_to_next_level":2,"points_above_threshold":2},{"type":"long_term_maintenance",)"
    R"("score":2,"level":"low","hours_per_week":"0.50","weeks":52,"weekly_amount":"9.25",)"
    R"("calculated_amount":"481.00","amount":"481.00","points_to_next_level":4,)"
    R"("points_above_threshold":0}],"calculated_total":"2405.00","total":"2405.00",)"
    R"("upper_limit":"2500.00","cap_applied":false})");

// Changes rows as someone with the file would who puts the append-only triggers back, so
// replay is reached: commands refuse to act while a trigger is missing.
void tamper(const hsg::test::StoreFixture& store, const std::string& sql) {
  const std::string order = " FROM sqlite_master WHERE type = 'trigger';";
  std::string drop = store.sql("SELECT group_concat('DROP TRIGGER ' || name, ';')" + order);
  std::string create = store.sql("SELECT group_concat(sql, ';' || char(10))" + order);
  drop.pop_back();  // the line break sqlite3 ends its output with
  create.pop_back();
  store.sql(drop + ";" + sql + ";" + create + ";");
}

constexpr char kRefusedAllocation[] =
    "hsg: error: refusing to act on allocation {}: {} {} no longer matches audit event {} that "
    "wrote it; run 'hsg audit verify'\n";

// A store with the worked example recorded as allocation 1 for C-1 (2025-01-15), then a
// generated caseload of 200 beside it (--force; allocations 2..201, assessed from
// 2025-04-01 on) and the generation's own event.
class Caseload : public hsg::test::StoreFixture {
 public:
  Caseload() { ok({"generate", "--clients", "200", "--seed", "11", "--actor", "asha", "--force"}); }
};

}  // namespace

TEST_CASE("replay: every allocation recorded by allocate and generate replays identical") {
  const Caseload store;
  CHECK(store.ok({"audit", "replay", "1"}).out ==
        "allocation 1 for client C-1: identical (engine 1.0.0 then and now)\n");
  CHECK(store.ok({"audit", "replay", "--all"}).out ==
        "replayed 201 allocations: 201 identical, 0 different\n");
  const ProcessResult verified = store.ok({"audit", "verify", "--replay"});
  CHECK_THAT(verified.out, Catch::StartsWith("ok: 405 events and 405 records verified, 201 "
                                             "allocations replayed identical; head 405:"));
  const auto json = nlohmann::json::parse(store.ok({"audit", "replay", "--all", "--json"}).out);
  CHECK(json["replayed"] == 201);
  CHECK(json["identical"] == 201);
  CHECK(json["different"] == 0);
  CHECK(json["different_allocations"].empty());
}

TEST_CASE("replay: --from, --to (both days included) and --client choose the allocations") {
  const Caseload store;
  const auto count = [&](const std::string& where) {
    return std::stoi(store.sql("SELECT count(*) FROM allocations WHERE " + where));
  };
  const auto replayed = [&](std::vector<std::string> args) {
    args.insert(args.begin(), {"audit", "replay", "--all", "--json"});
    return nlohmann::json::parse(store.ok(args).out)["replayed"].get<int>();
  };
  CHECK(replayed({"--from", "2025-06-01", "--to", "2025-06-30"}) ==
        count("assessed_on BETWEEN '2025-06-01' AND '2025-06-30'"));
  CHECK(replayed({"--to", "2025-01-15"}) == 1);
  CHECK(replayed({"--from", "2025-01-15", "--to", "2025-01-15"}) == 1);
  CHECK(replayed({"--client", "C-1"}) == 1);
  CHECK(replayed({"--client", "G000007"}) == 1);
  CHECK(replayed({"--from", "2025-04-01"}) == 200);
}

TEST_CASE("replay: a stored output changed behind hsg's back is named, stored -> replayed") {
  const Caseload store;
  tamper(store, "UPDATE allocations SET total_pence = 250000, outputs_sha256 = '" +
                    std::string(64, 'b') + "' WHERE id = 1");
  // Replaying the one allocation checks its row against its event first.
  CHECK(store.refused({"audit", "replay", "1"}) ==
        fmt::format(kRefusedAllocation, 1, "allocations", 1, 4));
  const ProcessResult one = store.run({"audit", "replay", "--all", "--client", "C-1"});
  CHECK(one.exit_code == 1);
  CHECK(one.out ==
        "allocation 1 for client C-1: DIFFERENT (engine 1.0.0 then and now)\n"
        "  total_pence: 250000 -> 240500\n"
        "  outputs_sha256: \"" +
            std::string(64, 'b') + "\" -> \"" + kWorkedExampleOutputsSha256 +
            "\"\n"
            "replayed 1 allocations: 0 identical, 1 different\n");
  const ProcessResult all = store.run({"audit", "replay", "--all"});
  CHECK(all.exit_code == 1);
  CHECK_THAT(all.out, Catch::EndsWith("replayed 201 allocations: 200 identical, 1 different\n"));
  const auto json = nlohmann::json::parse(store.run({"audit", "replay", "--all", "--json"}).out);
  CHECK(json["different"] == 1);
  const auto& listed = json["different_allocations"][0];
  CHECK(listed["allocation_id"] == 1);
  CHECK(listed["differences"] ==
        nlohmann::json::parse(R"([{"field":"total_pence","stored":250000,"replayed":240500},
          {"field":"outputs_sha256","stored":")" +
                              std::string(64, 'b') + R"(","replayed":")" +
                              kWorkedExampleOutputsSha256 + R"("}])"));
  // The chain check names the row first; the replay would not be reached.
  CHECK(store.run({"audit", "verify", "--replay"}).exit_code == 1);
}

TEST_CASE("replay: a changed trace hash, an older engine and changed rule-set bytes are said") {
  const Caseload store;
  tamper(store, "UPDATE allocations SET trace_sha256 = '" + std::string(64, 'a') +
                    "', engine_version = '0.9.0' WHERE id = 1");
  const ProcessResult traced = store.run({"audit", "replay", "--all", "--client", "C-1"});
  CHECK(traced.exit_code == 1);
  CHECK(traced.out ==
        "allocation 1 for client C-1: DIFFERENT (computed by engine 0.9.0, replayed by engine "
        "1.0.0)\n"
        "  trace_sha256: \"" +
            std::string(64, 'a') +
            "\" -> \"a40f8b479dff29f014dace45842890f950f1f5cde1e67ef84632644fad73ffc9\"\n"
            "replayed 1 allocations: 0 identical, 1 different\n");

  tamper(store, "UPDATE rulesets SET bytes = CAST('x' AS BLOB)");
  CHECK(store.refused({"audit", "replay", "2"}) ==
        fmt::format(kRefusedAllocation, 2, "rulesets", kMedwayId, 1));
  const ProcessResult bytes = store.run({"audit", "replay", "--all", "--client", "G000001"});
  CHECK(bytes.exit_code == 1);
  CHECK(bytes.out ==
        "allocation 2 for client G000001: DIFFERENT (engine 1.0.0 then and now)\n"
        "  cannot be replayed: the stored bytes of rule set " +
            kMedwayId +
            " now hash to "
            "2d711642b726b04401627ca9fbac32f5c8530fb1903cc4db02258717921a4881\n"
            "replayed 1 allocations: 0 identical, 1 different\n");
}

TEST_CASE("replay: wrong arguments are refused with exit 1 and say why") {
  const Caseload store;
  const auto refused = [&](std::vector<std::string> args, const std::string& message) {
    args.insert(args.begin(), {"audit", "replay"});
    const ProcessResult result = store.run(args);
    CHECK(result.exit_code == 1);
    CHECK(result.out.empty());
    CHECK_THAT(result.err, Catch::Contains(message));
  };
  refused({}, "give one allocation id or --all");
  refused({"1", "--all"}, "give one allocation id or --all");
  refused({"1", "--from", "2025-01-01"}, "--from, --to and --client go with --all");
  refused({"--all", "--from", "2025-02-30"},
          "--from '2025-02-30' is not a real date in the form YYYY-MM-DD");
  refused({"--all", "--from", "2025-03-01", "--to", "2025-02-01"}, "--to is before --from");
  refused({"999"}, "no allocation 999");
}
