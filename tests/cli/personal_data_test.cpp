// Personal data end to end (issue 18): erasure leaves no trace of the name or receipts in
// the database file or its write-ahead log while the history still verifies, replays and
// exports the same ledger; the subject-access export holds every record of the client
// and nothing of another; and the clients past the retention period are listed.
#include <catch2/catch.hpp>
#include <nlohmann/json.hpp>

#include <filesystem>
#include <set>
#include <sstream>
#include <string>
#include <vector>

#include "tests/cli/store_fixture.h"

using hsg::test::StoreFixture;

namespace {

const std::string kExamples = HSG_SOURCE_DIR "/docs/examples/";
const std::string kName = "Zebedee Quartermaine";
const std::string kReceiptText = "RECEIPT-OF-ZEBEDEE-0451 bus pass paid cash";

// C-1 (named kName) and C-2 (named "Petra Oddlington"), each assessed as the worked example,
// agreed and started with the example support plan; C-1's agreement is £2,000.00, below
// the tolerance, so it was approved by another person; C-1 also has a purchase with a
// receipt, a recovery, an exit outcome return and an early end.
void two_clients(const StoreFixture& store) {
  store.ok({"init", "--actor", "asha"});
  store.ok({"provider", "add", "Medway Housing Support Ltd", "--accredited-from", "2024-04-01",
            "--actor", "asha"});
  const std::vector<std::pair<std::string, std::string>> clients{{"C-1", kName},
                                                                 {"C-2", "Petra Oddlington"}};
  for (const auto& [ref, name] : clients) {
    store.ok({"client", "add", ref, "--group", "Older people with support needs", "--name", name,
              "--actor", "asha"});
    store.ok({"allocate", ref, "--answers", kExamples + "worked-example.toml", "--date",
              "2025-01-15", "--actor", "asha"});
  }
  store.ok(
      {"agree", "1", "--amount", "2000.00", "--reason", "fewer visits wanted", "--actor", "asha"});
  store.ok({"approve", "1", "--actor", "sam"});
  store.ok({"agree", "2", "--amount", "2405.00", "--reason", "as assessed", "--actor", "asha"});
  for (const std::string id : {"1", "2"}) {
    store.ok({"grant", "start", id, "--start", "2025-02-03", "--held-as", "isf", "--provider",
              "Medway Housing Support Ltd", "--actor", "asha"});
    store.ok({"plan", "set", id, "--file", kExamples + "support-plan.toml", "--date", "2025-02-03",
              "--actor", "asha"});
  }
  store.ok({"ledger", "post", "--through", "2025-02-28", "--actor", "fin"});
  const auto receipt = store.dir() / "receipt.txt";
  hsg::test::write_file(receipt, kReceiptText);
  store.ok({"spend", "record", "1", "--date", "2025-02-10", "--amount", "25.00", "--description",
            "bus pass", "--objective", "tenancy", "--receipt", receipt.string(), "--actor",
            "asha"});
  store.ok({"grant", "recover", "1", "--amount", "10.00", "--reason", "unspent", "--date",
            "2025-03-28", "--actor", "fin"});
  store.ok({"outcome", "record", "1", "--date", "2025-03-31", "--file",
            kExamples + "outcomes-exit.toml", "--actor", "asha"});
  store.ok(
      {"grant", "end", "1", "--date", "2025-03-31", "--reason", "moved away", "--actor", "asha"});
}

bool file_holds(const std::filesystem::path& path, const std::string& text) {
  if (!std::filesystem::exists(path)) return false;
  return hsg::test::read_file(path).find(text) != std::string::npos;
}

// Whether the database file or its -wal holds `text`, as `strings` on both would find it.
bool store_holds(const StoreFixture& store, const std::string& text) {
  return file_holds(store.path(), text) || file_holds(store.path() + "-wal", text);
}

std::string ledger_csv(const StoreFixture& store) {
  return store.ok({"ledger", "export", "--from", "2025-01-01", "--to", "2026-01-01"}).out;
}

std::int64_t count(const StoreFixture& store, const std::string& query) {
  return std::stoll(store.sql(query));
}

}  // namespace

TEST_CASE(
    "client erase: the name and receipt are gone from the file and its log and all verifies") {
  const StoreFixture store(false);
  two_clients(store);
  const std::string ledger_before = ledger_csv(store);
  store.ok({"audit", "checkpoint"});
  // The positive control: before the erasure the search finds both.
  REQUIRE(store_holds(store, kName));
  REQUIRE(store_holds(store, kReceiptText));

  const auto erased =
      store.ok({"client", "erase", "C-1", "--reason", "erasure request DP-7", "--actor", "dpo"});
  CHECK(erased.out ==
        "erased the personal details of client C-1 (erasure 1):\n"
        "  name: erased\n"
        "  receipts: 1 erased\n"
        "    ae9c44eca84d55a9be3010a20488d9e1a9dca4369b9dfd012c9bfb260b03bdf8\n"
        "kept: the reference, group and every record and audit event, none of which holds\n"
        "the erased details; free text recorded earlier (reasons, descriptions) is part of the\n"
        "hashed history (docs/administrator.md, \"Personal data\")\n");
  CHECK_FALSE(store_holds(store, kName));
  CHECK_FALSE(store_holds(store, kReceiptText));
  CHECK(store_holds(store, "Petra Oddlington"));  // another client's name is untouched
  CHECK(store.sql("SELECT ref, number, reason, name_erased, receipts_erased FROM "
                  "client_erasures;") ==
        "C-1|1|erasure request DP-7|1|"
        "ae9c44eca84d55a9be3010a20488d9e1a9dca4369b9dfd012c9bfb260b03bdf8\n");
  CHECK(store.sql("SELECT actor, action, entity_type, entity_id FROM audit_events ORDER BY seq "
                  "DESC LIMIT 1;") == "dpo|client.erase|client_erasures|C-1/1\n");

  CHECK(store.ok({"audit", "verify"}).out.starts_with("ok: "));
  CHECK(store.ok({"audit", "replay", "--all"}).exit_code == 0);
  CHECK(ledger_csv(store) == ledger_before);
  CHECK(store.ok({"client", "show", "C-1"}).out.find("name:") == std::string::npos);
  CHECK(store.ok({"client", "show", "C-2"}).out.find("  name: Petra Oddlington\n") !=
        std::string::npos);
  CHECK(store.refused({"client", "erase", "C-1", "--reason", "again", "--actor", "dpo"}) ==
        "hsg: error: cannot erase the personal details of client C-1: no name or receipt of "
        "theirs is held (already erased, or never given)\n");
  CHECK(store.refused({"client", "erase", "C-1", "--reason", " ", "--actor", "dpo"}) ==
        "hsg: error: cannot erase the personal details of client C-1: a reason is required "
        "(say why, never what is erased)\n");
  CHECK(store.refused({"client", "erase", "C-9", "--reason", "request", "--actor", "dpo"}) ==
        "hsg: error: cannot erase the personal details of client C-9: unknown client\n");
}

TEST_CASE("client export: every record of the client as the store holds it and nothing else") {
  const StoreFixture store(false);
  two_clients(store);
  const auto json = nlohmann::json::parse(store.ok({"client", "export", "C-1"}).out);
  CHECK(json["client"] ==
        nlohmann::json::parse(R"({"ref":"C-1","group":"older_people","asc_funded":false,)"
                              R"("name":"Zebedee Quartermaine"})"));
  const nlohmann::json& records = json["records"];
  // Each kind of record, counted in the store by a query of its own.
  const std::vector<std::pair<std::string, std::string>> expected{
      {"clients", "SELECT count(*) FROM clients WHERE ref = 'C-1'"},
      {"client_personal", "SELECT count(*) FROM client_personal WHERE ref = 'C-1'"},
      {"allocations", "SELECT count(*) FROM allocations WHERE client_ref = 'C-1'"},
      {"decisions", "SELECT count(*) FROM decisions WHERE allocation_id = 1"},
      {"grants", "SELECT count(*) FROM grants WHERE client_ref = 'C-1'"},
      {"grant_interventions", "SELECT count(*) FROM grant_interventions WHERE grant_id = 1"},
      {"instalments", "SELECT count(*) FROM instalments WHERE grant_id = 1"},
      {"grant_ends", "SELECT count(*) FROM grant_ends WHERE grant_id = 1"},
      {"instalment_cancellations",
       "SELECT count(*) FROM instalment_cancellations WHERE grant_id = 1"},
      {"recoveries", "SELECT count(*) FROM recoveries WHERE grant_id = 1"},
      {"postings", "SELECT count(*) FROM postings WHERE grant_id = 1"},
      {"posting_lines", "SELECT count(*) FROM posting_lines WHERE client_ref = 'C-1'"},
      {"plans", "SELECT count(*) FROM plans WHERE grant_id = 1"},
      {"plan_objectives", "SELECT count(*) FROM plan_objectives WHERE plan_id = 1"},
      {"plan_uses", "SELECT count(*) FROM plan_uses WHERE plan_id = 1"},
      {"purchases", "SELECT count(*) FROM purchases WHERE grant_id = 1"},
      {"purchase_decisions", "SELECT count(*) FROM purchase_decisions WHERE grant_id = 1"},
      {"outcome_returns", "SELECT count(*) FROM outcome_returns WHERE client_ref = 'C-1'"},
      {"outcome_answers",
       "SELECT count(*) FROM outcome_answers WHERE return_id IN (SELECT id FROM outcome_returns "
       "WHERE client_ref = 'C-1')"},
      {"client_erasures", "SELECT count(*) FROM client_erasures WHERE ref = 'C-1'"},
      {"receipts", "SELECT count(*) FROM receipts"},
  };
  std::set<std::string> kinds;
  for (const auto& [table, query] : expected) {
    INFO(table);
    REQUIRE(records.contains(table));
    CHECK(static_cast<std::int64_t>(records[table].size()) == count(store, query + ";"));
    kinds.insert(table);
  }
  CHECK(records.size() == kinds.size());
  // What must be there, exactly: the allocation, the approved adjustment, the grant.
  CHECK(records["allocations"][0]["total_pence"] == 240500);
  CHECK(records["decisions"].size() == 2);
  CHECK(records["decisions"][0]["kind"] == "agree");
  CHECK(records["decisions"][0]["agreed_pence"] == 200000);
  CHECK(records["decisions"][0]["reason"] == "fewer visits wanted");
  CHECK(records["decisions"][1]["kind"] == "approve");
  CHECK(records["decisions"][1]["actor"] == "sam");
  CHECK(records["grants"][0]["agreed_pence"] == 200000);
  CHECK(records["postings"].size() >= 1);
  CHECK(records["plan_uses"][0]["description"] == "Weekly tenancy support visits");
  CHECK(records["outcome_returns"].size() == 1);
  CHECK(records["receipts"][0]["size_bytes"] == static_cast<std::int64_t>(kReceiptText.size()));
  CHECK(records["receipts"][0]["bytes_hex"].get<std::string>().size() == 2 * kReceiptText.size());
  // Nothing of C-2: every row naming a client names C-1, every grant is grant 1.
  for (const auto& [table, rows] : records.items()) {
    for (const auto& row : rows) {
      if (row.contains("client_ref")) CHECK(row["client_ref"] == "C-1");
      if (row.contains("grant_id")) CHECK(row["grant_id"] == 1);
    }
  }
  // Every audit event about the client, as hsg audit log --client lists them.
  std::istringstream log(store.ok({"audit", "log", "--client", "C-1"}).out);
  std::vector<std::int64_t> seqs;
  for (std::string line; std::getline(log, line);) seqs.push_back(std::stoll(line));
  REQUIRE(json["audit_events"].size() == seqs.size());
  for (std::size_t i = 0; i < seqs.size(); ++i) CHECK(json["audit_events"][i]["seq"] == seqs[i]);
  CHECK(json["audit_events"][0]["action"] == "client.add");
  CHECK(json["audit_events"][0]["payload"]["ref"] == "C-1");

  const std::string html = store.ok({"client", "export", "C-1", "--format", "html"}).out;
  CHECK(html.find("<h1>What hsg holds about client C-1</h1>") != std::string::npos);
  CHECK(html.find("<td>Zebedee Quartermaine</td>") != std::string::npos);
  CHECK(html.find("<h2>decisions (2)</h2>") != std::string::npos);
  CHECK(html.find("<td>" + std::to_string(kReceiptText.size()) +
                  " bytes (in the JSON export)</td>") != std::string::npos);
  CHECK(html.find("Petra") == std::string::npos);

  const auto output = store.dir() / "C-1.json";
  store.ok({"client", "export", "C-1", "--output", output.string()});
  CHECK(nlohmann::json::parse(hsg::test::read_file(output)) == json);
  CHECK((std::filesystem::status(output).permissions() & std::filesystem::perms::all) ==
        (std::filesystem::perms::owner_read | std::filesystem::perms::owner_write));
  CHECK(store.run({"client", "export", "C-9"}).err == "hsg: error: unknown client C-9\n");
}

TEST_CASE("client show: counts every kind of record held about the client") {
  const StoreFixture store(false);
  two_clients(store);
  const std::string shown = store.ok({"client", "show", "C-1"}).out;
  const std::size_t start = shown.find("records held\n");
  REQUIRE(start != std::string::npos);
  const std::string held = shown.substr(start, shown.find("\nhistory\n") - start);
  CHECK(held ==
        "records held\n"
        "  client_personal            1\n"
        "  allocations                1\n"
        "  decisions                  2\n"
        "  grants                     1\n"
        "  grant_interventions        3\n"
        "  instalments                " +
            std::to_string(count(store, "SELECT count(*) FROM instalments WHERE grant_id = 1;")) +
            "\n"
            "  grant_ends                 1\n"
            "  instalment_cancellations   " +
            std::to_string(
                count(store, "SELECT count(*) FROM instalment_cancellations WHERE grant_id = 1;")) +
            "\n"
            "  recoveries                 1\n"
            "  postings                   " +
            std::to_string(count(store, "SELECT count(*) FROM postings WHERE grant_id = 1;")) +
            "\n"
            "  posting_lines              " +
            std::to_string(
                count(store, "SELECT count(*) FROM posting_lines WHERE client_ref = 'C-1';")) +
            "\n"
            "  plans                      1\n"
            "  plan_objectives            2\n"
            "  plan_uses                  " +
            std::to_string(count(store, "SELECT count(*) FROM plan_uses WHERE plan_id = 1;")) +
            "\n"
            "  purchases                  1\n"
            "  outcome_returns            1\n"
            "  outcome_answers            " +
            std::to_string(count(store, "SELECT count(*) FROM outcome_answers;")) +
            "\n"
            "  receipts                   1\n");
}

TEST_CASE("client due-for-erasure: the clients whose last record is six years past") {
  const StoreFixture store(false);
  two_clients(store);
  store.ok({"client", "add", "C-3", "--group", "older_people", "--actor", "asha"});  // no name
  // C-1's last record is its end and exit return on 2025-03-31; C-2's grant runs to the
  // end of its longest intervention, 52 weeks from 2025-02-03: 2026-02-01.
  CHECK(store.ok({"client", "due-for-erasure", "--as-of", "2031-03-30"}).out ==
        "retention: 6 years after the last record (the default)\n"
        "0 client(s) due for erasure on 2031-03-30\n");
  CHECK(store.ok({"client", "due-for-erasure", "--as-of", "2031-03-31"}).out ==
        "retention: 6 years after the last record (the default)\n"
        "1 client(s) due for erasure on 2031-03-31\n"
        "  C-1              last record 2025-03-31, due from 2031-03-31: name, 1 receipt(s)\n");
  CHECK(store.ok({"client", "due-for-erasure", "--as-of", "2032-02-01"}).out ==
        "retention: 6 years after the last record (the default)\n"
        "2 client(s) due for erasure on 2032-02-01\n"
        "  C-1              last record 2025-03-31, due from 2031-03-31: name, 1 receipt(s)\n"
        "  C-2              last record 2026-02-01, due from 2032-02-01: name, 0 receipt(s)\n");
  store.ok({"client", "erase", "C-1", "--reason", "retention DP-9", "--actor", "dpo"});
  CHECK(store.ok({"client", "due-for-erasure", "--as-of", "2032-02-01"}).out ==
        "retention: 6 years after the last record (the default)\n"
        "1 client(s) due for erasure on 2032-02-01\n"
        "  C-2              last record 2026-02-01, due from 2032-02-01: name, 0 receipt(s)\n");
}
