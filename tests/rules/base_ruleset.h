// A small valid rule set for loader tests, and a way to load edited copies of it.
//
// Tests change one line with with_line() and check the exact diagnostics, positions
// included; keep the line numbers in the comment of kBaseRuleset right.
#pragma once

#include <string>
#include <vector>

namespace hsg::test {

// Line numbers (1-based) are part of the tests' expectations.
inline constexpr const char* kBaseRuleset =
    "name = \"test\"\n"                                                          // 1
    "version = \"1\"\n"                                                          // 2
    "effective_from = 2025-04-01\n"                                              // 3
    "currency = \"GBP\"\n"                                                       // 4
    "rounding = \"half_up\"\n"                                                   // 5
    "hourly_rate = \"10.00\"\n"                                                  // 6
    "upper_limit = \"1000.00\"\n"                                                // 7
    "instalment_period_weeks = 4\n"                                              // 8
    "adjustment_tolerance_percent = 10\n"                                        // 9
    "\n"                                                                         // 10
    "[[interventions]]\n"                                                        // 11
    "key = \"intensive\"\n"                                                      // 12
    "label = \"Intensive\"\n"                                                    // 13
    "thresholds = { low = 2, medium = 4, high = 6 }\n"                           // 14
    "hours_per_week = { low = \"1.00\", medium = \"2.00\", high = \"3.00\" }\n"  // 15
    "weeks = 10\n"                                                               // 16
    "\n"                                                                         // 17
    "[[interventions]]\n"                                                        // 18
    "key = \"basic\"\n"                                                          // 19
    "label = \"Basic\"\n"                                                        // 20
    "thresholds = { low = 1, medium = 2, high = 3 }\n"                           // 21
    "hours_per_week = { low = \"0.5\", medium = \"1\", high = \"1.5\" }\n"       // 22
    "weeks = 4\n"                                                                // 23
    "\n"                                                                         // 24
    "[[questions]]\n"                                                            // 25
    "id = \"home\"\n"                                                            // 26
    "text = \"Home\"\n"                                                          // 27
    "weight = 2\n"                                                               // 28
    "\n"                                                                         // 29
    "[[questions.options]]\n"                                                    // 30
    "id = \"none\"\n"                                                            // 31
    "label = \"None\"\n"                                                         // 32
    "\n"                                                                         // 33
    "[[questions.options]]\n"                                                    // 34
    "id = \"some\"\n"                                                            // 35
    "label = \"Some\"\n"                                                         // 36
    "points = { intensive = 1, basic = 2 }\n";                                   // 37

// kBaseRuleset with line `line` (1-based) replaced by `text` (which may hold newlines).
std::string with_line(int line, const std::string& text);
// kBaseRuleset with `text` appended.
std::string with_appended(const std::string& text);
// Every diagnostic of loading `text` as "test.toml", rendered; empty when it loads.
std::vector<std::string> diagnostics_of(const std::string& text);

}  // namespace hsg::test
