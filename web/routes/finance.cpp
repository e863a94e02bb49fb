// The finance pages, each the figures of an `hsg ledger` command through the same app/
// use case: GET /finance (the landing page), GET|POST /finance/post (what is due, then
// posting exactly that), GET /finance/ledger and /finance/ledger/export (the lines, and
// the bytes of `hsg ledger export`), GET /finance/balance, /finance/commitments,
// /finance/spend, and GET /finance/corrections with POST /finance/reverse and
// /finance/recover. Reading needs read_ledger, writing post_ledger.
#include <fmt/format.h>

#include <algorithm>
#include <charconv>
#include <sstream>
#include <tuple>
#include <utility>

#include "app/grants/grant_changes.h"
#include "app/grants/ledger_export.h"
#include "app/grants/ledger_posting.h"
#include "app/grants/ledger_reports.h"
#include "app/users/permissions.h"
#include "engine/text.h"
#include "web/page.h"
#include "web/routes/route_inputs.h"
#include "web/routes/routes.h"

namespace hsg::web {

namespace {

std::string pounds(std::int64_t pence) {
  return engine::Money::from_pence(pence).to_grouped_string();
}

// The first day of today's month and of the next: the default period of a ledger page.
engine::Date month_start(engine::Date day) {
  return *engine::Date::from_ymd(day.year(), day.month(), 1);
}
engine::Date next_month_start(engine::Date day) {
  return day.month() == 12 ? *engine::Date::from_ymd(day.year() + 1, 1, 1)
                           : *engine::Date::from_ymd(day.year(), day.month() + 1, 1);
}

struct Period {
  engine::Date from;
  engine::Date to;
};

// from and to (to not included), this month by default; to before from is a Refusal.
Period period_of(const Exchange& exchange) {
  const engine::Date today = exchange.state.clock.today();
  const engine::Date from = date_from(exchange.field("from"), "from", month_start(today));
  const engine::Date to = date_from(exchange.field("to"), "to", next_month_start(from));
  if (to < from) {
    throw app::Refusal(fmt::format("to {} is before from {}", to.to_string(), from.to_string()));
  }
  return {from, to};
}

std::int64_t integer_from(const std::string& text, std::string_view what) {
  std::int64_t value = 0;
  const auto parsed = std::from_chars(text.data(), text.data() + text.size(), value);
  if (text.empty() || parsed.ec != std::errc() || parsed.ptr != text.data() + text.size()) {
    throw app::Refusal(fmt::format("{} '{}' is not a whole number", what, engine::excerpt(text)));
  }
  return value;
}

void landing(Exchange& exchange) {
  Data data;
  data.set("today", exchange.state.clock.today().to_string());
  send_page(exchange, 200, "Finance", "finance.mustache", std::move(data));
}

// Whether the signed-in user may post: the write forms are shown only then (the route
// table refuses the POST anyway).
bool may_post(const Exchange& exchange) {
  return exchange.user && app::permits(exchange.user->roles, app::Permission::post_ledger);
}

// Posting ----------------------------------------------------------------------------------

void set_preview(Data& data, const app::PostPreview& preview) {
  Data rows{Data::type::list};
  for (const db::DueInstalment& due : preview.due) {
    Data row;
    row.set("due_on", due.due_on);
    row.set("grant_id", std::to_string(due.grant_id));
    row.set("client_ref", due.client_ref);
    row.set("intervention", due.intervention);
    row.set("number", std::to_string(due.number));
    row.set("of", std::to_string(due.of));
    row.set("amount", due.amount.to_grouped_string());
    rows.push_back(row);
  }
  data.set("through", preview.through.to_string());
  data.set("due", rows);
  data.set("has_due", !preview.due.empty());
  data.set("count", std::to_string(preview.count));
  data.set("total", preview.total.to_grouped_string());
  data.set("total_pence", std::to_string(preview.total.pence()));
}

// The preview for `through` (or, when even that cannot be read, the problems alone).
void send_post_page(Exchange& exchange, int status, engine::Date through, Data data,
                    std::vector<std::string> problems) {
  data.set("may_post", may_post(exchange));
  auto preview = app::preview_due_instalments(exchange.database(), through);
  if (preview.ok()) {
    set_preview(data, preview.value());
  } else {
    data.set("through", through.to_string());
    for (const std::string& line : problems_of(preview.refusal())) problems.push_back(line);
    if (status == 200) status = 422;
  }
  send_page(exchange, status, "Post the instalments due", "finance_post.mustache", std::move(data),
            problems);
}

void show_post(Exchange& exchange) {
  const engine::Date today = exchange.state.clock.today();
  auto through =
      app::attempt([&] { return date_from(exchange.field("through"), "through", today); });
  if (!through.ok()) {
    send_post_page(exchange, 422, today, {}, problems_of(through.refusal()));
    return;
  }
  send_post_page(exchange, 200, through.value(), {}, {});
}

void post(Exchange& exchange) {
  const engine::Date today = exchange.state.clock.today();
  auto request = app::attempt([&] {
    if (exchange.field("through").empty()) throw app::Refusal("through: the date is required");
    return app::PreviewedPost{
        date_from(exchange.field("through"), "through", today),
        integer_from(exchange.field("count"), "count"),
        engine::Money::from_pence(integer_from(exchange.field("total_pence"), "total_pence"))};
  });
  if (!request.ok()) {
    send_post_page(exchange, 422, today, {}, problems_of(request.refusal()));
    return;
  }
  const engine::Date through = request.value().through;
  auto posted = exchange.write([&](db::Database& database) {
    return app::post_previewed_instalments(database, exchange.stamp(), request.value());
  });
  if (!posted.ok()) {
    // Most often what is due changed (or was posted) since the preview: show it again.
    send_post_page(exchange, 409, through, {}, problems_of(posted.refusal()));
    return;
  }
  Data data;
  data.set("done", true);
  data.set("posted", std::to_string(posted.value().posted));
  data.set("posted_amount", posted.value().posted_amount.to_grouped_string());
  data.set("already_posted", std::to_string(posted.value().already_posted));
  data.set("posted_through", through.to_string());
  send_post_page(exchange, 200, through, std::move(data), {});
}

// The ledger ---------------------------------------------------------------------------------

Data period_data(const Period& period) {
  Data data;
  data.set("from", period.from.to_string());
  data.set("to", period.to.to_string());
  return data;
}

// A month of a council's ledger is thousands of lines: a page shows this many, and the
// totals are the whole period's.
constexpr std::size_t kLedgerPageSize = 200;

Data ledger_row(const app::LedgerRow& line) {
  Data row;
  row.set("posting_id", line.posting_id);
  row.set("line", std::to_string(line.line));
  row.set("date", line.date);
  row.set("account", line.account);
  row.set("cost_centre", line.cost_centre);
  row.set("debit", pounds(line.debit_pence));
  row.set("credit", pounds(line.credit_pence));
  row.set("client_ref", line.client_ref);
  row.set("grant_id", std::to_string(line.grant_id));
  row.set("description", line.description);
  row.set("reverses", line.reverses);
  return row;
}

// The lines of page `wanted` (the last page when past it), and where they are.
void set_ledger_page(Data& data, const std::vector<app::LedgerRow>& lines, std::size_t wanted) {
  const std::size_t pages =
      std::max<std::size_t>(1, (lines.size() + kLedgerPageSize - 1) / kLedgerPageSize);
  const std::size_t page = std::min(wanted, pages);
  const std::size_t first = (page - 1) * kLedgerPageSize;
  const std::size_t last = std::min(lines.size(), first + kLedgerPageSize);
  Data list{Data::type::list};
  for (std::size_t i = first; i < last; ++i) list.push_back(ledger_row(lines[i]));
  data.set("lines", list);
  data.set("page_text", fmt::format("lines {} to {}, page {} of {}", first + 1, last, page, pages));
  if (page > 1) data.set("previous", std::to_string(page - 1));
  if (page < pages) data.set("next", std::to_string(page + 1));
}

void show_ledger(Exchange& exchange) {
  const engine::Date today = exchange.state.clock.today();
  auto rows = app::attempt([&] {
    const Period period = period_of(exchange);
    const std::size_t page = page_number(exchange);
    return std::make_tuple(period, page,
                           unwrap(app::ledger_rows(exchange.database(), period.from, period.to)));
  });
  if (!rows.ok()) {
    Data data = period_data({month_start(today), next_month_start(today)});
    data.set("from", exchange.field("from"));
    data.set("to", exchange.field("to"));
    send_page(exchange, 422, "Ledger", "finance_ledger.mustache", std::move(data),
              problems_of(rows.refusal()));
    return;
  }
  const auto& [period, page, lines] = rows.value();
  Data data = period_data(period);
  set_ledger_page(data, lines, page);
  std::int64_t debits = 0;
  std::int64_t credits = 0;
  for (const app::LedgerRow& line : lines) {
    debits += line.debit_pence;
    credits += line.credit_pence;
  }
  data.set("has_lines", !lines.empty());
  data.set("line_count", std::to_string(lines.size()));
  data.set("debits", pounds(debits));
  data.set("credits", pounds(credits));
  send_page(exchange, 200, "Ledger", "finance_ledger.mustache", std::move(data));
}

struct Download {
  std::string_view content_type;
  std::string_view extension;
};

Download download_of(app::ExportFormat format) {
  switch (format) {
    case app::ExportFormat::json:
      return {"application/json", "json"};
    case app::ExportFormat::hledger:
      return {"text/plain; charset=utf-8", "journal"};
    case app::ExportFormat::csv:
      break;
  }
  return {"text/csv; charset=utf-8", "csv"};
}

void export_ledger(Exchange& exchange) {
  std::ostringstream out;
  auto exported = app::attempt([&] {
    const Period period = period_of(exchange);
    const std::string name = exchange.field("format").empty() ? "csv" : exchange.field("format");
    const auto format = app::export_format_named(name);
    if (!format) {
      throw app::Refusal(
          fmt::format("format '{}' is not one of csv, json, hledger", engine::excerpt(name)));
    }
    unwrap(app::export_ledger_lines(exchange.database(), {period.from, period.to, *format}, out));
    return std::make_pair(period, *format);
  });
  if (!exported.ok()) {
    Data data;
    data.set("from", exchange.field("from"));
    data.set("to", exchange.field("to"));
    send_page(exchange, 422, "Ledger", "finance_ledger.mustache", std::move(data),
              problems_of(exported.refusal()));
    return;
  }
  const auto& [period, format] = exported.value();
  const Download download = download_of(format);
  exchange.response.status = 200;
  exchange.response.set_header(
      "Content-Disposition",
      fmt::format("attachment; filename=\"ledger-{}-to-{}.{}\"", period.from.to_string(),
                  period.to.to_string(), download.extension));
  exchange.response.set_content(out.str(), std::string(download.content_type));
}

// Reports ----------------------------------------------------------------------------------

void show_balance(Exchange& exchange) {
  auto balance = app::attempt([&] {
    std::optional<engine::Date> as_of;
    if (!exchange.field("as_of").empty()) {
      as_of = date_from(exchange.field("as_of"), "as_of", exchange.state.clock.today());
    }
    return std::make_pair(as_of, unwrap(app::trial_balance(exchange.database(), as_of)));
  });
  Data data;
  data.set("as_of", exchange.field("as_of"));
  if (!balance.ok()) {
    send_page(exchange, 422, "Trial balance", "finance_balance.mustache", std::move(data),
              problems_of(balance.refusal()));
    return;
  }
  const auto& [as_of, trial] = balance.value();
  Data accounts{Data::type::list};
  for (const db::AccountBalance& account : trial.accounts) {
    Data row;
    row.set("account", account.account);
    row.set("balance", pounds(account.balance_pence));
    accounts.push_back(row);
  }
  data.set("as_of", as_of ? as_of->to_string() : std::string());
  data.set("dated", as_of.has_value());
  data.set("accounts", accounts);
  data.set("has_accounts", !trial.accounts.empty());
  data.set("total", pounds(trial.total_pence));
  send_page(exchange, 200, "Trial balance", "finance_balance.mustache", std::move(data));
}

void show_commitments(Exchange& exchange) {
  const engine::Date today = exchange.state.clock.today();
  auto commitments = app::attempt([&] {
    const engine::Date as_of = date_from(exchange.field("as_of"), "as_of", today);
    return std::make_pair(as_of, unwrap(app::commitments_as_of(exchange.database(), as_of)));
  });
  Data data;
  data.set("as_of", exchange.field("as_of"));
  if (!commitments.ok()) {
    send_page(exchange, 422, "Commitments", "finance_commitments.mustache", std::move(data),
              problems_of(commitments.refusal()));
    return;
  }
  const auto& [as_of, result] = commitments.value();
  Data rows{Data::type::list};
  for (const db::Commitment& commitment : result.rows) {
    Data row;
    row.set("month", commitment.month);
    row.set("intervention", commitment.intervention);
    row.set("instalments", std::to_string(commitment.instalments));
    row.set("amount", commitment.amount.to_grouped_string());
    rows.push_back(row);
  }
  data.set("as_of", as_of.to_string());
  data.set("rows", rows);
  data.set("has_rows", !result.rows.empty());
  data.set("instalments", std::to_string(result.instalments));
  data.set("total", result.total.to_grouped_string());
  send_page(exchange, 200, "Commitments", "finance_commitments.mustache", std::move(data));
}

Data groupings_data(std::string_view selected) {
  Data list{Data::type::list};
  for (std::string_view name : {"month", "client-group", "intervention", "cost-centre"}) {
    Data item;
    item.set("value", std::string(name));
    item.set("selected", name == selected);
    list.push_back(item);
  }
  return list;
}

void show_spend(Exchange& exchange) {
  const std::string by = exchange.field("by").empty() ? "month" : exchange.field("by");
  auto spend = app::attempt([&] {
    const Period period = period_of(exchange);
    const auto grouping = app::summary_by_named(by);
    if (!grouping) {
      throw app::Refusal(
          fmt::format("by '{}' is not one of month, client-group, intervention, cost-centre",
                      engine::excerpt(by)));
    }
    app::SpendRequest request{period.from, period.to, *grouping, std::nullopt};
    if (exchange.optional_field("budget")) {
      request.budget = pounds_from(*exchange.optional_field("budget"), "budget");
    }
    return std::make_pair(request, unwrap(app::spend_summary(exchange.database(), request)));
  });
  Data data;
  data.set("from", exchange.field("from"));
  data.set("to", exchange.field("to"));
  data.set("budget", exchange.field("budget"));
  data.set("groupings", groupings_data(by));
  if (!spend.ok()) {
    send_page(exchange, 422, "Spend against budget", "finance_spend.mustache", std::move(data),
              problems_of(spend.refusal()));
    return;
  }
  const auto& [request, summary] = spend.value();
  Data rows{Data::type::list};
  for (const db::SpendRow& spend_row : summary.rows) {
    Data row;
    row.set("key", spend_row.key);
    row.set("spend", spend_row.spend.to_grouped_string());
    rows.push_back(row);
  }
  data.set("from", request.from.to_string());
  data.set("to", request.to.to_string());
  data.set("by", by);
  data.set("rows", rows);
  data.set("has_rows", !summary.rows.empty());
  data.set("total", summary.total.to_grouped_string());
  data.set("has_budget", request.budget.has_value());
  if (request.budget) {
    data.set("budget_amount", request.budget->to_grouped_string());
    data.set("remaining", summary.remaining->to_grouped_string());
  }
  send_page(exchange, 200, "Spend against budget", "finance_spend.mustache", std::move(data));
}

// Corrections ------------------------------------------------------------------------------

// The form's fields as sent, so a refused form shows what was typed.
Data corrections_data(const Exchange& exchange) {
  Data data;
  data.set("today", exchange.state.clock.today().to_string());
  data.set("may_post", may_post(exchange));
  for (const char* name : {"posting", "reverse_reason", "reverse_date", "grant", "amount",
                           "recover_reason", "recover_date"}) {
    data.set(name, exchange.field(name));
  }
  return data;
}

void show_corrections(Exchange& exchange) {
  send_page(exchange, 200, "Reversals and recoveries", "finance_corrections.mustache",
            corrections_data(exchange));
}

std::string required(const Exchange& exchange, const std::string& name, std::string_view what) {
  const auto value = exchange.optional_field(name);
  if (!value) throw app::Refusal(fmt::format("{} is required", what));
  return *value;
}

void reverse(Exchange& exchange) {
  auto reversed = app::attempt([&] {
    const app::ReversalRequest request{
        required(exchange, "posting", "the posting to reverse"),
        date_from(exchange.field("reverse_date"), "date", exchange.state.clock.today()),
        required(exchange, "reverse_reason", "a reason for the reversal")};
    const std::string id = unwrap(exchange.write([&](db::Database& database) {
      return app::reverse_posting(database, exchange.stamp(), request);
    }));
    return std::make_pair(id, fmt::format("Posted {} on {}, reversing {}", id,
                                          request.reversed_on.to_string(), request.posting_id));
  });
  if (!reversed.ok()) {
    send_page(exchange, 422, "Reversals and recoveries", "finance_corrections.mustache",
              corrections_data(exchange), problems_of(reversed.refusal()));
    return;
  }
  // The page itself, not a redirect: what was done is said once, from the result.
  Data data = corrections_data(exchange);
  data.set("done", reversed.value().second);
  data.set("done_posting", reversed.value().first);
  send_page(exchange, 200, "Reversals and recoveries", "finance_corrections.mustache",
            std::move(data));
}

void recover(Exchange& exchange) {
  auto recovered = app::attempt([&] {
    const std::string grant = required(exchange, "grant", "the grant");
    const app::RecoveryRequest request{
        integer_from(grant, "grant"),
        pounds_from(required(exchange, "amount", "the amount"), "amount"),
        date_from(exchange.field("recover_date"), "date", exchange.state.clock.today()),
        required(exchange, "recover_reason", "a reason for the recovery")};
    const std::string id = unwrap(exchange.write([&](db::Database& database) {
      return app::recover_grant(database, exchange.stamp(), request);
    }));
    return std::make_pair(id, fmt::format("Recovery {} posted on {}: £{} back from grant {}", id,
                                          request.recovered_on.to_string(),
                                          request.amount.to_grouped_string(), request.grant_id));
  });
  if (!recovered.ok()) {
    send_page(exchange, 422, "Reversals and recoveries", "finance_corrections.mustache",
              corrections_data(exchange), problems_of(recovered.refusal()));
    return;
  }
  // The page itself, not a redirect: what was done is said once, from the result.
  Data data = corrections_data(exchange);
  data.set("done", recovered.value().second);
  data.set("done_posting", recovered.value().first);
  send_page(exchange, 200, "Reversals and recoveries", "finance_corrections.mustache",
            std::move(data));
}

}  // namespace

void add_finance_routes(RouteTable& table) {
  const Access read = Access::needs(app::Permission::read_ledger);
  const Access write = Access::needs(app::Permission::post_ledger);
  table.add(Method::get, "/finance", Answer::page, read, landing);
  table.add(Method::get, "/finance/post", Answer::page, read, show_post);
  table.add(Method::post, "/finance/post", Answer::page, write, post);
  table.add(Method::get, "/finance/ledger/export", Answer::page, read, export_ledger);
  table.add(Method::get, "/finance/ledger", Answer::page, read, show_ledger);
  table.add(Method::get, "/finance/balance", Answer::page, read, show_balance);
  table.add(Method::get, "/finance/commitments", Answer::page, read, show_commitments);
  table.add(Method::get, "/finance/spend", Answer::page, read, show_spend);
  table.add(Method::get, "/finance/corrections", Answer::page, read, show_corrections);
  table.add(Method::post, "/finance/reverse", Answer::page, write, reverse);
  table.add(Method::post, "/finance/recover", Answer::page, write, recover);
}

}  // namespace hsg::web
