#include "db/future_dates.h"

#include <fmt/format.h>

#include <map>

#include "db/audit_append.h"
#include "db/canonical_json.h"
#include "db/guard.h"
#include "db/record_payloads.h"

namespace hsg::db {

namespace {

constexpr std::size_t kMaxReasonBytes = 4000;

constexpr char kSelectAssessedOn[] = "SELECT assessed_on FROM allocations WHERE id = ?1";
constexpr char kSelectNote[] =
    "SELECT payload FROM audit_events WHERE action = 'allocation.allow_future' AND "
    "entity_type = 'allocations' AND entity_id = ?1 ORDER BY seq LIMIT 1";

std::string payload_of(const FutureDateNote& note) {
  return CanonicalObject()
      .add("assessed_on", note.assessed_on.to_string())
      .add("reason", note.reason)
      .add("recorded_on", note.recorded_on.to_string())
      .str();
}

// The note a payload holds, if it is exactly one as payload_of writes it.
std::optional<FutureDateNote> parse_note(std::string_view payload) {
  std::map<std::string, std::string> members;
  if (!for_each_string_member(payload, [&](std::string key, std::string value) {
        members.emplace(std::move(key), std::move(value));
      })) {
    return std::nullopt;
  }
  if (members.size() != 3 || !members.contains("assessed_on") || !members.contains("reason") ||
      !members.contains("recorded_on")) {
    return std::nullopt;
  }
  const auto assessed_on = engine::Date::parse(members["assessed_on"]);
  const auto recorded_on = engine::Date::parse(members["recorded_on"]);
  if (!assessed_on || !recorded_on) return std::nullopt;
  FutureDateNote note{*assessed_on, *recorded_on, members["reason"]};
  if (payload_of(note) != payload) return std::nullopt;
  return note;
}

std::optional<engine::Date> assessed_on(Connection& connection, std::int64_t allocation_id) {
  auto select = connection.statement(kSelectAssessedOn);
  select->bind(1, allocation_id);
  if (!select->executeStep()) return std::nullopt;
  return engine::Date::parse(select->getColumn(0).getString());
}

bool is_blank(std::string_view text) {
  return text.find_first_not_of(" \t\r\n") == std::string_view::npos;
}

}  // namespace

std::optional<std::string> future_date_note_problem(Connection& connection,
                                                    const AuditEvent& event) {
  const std::string named = fmt::format("audit event {} ({})", event.seq, kFutureDateAction);
  const auto id = parse_entity_number(event.entity_id);
  const auto note = parse_note(event.payload);
  if (event.entity_type != "allocations" || !id || !note) {
    return named + " is not a note on an allocation as hsg writes one";
  }
  const auto date = assessed_on(connection, *id);
  if (!date) return fmt::format("{}: allocation {} is missing", named, *id);
  if (*date != note->assessed_on || note->assessed_on <= note->recorded_on ||
      is_blank(note->reason)) {
    return fmt::format("{} no longer matches allocation {}", named, *id);
  }
  return std::nullopt;
}

DbResult<Done> FutureDateNotes::record(const Stamp& stamp, std::int64_t allocation_id,
                                       engine::Date recorded_on, std::string_view reason) {
  const std::string doing =
      fmt::format("cannot record why allocation {} is dated after today", allocation_id);
  if (auto problem = stamp_problem(stamp)) return DbError{doing + ": " + *problem};
  if (is_blank(reason)) return DbError{doing + ": --allow-future needs a reason"};
  if (reason.size() > kMaxReasonBytes) {
    return DbError{fmt::format("{}: the reason is longer than {} bytes", doing, kMaxReasonBytes)};
  }
  return guarded_write(database_, doing, [&](Connection& connection) -> DbResult<Done> {
    const auto date = assessed_on(connection, allocation_id);
    if (!date) return DbError{fmt::format("{}: no allocation {}", doing, allocation_id)};
    if (*date <= recorded_on) {
      return DbError{fmt::format("{}: it is dated {}, not after {}", doing, date->to_string(),
                                 recorded_on.to_string())};
    }
    const FutureDateNote note{*date, recorded_on, std::string(reason)};
    append_audit_event(connection, stamp, kFutureDateAction, "allocations",
                       std::to_string(allocation_id), payload_of(note));
    return Done{};
  });
}

DbResult<std::optional<FutureDateNote>> FutureDateNotes::of_allocation(std::int64_t allocation_id) {
  return guarded("cannot read the audit log", [&]() -> DbResult<std::optional<FutureDateNote>> {
    auto select = database_.connection().statement(kSelectNote);
    select->bind(1, std::to_string(allocation_id));
    if (!select->executeStep()) return std::optional<FutureDateNote>();
    return parse_note(select->getColumn(0).getString());
  });
}

}  // namespace hsg::db
