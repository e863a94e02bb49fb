#include "db/client_groups.h"

#include <array>

namespace hsg::db {

namespace {

constexpr std::array<ClientGroup, 18> kGroups{{
    {"older_people", "Older people with support needs"},
    {"older_people_mental_health", "Older people with mental health needs including dementia"},
    {"mental_health", "Adults with mental health needs"},
    {"learning_disabilities", "People with learning disabilities"},
    {"physical_or_sensory_disability",
     "Physically disabled people and people with sensory impairment"},
    {"single_homeless", "Single homeless people with support needs"},
    {"substance_misuse", "People who misuse substances (drugs and/or alcohol)"},
    {"offenders", "Offenders and people at risk of offending"},
    {"mentally_disordered_offenders", "Mentally disordered offenders"},
    {"young_people_at_risk", "Young people at risk"},
    {"young_people_leaving_care", "Young people leaving care"},
    {"teenage_parents", "Teenage parents"},
    {"domestic_violence", "Women experiencing and/or at risk of domestic violence"},
    {"hiv_aids", "People with HIV/AIDs"},
    {"homeless_families", "Homeless families with support needs"},
    {"rough_sleepers", "Rough sleepers"},
    {"refugees", "Refugees"},
    {"travellers", "Travellers"},
}};

char lower(char c) { return c >= 'A' && c <= 'Z' ? static_cast<char>(c - 'A' + 'a') : c; }

bool equal_ignoring_case(std::string_view a, std::string_view b) {
  if (a.size() != b.size()) return false;
  for (std::size_t i = 0; i < a.size(); ++i) {
    if (lower(a[i]) != lower(b[i])) return false;
  }
  return true;
}

}  // namespace

std::span<const ClientGroup> client_groups() { return kGroups; }

std::optional<std::string_view> parse_client_group(std::string_view text) {
  std::string_view name = text;
  if (name.ends_with('.')) name.remove_suffix(1);
  for (const ClientGroup& group : kGroups) {
    if (text == group.key || equal_ignoring_case(name, group.name)) return group.key;
  }
  return std::nullopt;
}

std::string unknown_client_group_message(std::string_view text) {
  std::string message = "unknown client group '" + std::string(text) + "'; use one of: ";
  for (std::size_t i = 0; i < kGroups.size(); ++i) {
    if (i > 0) message += ", ";
    message += kGroups[i].key;
  }
  message += " (or the group's full name)";
  return message;
}

}  // namespace hsg::db
