// Loading a savings table (hsg report savings --table FILE) from TOML (docs/commissioner.md,
// "The table file"):
//
//   name = "bnes-2011"
//   source = "Sitra for Bath & North East Somerset, 2011: the Capgemini model"
//   [[rows]]
//   label = "Alcohol"                      # as the study prints it; unique in the file
//   client_groups = ["substance_misuse"]   # the Supporting People groups it stands for
//   savings = "179239"                     # pounds, exact: a whole or decimal string
//   investment = "33978"                   #   (or an integer); investment > 0
//   [[rows]]
//   label = "Every group"
//   client_groups = ["older_people", …]
//   per_pound = "1.79"                     # instead of savings and investment
//
// Every problem is reported with file:line:column, in file order: TOML syntax; unknown
// keys (the allowed ones listed); a missing or empty name, source or label; a label used
// twice; client_groups not a non-empty array of strings, a key that is not one of
// `client_groups` (listed), a key given twice in a row; savings without investment or the
// other way round, both those and per_pound, or neither; an amount that is not exact (a
// float, a third decimal place); an investment of 0 or less; and a client group named by
// several rows where one of them gives per_pound (a shared group's spend is divided by
// the rows' investments, which such a row does not have). The client group keys are
// passed in, so this layer needs no store.
#pragma once

#include <filesystem>
#include <span>
#include <string>
#include <string_view>

#include "engine/savings.h"
#include "rules/diagnostic.h"

namespace hsg::rules {

// `source` names the text in diagnostics (usually its path).
Loaded<engine::SavingsTable> load_savings_table_text(
    std::string_view bytes, const std::string& source,
    std::span<const std::string_view> client_groups);
// Reads the file; an unreadable one is a single diagnostic.
Loaded<engine::SavingsTable> load_savings_table_file(
    const std::filesystem::path& path, std::span<const std::string_view> client_groups);

}  // namespace hsg::rules
