// The council's letterhead for the client's decision letter: a small TOML file named by
// `hsg letter --letterhead FILE` and `hsg serve --letterhead FILE`.
//
//   name = "Example Borough Council"              # required, one line
//   department = "Housing Support Team"           # optional, one line
//   address = ["1 High Street", "Exampleton", "EX1 1AA"]   # required, 1 to 8 lines
//   telephone = "01234 567890"                    # optional
//   email = "housing.support@example.gov.uk"      # optional
//
// It is a setting of the council, not a rule: it is kept out of the rule set, whose
// SHA-256 is its id, so a changed address never makes a new rule set. The loader checks
// the file on its own: TOML syntax, unknown keys, types, every text one line of 1 to 200
// bytes; every problem with file:line:column.
#pragma once

#include <filesystem>
#include <optional>
#include <string>
#include <vector>

#include "rules/diagnostic.h"

namespace hsg::rules {

struct Letterhead {
  std::string name;
  std::optional<std::string> department;
  std::vector<std::string> address;  // 1 to 8 lines
  std::optional<std::string> telephone;
  std::optional<std::string> email;
  bool operator==(const Letterhead&) const = default;
};

Loaded<Letterhead> load_letterhead_text(std::string_view bytes, const std::string& source);
Loaded<Letterhead> load_letterhead_file(const std::filesystem::path& path);

}  // namespace hsg::rules
