// Reading an input file (a rule set, answers, a plan) as the exact bytes it holds, so
// what is hashed and stored is what the user wrote.
#pragma once

#include <filesystem>
#include <optional>
#include <string>

namespace hsg::rules {

// The file's bytes, or nothing when it cannot be read.
std::optional<std::string> read_file_bytes(const std::filesystem::path& path);

}  // namespace hsg::rules
