// hsg whatif --csv FILE: every client's before and after, one row each, written as the
// caseload is read so a million clients need no more memory than ten.
//
// RFC 4180 fields, lines ending in "\n": the one free-text field (the reason a client
// cannot be assessed) is quoted, with quotes doubled; references, group keys, dates and
// amounts never contain a comma or a quote. Amounts have two decimals and no "£".
#include <fmt/core.h>

#include "app/present/csv_field.h"
#include "app/whatif/whatif_output.h"

namespace hsg::app {

namespace {

std::string quoted(std::string_view text) {
  std::string out;
  append_csv_quoted(out, text);
  return out;
}

std::string_view outcome(const WhatifClient& client) {
  if (!client.after) return "cannot_be_assessed";
  if (*client.after > client.stored.total) return "up";
  if (*client.after < client.stored.total) return "down";
  return "same";
}

}  // namespace

void write_whatif_csv_header(std::ostream& out) {
  out << "client,group,allocation_id,assessed_on,before,after,change,outcome,reason\n";
}

void write_whatif_csv_row(std::ostream& out, const WhatifClient& client) {
  const db::StoredAllocation& stored = client.stored;
  out << fmt::format("{},{},{},{},{},{},{},{},{}\n", stored.client_ref, client.group_key, stored.id,
                     stored.assessed_on.to_string(), stored.total.to_string(),
                     client.after ? client.after->to_string() : "",
                     client.after ? (*client.after - stored.total).to_string() : "",
                     outcome(client), client.reason.empty() ? "" : quoted(client.reason));
}

}  // namespace hsg::app
