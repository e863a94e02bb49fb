#include <fmt/format.h>

#include "rules/retention_reader.h"

namespace hsg::rules {

std::optional<RetentionConfig> read_retention(TomlReader& reader, const toml::table& root) {
  if (!root.contains("retention")) return std::nullopt;
  const toml::table* retention = reader.table(root, "", "retention");
  if (retention == nullptr) return std::nullopt;
  reader.check_keys(*retention, "retention", {"years"});
  // A mistyped key is one mistake: it is named as unknown, not also as years missing.
  if (!retention->contains("years") && !retention->empty()) return std::nullopt;
  const auto years = reader.integer(*retention, "retention", "years");
  if (!years) return std::nullopt;
  if (*years < 1 || *years > kMaxRetentionYears) {
    reader.error_at(*retention->get("years"),
                    fmt::format("retention.years must be 1 to {}", kMaxRetentionYears));
    return std::nullopt;
  }
  return RetentionConfig{*years};
}

}  // namespace hsg::rules
