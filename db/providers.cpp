#include "db/providers.h"

#include <fmt/format.h>

#include <algorithm>
#include <stdexcept>

#include "db/audit_append.h"
#include "db/canonical_json.h"
#include "db/guard.h"
#include "db/record_payloads.h"
#include "engine/text.h"

namespace hsg::db {

namespace {

constexpr std::size_t kMaxNameBytes = 200;

constexpr char kInsertProvider[] =
    "INSERT INTO providers (name, kind, added_on) VALUES (?1, ?2, ?3)";
constexpr char kSelectProvider[] = "SELECT name, kind, added_on FROM providers WHERE name = ?1";
constexpr char kSelectProviders[] = "SELECT name, kind, added_on FROM providers ORDER BY name";
constexpr char kInsertAccreditation[] =
    "INSERT INTO provider_accreditations (provider, number, accredited_from, accredited_until) "
    "VALUES (?1, ?2, ?3, ?4)";
constexpr char kSelectAccreditations[] =
    "SELECT number, accredited_from, accredited_until FROM provider_accreditations WHERE "
    "provider = ?1 ORDER BY number";
constexpr char kSelectAccreditation[] =
    "SELECT accredited_from, accredited_until FROM provider_accreditations WHERE provider = ?1 "
    "AND number = ?2";
constexpr char kInsertEnd[] =
    "INSERT INTO provider_ends (provider, number, end_on, last_accreditation) "
    "VALUES (?1, ?2, ?3, ?4)";
constexpr char kSelectEnds[] =
    "SELECT end_on, last_accreditation FROM provider_ends WHERE provider = ?1 ORDER BY number";
constexpr char kSelectEnd[] =
    "SELECT end_on, last_accreditation FROM provider_ends WHERE provider = ?1 AND number = ?2";

engine::Date date_of(const std::string& text) {
  const auto date = engine::Date::parse(text);
  if (!date) throw std::runtime_error(fmt::format("stored date '{}' is not a date", text));
  return *date;
}

bool is_kind(std::string_view kind) {
  return std::find(std::begin(kProviderKinds), std::end(kProviderKinds), kind) !=
         std::end(kProviderKinds);
}

std::string provider_payload(std::string_view name, std::string_view kind,
                             std::string_view added_on) {
  return CanonicalObject().add("name", name).add("kind", kind).add("added_on", added_on).str();
}

std::string accreditation_payload(std::string_view name, std::int64_t number, std::string_view from,
                                  const std::optional<std::string>& until) {
  CanonicalObject object;
  object.add("provider", name).add("number", number).add("accredited_from", from);
  if (until) return object.add("accredited_until", *until).str();
  return object.add("accredited_until", std::optional<std::int64_t>()).str();
}

std::string end_payload(std::string_view name, std::int64_t number, std::string_view end_on,
                        std::int64_t last_accreditation) {
  return CanonicalObject()
      .add("provider", name)
      .add("number", number)
      .add("end_on", end_on)
      .add("last_accreditation", last_accreditation)
      .str();
}

// "NAME/NUMBER" → its parts; a name may itself hold '/', the number never does.
std::optional<std::pair<std::string, std::int64_t>> split_key(std::string_view id) {
  const auto slash = id.rfind('/');
  if (slash == std::string_view::npos) return std::nullopt;
  const auto number = parse_entity_number(id.substr(slash + 1));
  if (!number) return std::nullopt;
  return std::pair{std::string(id.substr(0, slash)), *number};
}

std::optional<Provider> read_provider(Connection& connection, std::string_view name) {
  auto select = connection.statement(kSelectProvider);
  select->bind(1, std::string(name));
  if (!select->executeStep()) return std::nullopt;
  Provider provider{select->getColumn(0).getString(),
                    select->getColumn(1).getString(),
                    date_of(select->getColumn(2).getString()),
                    {},
                    {}};
  auto periods = connection.statement(kSelectAccreditations);
  periods->bind(1, provider.name);
  while (periods->executeStep()) {
    std::optional<engine::Date> until;
    if (!periods->getColumn(2).isNull()) until = date_of(periods->getColumn(2).getString());
    provider.accreditations.push_back(
        {periods->getColumn(0).getInt64(), date_of(periods->getColumn(1).getString()), until});
  }
  auto ends = connection.statement(kSelectEnds);
  ends->bind(1, provider.name);
  while (ends->executeStep()) {
    provider.ends.push_back(
        {date_of(ends->getColumn(0).getString()), ends->getColumn(1).getInt64()});
  }
  return provider;
}

}  // namespace

bool accredited_on(const Provider& provider, engine::Date on) {
  for (const Accreditation& period : provider.accreditations) {
    if (on < period.from || (period.until && *period.until < on)) continue;
    const bool ended =
        std::any_of(provider.ends.begin(), provider.ends.end(), [&](const ProviderEnd& end) {
          return period.number <= end.last_accreditation && period.from <= end.on && end.on < on;
        });
    if (!ended) return true;
  }
  return false;
}

std::optional<std::string> stored_provider_payload(Connection& connection, std::string_view name) {
  auto select = connection.statement(kSelectProvider);
  select->bind(1, std::string(name));
  if (!select->executeStep()) return std::nullopt;
  return provider_payload(select->getColumn(0).getString(), select->getColumn(1).getString(),
                          select->getColumn(2).getString());
}

std::optional<std::string> stored_accreditation_payload(Connection& connection,
                                                        std::string_view id) {
  const auto key = split_key(id);
  if (!key) return std::nullopt;
  auto select = connection.statement(kSelectAccreditation);
  select->bind(1, key->first);
  select->bind(2, key->second);
  if (!select->executeStep()) return std::nullopt;
  std::optional<std::string> until;
  if (!select->getColumn(1).isNull()) until = select->getColumn(1).getString();
  return accreditation_payload(key->first, key->second, select->getColumn(0).getString(), until);
}

std::optional<std::string> stored_provider_end_payload(Connection& connection,
                                                       std::string_view id) {
  const auto key = split_key(id);
  if (!key) return std::nullopt;
  auto select = connection.statement(kSelectEnd);
  select->bind(1, key->first);
  select->bind(2, key->second);
  if (!select->executeStep()) return std::nullopt;
  return end_payload(key->first, key->second, select->getColumn(0).getString(),
                     select->getColumn(1).getInt64());
}

DbResult<std::int64_t> ProviderRepository::accredit(const Stamp& stamp,
                                                    const NewAccreditation& accreditation) {
  const std::string doing =
      fmt::format("cannot accredit provider '{}'", engine::excerpt(accreditation.name));
  if (auto problem = stamp_problem(stamp)) return DbError{doing + ": " + *problem};
  if (accreditation.name.empty()) return DbError{doing + ": a provider needs a name"};
  if (auto problem = one_line_problem("the name", accreditation.name, kMaxNameBytes)) {
    return DbError{doing + ": " + *problem};
  }
  if (!is_kind(accreditation.kind)) {
    return DbError{fmt::format("{}: '{}' is not a kind of provider (generalist, specialist)", doing,
                               engine::excerpt(accreditation.kind))};
  }
  if (accreditation.until && *accreditation.until < accreditation.from) {
    return DbError{fmt::format("{}: --until {} is before --accredited-from {}", doing,
                               accreditation.until->to_string(), accreditation.from.to_string())};
  }
  return guarded_write(database_, doing, [&](Connection& connection) -> DbResult<std::int64_t> {
    const auto existing = read_provider(connection, accreditation.name);
    if (existing && existing->kind != accreditation.kind) {
      return DbError{fmt::format("{}: it is a {} provider, not {}", doing, existing->kind,
                                 accreditation.kind)};
    }
    if (!existing) {
      const std::string added_on = accreditation.from.to_string();
      auto insert = connection.statement(kInsertProvider);
      insert->bind(1, accreditation.name);
      insert->bind(2, accreditation.kind);
      insert->bind(3, added_on);
      insert->exec();
      append_audit_event(connection, stamp, "provider.add", "providers", accreditation.name,
                         provider_payload(accreditation.name, accreditation.kind, added_on));
    }
    const std::int64_t number =
        existing ? static_cast<std::int64_t>(existing->accreditations.size()) + 1 : 1;
    std::optional<std::string> until;
    if (accreditation.until) until = accreditation.until->to_string();
    {
      auto insert = connection.statement(kInsertAccreditation);
      insert->bind(1, accreditation.name);
      insert->bind(2, number);
      insert->bind(3, accreditation.from.to_string());
      if (until) insert->bind(4, *until);
      insert->exec();
    }
    append_audit_event(
        connection, stamp, "provider.accredit", "provider_accreditations",
        fmt::format("{}/{}", accreditation.name, number),
        accreditation_payload(accreditation.name, number, accreditation.from.to_string(), until));
    return number;
  });
}

DbResult<Done> ProviderRepository::end(const Stamp& stamp, std::string_view name,
                                       engine::Date end_on) {
  const std::string doing =
      fmt::format("cannot end the accreditation of provider '{}'", engine::excerpt(name));
  if (auto problem = stamp_problem(stamp)) return DbError{doing + ": " + *problem};
  return guarded_write(database_, doing, [&](Connection& connection) -> DbResult<Done> {
    const auto provider = read_provider(connection, name);
    if (!provider) {
      return DbError{fmt::format("{}: no such provider (hsg provider list)", doing)};
    }
    if (!accredited_on(*provider, end_on)) {
      return DbError{fmt::format("{}: it is not accredited on {}", doing, end_on.to_string())};
    }
    const auto number = static_cast<std::int64_t>(provider->ends.size()) + 1;
    const auto last_accreditation = static_cast<std::int64_t>(provider->accreditations.size());
    {
      auto insert = connection.statement(kInsertEnd);
      insert->bind(1, provider->name);
      insert->bind(2, number);
      insert->bind(3, end_on.to_string());
      insert->bind(4, last_accreditation);
      insert->exec();
    }
    append_audit_event(connection, stamp, "provider.end", "provider_ends",
                       fmt::format("{}/{}", provider->name, number),
                       end_payload(provider->name, number, end_on.to_string(), last_accreditation));
    return Done{};
  });
}

DbResult<std::optional<Provider>> ProviderRepository::find(std::string_view name) {
  return guarded("cannot read providers", [&]() -> DbResult<std::optional<Provider>> {
    return read_provider(database_.connection(), name);
  });
}

DbResult<std::vector<Provider>> ProviderRepository::list(std::optional<engine::Date> on) {
  return guarded("cannot list providers", [&]() -> DbResult<std::vector<Provider>> {
    Connection& connection = database_.connection();
    std::vector<std::string> names;
    {
      auto select = connection.statement(kSelectProviders);
      while (select->executeStep()) names.push_back(select->getColumn(0).getString());
    }
    std::vector<Provider> providers;
    for (const std::string& name : names) {
      auto provider = read_provider(connection, name);
      if (!provider) continue;
      if (on && !accredited_on(*provider, *on)) continue;
      providers.push_back(std::move(*provider));
    }
    return providers;
  });
}

}  // namespace hsg::db
