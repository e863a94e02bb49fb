#include "app/present/provider_text.h"

#include <fmt/core.h>

#include "engine/text.h"

namespace hsg::app {

std::string accreditation_period_text(const db::Accreditation& period) {
  return fmt::format("{} to {}", period.from.to_string(),
                     period.until ? period.until->to_string() : "open");
}

std::string provider_line(const db::Provider& provider) {
  std::string periods;
  for (const db::Accreditation& period : provider.accreditations) {
    periods += (periods.empty() ? "" : ", ") + accreditation_period_text(period);
  }
  for (const db::ProviderEnd& end : provider.ends) {
    periods += fmt::format(", ended {}", end.on.to_string());
  }
  return fmt::format("{}  ({}): {}", engine::escaped(provider.name), engine::escaped(provider.kind),
                     periods);
}

std::string accredited_line(const db::NewAccreditation& accreditation, std::int64_t number) {
  return fmt::format(
      "Provider '{}' ({}) accredited {} (accreditation {})", accreditation.name, accreditation.kind,
      accreditation_period_text({number, accreditation.from, accreditation.until}), number);
}

std::string ended_line(std::string_view name, engine::Date last_day) {
  return fmt::format("Provider '{}' is accredited until {} and not after", name,
                     last_day.to_string());
}

}  // namespace hsg::app
