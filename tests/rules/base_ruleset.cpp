#include "tests/rules/base_ruleset.h"

#include <sstream>
#include <variant>

#include "rules/ruleset_loader.h"

namespace hsg::test {

std::string with_line(int line, const std::string& text) {
  std::istringstream in(kBaseRuleset);
  std::string out;
  std::string current;
  for (int number = 1; std::getline(in, current); ++number) {
    out += (number == line ? text : current) + "\n";
  }
  return out;
}

std::string with_appended(const std::string& text) { return std::string(kBaseRuleset) + text; }

std::vector<std::string> diagnostics_of(const std::string& text) {
  auto loaded = rules::load_ruleset_text(text, "test.toml");
  std::vector<std::string> rendered;
  if (const auto* problems = std::get_if<std::vector<rules::Diagnostic>>(&loaded)) {
    for (const rules::Diagnostic& problem : *problems) rendered.push_back(problem.to_string());
  }
  return rendered;
}

}  // namespace hsg::test
