// The letterhead of the decision letter (rules/letterhead_loader.h): the example file
// loads exactly, and every mistake is reported at file:line:column.
#include <catch2/catch.hpp>

#include <string>
#include <variant>
#include <vector>

#include "rules/letterhead_loader.h"

using hsg::rules::Diagnostic;
using hsg::rules::Letterhead;

namespace {

std::vector<std::string> problems(const std::string& text) {
  auto loaded = hsg::rules::load_letterhead_text(text, "head.toml");
  REQUIRE(std::holds_alternative<std::vector<Diagnostic>>(loaded));
  std::vector<std::string> lines;
  for (const Diagnostic& problem : std::get<std::vector<Diagnostic>>(loaded)) {
    lines.push_back(problem.to_string());
  }
  return lines;
}

}  // namespace

TEST_CASE("letterhead: the example file loads every line") {
  auto loaded = hsg::rules::load_letterhead_file(HSG_SOURCE_DIR "/docs/examples/letterhead.toml");
  REQUIRE(std::holds_alternative<Letterhead>(loaded));
  const Letterhead& head = std::get<Letterhead>(loaded);
  CHECK(head.name == "Example Borough Council");
  CHECK(head.department == "Housing Support Team");
  CHECK(head.address ==
        std::vector<std::string>{"Civic Centre", "1 High Street", "Exampleton", "EX1 1AA"});
  CHECK(head.telephone == "01234 567890");
  CHECK(head.email == "housing.support@example.gov.uk");
}

TEST_CASE("letterhead: only name and address are required") {
  auto loaded = hsg::rules::load_letterhead_text("name = \"C\"\naddress = [\"1 Road\"]\n", "h");
  REQUIRE(std::holds_alternative<Letterhead>(loaded));
  CHECK(std::get<Letterhead>(loaded) == Letterhead{"C", std::nullopt, {"1 Road"}, {}, {}});
}

TEST_CASE("letterhead: every mistake at its line and column") {
  CHECK(problems("name = \"\"\naddress = [\"a\", 2]\nfax = \"1\"\n") ==
        std::vector<std::string>{
            "head.toml:1:8: name must be one line of 1 to 200 bytes",
            "head.toml:2:17: each address line must be a string of one line of 1 to 200 bytes",
            "head.toml:3:1: unknown key 'fax' at the top level; allowed: name, department, "
            "address, telephone, email"});
  CHECK(problems("department = \"Team\"\n") ==
        std::vector<std::string>{
            "head.toml:1:1: missing key 'name' at the top level",
            "head.toml:1:1: missing key 'address' at the top level (an array of 1 to 8 lines)"});
  CHECK(problems("name = \"C\"\naddress = \"1 Road\"\n") ==
        std::vector<std::string>{"head.toml:2:11: address must be an array of 1 to 8 lines"});
  CHECK(problems("name = \"C\"\naddress = [\"a\", \"b\", \"c\", \"d\", \"e\", \"f\", \"g\", \"h\", "
                 "\"i\"]\n") ==
        std::vector<std::string>{"head.toml:2:11: address must be an array of 1 to 8 lines"});
  CHECK(problems("name = \"C\nD\"\n").size() == 1);
}
