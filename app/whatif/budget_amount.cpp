#include "app/whatif/budget_amount.h"

#include <fmt/core.h>

#include <cstdint>
#include <variant>

#include "app/refusal.h"
#include "engine/text.h"

namespace hsg::app {

Result<engine::Money> budget_amount(const std::string& text, std::string_view what) {
  return attempt([&] {
    const engine::DecimalParse parsed = engine::Money::parse_pence(text);
    if (const auto* reason = std::get_if<std::string>(&parsed)) {
      throw Refusal(fmt::format("{} '{}' is not an amount of pounds: {}", what,
                                engine::excerpt(text), *reason));
    }
    const std::int64_t pence = std::get<std::int64_t>(parsed);
    if (pence <= 0) {
      throw Refusal(fmt::format("{} '{}' must be more than 0.00", what, engine::excerpt(text)));
    }
    return engine::Money::from_pence(pence);
  });
}

}  // namespace hsg::app
