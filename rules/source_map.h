// Where each value of an input file is, by its path in the file's own key names.
//
// Loaders record "interventions[0].thresholds.medium" → line 12, column 30 as they read;
// validation problems found later (by engine::validate, which knows paths but not files)
// are then placed at the value they name, or failing that at the nearest enclosing one.
#pragma once

#include <cstdint>
#include <string>
#include <unordered_map>

namespace hsg::rules {

struct SourcePosition {
  std::uint32_t line = 0;  // 1-based; 0 = unknown
  std::uint32_t column = 0;
};

class SourceMap {
 public:
  void record(const std::string& path, SourcePosition position);
  // The position of `path`, else of its nearest recorded parent, else unknown.
  SourcePosition locate(std::string path) const;

 private:
  std::unordered_map<std::string, SourcePosition> positions_;
};

}  // namespace hsg::rules
