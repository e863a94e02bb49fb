// GET /whatif (the form) and POST /whatif (the report, or its CSV): what a candidate rule
// set would do to the recorded caseload, as `hsg whatif` says it. Nothing is stored: the
// uploaded rule set is checked and used for this one answer, and the store is only read.
//
// The report is the very page `hsg whatif --html` writes (same bytes), sent with a
// Content-Security-Policy of its own that allows its one inline <style> by hash and
// nothing else. The CSV is the same bytes as `hsg whatif --csv`; since nothing is kept
// between requests, the form asks for it by the same POST with format=csv.
#include <fmt/format.h>
#include <sodium.h>

#include <array>
#include <sstream>
#include <stdexcept>
#include <vector>

#include "app/whatif/budget_amount.h"
#include "app/whatif/candidate_rules.h"
#include "app/whatif/whatif_output.h"
#include "app/whatif/whatif_report.h"
#include "db/client_groups.h"
#include "web/page.h"
#include "web/routes/page_data.h"
#include "web/routes/route_inputs.h"
#include "web/routes/routes.h"

namespace hsg::web {

namespace {

// A rule set is a few kilobytes (rules/medway.toml is under 10 KiB).
constexpr std::size_t kMaxRulesBytes = 256 * 1024;

struct WhatifForm {
  std::string as_of;
  std::string group;
  std::string budget;
};

WhatifForm form_of(const Exchange& exchange) {
  return {exchange.field("as_of"), exchange.field("group"), exchange.field("budget")};
}

void send_form(Exchange& exchange, int status, const WhatifForm& form,
               const std::vector<std::string>& problems = {}) {
  Data data;
  data.set("as_of",
           form.as_of.empty() ? exchange.state.clock.today().to_string() : std::string(form.as_of));
  data.set("groups", client_groups_data(form.group));
  data.set("budget", form.budget);
  send_page(exchange, status, "What-if", "whatif.mustache", std::move(data), problems);
}

void show_form(Exchange& exchange) { send_form(exchange, 200, form_of(exchange)); }

// The uploaded rule set, checked; every problem of every field is collected first so the
// page lists them all at once.
struct WhatifInput {
  std::optional<rules::LoadedRuleset> candidate;
  app::WhatifRequest request;
  std::vector<std::string> problems;
};

template <typename T>
std::optional<T> collect(app::Result<T> result, std::vector<std::string>& problems) {
  if (result.ok()) return std::move(result).value();
  for (std::string& line : problems_of(result.refusal())) problems.push_back(std::move(line));
  return std::nullopt;
}

void read_candidate(const Exchange& exchange, WhatifInput& input) {
  if (!exchange.request.has_file("rules") ||
      exchange.request.get_file_value("rules").filename.empty()) {
    input.problems.push_back("rules: choose the candidate rule-set file to upload");
    return;
  }
  const httplib::MultipartFormData file = exchange.request.get_file_value("rules");
  if (file.content.size() > kMaxRulesBytes) {
    input.problems.push_back(fmt::format("{}: {} bytes is more than a rule set may be ({} KiB)",
                                         file.filename, file.content.size(),
                                         kMaxRulesBytes / 1024));
    return;
  }
  input.candidate = collect(app::candidate_from_text(file.content, file.filename), input.problems);
}

WhatifInput read_input(const Exchange& exchange, const WhatifForm& form) {
  WhatifInput input;
  read_candidate(exchange, input);
  input.request.as_of = exchange.state.clock.today();
  if (auto as_of = collect(app::attempt([&] {
                             return date_from(form.as_of, "as of", exchange.state.clock.today());
                           }),
                           input.problems)) {
    input.request.as_of = *as_of;
  }
  if (const auto group = exchange.optional_field("group")) {
    const auto key = db::parse_client_group(*group);
    if (key) {
      input.request.group_key = std::string(*key);
    } else {
      input.problems.push_back(db::unknown_client_group_message(*group));
    }
  }
  if (const auto budget = exchange.optional_field("budget")) {
    input.request.budget = collect(app::budget_amount(*budget, "budget"), input.problems);
  }
  return input;
}

// 'sha256-…' of the text between the page's <style> and </style>.
std::string style_hash(const std::string& page) {
  const auto open = page.find("<style>");
  const auto close = page.find("</style>");
  if (open == std::string::npos || close == std::string::npos || close < open) {
    throw std::logic_error("the what-if page has no <style> element");
  }
  const std::size_t from = open + std::string_view("<style>").size();
  std::array<unsigned char, crypto_hash_sha256_BYTES> digest{};
  crypto_hash_sha256(digest.data(), reinterpret_cast<const unsigned char*>(page.data() + from),
                     close - from);
  std::array<char,
             sodium_base64_ENCODED_LEN(crypto_hash_sha256_BYTES, sodium_base64_VARIANT_ORIGINAL)>
      base64{};
  sodium_bin2base64(base64.data(), base64.size(), digest.data(), digest.size(),
                    sodium_base64_VARIANT_ORIGINAL);
  return fmt::format("'sha256-{}'", base64.data());
}

void send_report(Exchange& exchange, const std::string& page) {
  // The route table's policy forbids inline style; this page needs exactly its own.
  exchange.response.headers.erase("Content-Security-Policy");
  exchange.response.set_header(
      "Content-Security-Policy",
      fmt::format("default-src 'none'; style-src {}; script-src 'none'; frame-ancestors 'none'; "
                  "form-action 'self'; base-uri 'none'",
                  style_hash(page)));
  exchange.response.status = 200;
  exchange.response.set_content(page, "text/html; charset=utf-8");
}

void run_whatif(Exchange& exchange) {
  const WhatifForm form = form_of(exchange);
  WhatifInput input = read_input(exchange, form);
  if (!input.problems.empty()) {
    send_form(exchange, 422, form, input.problems);
    return;
  }
  const bool csv = exchange.field("format") == "csv";
  std::ostringstream csv_text;
  app::WhatifObserver observe;
  if (csv) {
    app::write_whatif_csv_header(csv_text);
    observe = [&csv_text](const app::WhatifClient& client) {
      app::write_whatif_csv_row(csv_text, client);
    };
  }
  auto report = app::compute_whatif(exchange.database(), *input.candidate, input.request, observe);
  if (!report.ok()) {
    send_form(exchange, 422, form, problems_of(report.refusal()));
    return;
  }
  if (csv) {
    exchange.response.status = 200;
    exchange.response.set_header("Content-Disposition", "attachment; filename=\"whatif.csv\"");
    exchange.response.set_content(csv_text.str(), "text/csv; charset=utf-8");
    return;
  }
  send_report(exchange, app::whatif_html(report.value()));
}

}  // namespace

void add_whatif_routes(RouteTable& table) {
  table.add(Method::get, "/whatif", Answer::page, Access::needs(app::Permission::run_whatif),
            show_form);
  table.add(Method::post, "/whatif", Answer::page, Access::needs(app::Permission::run_whatif),
            run_whatif);
}

}  // namespace hsg::web
