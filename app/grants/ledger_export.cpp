#include "app/grants/ledger_export.h"

#include <array>
#include <charconv>
#include <string>

#include "app/present/csv_field.h"
#include "app/unwrap.h"
#include "db/canonical_json.h"
#include "engine/decimal.h"

namespace hsg::app {

namespace {

// Export is a hot path (a million lines should take about as long as sqlite3 -csv):
// text is built in one buffer without format strings and handed to the stream in
// large pieces.
class Buffered {
 public:
  explicit Buffered(std::ostream& out) : out_(out) { text_.reserve(kFlushAt + 4096); }
  std::string& text() { return text_; }
  void maybe_flush() {
    if (text_.size() >= kFlushAt) flush();
  }
  void flush() {
    out_.write(text_.data(), static_cast<std::streamsize>(text_.size()));
    text_.clear();
  }

 private:
  static constexpr std::size_t kFlushAt = 1 << 16;
  std::ostream& out_;
  std::string text_;
};

void append_integer(std::string& out, std::int64_t value) {
  std::array<char, 24> digits{};
  const auto end = std::to_chars(digits.data(), digits.data() + digits.size(), value).ptr;
  out.append(digits.data(), end);
}

// hledger's way of writing an amount in CSV: two decimals, but a bare "0" for zero.
void append_hledger_amount(std::string& out, std::int64_t pence) {
  if (pence == 0) {
    out += '0';
    return;
  }
  append_pounds(out, pence);
}

void append_balance_row(std::string& out, std::string_view account, std::int64_t pence) {
  append_csv_quoted(out, account);
  out.append(",\"");
  append_hledger_amount(out, pence);
  out.append("\"\n");
}

class CsvWriter : public LedgerWriter {
 public:
  explicit CsvWriter(std::ostream& out) : buffer_(out) {
    buffer_.text().append(
        "posting_id,line,date,account,cost_centre,debit,credit,amount,client_ref,grant_id,"
        "intervention,description,reverses\r\n");
  }
  void line(const db::LedgerLine& line) override {
    std::string& out = buffer_.text();
    append_csv_field(out, line.posting_id);
    out += ',';
    append_integer(out, line.line);
    out += ',';
    out.append(line.posted_on);
    out += ',';
    append_csv_field(out, line.account);
    out += ',';
    append_csv_field(out, line.cost_centre);
    out += ',';
    append_pounds(out, line.debit_pence);
    out += ',';
    append_pounds(out, line.credit_pence);
    out += ',';
    append_pounds(out, line.debit_pence - line.credit_pence);
    out += ',';
    append_csv_field(out, line.client_ref);
    out += ',';
    append_integer(out, line.grant_id);
    out += ',';
    if (line.intervention) append_csv_field(out, *line.intervention);
    out += ',';
    append_csv_field(out, line.description);
    out += ',';
    if (line.reverses) append_csv_field(out, *line.reverses);
    out.append("\r\n");
    buffer_.maybe_flush();
  }
  void finish() override { buffer_.flush(); }

 private:
  Buffered buffer_;
};

class JsonWriter : public LedgerWriter {
 public:
  explicit JsonWriter(std::ostream& out) : buffer_(out) { buffer_.text() += '['; }
  void line(const db::LedgerLine& line) override {
    std::string& out = buffer_.text();
    out.append(first_ ? "\n  {" : ",\n  {");
    first_ = false;
    key(out, "posting_id", true);
    db::append_json_string(out, line.posting_id);
    key(out, "line");
    append_integer(out, line.line);
    key(out, "date");
    db::append_json_string(out, line.posted_on);
    key(out, "account");
    db::append_json_string(out, line.account);
    key(out, "cost_centre");
    db::append_json_string(out, line.cost_centre);
    key(out, "debit");
    money(out, line.debit_pence);
    key(out, "credit");
    money(out, line.credit_pence);
    key(out, "amount");
    money(out, line.debit_pence - line.credit_pence);
    key(out, "client_ref");
    db::append_json_string(out, line.client_ref);
    key(out, "grant_id");
    append_integer(out, line.grant_id);
    key(out, "intervention");
    optional(out, line.intervention);
    key(out, "description");
    db::append_json_string(out, line.description);
    key(out, "reverses");
    optional(out, line.reverses);
    out += '}';
    buffer_.maybe_flush();
  }
  void finish() override {
    buffer_.text().append(first_ ? "]\n" : "\n]\n");
    buffer_.flush();
  }

 private:
  static void key(std::string& out, std::string_view name, bool first = false) {
    if (!first) out += ',';
    out += '"';
    out.append(name);
    out.append("\":");
  }
  static void money(std::string& out, std::int64_t pence) {
    out += '"';
    append_pounds(out, pence);
    out += '"';
  }
  static void optional(std::string& out, const std::optional<std::string_view>& text) {
    if (text) {
      db::append_json_string(out, *text);
    } else {
      out.append("null");
    }
  }
  Buffered buffer_;
  bool first_ = true;
};

class HledgerWriter : public LedgerWriter {
 public:
  explicit HledgerWriter(std::ostream& out) : buffer_(out) {
    buffer_.text().append("; hsg ledger export: one transaction per posting\n");
  }
  void line(const db::LedgerLine& line) override {
    std::string& out = buffer_.text();
    if (line.posting_id != current_) {
      current_.assign(line.posting_id);
      out += '\n';
      out.append(line.posted_on);
      out.append(" (");
      out.append(line.posting_id);
      out.append(") ");
      for (char c : line.description) out += c == ';' ? ',' : c;
      out.append("  ; grant:");
      append_integer(out, line.grant_id);
      out.append(", client:");
      out.append(line.client_ref);
      if (line.reverses) {
        out.append(", reverses:");
        out.append(*line.reverses);
      }
      out += '\n';
    }
    out.append("    ");
    out.append(line.account);
    out.append("    ");
    append_pounds(out, line.debit_pence - line.credit_pence);
    out.append("  ; cost_centre:");
    out.append(line.cost_centre);
    if (line.intervention) {
      out.append(", intervention:");
      out.append(*line.intervention);
    }
    out += '\n';
    buffer_.maybe_flush();
  }
  void finish() override { buffer_.flush(); }

 private:
  Buffered buffer_;
  std::string current_;
};

}  // namespace

std::optional<ExportFormat> export_format_named(std::string_view name) {
  if (name == "csv") return ExportFormat::csv;
  if (name == "json") return ExportFormat::json;
  if (name == "hledger") return ExportFormat::hledger;
  return std::nullopt;
}

Result<std::int64_t> export_ledger_lines(db::Database& database, const ExportRequest& request,
                                         std::ostream& out) {
  return attempt([&] {
    auto writer = make_ledger_writer(request.format, out);
    const std::int64_t lines = unwrap(db::LedgerRepository(database).for_each_line(
        request.from, request.to, [&](const db::LedgerLine& line) {
          writer->line(line);
          return true;
        }));
    writer->finish();
    return lines;
  });
}

void write_balance_csv(std::ostream& out, const TrialBalance& balance) {
  std::string text = "\"account\",\"balance\"\n";
  for (const db::AccountBalance& account : balance.accounts) {
    append_balance_row(text, account.account, account.balance_pence);
  }
  append_balance_row(text, "total", balance.total_pence);
  out << text;
}

void append_pounds(std::string& out, std::int64_t pence) { engine::append_hundredths(out, pence); }

std::unique_ptr<LedgerWriter> make_ledger_writer(ExportFormat format, std::ostream& out) {
  switch (format) {
    case ExportFormat::csv:
      return std::make_unique<CsvWriter>(out);
    case ExportFormat::json:
      return std::make_unique<JsonWriter>(out);
    case ExportFormat::hledger:
      return std::make_unique<HledgerWriter>(out);
  }
  return nullptr;
}

}  // namespace hsg::app
