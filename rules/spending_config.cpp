#include "rules/spending_reader.h"

namespace hsg::rules {

std::optional<SpendingConfig> read_spending(TomlReader& reader, const toml::table& root) {
  if (!root.contains("spending")) return std::nullopt;
  const toml::table* spending = reader.table(root, "", "spending");
  if (spending == nullptr) return std::nullopt;
  reader.check_keys(*spending, "spending", {"sign_off_above", "keep_weeks"});
  SpendingConfig config;
  if (spending->contains("sign_off_above")) {
    if (auto pence = reader.hundredths(*spending, "spending", "sign_off_above")) {
      if (*pence < 0) {
        reader.error_at(*spending->get("sign_off_above"),
                        "spending.sign_off_above must be 0.00 or more");
      } else {
        config.sign_off_above = engine::Money::from_pence(*pence);
      }
    }
  }
  if (spending->contains("keep_weeks")) {
    if (auto weeks = reader.integer(*spending, "spending", "keep_weeks")) {
      if (*weeks < 0 || *weeks > kMaxKeepWeeks) {
        reader.error_at(*spending->get("keep_weeks"), "spending.keep_weeks must be 0 to 520");
      } else {
        config.keep_weeks = *weeks;
      }
    }
  }
  return config;
}

}  // namespace hsg::rules
