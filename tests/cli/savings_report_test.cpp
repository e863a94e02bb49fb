// hsg report savings end to end: a caseload whose posted spend by row is seed 003's "SP
// Investment" column, and the report reproducing the seed's table from it exactly.
#include <catch2/catch.hpp>

#include <nlohmann/json.hpp>

#include <array>
#include <string>
#include <vector>

#include "tests/cli/store_fixture.h"

using hsg::test::StoreFixture;

namespace {

struct SeedRow {
  const char* label;
  const char* savings;
  const char* investment;
  int percent;
  const char* per_pound;
};

// Seed 003, "Costs and Benefits in Bath & North East Somerset", as printed.
constexpr std::array<SeedRow, 15> kSeedTable{{
    {"Alcohol", "179239.00", "33978.00", 528, "5.28"},
    {"Dom Vil", "549170.00", "81392.00", 675, "6.75"},
    {"H'less Fam", "319349.00", "187682.00", 170, "1.70"},
    {"H'less Sg", "437734.00", "618283.00", 71, "0.71"},
    {"HSg (temp)", "758327.00", "338550.00", 224, "2.24"},
    {"Offenders", "376104.00", "160972.00", 234, "2.34"},
    {"Young P", "361256.00", "233767.00", 155, "1.55"},
    {"YP (temp)", "701840.00", "175510.00", 400, "4.00"},
    {"Drug use", "912282.00", "66239.00", 1377, "13.77"},
    {"Lng Diff", "578036.00", "336273.00", 172, "1.72"},
    {"Mental H", "2263716.00", "462129.00", 490, "4.90"},
    {"Physical D", "-72595.00", "277936.00", -26, "-0.26"},
    {"OP (fltg sp)", "928609.00", "112788.00", 823, "8.23"},
    {"OP (vry sh)", "852546.00", "110352.00", 773, "7.73"},
    {"OP (shel)", "3002181.00", "850460.00", 353, "3.53"},
}};

struct Client {
  const char* ref;
  const char* group;
  const char* agreed;  // the sum of the investments of the rows naming the group
};

// One client per group the seed's rows name (two for mental health), each agreed the
// investments of the group's rows: substance misuse = Alcohol + Drug use, single
// homeless = H'less Sg + HSg (temp), young people = Young P + YP (temp), older people =
// the three OP rows.
constexpr std::array<Client, 11> kCaseload{{
    {"C-SM", "substance_misuse", "100217"},
    {"C-DV", "domestic_violence", "81392"},
    {"C-HF", "homeless_families", "187682"},
    {"C-SH", "single_homeless", "956833"},
    {"C-OF", "offenders", "160972"},
    {"C-YP", "young_people_at_risk", "409277"},
    {"C-LD", "learning_disabilities", "336273"},
    {"C-MH1", "mental_health", "262129"},
    {"C-MH2", "mental_health", "200000"},
    {"C-PD", "physical_or_sensory_disability", "277936"},
    {"C-OP", "older_people", "1073600"},
}};

// Every client's grant starts on 2025-04-01; its last instalment (the 13th of long-term
// maintenance) is due 336 days later, 2026-03-03, inside the year to 2026-03-31.
void build_caseload(const StoreFixture& store) {
  store.ok({"init", "--actor", "asha"});
  for (std::size_t i = 0; i < kCaseload.size(); ++i) {
    const Client& client = kCaseload[i];
    const std::string id = std::to_string(i + 1);
    store.ok({"client", "add", client.ref, "--group", client.group, "--actor", "asha"});
    store.ok({"allocate", client.ref, "--answers",
              HSG_SOURCE_DIR "/docs/examples/worked-example.toml", "--date", "2025-01-15",
              "--actor", "asha"});
    store.ok({"agree", id, "--amount", client.agreed, "--reason", "seed 003 investment", "--actor",
              "asha"});
    store.ok({"approve", id, "--actor", "manager"});
    store.ok({"grant", "start", id, "--start", "2025-04-01", "--held-as", "direct_payment",
              "--actor", "asha"});
  }
}

const std::vector<std::string> kYear{"report",     "savings", "--from",
                                     "2025-04-01", "--to",    "2026-03-31"};

std::vector<std::string> with(std::vector<std::string> args,
                              const std::vector<std::string>& extra) {
  args.insert(args.end(), extra.begin(), extra.end());
  return args;
}

}  // namespace

TEST_CASE("savings: the report reproduces seed 003's table from a caseload of its investments") {
  StoreFixture store(false);
  build_caseload(store);
  store.ok({"ledger", "post", "--through", "2026-03-31", "--actor", "fin"});

  const auto json = nlohmann::json::parse(store.ok(with(kYear, {"--json"})).out);
  CHECK(json["basis"] == "posted");
  CHECK(json["table"]["name"] == "bnes-2011");
  REQUIRE(json["rows"].size() == kSeedTable.size());
  for (std::size_t i = 0; i < kSeedTable.size(); ++i) {
    const SeedRow& seed = kSeedTable[i];
    const auto& row = json["rows"][i];
    INFO(seed.label);
    CHECK(row["label"] == seed.label);
    CHECK(row["spend"] == seed.investment);  // the apportioned spend is the seed's column
    CHECK(row["savings"] == seed.savings);
    CHECK(row["percent"] == seed.percent);
    CHECK(row["per_pound"] == seed.per_pound);
  }
  // The seed prints £4,046,310 as the total investment; its rows add up to £4,046,311.
  CHECK(json["total"] == nlohmann::json::parse(R"({"spend":"4046311.00","savings":"12147794.00",
      "percent":300,"per_pound":"3.00","spend_no_ratio":"0.00","spend_all":"4046311.00"})"));
  CHECK(json["rows"][12]["client_groups"] == nlohmann::json::parse(R"([
      {"client_group":"older_people","spend":"112788.00"},
      {"client_group":"older_people_mental_health","spend":"0.00"}])"));
  CHECK(json["unmapped"] == nlohmann::json::parse(R"([{"client_group":"hiv_aids","spend":"0.00"},
      {"client_group":"refugees","spend":"0.00"},{"client_group":"travellers","spend":"0.00"}])"));

  CHECK(
      store.ok(kYear).out ==
      "Savings estimate, 2025-04-01 to 2026-03-31 (both days included)\n"
      "Spend (posted): expenditure posted in the ledger in the period (debit − credit), by "
      "client group\n"
      "Table: bnes-2011, from rules/savings-bnes-2011.toml (built in)\n"
      "  Sitra for Bath & North East Somerset (2011), Capgemini financial benefits model "
      "(DCLG 2009); seed 003\n"
      "\n"
      "                        spend          savings  savings %    per £1  client groups\n"
      "Alcohol            £33,978.00      £179,239.00       528%     £5.28  substance_misuse\n"
      "Dom Vil            £81,392.00      £549,170.00       675%     £6.75  domestic_violence\n"
      "H'less Fam        £187,682.00      £319,349.00       170%     £1.70  homeless_families\n"
      "H'less Sg         £618,283.00      £437,734.00        71%     £0.71  single_homeless "
      "rough_sleepers\n"
      "HSg (temp)        £338,550.00      £758,327.00       224%     £2.24  single_homeless "
      "rough_sleepers\n"
      "Offenders         £160,972.00      £376,104.00       234%     £2.34  offenders "
      "mentally_disordered_offenders\n"
      "Young P           £233,767.00      £361,256.00       155%     £1.55  young_people_at_risk "
      "young_people_leaving_care teenage_parents\n"
      "YP (temp)         £175,510.00      £701,840.00       400%     £4.00  young_people_at_risk "
      "young_people_leaving_care teenage_parents\n"
      "Drug use           £66,239.00      £912,282.00      1377%    £13.77  substance_misuse\n"
      "Lng Diff          £336,273.00      £578,036.00       172%     £1.72  learning_disabilities\n"
      "Mental H          £462,129.00    £2,263,716.00       490%     £4.90  mental_health\n"
      "Physical D        £277,936.00      -£72,595.00       -26%    -£0.26  "
      "physical_or_sensory_disability\n"
      "OP (fltg sp)      £112,788.00      £928,609.00       823%     £8.23  older_people "
      "older_people_mental_health\n"
      "OP (vry sh)       £110,352.00      £852,546.00       773%     £7.73  older_people "
      "older_people_mental_health\n"
      "OP (shel)         £850,460.00    £3,002,181.00       353%     £3.53  older_people "
      "older_people_mental_health\n"
      "Total           £4,046,311.00   £12,147,794.00       300%     £3.00\n"
      "\n"
      "Spend of a client group several rows name, shared by the rows' investments:\n"
      "  older_people £1,073,600.00: OP (fltg sp) £112,788.00, OP (vry sh) £110,352.00, OP (shel) "
      "£850,460.00\n"
      "  single_homeless £956,833.00: H'less Sg £618,283.00, HSg (temp) £338,550.00\n"
      "  substance_misuse £100,217.00: Alcohol £33,978.00, Drug use £66,239.00\n"
      "  young_people_at_risk £409,277.00: Young P £233,767.00, YP (temp) £175,510.00\n"
      "\n"
      "Client groups with no ratio in the table (their spend is not in the total):\n"
      "  hiv_aids              £0.00\n"
      "  refugees              £0.00\n"
      "  travellers            £0.00\n"
      "Spend of all client groups £4,046,311.00: £4,046,311.00 with a ratio, £0.00 with none\n");
}

TEST_CASE("savings: the national table gives £1.79 per £1 on the same caseload") {
  StoreFixture store(false);
  build_caseload(store);
  store.ok({"ledger", "post", "--through", "2026-03-31", "--actor", "fin"});
  const auto json = nlohmann::json::parse(
      store.ok(with(kYear, {"--table", "rules/savings-national-2009.toml", "--json"})).out);
  CHECK(json["table"]["name"] == "national-2009");
  CHECK(json["table"]["file"] == "rules/savings-national-2009.toml");
  REQUIRE(json["rows"].size() == 1);
  // £4,046,311.00 × 1.79 = £7,242,896.69, exactly.
  CHECK(json["total"] == nlohmann::json::parse(R"({"spend":"4046311.00","savings":"7242896.69",
      "percent":179,"per_pound":"1.79","spend_no_ratio":"0.00","spend_all":"4046311.00"})"));
  CHECK(json["unmapped"].empty());
}

TEST_CASE("savings: scheduled spend counts instalments due whether posted or not") {
  StoreFixture store(false);
  build_caseload(store);
  // Nothing posted yet: the posted basis has no spend, the scheduled one all of it.
  const auto posted = nlohmann::json::parse(store.ok(with(kYear, {"--json"})).out);
  CHECK(posted["total"]["spend"] == "0.00");
  CHECK(posted["total"]["percent"] == nullptr);
  CHECK(posted["rows"][0]["per_pound"] == nullptr);
  const auto scheduled =
      nlohmann::json::parse(store.ok(with(kYear, {"--spend", "scheduled", "--json"})).out);
  CHECK(scheduled["basis"] == "scheduled");
  CHECK(scheduled["total"]["spend"] == "4046311.00");
  CHECK(scheduled["total"]["savings"] == "12147794.00");
  // --to is included: a period ending the day before the last instalments leaves them out.
  const auto short_year =
      nlohmann::json::parse(store
                                .ok({"report", "savings", "--from", "2025-04-01", "--to",
                                     "2026-03-02", "--spend", "scheduled", "--json"})
                                .out);
  const auto through_last =
      nlohmann::json::parse(store
                                .ok({"report", "savings", "--from", "2025-04-01", "--to",
                                     "2026-03-03", "--spend", "scheduled", "--json"})
                                .out);
  CHECK(through_last["total"]["spend"] == "4046311.00");
  CHECK(short_year["total"]["spend"] != "4046311.00");
}

namespace {

// The worked example for an older person (C-1) and for a client with HIV/AIDS (C-2),
// both agreed as assessed and started on 2025-02-03: each has £2,035.00 due in February
// and March 2025 (instalments of 2025-02-03 and 2025-03-03), all posted.
void two_clients(const StoreFixture& store) {
  store.ok({"client", "add", "C-2", "--group", "hiv_aids", "--actor", "asha"});
  store.ok({"allocate", "C-2", "--answers", HSG_SOURCE_DIR "/docs/examples/worked-example.toml",
            "--date", "2025-01-15", "--actor", "asha"});
  for (const char* id : {"1", "2"}) {
    store.ok({"agree", id, "--amount", "2405.00", "--reason", "as assessed", "--actor", "asha"});
    store.ok({"grant", "start", id, "--start", "2025-02-03", "--held-as", "direct_payment",
              "--actor", "asha"});
  }
  store.ok({"ledger", "post", "--through", "2025-03-31", "--actor", "fin"});
}

const std::vector<std::string> kSpring{"report",     "savings", "--from",
                                       "2025-02-01", "--to",    "2025-03-31"};

}  // namespace

TEST_CASE(
    "savings: a shared group's pennies go by largest remainder and a group with no ratio is "
    "listed") {
  StoreFixture store;
  two_clients(store);
  // older_people's £2,035.00 by 112,788 : 110,352 : 850,460 is 21,378.87p, 20,917.13p and
  // 161,203.99p: floors 21,378 + 20,917 + 161,203 leave 2p, which go to .99 and .87.
  const auto csv = store.ok(with(kSpring, {"--csv"})).out;
  CHECK(csv.substr(csv.find("row,OP (fltg sp)")) ==
        "row,OP (fltg sp),older_people older_people_mental_health,213.79,1760.18,823,8.23\r\n"
        "row,OP (vry sh),older_people older_people_mental_health,209.17,1615.98,773,7.73\r\n"
        "row,OP (shel),older_people older_people_mental_health,1612.04,5690.61,353,3.53\r\n"
        "total,Total,,2035.00,9066.77,446,4.46\r\n"
        "no_ratio,,hiv_aids,2035.00,,,\r\n"
        "no_ratio,,refugees,0.00,,,\r\n"
        "no_ratio,,travellers,0.00,,,\r\n");
  CHECK(csv.find("row,Alcohol,substance_misuse,0.00,0.00,,\r\n") != std::string::npos);
  const std::string text = store.ok(kSpring).out;
  CHECK(text.find("Alcohol                 £0.00            £0.00          —         —  "
                  "substance_misuse\n") != std::string::npos);
  CHECK(text.find("  older_people £2,035.00: OP (fltg sp) £213.79, OP (vry sh) £209.17, OP "
                  "(shel) £1,612.04\n") != std::string::npos);
  CHECK(text.substr(text.find("Client groups with no ratio")) ==
        "Client groups with no ratio in the table (their spend is not in the total):\n"
        "  hiv_aids          £2,035.00\n"
        "  refugees              £0.00\n"
        "  travellers            £0.00\n"
        "Spend of all client groups £4,070.00: £2,035.00 with a ratio, £2,035.00 with none\n");
  // The national table names every group: nothing is left without a ratio.
  const auto national = nlohmann::json::parse(
      store.ok(with(kSpring, {"--table", "rules/savings-national-2009.toml", "--json"})).out);
  CHECK(national["total"]["savings"] == "7285.30");  // £4,070.00 × 1.79
  CHECK(national["unmapped"].empty());
}

TEST_CASE("savings: --html writes one escaped page and prints the text") {
  StoreFixture store;
  two_clients(store);
  const std::string table = (store.dir() / "odd.toml").string();
  hsg::test::write_file(table,
                        "name = \"<odd> & 'co'\"\nsource = \"a \\\"study\\\"\"\n[[rows]]\n"
                        "label = \"<b>OP</b>\"\nclient_groups = [\"older_people\"]\n"
                        "per_pound = \"-0.50\"\n");
  const std::string page = (store.dir() / "savings.html").string();
  const auto written = store.ok(with(kSpring, {"--table", table, "--html", page}));
  CHECK(written.out.rfind("Savings estimate, 2025-02-01 to 2025-03-31 (both days included)\n", 0) ==
        0);
  const std::string html = hsg::test::read_file(page);
  CHECK(html.rfind("<!DOCTYPE html>\n", 0) == 0);
  CHECK(html.find("<script") == std::string::npos);
  CHECK(html.find("<b>OP") == std::string::npos);
  CHECK(html.find("<tr><td>&lt;b&gt;OP&lt;/b&gt;</td><td>£2,035.00</td><td class=\"down\">"
                  "-£1,017.50</td><td class=\"down\">-50%</td><td class=\"down\">-£0.50</td>"
                  "<td class=\"groups\">older_people £2,035.00</td></tr>") != std::string::npos);
  CHECK(html.find("Table &lt;odd&gt; &amp; &#39;co&#39; from") != std::string::npos);
  CHECK(html.find("a &quot;study&quot;") != std::string::npos);
  CHECK(html.find("<tr><td>hiv_aids</td><td>£2,035.00</td></tr>") != std::string::npos);
}

TEST_CASE("savings: bad options and tables are refused with exit 1 and nothing written") {
  StoreFixture store;
  CHECK(store.refused(with(kSpring, {"--spend", "paid"})) ==
        "hsg: error: --spend 'paid' is not one of: posted, scheduled (see 'hsg report savings "
        "--help')\n");
  CHECK(store.refused({"report", "savings", "--from", "2025-03-31", "--to", "2025-02-01"}) ==
        "hsg: error: --to 2025-02-01 is before --from 2025-03-31 (see 'hsg report savings "
        "--help')\n");
  CHECK(store.refused(with(kSpring, {"--json", "--csv"})) ==
        "hsg: error: give at most one of --json, --csv and --html (see 'hsg report savings "
        "--help')\n");
  const std::string missing = (store.dir() / "missing.toml").string();
  CHECK(store.refused(with(kSpring, {"--table", missing})) ==
        missing + ": cannot read the savings table file\n");
  const std::string bad = (store.dir() / "bad.toml").string();
  hsg::test::write_file(bad,
                        "name = \"bad\"\nsource = \"x\"\n[[rows]]\nlabel = \"A\"\n"
                        "client_groups = [\"elderly\"]\nsavings = 10.5\ninvestment = \"0\"\n");
  CHECK(store.refused(with(kSpring, {"--table", bad})) ==
        bad +
            ":5:18: unknown client group 'elderly' in rows[0].client_groups; allowed: "
            "older_people, older_people_mental_health, mental_health, learning_disabilities, "
            "physical_or_sensory_disability, single_homeless, substance_misuse, offenders, "
            "mentally_disordered_offenders, young_people_at_risk, young_people_leaving_care, "
            "teenage_parents, domestic_violence, hiv_aids, homeless_families, rough_sleepers, "
            "refugees, travellers\n" +
            bad +
            ":6:11: rows[0].savings must be exact: write it as a string such as \"18.50\", not "
            "a floating-point number\n" +
            bad +
            ":7:14: rows[0].investment must be more than 0: the ratio is savings / "
            "investment\n");
  const std::string page = (store.dir() / "never.html").string();
  CHECK(store.refused(with(kSpring, {"--table", bad, "--html", page})).find("5:18") !=
        std::string::npos);
  CHECK_FALSE(std::filesystem::exists(page));
  CHECK(store.ok({"report", "savings", "--help"})
            .out.rfind("Usage: hsg report savings --from D --to D [--table FILE] [--spend "
                       "posted|scheduled] [--json | --csv | --html FILE]\n",
                       0) == 0);
}

TEST_CASE("savings: scheduled spend leaves out the instalments an ended grant cancelled") {
  StoreFixture store;
  two_clients(store);
  const std::vector<std::string> year{"report",     "savings", "--from",    "2025-02-01", "--to",
                                      "2026-03-31", "--spend", "scheduled", "--csv"};
  const auto spend_of_hiv = [&](const std::string& csv) {
    const std::size_t at = csv.find("no_ratio,,hiv_aids,");
    return csv.substr(at, csv.find("\r\n", at) + 2 - at);
  };
  std::string csv = store.ok(year).out;
  CHECK(csv.find("total,Total,,2405.00,") != std::string::npos);
  CHECK(spend_of_hiv(csv) == "no_ratio,,hiv_aids,2405.00,,,\r\n");
  // Ending grant 1 on 2025-03-31 cancels its instalments due after it: £370.00 of the
  // £2,405.00 was never paid and is no longer scheduled.
  store.ok({"grant", "end", "1", "--date", "2025-03-31", "--reason", "moved out of the area",
            "--actor", "asha"});
  csv = store.ok(year).out;
  CHECK(csv.find("total,Total,,2035.00,") != std::string::npos);
  CHECK(spend_of_hiv(csv) == "no_ratio,,hiv_aids,2405.00,,,\r\n");
}
