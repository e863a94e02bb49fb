// The auditor's pages, every one a GET that reads and writes nothing: GET /audit (the
// forms), GET /audit/log (the log, filtered and paged), GET /audit/verify (the chain and
// every record, against a checkpoint pasted in), GET /audit/replay (one allocation, or
// every one in a range, with the differences named in the words of `hsg audit replay`).
#include <fmt/format.h>

#include <algorithm>
#include <charconv>
#include <sstream>

#include "app/audit/audit_log_query.h"
#include "app/audit/replay_request.h"
#include "app/audit/signed_checkpoints.h"
#include "app/audit/verify_audit.h"
#include "app/present/replay_text.h"
#include "app/progress.h"
#include "web/page.h"
#include "web/routes/route_inputs.h"
#include "web/routes/routes.h"

namespace hsg::web {

namespace {

std::optional<engine::Date> optional_date(const Exchange& exchange, const std::string& name) {
  const auto text = exchange.optional_field(name);
  if (!text) return std::nullopt;
  return date_from(*text, name, engine::Date());
}

app::AuditLogQuery log_query(const Exchange& exchange) {
  return {exchange.optional_field("client"), exchange.optional_field("action"),
          exchange.optional_field("actor"),  optional_date(exchange, "from"),
          optional_date(exchange, "to"),     page_number(exchange)};
}

// The query string of `query` for page `page`, each value percent-encoded.
std::string page_link(const Exchange& exchange, std::size_t page) {
  std::string link = "/audit/log?";
  for (const char* name : {"client", "action", "actor", "from", "to"}) {
    if (const auto value = exchange.optional_field(name)) {
      link += fmt::format("{}={}&", name, path_segment(*value));
    }
  }
  return link + fmt::format("page={}", page);
}

Data filter_data(const Exchange& exchange) {
  Data data;
  for (const char* name : {"client", "action", "actor", "from", "to"}) {
    data.set(std::string("query_") + name, exchange.field(name));
  }
  return data;
}

Data event_row(const db::AuditEvent& event) {
  Data row;
  row.set("seq", std::to_string(event.seq));
  row.set("at", event.at);
  row.set("actor", event.actor);
  row.set("action", event.action);
  row.set("record", fmt::format("{}:{}", event.entity_type, event.entity_id));
  row.set("allocation", event.entity_type == "allocations");
  row.set("grant", event.entity_type == "grants");
  row.set("entity_id", event.entity_id);
  row.set("hash", event.hash);
  return row;
}

void show_log(Exchange& exchange) {
  Data data = filter_data(exchange);
  auto found = app::attempt(
      [&] { return unwrap(app::audit_log_page(exchange.database(), log_query(exchange))); });
  if (!found.ok()) {
    data.set("events", Data{Data::type::list});
    data.set("count_text", "No events listed");
    send_page(exchange, 422, "Audit log", "audit_log.mustache", std::move(data),
              problems_of(found.refusal()));
    return;
  }
  const app::AuditLogPage& page = found.value();
  Data events{Data::type::list};
  for (const db::AuditEvent& event : page.events) events.push_back(event_row(event));
  data.set("events", events);
  data.set("count_text", fmt::format("{} event{} (page {} of {})", page.total,
                                     page.total == 1 ? "" : "s", page.page, page.pages));
  if (page.page > 1) data.set("previous", page_link(exchange, page.page - 1));
  if (page.page < page.pages) data.set("next", page_link(exchange, page.page + 1));
  send_page(exchange, 200, "Audit log", "audit_log.mustache", std::move(data));
}

// The verification's progress on the page: a line at each tenth of the log checked, and
// one at the event where checking stopped.
class PageProgress : public app::ProgressListener {
 public:
  explicit PageProgress(const StreamWriter& write) : write_(write) {}
  bool wants_total() const override { return true; }
  void started(std::string_view /*label*/, std::int64_t total) override {
    total_ = total;
    step_ = std::max<std::int64_t>(1, total / 10);
    next_ = step_;
    write_("<ol id=\"progress\" aria-live=\"polite\">\n");
  }
  void advanced(std::int64_t done) override {
    done_ = done;
    if (done < next_ && done != total_) return;
    write_line();
    next_ = (done / step_ + 1) * step_;
  }
  // Where a check that stopped early stopped.
  void finished() override {
    if (done_ != shown_) write_line();
    write_("</ol>\n");
  }

 private:
  void write_line() {
    write_(fmt::format("<li>Checked {} of {} events</li>\n", done_, total_));
    shown_ = done_;
  }

  const StreamWriter& write_;
  std::int64_t done_ = 0;
  std::int64_t shown_ = 0;
  std::int64_t total_ = 0;
  std::int64_t step_ = 1;
  std::int64_t next_ = 1;
};

// The verdict and its lines as `hsg audit verify` says them, or the refusal.
Data verdict_data(const app::Result<app::AuditVerification>& verified,
                  const app::CheckpointsToVerify& checkpoints) {
  Data data;
  if (!verified.ok()) {
    data.set("has_problems", true);
    data.set("problems", list_of(problems_of(verified.refusal())));
    return data;
  }
  const db::VerifyReport& report = verified.value().report;
  data.set("verified", report.ok);
  data.set("failed", !report.ok);
  data.set("lines",
           list_of(report.ok ? std::vector<std::string>{fmt::format(
                                   "ok: {} events and {} records verified; head {}",
                                   report.events_checked, report.records_checked, report.head)}
                             : app::verification_failures(report, checkpoints)));
  return data;
}

// The chain checked as the page is sent, so a long log shows how far it has got.
void show_verify(Exchange& exchange) {
  Data data;
  data.set("query_checkpoint", exchange.field("checkpoint"));
  app::VerifyCheckpointsRequest request;
  request.checkpoint = exchange.optional_field("checkpoint");
  auto checkpoints = app::checkpoints_to_verify(request);
  if (!checkpoints.ok()) {
    send_page(exchange, 422, "Verify the audit log", "audit_verify.mustache", std::move(data),
              problems_of(checkpoints.refusal()));
    return;
  }
  db::Database& database = exchange.database();
  stream_page(
      exchange, "Verify the audit log", "audit_verify.mustache", std::move(data),
      [&database, wanted = checkpoints.value()](const StreamWriter& write) {
        PageProgress progress(write);
        const auto verified = app::verify_audit(database, wanted, false, progress);
        write(render_fragment("audit_verify_result.mustache", verdict_data(verified, wanted)));
      });
}

void add_differences(Data& rows, const app::ReplayResult& result) {
  for (const app::FieldDifference& difference : result.differences) {
    Data row;
    row.set("allocation_id", std::to_string(result.allocation_id));
    row.set("client_ref", result.client_ref);
    row.set("field", difference.field);
    row.set("stored", difference.stored);
    row.set("replayed", difference.replayed);
    rows.push_back(row);
  }
}

// The replay's text as `hsg audit replay` prints it, and one table row per difference.
std::pair<std::string, Data> replay_of(Exchange& exchange) {
  std::ostringstream text;
  Data rows{Data::type::list};
  if (const auto allocation = exchange.optional_field("allocation")) {
    std::int64_t id = 0;
    const auto parsed =
        std::from_chars(allocation->data(), allocation->data() + allocation->size(), id);
    if (parsed.ec != std::errc() || parsed.ptr != allocation->data() + allocation->size() ||
        id <= 0) {
      throw app::Refusal(fmt::format("allocation: '{}' is not an allocation number", *allocation));
    }
    const app::ReplayResult result = unwrap(app::replay_stored(exchange.database(), id));
    app::write_replay_result(text, result);
    add_differences(rows, result);
    return {text.str(), rows};
  }
  const db::AllocationRange range{optional_date(exchange, "from"), optional_date(exchange, "to"),
                                  exchange.optional_field("client")};
  const app::ReplaySummary summary =
      unwrap(app::replay_all(exchange.database(), range, app::no_progress()));
  app::write_replay_summary(text, summary);
  for (const app::ReplayResult& result : summary.different) add_differences(rows, result);
  return {text.str(), rows};
}

void show_replay(Exchange& exchange) {
  Data data;
  for (const char* name : {"allocation", "from", "to", "client"}) {
    data.set(std::string("query_") + name, exchange.field(name));
  }
  auto replayed = app::attempt([&] { return replay_of(exchange); });
  if (!replayed.ok()) {
    send_page(exchange, 422, "Replay allocations", "audit_replay.mustache", std::move(data),
              problems_of(replayed.refusal()));
    return;
  }
  data.set("ran", true);
  data.set("text", replayed.value().first);
  data.set("differences", replayed.value().second);
  data.set("has_differences", !replayed.value().second.is_empty_list());
  send_page(exchange, 200, "Replay allocations", "audit_replay.mustache", std::move(data));
}

void show_audit(Exchange& exchange) { send_page(exchange, 200, "Audit", "audit.mustache", Data{}); }

}  // namespace

void add_audit_routes(RouteTable& table) {
  const Access audit = Access::needs(app::Permission::read_audit);
  table.add(Method::get, "/audit", Answer::page, audit, show_audit);
  table.add(Method::get, "/audit/log", Answer::page, audit, show_log);
  table.add(Method::get, "/audit/verify", Answer::page, audit, show_verify);
  table.add(Method::get, "/audit/replay", Answer::page, audit, show_replay);
}

}  // namespace hsg::web
