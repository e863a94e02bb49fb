#include "rules/file_bytes.h"

#include <fstream>
#include <sstream>

namespace hsg::rules {

std::optional<std::string> read_file_bytes(const std::filesystem::path& path) {
  std::ifstream file(path, std::ios::binary);
  std::ostringstream bytes;
  if (file) bytes << file.rdbuf();
  if (!file || file.bad()) return std::nullopt;
  return std::move(bytes).str();
}

}  // namespace hsg::rules
