#include "web/routes/page_data.h"

#include <fmt/format.h>

#include "db/client_groups.h"
#include "rules/finance.h"

namespace hsg::web {

Data client_groups_data(std::string_view selected) {
  Data groups{Data::type::list};
  for (const db::ClientGroup& group : db::client_groups()) {
    Data item;
    item.set("key", std::string(group.key));
    item.set("name", std::string(group.name));
    item.set("selected", group.key == selected);
    groups.push_back(item);
  }
  return groups;
}

std::string decision_state_sentence(const db::DecisionState& state) {
  if (!state.agreement) {
    return fmt::format("Indicative: £{}, no amount agreed yet.",
                       state.indicative.to_grouped_string());
  }
  const db::Decision& agreement = *state.agreement;
  const std::string agreed =
      fmt::format("£{} agreed by {} at {}: {}", agreement.agreed->to_grouped_string(),
                  agreement.actor, agreement.at, agreement.reason);
  switch (state.status) {
    case db::DecisionStatus::indicative:
    case db::DecisionStatus::agreed:
      return fmt::format("Agreed: {}.", agreed);
    case db::DecisionStatus::pending_approval:
      return fmt::format(
          "Pending approval: {}. It is beyond the {}% tolerance or above the upper limit, so "
          "someone other than {} must approve or reject it.",
          agreed, state.tolerance_percent, agreement.actor);
    case db::DecisionStatus::approved:
    case db::DecisionStatus::rejected: {
      const db::Decision& resolution = *state.resolution;
      return fmt::format(
          "{}: {}; {} by {} at {}{}.",
          state.status == db::DecisionStatus::approved ? "Approved" : "Rejected", agreed,
          state.status == db::DecisionStatus::approved ? "approved" : "rejected", resolution.actor,
          resolution.at, resolution.reason.empty() ? "" : ": " + resolution.reason);
    }
  }
  return "";
}

Data held_as_data() {
  Data values{Data::type::list};
  for (const std::string_view held_as : rules::kHeldAs) {
    Data item;
    item.set("value", std::string(held_as));
    std::string label(held_as);
    for (char& c : label) {
      if (c == '_') c = ' ';
    }
    if (held_as == "isf") label = "individual service fund (isf)";
    item.set("label", label);
    values.push_back(item);
  }
  return values;
}

}  // namespace hsg::web
