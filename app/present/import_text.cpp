#include "app/present/import_text.h"

#include <fmt/core.h>

namespace hsg::app {

namespace {

std::string assessments(std::int64_t count) {
  return fmt::format("{} {}", count, count == 1 ? "assessment" : "assessments");
}

}  // namespace

std::string import_summary(const db::Import& import) {
  const db::NewImport& recorded = import.recorded;
  return fmt::format("import {} ({}, {}: allocations {} to {}) at {} by {}", import.id,
                     recorded.file_name, assessments(recorded.row_count),
                     recorded.first_allocation_id, recorded.last_allocation_id, import.at,
                     import.actor);
}

std::string imported_text(const db::Import& import) {
  const db::NewImport& recorded = import.recorded;
  std::string text = fmt::format("imported {} from {} as import {}",
                                 assessments(recorded.row_count), recorded.file_name, import.id);
  if (recorded.again_of) {
    text += fmt::format(", again (the same rows as import {})", *recorded.again_of);
  }
  return text;
}

}  // namespace hsg::app
