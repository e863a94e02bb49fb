// hsg whatif end to end: the real binary on a generated caseload. Expected figures are
// worked out here, independently of hsg's engine, from what the store holds (each
// allocation's answers, scored with medway's tables written out below, and its total)
// with the arithmetic of domain.md written out: amount = hours × weeks × rate rounded once to the
// penny, halves up; total = Σ amounts, or the upper limit if less, shared by largest
// remainder; annualised = Σ amount × 52 / weeks, rounded once, halves up.
#include <catch2/catch.hpp>

#include <algorithm>
#include <cstdint>
#include <filesystem>
#include <functional>
#include <map>
#include <nlohmann/json.hpp>
#include <sstream>
#include <string>
#include <vector>

#include "tests/cli/run_process.h"

using hsg::test::ProcessResult;
using hsg::test::TempDir;
using nlohmann::json;

namespace {

const std::string kMedway = HSG_SOURCE_DIR "/rules/medway.toml";
const std::string kWorked = HSG_SOURCE_DIR "/docs/examples/worked-example.toml";
constexpr std::int64_t kUpperLimitPence = 250000;
constexpr const char* kAsOf = "2026-12-31";

// One intervention type of a stored allocation: its hours (hundredths) and weeks.
struct StoredType {
  std::int64_t hours_hundredths = 0;
  std::int64_t weeks = 0;
  std::int64_t amount_pence = 0;  // at medway's rate, after the upper limit
  std::int64_t score = 0;
};

// medway's thresholds (domain.md), low, medium, high, per type in file order.
constexpr std::int64_t kMedwayThresholds[3][3] = {{3, 9, 15}, {2, 6, 10}, {2, 6, 10}};

// medway's questionnaire (domain.md): each area's weight, and the one type and points
// each option scores (none scores nothing).
const std::map<std::string, std::int64_t> kMedwayWeights{
    {"tenancy_skills", 2}, {"housing_options", 1}, {"home_maintenance", 1}, {"settling_in", 1},
    {"on_call", 1},        {"money", 2},           {"health", 1},           {"safety", 2},
    {"social", 1},         {"work_learning", 1}};
struct OptionPoints {
  std::size_t type = 0;
  std::int64_t points = 0;
};
const std::map<std::string, OptionPoints> kMedwayOptions{
    {"advice", {1, 2}}, {"alongside", {0, 3}}, {"monitoring", {2, 2}}};
// Hours per week (hundredths) at low, medium, high, and weeks, per type.
constexpr std::int64_t kMedwayHours[3][3] = {{300, 500, 800}, {100, 150, 200}, {50, 100, 150}};
constexpr std::int64_t kMedwayWeeks[3] = {12, 8, 52};

// A cliff edge: the score on a threshold, or one point below it.
bool at_cliff_edge(std::size_t type, std::int64_t score) {
  for (const std::int64_t threshold : kMedwayThresholds[type]) {
    if (score == threshold || score == threshold - 1) return true;
  }
  return false;
}

struct StoredClient {
  std::string ref;
  std::string group;
  std::int64_t allocation_id = 0;
  std::int64_t total_pence = 0;
  std::string answers;
  std::vector<StoredType> types;
};

std::int64_t hundredths(const std::string& text) {  // "1.50" → 150
  const auto dot = text.find('.');
  return std::stoll(text.substr(0, dot)) * 100 + std::stoll(text.substr(dot + 1));
}

// "1234.50" for 123450.
std::string decimal(std::int64_t hundredths_value) {
  const std::string sign = hundredths_value < 0 ? "-" : "";
  const std::int64_t magnitude = hundredths_value < 0 ? -hundredths_value : hundredths_value;
  std::ostringstream out;
  out << sign << magnitude / 100 << '.' << (magnitude % 100 < 10 ? "0" : "") << magnitude % 100;
  return out.str();
}

// domain.md, money arithmetic rule 1: hours/week × weeks × rate, exact, rounded once to
// the penny, halves up. hours are hundredths of an hour, so the product is hundredths of
// a penny.
std::int64_t type_amount(const StoredType& type, std::int64_t rate_pence) {
  const std::int64_t hundredths_of_penny = type.hours_hundredths * type.weeks * rate_pence;
  return (hundredths_of_penny + 50) / 100;
}

// Rules 2 and 3: the per-type amounts after the upper limit (largest remainder, ties to
// the type listed first).
std::vector<std::int64_t> amounts_at(const StoredClient& client, std::int64_t rate_pence) {
  std::vector<std::int64_t> amounts;
  std::int64_t sum = 0;
  for (const StoredType& type : client.types) {
    amounts.push_back(type_amount(type, rate_pence));
    sum += amounts.back();
  }
  if (sum <= kUpperLimitPence) return amounts;
  std::vector<std::int64_t> shares;
  std::vector<std::int64_t> remainders;
  std::int64_t given = 0;
  for (const std::int64_t amount : amounts) {
    shares.push_back(kUpperLimitPence * amount / sum);
    remainders.push_back(kUpperLimitPence * amount % sum);
    given += shares.back();
  }
  for (; given < kUpperLimitPence; ++given) {
    std::size_t best = 0;
    for (std::size_t i = 1; i < remainders.size(); ++i) {
      if (remainders[i] > remainders[best]) best = i;
    }
    ++shares[best];
    remainders[best] = -1;
  }
  return shares;
}

// The types of an allocation from its stored answers ({"area":"option",…}): scores by
// weight × points, the level by threshold, its hours and weeks (none: no hours).
std::vector<StoredType> medway_types(const std::string& answers_json) {
  std::vector<StoredType> types(3);
  const json answers = json::parse(answers_json);
  for (const auto& [area, option] : answers.items()) {
    const auto points = kMedwayOptions.find(option.get<std::string>());
    if (points == kMedwayOptions.end()) continue;
    types[points->second.type].score += kMedwayWeights.at(area) * points->second.points;
  }
  for (std::size_t t = 0; t < types.size(); ++t) {
    types[t].weeks = kMedwayWeeks[t];
    for (std::size_t level = 0; level < 3; ++level) {
      if (types[t].score >= kMedwayThresholds[t][level]) {
        types[t].hours_hundredths = kMedwayHours[t][level];
      }
    }
  }
  return types;
}

std::int64_t total_at(const StoredClient& client, std::int64_t rate_pence) {
  std::int64_t total = 0;
  for (const std::int64_t amount : amounts_at(client, rate_pence)) total += amount;
  return total;
}

std::int64_t caseload_total_at(const std::vector<StoredClient>& clients, std::int64_t rate_pence) {
  std::int64_t total = 0;
  for (const StoredClient& client : clients) total += total_at(client, rate_pence);
  return total;
}

// Σ amount × 52 / weeks over every client and type, rounded once, halves up. medway's
// weeks are 12, 8 and 52, so 312 is a common denominator.
std::int64_t annualised(
    const std::vector<StoredClient>& clients,
    const std::function<std::vector<std::int64_t>(const StoredClient&)>& amounts) {
  constexpr std::int64_t kDenominator = 312;
  std::int64_t numerator = 0;
  for (const StoredClient& client : clients) {
    const std::vector<std::int64_t> client_amounts = amounts(client);
    for (std::size_t t = 0; t < client.types.size(); ++t) {
      REQUIRE(kDenominator % client.types[t].weeks == 0);
      numerator += client_amounts[t] * 52 * (kDenominator / client.types[t].weeks);
    }
  }
  return (2 * numerator + kDenominator) / (2 * kDenominator);
}

class Caseload {
 public:
  // `count` generated clients, plus client C-1 with the worked example on 2025-01-15
  // and a later assessment (after kAsOf) that what-if must not take.
  explicit Caseload(int count) : db_((dir_ / "hsg.db").string()) {
    ok({"init", "--actor", "asha"});
    ok({"generate", "--clients", std::to_string(count), "--seed", "5", "--actor", "asha"});
    ok({"client", "add", "C-1", "--group", "older_people", "--actor", "asha"});
    ok({"allocate", "C-1", "--answers", kWorked, "--date", "2025-01-15", "--actor", "asha"});
    ok({"allocate",       "C-1",
        "--answer",       "tenancy_skills=none",
        "--answer",       "housing_options=none",
        "--answer",       "home_maintenance=none",
        "--answer",       "settling_in=none",
        "--answer",       "on_call=none",
        "--answer",       "money=none",
        "--answer",       "health=none",
        "--answer",       "safety=none",
        "--answer",       "social=none",
        "--answer",       "work_learning=advice",
        "--date",         "2027-01-01",
        "--allow-future", "a later assessment for what-if to leave out",
        "--actor",        "asha"});
  }
  ProcessResult run(std::vector<std::string> args) const {
    args.push_back("--db");
    args.push_back(db_);
    return hsg::test::run_hsg(args);
  }
  ProcessResult ok(const std::vector<std::string>& args) const {
    ProcessResult result = run(args);
    INFO(result.err);
    REQUIRE(result.exit_code == 0);
    return result;
  }
  json whatif_json(std::vector<std::string> args) const {
    args.insert(args.begin(), "whatif");
    args.push_back("--json");
    return json::parse(ok(args).out);
  }
  std::string sql(const std::string& query) const { return hsg::test::run_sqlite(db_, query); }
  std::string fingerprint() const {
    return sql(
        "SELECT (SELECT count(*) FROM clients), (SELECT count(*) FROM allocations), "
        "(SELECT count(*) FROM decisions), (SELECT count(*) FROM audit_events), "
        "(SELECT hash FROM audit_events ORDER BY seq DESC LIMIT 1);");
  }
  // Each client's latest allocation on or before kAsOf, read straight from the tables.
  std::vector<StoredClient> latest(const std::string& group = "") const {
    const std::string rows = sql(
        "SELECT c.ref, c.client_group, a.id, a.total_pence, a.answers FROM clients c "
        "JOIN allocations a ON a.id = (SELECT b.id FROM allocations b WHERE b.client_ref = c.ref "
        "AND b.assessed_on <= '" +
        std::string(kAsOf) + "' ORDER BY b.assessed_on DESC, b.id DESC LIMIT 1)" +
        (group.empty() ? "" : " WHERE c.client_group = '" + group + "'") + " ORDER BY c.ref;");
    std::vector<StoredClient> clients;
    std::istringstream lines(rows);
    for (std::string line; std::getline(lines, line);) {
      // ref|group|id|total|{answers}: the answers' JSON holds no '|'.
      std::vector<std::string> fields;
      std::size_t start = 0;
      for (int i = 0; i < 4; ++i) {
        const std::size_t bar = line.find('|', start);
        fields.push_back(line.substr(start, bar - start));
        start = bar + 1;
      }
      fields.push_back(line.substr(start));
      StoredClient client{fields[0],
                          fields[1],
                          std::stoll(fields[2]),
                          std::stoll(fields[3]),
                          fields[4],
                          medway_types(fields[4])};
      // Scored here, priced at medway's rate, the allocation must come to what was stored.
      const std::vector<std::int64_t> amounts = amounts_at(client, 1850);
      for (std::size_t t = 0; t < amounts.size(); ++t) client.types[t].amount_pence = amounts[t];
      REQUIRE(total_at(client, 1850) == client.total_pence);
      clients.push_back(std::move(client));
    }
    return clients;
  }
  const TempDir& dir() const { return dir_; }

 private:
  TempDir dir_;
  std::string db_;
};

// medway.toml with one line changed; the test fails if the line is not there.
std::string medway_with(const TempDir& dir, const std::string& name, const std::string& from,
                        const std::string& to) {
  std::string text = hsg::test::read_file(kMedway);
  const std::size_t at = text.find(from);
  REQUIRE(at != std::string::npos);
  text.replace(at, from.size(), to);
  const std::string path = (dir / name).string();
  hsg::test::write_file(path, text);
  return path;
}

std::map<std::string, std::vector<std::string>> csv_rows(const std::string& text) {
  std::map<std::string, std::vector<std::string>> rows;
  std::istringstream lines(text);
  std::string line;
  std::getline(lines, line);
  CHECK(line == "client,group,allocation_id,assessed_on,before,after,change,outcome,reason");
  while (std::getline(lines, line)) {
    std::vector<std::string> fields;
    std::size_t start = 0;
    for (int i = 0; i < 8; ++i) {
      const std::size_t comma = line.find(',', start);
      fields.push_back(line.substr(start, comma - start));
      start = comma + 1;
    }
    fields.push_back(line.substr(start));  // the reason, quoted, may hold commas
    rows[fields[0]] = fields;
  }
  return rows;
}

}  // namespace

TEST_CASE("whatif: the unchanged medway rule set changes nothing") {
  Caseload caseload(150);
  const std::string before = caseload.fingerprint();
  const std::vector<StoredClient> clients = caseload.latest();
  REQUIRE(clients.size() == 151);
  std::int64_t recorded_total = 0;
  for (const StoredClient& client : clients) recorded_total += client.total_pence;

  const json report = caseload.whatif_json({"--rules", kMedway, "--as-of", kAsOf});
  CHECK(report["clients"] == json({{"total", 151},
                                   {"assessed", 151},
                                   {"up", 0},
                                   {"down", 0},
                                   {"same", 151},
                                   {"cannot_be_assessed", 0}}));
  CHECK(report["totals"]["before"] == decimal(recorded_total));
  CHECK(report["totals"]["after"] == decimal(recorded_total));
  CHECK(report["totals"]["change"] == "0.00");
  CHECK(report["totals"]["annualised_change"] == "0.00");
  CHECK(report["largest_movers"].empty());
  std::int64_t by_type_before = 0;
  for (const json& type : report["by_type"]) {
    CHECK(type["change"] == "0.00");
    by_type_before += hundredths(type["before"].get<std::string>());
    for (const auto& [from, row] : type["levels"].items()) {
      for (const auto& [to, clients_moved] : row.items()) {
        if (from != to) CHECK(clients_moved == 0);
      }
    }
  }
  CHECK(by_type_before == recorded_total);
  CHECK(caseload.fingerprint() == before);

  // Cliff edges: the candidate is medway, so its scores are the stored ones.
  std::int64_t edge_clients = 0;
  std::int64_t edges_by_type[3] = {0, 0, 0};
  for (const StoredClient& client : clients) {
    bool any = false;
    for (std::size_t t = 0; t < 3; ++t) {
      if (!at_cliff_edge(t, client.types[t].score)) continue;
      ++edges_by_type[t];
      any = true;
    }
    edge_clients += any ? 1 : 0;
  }
  CHECK(report["cliff_edges"]["clients"] == edge_clients);
  CHECK(report["cliff_edges"]["listed"].size() == 20);
  for (std::size_t t = 0; t < 3; ++t)
    CHECK(report["by_type"][t]["cliff_edges"] == edges_by_type[t]);

  SECTION("the text report says so") {
    const std::string text = caseload.ok({"whatif", "--rules", kMedway, "--as-of", kAsOf}).out;
    CHECK(text.find("Amount: 0 up, 0 down, 151 the same\n") != std::string::npos);
    CHECK(text.find("  none: no client's amount changes\n") != std::string::npos);
  }
}

TEST_CASE("whatif: a candidate that changes only the rate scales every client exactly") {
  Caseload caseload(200);
  const std::vector<StoredClient> clients = caseload.latest();
  const std::string candidate = medway_with(caseload.dir(), "rate.toml", "hourly_rate = \"18.50\"",
                                            "hourly_rate = \"21.37\"");
  const std::string csv = (caseload.dir() / "clients.csv").string();
  const std::string before = caseload.fingerprint();
  const json report = caseload.whatif_json({"--rules", candidate, "--as-of", kAsOf, "--csv", csv});
  CHECK(caseload.fingerprint() == before);

  const auto rows = csv_rows(hsg::test::read_file(csv));
  REQUIRE(rows.size() == clients.size());
  std::int64_t before_total = 0, after_total = 0, up = 0, same = 0;
  for (const StoredClient& client : clients) {
    INFO(client.ref);
    // The stored total is itself the arithmetic at £18.50.
    REQUIRE(total_at(client, 1850) == client.total_pence);
    const std::int64_t expected = total_at(client, 2137);
    const std::vector<std::string>& row = rows.at(client.ref);
    CHECK(row[1] == client.group);
    CHECK(row[2] == std::to_string(client.allocation_id));
    CHECK(row[4] == decimal(client.total_pence));
    CHECK(row[5] == decimal(expected));
    CHECK(row[6] == decimal(expected - client.total_pence));
    CHECK(row[7] == (expected > client.total_pence ? "up" : "same"));
    before_total += client.total_pence;
    after_total += expected;
    (expected > client.total_pence ? up : same) += 1;
  }
  // C-1's allocation on or before the date is the worked example of 2025-01-15, not the
  // later one: 1776.00 + 148.00 + 481.00 at £18.50; at £21.37, 2051.52 + 170.96 + 555.62
  // = 2778.10, over the upper limit.
  CHECK(rows.at("C-1")[3] == "2025-01-15");
  CHECK(rows.at("C-1")[4] == "2405.00");
  CHECK(rows.at("C-1")[5] == "2500.00");

  CHECK(report["clients"]["up"] == up);
  CHECK(report["clients"]["down"] == 0);
  CHECK(report["clients"]["same"] == same);
  CHECK(report["totals"]["before"] == decimal(before_total));
  CHECK(report["totals"]["after"] == decimal(after_total));
  CHECK(report["totals"]["change"] == decimal(after_total - before_total));
  CHECK(report["totals"]["annualised_before"] ==
        decimal(annualised(clients, [](const StoredClient& client) {
          std::vector<std::int64_t> stored;
          for (const StoredType& type : client.types) stored.push_back(type.amount_pence);
          return stored;
        })));
  CHECK(report["totals"]["annualised_after"] ==
        decimal(annualised(clients,
                           [](const StoredClient& client) { return amounts_at(client, 2137); })));
  // The largest movers: the ten largest increases, ties by reference.
  std::vector<std::pair<std::int64_t, std::string>> changes;
  for (const StoredClient& client : clients) {
    const std::int64_t change = total_at(client, 2137) - client.total_pence;
    if (change != 0) changes.emplace_back(-change, client.ref);
  }
  std::sort(changes.begin(), changes.end());
  REQUIRE(report["largest_movers"].size() == 10);
  for (std::size_t i = 0; i < 10; ++i) {
    CHECK(report["largest_movers"][i]["client"] == changes[i].second);
    CHECK(report["largest_movers"][i]["change"] == decimal(-changes[i].first));
  }
}

TEST_CASE("whatif: the budget search returns the highest rate that fits, to the penny") {
  Caseload caseload(120);
  const std::vector<StoredClient> clients = caseload.latest();
  REQUIRE(clients.size() == 121);
  const std::string candidate = medway_with(caseload.dir(), "rate.toml", "hourly_rate = \"18.50\"",
                                            "hourly_rate = \"20.00\"");

  SECTION("a budget between the lowest and highest rates' totals") {
    const std::int64_t budget = 12345678;  // £123,456.78
    const json found = caseload.whatif_json(
        {"--rules", candidate, "--as-of", kAsOf, "--budget", "123456.78"})["budget"];
    REQUIRE(found["hourly_rate"].is_string());
    const std::int64_t rate = hundredths(found["hourly_rate"].get<std::string>());
    const std::int64_t total = caseload_total_at(clients, rate);
    const std::int64_t total_one_penny_more = caseload_total_at(clients, rate + 1);
    CHECK(total <= budget);
    CHECK(total_one_penny_more > budget);
    CHECK(found == json({{"budget", "123456.78"},
                         {"hourly_rate", decimal(rate)},
                         {"total_at_rate", decimal(total)},
                         {"rate_over", decimal(rate + 1)},
                         {"total_at_rate_over", decimal(total_one_penny_more)}}));
    // In whole pounds too, and the text says the same.
    CHECK(caseload.whatif_json({"--rules", candidate, "--as-of", kAsOf, "--budget",
                                "123456"})["budget"]["budget"] == "123456.00");
    const std::string text =
        caseload.ok({"whatif", "--rules", candidate, "--as-of", kAsOf, "--budget", "123456.78"})
            .out;
    CHECK(text.find("the highest hourly rate that fits is £" + decimal(rate)) != std::string::npos);
  }
  SECTION("a budget too small even for £0.01 an hour") {
    const json found = caseload.whatif_json(
        {"--rules", candidate, "--as-of", kAsOf, "--budget", "1.00"})["budget"];
    CHECK(found == json({{"budget", "1.00"},
                         {"hourly_rate", nullptr},
                         {"total_at_rate", nullptr},
                         {"rate_over", "0.01"},
                         {"total_at_rate_over", decimal(caseload_total_at(clients, 1))}}));
  }
  SECTION("a budget the highest allowed rate fits") {
    const json found = caseload.whatif_json(
        {"--rules", candidate, "--as-of", kAsOf, "--budget", "100000000"})["budget"];
    CHECK(found == json({{"budget", "100000000.00"},
                         {"hourly_rate", "10000.00"},
                         {"total_at_rate", decimal(caseload_total_at(clients, 1000000))},
                         {"rate_over", nullptr},
                         {"total_at_rate_over", nullptr}}));
  }
}

TEST_CASE("whatif: --group takes a key or a full name and reports only that group") {
  Caseload caseload(150);
  const std::vector<StoredClient> older = caseload.latest("older_people");
  REQUIRE(older.size() > 1);
  std::int64_t total = 0;
  for (const StoredClient& client : older) total += client.total_pence;
  const json by_key =
      caseload.whatif_json({"--rules", kMedway, "--as-of", kAsOf, "--group", "older_people"});
  const json by_name = caseload.whatif_json(
      {"--rules", kMedway, "--as-of", kAsOf, "--group", "older people with support needs."});
  CHECK(by_key == by_name);
  CHECK(by_key["group"] == "older_people");
  CHECK(by_key["clients"]["total"] == older.size());
  CHECK(by_key["totals"]["before"] == decimal(total));
  REQUIRE(by_key["by_group"].size() == 1);
  CHECK(by_key["by_group"][0]["group"] == "older_people");
  CHECK(by_key["by_group"][0]["clients"] == older.size());
}

TEST_CASE("whatif: clients whose answers the candidate cannot take are listed with the reason") {
  Caseload caseload(100);
  const std::vector<StoredClient> clients = caseload.latest();
  // The candidate renames the option "monitoring": anyone who chose it cannot be assessed.
  const std::string candidate =
      medway_with(caseload.dir(), "renamed.toml", "id = \"monitoring\"", "id = \"keeping_an_eye\"");
  std::int64_t refused = 0, refused_total = 0;
  std::string first_refused;
  for (const StoredClient& client : clients) {
    if (client.answers.find("\"monitoring\"") == std::string::npos) continue;
    if (first_refused.empty()) first_refused = client.ref;
    ++refused;
    refused_total += client.total_pence;
  }
  REQUIRE(refused > 0);
  const json report = caseload.whatif_json({"--rules", candidate, "--as-of", kAsOf});
  CHECK(report["clients"]["cannot_be_assessed"] == refused);
  CHECK(report["clients"]["assessed"] == static_cast<std::int64_t>(clients.size()) - refused);
  CHECK(report["cannot_be_assessed"]["clients"] == refused);
  CHECK(report["cannot_be_assessed"]["recorded_total"] == decimal(refused_total));
  const json& listed = report["cannot_be_assessed"]["listed"];
  CHECK(static_cast<std::int64_t>(listed.size()) == std::min<std::int64_t>(refused, 20));
  CHECK(listed[0]["client"] == first_refused);
  CHECK(listed[0]["reason"].get<std::string>().find("unknown option 'monitoring' for area '") == 0);
}

TEST_CASE("whatif: bad input exits 1 with a clear message and changes nothing") {
  Caseload caseload(20);
  const std::string before = caseload.fingerprint();
  const std::string html = (caseload.dir() / "report.html").string();
  const std::string mistakes = HSG_SOURCE_DIR "/docs/examples/rules-with-mistakes.toml";
  const std::vector<std::pair<std::vector<std::string>, std::string>> bad{
      {{"whatif", "--rules", mistakes}, mistakes + ":6:15: hourly_rate must be exact"},
      {{"whatif", "--rules", "no-such-rules.toml"}, "no-such-rules.toml"},
      {{"whatif", "--rules", kMedway, "--as-of", "2025-02-29"},
       "hsg: error: --as-of '2025-02-29' is not a real date in the form YYYY-MM-DD"},
      {{"whatif", "--rules", kMedway, "--group", "pensioners"},
       "hsg: error: unknown client group 'pensioners'; use one of: older_people, "
       "older_people_mental_health, "},
      {{"whatif", "--rules", kMedway, "--budget", "12.345"},
       "hsg: error: --budget '12.345' is not an amount of pounds"},
      {{"whatif", "--rules", kMedway, "--budget", "£100"},
       "hsg: error: --budget '£100' is not an amount of pounds"},
      {{"whatif", "--rules", kMedway, "--budget", "0"},
       "hsg: error: --budget '0' must be more than 0.00"},
      {{"whatif", "--as-of", kAsOf}, "hsg: error: the option '--rules' is required"},
  };
  for (auto [args, message] : bad) {
    args.push_back("--html");
    args.push_back(html);
    const ProcessResult result = caseload.run(args);
    INFO(args.at(1) << " " << args.at(2) << ": " << result.err);
    CHECK(result.exit_code == 1);
    CHECK(result.out.empty());
    CHECK(result.err.find(message) != std::string::npos);
    CHECK(caseload.fingerprint() == before);
    CHECK_FALSE(std::filesystem::exists(html));
  }
  const ProcessResult no_database =
      hsg::test::run_hsg({"whatif", "--rules", kMedway, "--db", html + ".db"});
  CHECK(no_database.exit_code == 1);
  CHECK(no_database.err.find("no database at") != std::string::npos);
  CHECK_FALSE(std::filesystem::exists(html + ".db"));
}

TEST_CASE("whatif: the same inputs give the same bytes, and --help describes the command") {
  Caseload caseload(60);
  const std::string candidate = medway_with(caseload.dir(), "rate.toml", "hourly_rate = \"18.50\"",
                                            "hourly_rate = \"19.99\"");
  std::vector<std::string> outputs;
  for (const char* name : {"a.html", "b.html"}) {
    const std::string html = (caseload.dir() / name).string();
    const ProcessResult text = caseload.ok(
        {"whatif", "--rules", candidate, "--as-of", kAsOf, "--budget", "40000", "--html", html});
    outputs.push_back(text.out + hsg::test::read_file(html));
  }
  CHECK(outputs[0] == outputs[1]);
  const ProcessResult help = hsg::test::run_hsg({"whatif", "--help"});
  CHECK(help.exit_code == 0);
  CHECK(help.out.rfind(
            "Usage: hsg whatif --rules FILE|ID [--as-of D] [--group G] [--budget AMOUNT]", 0) == 0);
}
