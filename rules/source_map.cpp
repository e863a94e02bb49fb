#include "rules/source_map.h"

namespace hsg::rules {

void SourceMap::record(const std::string& path, SourcePosition position) {
  positions_.try_emplace(path, position);
}

SourcePosition SourceMap::locate(std::string path) const {
  while (!path.empty()) {
    if (auto found = positions_.find(path); found != positions_.end()) return found->second;
    // Drop the last component: "a.b[2].c" → "a.b[2]" → "a.b" → "a".
    const std::size_t cut = path.find_last_of(".[");
    path.resize(cut == std::string::npos ? 0 : cut);
  }
  return {};
}

}  // namespace hsg::rules
