#include "db/audit_log.h"

#include <fmt/format.h>
#include <fmt/ranges.h>

#include <array>
#include <charconv>
#include <map>
#include <set>

#include "db/adoption_invariants.h"
#include "db/audit_append.h"
#include "db/canonical_json.h"
#include "db/client_records.h"
#include "db/future_dates.h"
#include "db/guard.h"
#include "db/record_payloads.h"
#include "db/schema_check.h"

namespace hsg::db {

namespace {

#define HSG_EVENT_COLUMNS "seq, at, actor, action, entity_type, entity_id, payload, prev_hash, hash"

constexpr char kSelectAll[] = "SELECT " HSG_EVENT_COLUMNS " FROM audit_events ORDER BY seq";
// The events that wrote one row. The WHERE names exactly the actions the index
// audit_events_one_writer (schema version 8) leaves out, so SQLite uses that index: a
// lookup, not a scan of the log. The index also makes a second writer event for a row
// impossible while it stands; the count is checked here all the same, in case it was
// dropped (which the schema check names too).
constexpr char kSelectWritersOfRecord[] =
    "SELECT " HSG_EVENT_COLUMNS
    " FROM audit_events WHERE entity_type = ?1 AND entity_id = ?2"
    " AND action NOT IN ('client_personal.set', 'client_personal.erase',"
    " 'allocation.allow_future') ORDER BY seq LIMIT 2";

constexpr char kEventColumns[] = HSG_EVENT_COLUMNS;

#undef HSG_EVENT_COLUMNS

std::int64_t last_seq(Connection& connection) {
  auto select = connection.statement("SELECT coalesce(max(seq), 0) FROM audit_events");
  select->executeStep();
  return select->getColumn(0).getInt64();
}

using PayloadLoader = std::optional<std::string> (*)(Connection&, std::string_view);

// Each action that writes a history row: the table it writes and how to rebuild the
// row's payload. Events of client_personal carry no personal data and so are checked
// by the chain alone.
struct Writer {
  std::string_view action;
  std::string_view table;
  PayloadLoader load;
};

constexpr std::array<Writer, 38> kWriters{{
    {"ruleset.add", "rulesets", &stored_ruleset_payload},
    {"client.add", "clients", &stored_client_payload},
    {"client.erase", "client_erasures", &stored_client_erasure_payload},
    {"allocation.record", "allocations", &stored_allocation_payload},
    {"decision.agree", "decisions", &stored_decision_payload},
    {"decision.approve", "decisions", &stored_decision_payload},
    {"decision.reject", "decisions", &stored_decision_payload},
    {"grant.start", "grants", &stored_grant_payload},
    {"grant.intervention", "grant_interventions", &stored_grant_intervention_payload},
    {"instalment.schedule", "instalments", &stored_instalment_payload},
    {"grant.end", "grant_ends", &stored_grant_end_payload},
    {"instalment.cancel", "instalment_cancellations", &stored_cancellation_payload},
    {"recovery.record", "recoveries", &stored_recovery_payload},
    {"posting.add", "postings", &stored_posting_payload},
    {"posting.line", "posting_lines", &stored_posting_line_payload},
    {"outcome.record", "outcome_returns", &stored_outcome_return_payload},
    {"outcome.answer", "outcome_answers", &stored_outcome_answer_payload},
    {"provider.add", "providers", &stored_provider_payload},
    {"provider.accredit", "provider_accreditations", &stored_accreditation_payload},
    {"provider.end", "provider_ends", &stored_provider_end_payload},
    {"plan.set", "plans", &stored_plan_payload},
    {"plan.objective", "plan_objectives", &stored_plan_objective_payload},
    {"plan.use", "plan_uses", &stored_plan_use_payload},
    {"ruleset.adopt", "ruleset_adoptions", &stored_adoption_payload},
    {"ruleset.approve_adoption", "ruleset_adoption_decisions", &stored_adoption_decision_payload},
    {"ruleset.reject_adoption", "ruleset_adoption_decisions", &stored_adoption_decision_payload},
    {"ruleset.retire", "ruleset_retirements", &stored_retirement_payload},
    {"import.record", "imports", &stored_import_payload},
    {"generation.record", "generations", &stored_generation_payload},
    {"user.add", "users", &stored_user_payload},
    {"user.grant_role", "user_role_changes", &stored_role_change_payload},
    {"user.revoke_role", "user_role_changes", &stored_role_change_payload},
    {"user.password", "user_passwords", &stored_password_payload},
    {"user.disable", "user_status_changes", &stored_status_payload},
    {"user.enable", "user_status_changes", &stored_status_payload},
    {"purchase.record", "purchases", &stored_purchase_payload},
    {"purchase.approve", "purchase_decisions", &stored_purchase_decision_payload},
    {"purchase.refuse", "purchase_decisions", &stored_purchase_decision_payload},
}};
constexpr std::array<std::string_view, 2> kChainOnlyActions{"client_personal.set",
                                                            "client_personal.erase"};

const Writer* writer_of(std::string_view action) {
  for (const Writer& writer : kWriters) {
    if (writer.action == action) return &writer;
  }
  return nullptr;
}

bool is_chain_only(std::string_view action) {
  for (std::string_view chain_only : kChainOnlyActions) {
    if (action == chain_only) return true;
  }
  return false;
}

// Why the row `event` wrote no longer matches it; nothing when it does.
std::optional<std::string> row_problem(Connection& connection, const Writer& writer,
                                       const AuditEvent& event) {
  const auto stored = writer.load(connection, event.entity_id);
  if (!stored) {
    return fmt::format("{} {} (written by audit event {}) is missing", writer.table,
                       event.entity_id, event.seq);
  }
  if (*stored != event.payload || event.entity_type != writer.table) {
    return fmt::format("{} {} no longer matches audit event {} that wrote it", writer.table,
                       event.entity_id, event.seq);
  }
  return std::nullopt;
}

AuditEvent read_event(SQLite::Statement& row) {
  return {row.getColumn(0).getInt64(),  row.getColumn(1).getString(), row.getColumn(2).getString(),
          row.getColumn(3).getString(), row.getColumn(4).getString(), row.getColumn(5).getString(),
          row.getColumn(6).getString(), row.getColumn(7).getString(), row.getColumn(8).getString()};
}

struct Checkpoint {
  std::int64_t seq = 0;
  std::string hash;
};

std::optional<Checkpoint> parse_checkpoint(std::string_view text) {
  const auto colon = text.find(':');
  if (colon == std::string_view::npos) return std::nullopt;
  Checkpoint checkpoint;
  const auto parsed = std::from_chars(text.data(), text.data() + colon, checkpoint.seq);
  if (parsed.ec != std::errc() || parsed.ptr != text.data() + colon || checkpoint.seq < 0) {
    return std::nullopt;
  }
  checkpoint.hash = std::string(text.substr(colon + 1));
  if (checkpoint.hash.size() != 64 ||
      checkpoint.hash.find_first_not_of("0123456789abcdef") != std::string::npos) {
    return std::nullopt;
  }
  return checkpoint;
}

// Walks the chain once, comparing every written row as it goes.
class Verifier {
 public:
  explicit Verifier(Connection& connection) : connection_(connection) {}

  void check(const AuditEvent& event) {
    ++report_.events_checked;
    if (event.seq != head_.seq + 1) {
      return fail(event.seq, fmt::format("audit event {} follows event {}: event {} is missing",
                                         event.seq, head_.seq, head_.seq + 1));
    }
    if (event.prev_hash != head_.hash) {
      return fail(event.seq, fmt::format("audit event {}: prev_hash does not match the hash of "
                                         "event {}",
                                         event.seq, head_.seq));
    }
    const std::string recomputed = audit_event_hash(event);
    if (recomputed != event.hash) {
      return fail(event.seq, fmt::format("audit event {}: hash does not match its contents "
                                         "(stored {}, recomputed {})",
                                         event.seq, event.hash, recomputed));
    }
    head_ = {event.seq, event.hash};
    check_record(event);
  }

  void check_checkpoint(const Checkpoint& checkpoint, std::size_t index) {
    if (failed()) return;
    compare_with(checkpoint);
    if (failed()) report_.bad_checkpoint = index;
  }

  // Rows whose tables hold more rows than events wrote.
  void check_unwritten_rows();
  void check_written(const KeyedTable& table);

  void remember_hash_of(std::int64_t seq) { wanted_seqs_.insert(seq); }
  bool failed() const { return !report_.problem.empty(); }
  VerifyReport finish() {
    report_.ok = !failed();
    report_.head = fmt::format("{}:{}", head_.seq, head_.hash);
    return std::move(report_);
  }

 private:
  void compare_with(const Checkpoint& checkpoint) {
    if (checkpoint.seq > head_.seq) {
      return fail(std::nullopt,
                  fmt::format("the log has been cut short: checkpoint {}:{} names "
                              "event {}, but the last event is {}",
                              checkpoint.seq, checkpoint.hash, checkpoint.seq, head_.seq));
    }
    const auto hash = hash_at_.find(checkpoint.seq);
    if (hash == hash_at_.end() || hash->second != checkpoint.hash) {
      fail(checkpoint.seq, fmt::format("audit event {} differs from checkpoint {}:{}",
                                       checkpoint.seq, checkpoint.seq, checkpoint.hash));
    }
  }

  void fail(std::optional<std::int64_t> seq, std::string problem) {
    if (failed()) return;
    report_.first_bad_seq = seq;
    report_.problem = std::move(problem);
  }

  void check_record(const AuditEvent& event) {
    if (wanted_seqs_.contains(event.seq)) hash_at_[event.seq] = event.hash;
    if (is_chain_only(event.action)) return;
    if (event.action == kFutureDateAction) {
      if (auto problem = future_date_note_problem(connection_, event)) fail(event.seq, *problem);
      return;
    }
    const Writer* writer = writer_of(event.action);
    if (!writer) {
      return fail(event.seq, fmt::format("audit event {} has an action hsg does not know: {}",
                                         event.seq, event.action));
    }
    ++written_[writer->table];
    ++report_.records_checked;
    if (auto problem = row_problem(connection_, *writer, event)) fail(event.seq, *problem);
  }

  Connection& connection_;
  AuditHead head_{0, std::string(kGenesisHash)};
  VerifyReport report_;
  std::map<std::string_view, std::int64_t> written_;
  std::map<std::int64_t, std::string> hash_at_;
  std::set<std::int64_t> wanted_seqs_;
};

// With kClientTables, every table an audit event writes: those that hold no client's records.
constexpr std::array<KeyedTable, 13> kOtherTables{{
    {"rulesets", "id"},
    {"providers", "name"},
    {"provider_accreditations", "provider || '/' || number"},
    {"provider_ends", "provider || '/' || number"},
    {"ruleset_adoptions", "CAST(id AS TEXT)"},
    {"ruleset_adoption_decisions", "CAST(adoption_id AS TEXT)"},
    {"ruleset_retirements", "CAST(adoption_id AS TEXT)"},
    {"imports", "CAST(id AS TEXT)"},
    {"generations", "CAST(id AS TEXT)"},
    {"users", "name"},
    {"user_role_changes", "CAST(id AS TEXT)"},
    {"user_passwords", "CAST(id AS TEXT)"},
    {"user_status_changes", "CAST(id AS TEXT)"},
}};

void Verifier::check_unwritten_rows() {
  for (const KeyedTable& table : kOtherTables) check_written(table);
  for (const KeyedTable& table : kClientTables) {
    // client_personal's rows are written by chain-only events (the name is never hashed).
    if (table.name != "client_personal") check_written(table);
  }
  if (failed()) return;
  if (auto problem = receipt_problem(connection_)) fail(std::nullopt, *problem);
}

void Verifier::check_written(const KeyedTable& table) {
  if (failed()) return;
  const std::int64_t rows =
      connection_.sqlite.execAndGet(fmt::format("SELECT count(*) FROM {}", table.name)).getInt64();
  if (rows == written_[table.name]) return;
  const std::string first =
      connection_.sqlite
          .execAndGet(fmt::format("SELECT ifnull((SELECT {0} FROM {1} WHERE {0} NOT IN "
                                  "(SELECT entity_id FROM audit_events WHERE entity_type = "
                                  "'{1}') ORDER BY rowid LIMIT 1), '?')",
                                  table.key_as_text, table.name))
          .getString();
  fail(std::nullopt, fmt::format("{} {} was not written by any audit event ({} rows, {} "
                                 "written)",
                                 table.name, first, rows, written_[table.name]));
}

std::vector<AuditEvent> read_events(Connection& connection, const char* sql,
                                    std::optional<std::string_view> client_ref) {
  std::vector<AuditEvent> events;
  auto select = connection.statement(sql);
  if (client_ref) select->bind(1, std::string(*client_ref));
  while (select->executeStep()) events.push_back(read_event(*select));
  return events;
}

std::string record_key(std::string_view table, std::string_view id) {
  return fmt::format("{}/{}", table, id);
}

// The one event that wrote each of `records`, by record_key(); a record written by none is
// left out, and one written by two is a problem (a row of these tables is written once).
DbResult<std::map<std::string, AuditEvent>> events_of(Connection& connection,
                                                      std::span<const RecordRef> records) {
  std::map<std::string, AuditEvent> found;
  auto select = connection.statement(kSelectWritersOfRecord);
  for (const RecordRef& record : records) {
    select->reset();
    select->bind(1, record.table);
    select->bind(2, record.id);
    if (!select->executeStep()) continue;
    AuditEvent first = read_event(*select);
    if (select->executeStep()) {
      return DbError{
          fmt::format("{} {} was written by two audit events, {} and {}; a row is "
                      "written once",
                      record.table, record.id, first.seq, read_event(*select).seq)};
    }
    found.emplace(record_key(record.table, record.id), std::move(first));
  }
  return found;
}

std::optional<std::string> record_problem(Connection& connection, const RecordRef& record,
                                          const std::map<std::string, AuditEvent>& events) {
  const auto found = events.find(record_key(record.table, record.id));
  if (found == events.end()) {
    return fmt::format("{} {} was not written by any audit event", record.table, record.id);
  }
  const AuditEvent& event = found->second;
  if (audit_event_hash(event) != event.hash) {
    return fmt::format("audit event {} (which wrote {} {}): hash does not match its contents",
                       event.seq, record.table, record.id);
  }
  const Writer* writer = writer_of(event.action);
  if (!writer) {
    return fmt::format("audit event {} has an action hsg does not know: {}", event.seq,
                       event.action);
  }
  return row_problem(connection, *writer, event);
}

// A read transaction, so verification sees one snapshot even while others write.
class ReadSnapshot {
 public:
  explicit ReadSnapshot(Connection& connection) : connection_(connection) {
    if (connection_.transaction_depth == 0) connection_.sqlite.exec("BEGIN");
  }
  ReadSnapshot(const ReadSnapshot&) = delete;
  ReadSnapshot& operator=(const ReadSnapshot&) = delete;
  ~ReadSnapshot() {
    if (connection_.transaction_depth != 0) return;
    try {
      connection_.sqlite.exec("COMMIT");
    } catch (const SQLite::Exception&) {  // NOLINT(bugprone-empty-catch): read-only
    }
  }

 private:
  Connection& connection_;
};

}  // namespace

DbResult<std::string> AuditLog::checkpoint() {
  return guarded("cannot read the audit log", [&]() -> DbResult<std::string> {
    const AuditHead head = read_audit_head(database_.connection());
    return fmt::format("{}:{}", head.seq, head.hash);
  });
}

DbResult<Done> checkpoint_text_problem(std::string_view text) {
  const auto checkpoint = parse_checkpoint(text);
  if (!checkpoint) {
    return DbError{fmt::format(
        "checkpoint '{}' is not SEQ:HASH (a number, a colon and 64 lowercase hex digits)", text)};
  }
  // Every log, even one rewritten from scratch, extends the empty one: a checkpoint at 0
  // would pass on any database, so it is no checkpoint at all.
  if (checkpoint->seq == 0) {
    return DbError{
        fmt::format("checkpoint '{}' names no event (0 is the empty log, which every log extends); "
                    "take a checkpoint with hsg audit checkpoint once the log has events",
                    text)};
  }
  return Done{};
}

DbResult<VerifyReport> AuditLog::verify(std::optional<std::string_view> checkpoint) {
  std::vector<std::string> checkpoints;
  if (checkpoint) checkpoints.emplace_back(*checkpoint);
  return verify(std::span<const std::string>(checkpoints));
}

DbResult<VerifyReport> AuditLog::verify(std::span<const std::string> checkpoint_texts,
                                        const VerifyProgress& progress) {
  std::vector<Checkpoint> checkpoints;
  for (const std::string& text : checkpoint_texts) {
    if (auto problem = checkpoint_text_problem(text); !problem.ok()) return problem.error();
    checkpoints.push_back(*parse_checkpoint(text));
  }
  return guarded("cannot verify the audit log", [&]() -> DbResult<VerifyReport> {
    Connection& connection = database_.connection();
    ReadSnapshot snapshot(connection);
    Verifier verifier(connection);
    for (const Checkpoint& checkpoint : checkpoints) verifier.remember_hash_of(checkpoint.seq);
    {
      // Inside the snapshot, so the length is the length of the log being read.
      const std::int64_t total = progress ? last_seq(connection) : 0;
      auto select = connection.statement(kSelectAll);
      for (std::int64_t checked = 1; !verifier.failed() && select->executeStep(); ++checked) {
        verifier.check(read_event(*select));
        if (progress) progress(checked, total);
      }
    }
    for (std::size_t i = 0; i < checkpoints.size(); ++i) {
      verifier.check_checkpoint(checkpoints[i], i);
    }
    verifier.check_unwritten_rows();
    VerifyReport report = verifier.finish();
    report.schema_problems = schema_problems(connection);
    auto adoptions = AdoptionRepository(database_).all();
    if (!adoptions.ok()) return adoptions.error();
    report.adoption_problems = adoption_invariant_problems(adoptions.value());
    report.ok = report.ok && report.schema_problems.empty() && report.adoption_problems.empty();
    return report;
  });
}

DbResult<Done> AuditLog::check_records(std::span<const RecordRef> records) {
  return guarded("cannot check records against the audit log", [&]() -> DbResult<Done> {
    Connection& connection = database_.connection();
    ReadSnapshot snapshot(connection);
    if (const auto problems = schema_problems(connection); !problems.empty()) {
      return DbError{fmt::format("the schema is not intact: {}", fmt::join(problems, "; "))};
    }
    auto events = events_of(connection, records);
    if (!events.ok()) return events.error();
    for (const RecordRef& record : records) {
      if (auto problem = record_problem(connection, record, events.value())) {
        return DbError{*problem};
      }
    }
    return Done{};
  });
}

DbResult<std::vector<AuditEvent>> AuditLog::events() {
  return guarded("cannot read the audit log", [&]() -> DbResult<std::vector<AuditEvent>> {
    return read_events(database_.connection(), kSelectAll, std::nullopt);
  });
}

DbResult<std::vector<AuditEvent>> AuditLog::events_for_client(std::string_view client_ref) {
  AuditFilter filter;
  filter.client_ref = std::string(client_ref);
  auto found = search(filter, 0, -1);
  if (!found.ok()) return found.error();
  return std::move(found.value().events);
}

namespace {

// "WITH … SELECT `what` FROM audit_events WHERE …" for the filters `filter` has.
std::string filtered_sql(const AuditFilter& filter, std::string_view what) {
  std::string sql = filter.client_ref ? kClientRecordsWith : "";
  sql += fmt::format("SELECT {} FROM audit_events WHERE 1", what);
  if (filter.client_ref) sql += " AND (entity_type, entity_id) IN (SELECT type, id FROM records)";
  if (filter.action) sql += " AND action = @action";
  if (filter.actor) sql += " AND actor = @actor";
  if (filter.from_day) sql += " AND substr(at, 1, 10) >= @from";
  if (filter.to_day) sql += " AND substr(at, 1, 10) <= @to";
  return sql;
}

void bind_filter(SQLite::Statement& statement, const AuditFilter& filter) {
  const std::pair<const char*, const std::optional<std::string>*> named[] = {
      {"@client", &filter.client_ref},
      {"@action", &filter.action},
      {"@actor", &filter.actor},
      {"@from", &filter.from_day},
      {"@to", &filter.to_day}};
  for (const auto& [name, value] : named) {
    if (*value) statement.bind(name, **value);
  }
}

}  // namespace

DbResult<AuditEventPage> AuditLog::search(const AuditFilter& filter, std::int64_t offset,
                                          std::int64_t limit) {
  return guarded("cannot read the audit log", [&]() -> DbResult<AuditEventPage> {
    Connection& connection = database_.connection();
    ReadSnapshot snapshot(connection);
    AuditEventPage page;
    // One client's events are few, and finding them is the costly part: found once and
    // counted here rather than found twice.
    if (filter.client_ref) {
      SQLite::Statement select(connection.sqlite,
                               filtered_sql(filter, kEventColumns) + " ORDER BY seq");
      bind_filter(select, filter);
      for (std::int64_t at = 0; select.executeStep(); ++at) {
        if (at >= offset && (limit < 0 || at < offset + limit)) {
          page.events.push_back(read_event(select));
        }
        page.total = at + 1;
      }
      return page;
    }
    {
      // Built for the filters given, so not one of the connection's cached statements.
      SQLite::Statement count(connection.sqlite, filtered_sql(filter, "count(*)"));
      bind_filter(count, filter);
      count.executeStep();
      page.total = count.getColumn(0).getInt64();
    }
    SQLite::Statement select(connection.sqlite, filtered_sql(filter, kEventColumns) +
                                                    " ORDER BY seq LIMIT @limit OFFSET @offset");
    bind_filter(select, filter);
    select.bind("@limit", limit);
    select.bind("@offset", offset);
    while (select.executeStep()) page.events.push_back(read_event(select));
    return page;
  });
}

}  // namespace hsg::db
