// hsg whatif --html rendered by a real browser: headless Chromium (Debian's `chromium`,
// installed by scripts/setup) loads the page from disk and dumps the DOM it built, and
// takes a screenshot. The charts must be there, with one bar per bin and side (and per
// client group and side), each bar's figure the report's, and a bar drawn exactly when
// its figure is not zero. A missing chromium fails the test: CI installs it.
#include <catch2/catch.hpp>

#include <cstdio>
#include <map>
#include <nlohmann/json.hpp>
#include <regex>
#include <string>
#include <vector>

#include "tests/cli/run_process.h"

using hsg::test::TempDir;
using nlohmann::json;

namespace {

const std::string kMedway = HSG_SOURCE_DIR "/rules/medway.toml";

// Runs `command` with sh, returning its stdout; its exit status in `status`.
std::string capture(const std::string& command, int& status) {
  std::string out;
  FILE* pipe = popen(command.c_str(), "r");
  REQUIRE(pipe != nullptr);
  char buffer[4096];
  for (std::size_t read = 0; (read = fread(buffer, 1, sizeof buffer, pipe)) > 0;) {
    out.append(buffer, read);
  }
  status = pclose(pipe);
  return out;
}

// The headless browser, bounded in time, with a profile of its own.
std::string chromium(const TempDir& profile, const std::string& arguments) {
  int status = 0;
  capture("command -v chromium", status);
  INFO("chromium is not installed; scripts/setup installs it (Debian package 'chromium')");
  REQUIRE(status == 0);
  const std::string out = capture(
      "timeout 120 chromium --headless --no-sandbox --disable-gpu --disable-dev-shm-usage "
      "--no-first-run --user-data-dir='" +
          profile.path().string() + "' " + arguments + " 2>/dev/null",
      status);
  REQUIRE(status == 0);
  return out;
}

// The element with id `id` and everything inside it, as serialised.
std::string element(const std::string& dom, const std::string& tag, const std::string& id) {
  const std::size_t start = dom.find("<" + tag + " id=\"" + id + "\"");
  REQUIRE(start != std::string::npos);
  const std::size_t end = dom.find("</" + tag + ">", start);
  REQUIRE(end != std::string::npos);
  return dom.substr(start, end - start);
}

using Attributes = std::map<std::string, std::string>;

// Every <rect> of class "bar …" in `svg`, in document order, with its attributes.
std::vector<Attributes> bars(const std::string& svg) {
  static const std::regex rect_tag("<rect ([^>]*)>");
  static const std::regex attribute("([a-z-]+)=\"([^\"]*)\"");
  std::vector<Attributes> found;
  for (auto rect = std::sregex_iterator(svg.begin(), svg.end(), rect_tag);
       rect != std::sregex_iterator(); ++rect) {
    Attributes attributes;
    const std::string inside = (*rect)[1];
    for (auto pair = std::sregex_iterator(inside.begin(), inside.end(), attribute);
         pair != std::sregex_iterator(); ++pair) {
      attributes[(*pair)[1]] = (*pair)[2];
    }
    if (attributes["class"].rfind("bar ", 0) == 0) found.push_back(attributes);
  }
  return found;
}

std::vector<std::string> texts_of_class(const std::string& svg, const std::string& css_class) {
  const std::regex text_tag("<text class=\"" + css_class +
                            "\"[^>]*>(?:<title>[^<]*</title>)?([^<]*)</text>");
  std::vector<std::string> found;
  for (auto text = std::sregex_iterator(svg.begin(), svg.end(), text_tag);
       text != std::sregex_iterator(); ++text) {
    found.push_back((*text)[1]);
  }
  return found;
}

std::int64_t pence(const std::string& decimal) {
  const auto dot = decimal.find('.');
  return std::stoll(decimal.substr(0, dot)) * 100 + std::stoll(decimal.substr(dot + 1));
}

}  // namespace

TEST_CASE("whatif: the HTML report renders in headless Chromium with both charts") {
  TempDir dir;
  const std::string db = (dir / "hsg.db").string();
  const auto ok = [&](std::vector<std::string> args) {
    args.push_back("--db");
    args.push_back(db);
    const hsg::test::ProcessResult result = hsg::test::run_hsg(args);
    INFO(result.err);
    REQUIRE(result.exit_code == 0);
    return result.out;
  };
  ok({"init", "--actor", "asha"});
  ok({"generate", "--clients", "300", "--seed", "11", "--actor", "asha"});
  std::string rules = hsg::test::read_file(kMedway);
  const std::string rate_line = "hourly_rate = \"18.50\"";
  REQUIRE(rules.find(rate_line) != std::string::npos);
  rules.replace(rules.find(rate_line), rate_line.size(), "hourly_rate = \"21.37\"");
  // A file name that must be escaped where the page names it.
  const std::string candidate = (dir / "candidate <&>.toml").string();
  hsg::test::write_file(candidate, rules);
  const std::string html = (dir / "report.html").string();
  const json report = json::parse(ok({"whatif", "--rules", candidate, "--as-of", "2026-12-31",
                                      "--budget", "300000", "--json", "--html", html}));

  const std::string page = hsg::test::read_file(html);
  CHECK(page.find("<script") == std::string::npos);
  CHECK(page.find("<link") == std::string::npos);
  CHECK(page.find("src=") == std::string::npos);
  // The only address in the page is the SVG namespace, which is a name, not a fetch.
  std::size_t addresses = 0;
  for (std::size_t at = page.find("http"); at != std::string::npos;
       at = page.find("http", at + 1)) {
    CHECK(page.compare(at, 26, "http://www.w3.org/2000/svg") == 0);
    ++addresses;
  }
  CHECK(addresses == 2);

  TempDir profile;
  const std::string url = "'file://" + html + "'";
  const std::string dom = chromium(profile, "--dump-dom " + url);
  REQUIRE(dom.find("<h1>What-if: rule set medway 1.0</h1>") != std::string::npos);
  CHECK(dom.find("candidate &lt;&amp;&gt;.toml") != std::string::npos);

  SECTION("grants by amount: a bar per bin, before and after, as tall as its count") {
    const std::string svg = element(dom, "svg", "distribution-chart");
    const json& bins = report["distribution"]["bins"];
    REQUIRE(bins.size() == 11);  // £0 and ten bins of £250 up to the £2,500 limit
    const std::vector<Attributes> drawn = bars(svg);
    REQUIRE(drawn.size() == 2 * bins.size());
    std::int64_t before_clients = 0, after_clients = 0, visible = 0;
    for (std::size_t bin = 0; bin < bins.size(); ++bin) {
      const Attributes& before = drawn[2 * bin];
      const Attributes& after = drawn[2 * bin + 1];
      CHECK(before.at("class") == "bar before");
      CHECK(after.at("class") == "bar after");
      CHECK(before.at("data-clients") == std::to_string(bins[bin]["before"].get<int>()));
      CHECK(after.at("data-clients") == std::to_string(bins[bin]["after"].get<int>()));
      for (const Attributes* bar : {&before, &after}) {
        const std::int64_t clients = std::stoll(bar->at("data-clients"));
        CHECK((std::stod(bar->at("height")) > 0) == (clients > 0));
        if (clients > 0) ++visible;
      }
      before_clients += bins[bin]["before"].get<int>();
      after_clients += bins[bin]["after"].get<int>();
    }
    CHECK(before_clients == 300);
    CHECK(after_clients == 300);
    CHECK(visible >= 12);
    const std::vector<std::string> labels = texts_of_class(svg, "bin-label");
    REQUIRE(labels.size() == bins.size());
    CHECK(labels.front() == "£0.00");
    CHECK(labels[1] == "£0.01–£250.00");
    CHECK(labels.back() == "£2,250.01–£2,500.00");
  }

  SECTION("totals by client group: a bar per group and side, as long as its total") {
    const std::string svg = element(dom, "svg", "group-chart");
    const json& groups = report["by_group"];
    REQUIRE(groups.size() >= 10);
    const std::vector<Attributes> drawn = bars(svg);
    REQUIRE(drawn.size() == 2 * groups.size());
    for (std::size_t group = 0; group < groups.size(); ++group) {
      INFO(groups[group]["group"]);
      const std::int64_t before = pence(groups[group]["before"].get<std::string>());
      const std::int64_t after = pence(groups[group]["after"].get<std::string>());
      CHECK(drawn[2 * group].at("data-pence") == std::to_string(before));
      CHECK(drawn[2 * group + 1].at("data-pence") == std::to_string(after));
      CHECK((std::stod(drawn[2 * group].at("width")) > 0) == (before > 0));
      CHECK((std::stod(drawn[2 * group + 1].at("width")) > 0) == (after > 0));
      CHECK(after > before);  // the rate went up, and every group has a grant
    }
    const std::vector<std::string> labels = texts_of_class(svg, "group-label");
    REQUIRE(labels.size() == groups.size());
    for (std::size_t group = 0; group < groups.size(); ++group) {
      CHECK(labels[group] == groups[group]["group"].get<std::string>());
    }
  }

  SECTION("the page draws: a screenshot holds far more than a blank page") {
    const std::string png = (dir / "report.png").string();
    chromium(profile,
             "--hide-scrollbars --window-size=1000,1400 --screenshot='" + png + "' " + url);
    const std::string image = hsg::test::read_file(png);
    REQUIRE(image.size() > 8);
    CHECK(image.compare(0, 8, "\x89PNG\r\n\x1a\n") == 0);
    CHECK(image.size() > 40000);
  }
}
