// Providers of housing-related support and the dates they are accredited.
//
// Route 4 of a support plan (generalist support services) may only use a provider on
// the council's accredited list, and an individual service fund is held by one, so the
// question is always "was this provider accredited on that date?". Nothing is ever
// overwritten: adding a provider again records another accreditation period, and
// ending one records the last day of its accreditation (provider_ends), closing the
// periods recorded so far. A provider is accredited on day D when an accreditation
// period covers D (from <= D <= until, or no until) and no end that closes that period
// falls from its start up to the day before D. So a mistaken end is undone by
// accrediting again: the new period is not closed by the earlier end.
// Names are 1..200 bytes of one line, matched exactly. Every row written gets one audit
// event carrying its canonical JSON.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "db/database.h"
#include "db/result.h"
#include "db/stamp.h"
#include "engine/date.h"

namespace hsg::db {

// generalist: route 4 (generalist support services); specialist: route 5.
inline constexpr std::string_view kProviderKinds[] = {"generalist", "specialist"};

struct Accreditation {
  std::int64_t number = 0;  // 1, 2, … per provider, in the order recorded
  engine::Date from;
  std::optional<engine::Date> until;  // inclusive; nothing = open
  bool operator==(const Accreditation&) const = default;
};

struct ProviderEnd {
  engine::Date on;                      // the last accredited day
  std::int64_t last_accreditation = 0;  // closes the periods numbered up to this one
  bool operator==(const ProviderEnd&) const = default;
};

struct Provider {
  std::string name;
  std::string kind;
  engine::Date added_on;
  std::vector<Accreditation> accreditations;
  std::vector<ProviderEnd> ends;  // in the order recorded
};

struct NewAccreditation {
  std::string name;
  std::string kind;  // for a new provider; an existing one must keep its kind
  engine::Date from;
  std::optional<engine::Date> until;
};

class ProviderRepository {
 public:
  explicit ProviderRepository(Database& database) : database_(database) {}

  // Adds the provider (if new) and an accreditation period; the period's number.
  DbResult<std::int64_t> accredit(const Stamp& stamp, const NewAccreditation& accreditation);
  // Records `end_on` as the last day the provider is accredited; refused when it is not
  // accredited on that day.
  DbResult<Done> end(const Stamp& stamp, std::string_view name, engine::Date end_on);

  DbResult<std::optional<Provider>> find(std::string_view name);
  // Every provider by name; with `on`, only those accredited on that day.
  DbResult<std::vector<Provider>> list(std::optional<engine::Date> on);

 private:
  Database& database_;
};

// Whether `provider` is accredited on `on` (the rule in the header comment).
bool accredited_on(const Provider& provider, engine::Date on);

}  // namespace hsg::db
