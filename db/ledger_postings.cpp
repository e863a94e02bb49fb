#include "db/ledger_postings.h"

#include <fmt/format.h>

#include <map>
#include <stdexcept>

#include "db/audit_append.h"
#include "db/canonical_json.h"
#include "db/record_payloads.h"
#include "engine/checked.h"
#include "engine/decimal.h"

namespace hsg::db {

namespace {

constexpr char kInsertPosting[] =
    "INSERT INTO postings (id, posted_on, kind, grant_id, description, reverses) "
    "VALUES (?1, ?2, ?3, ?4, ?5, ?6)";
constexpr char kInsertLine[] =
    "INSERT INTO posting_lines (posting_id, line, account, cost_centre, debit_pence, "
    "credit_pence, client_ref, grant_id, intervention) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9)";
constexpr char kSelectPosting[] =
    "SELECT id, posted_on, kind, grant_id, description, reverses FROM postings WHERE id = ?1";
constexpr char kSelectLines[] =
    "SELECT line, account, cost_centre, debit_pence, credit_pence, client_ref, grant_id, "
    "intervention FROM posting_lines WHERE posting_id = ?1 ORDER BY line";
constexpr char kSelectLine[] =
    "SELECT line, account, cost_centre, debit_pence, credit_pence, client_ref, grant_id, "
    "intervention FROM posting_lines WHERE posting_id = ?1 AND line = ?2";
constexpr char kPostingExists[] = "SELECT 1 FROM postings WHERE id = ?1";
constexpr char kSelectReversal[] = "SELECT id FROM postings WHERE reverses = ?1";
constexpr char kSelectGrantPostings[] =
    "SELECT p.id, p.kind, p.reverses, (SELECT sum(l.debit_pence) FROM posting_lines l WHERE "
    "l.posting_id = p.id) FROM postings p WHERE p.grant_id = ?1 AND (?2 IS NULL OR p.posted_on <= "
    "?2)";
constexpr char kSelectPurchased[] =
    "SELECT ifnull(sum(amount_pence), 0) FROM purchases p WHERE grant_id = ?1 AND NOT EXISTS "
    "(SELECT 1 FROM purchase_decisions d WHERE d.grant_id = p.grant_id AND d.number = p.number "
    "AND d.kind = 'refuse')";

std::optional<std::string> optional_text(const SQLite::Column& column) {
  if (column.isNull()) return std::nullopt;
  return column.getString();
}

std::string payload_of(const PostingRow& posting) {
  CanonicalObject object;
  object.add("id", posting.id)
      .add("posted_on", posting.posted_on)
      .add("kind", posting.kind)
      .add("grant_id", posting.grant_id)
      .add("description", posting.description);
  if (posting.reverses) {
    object.add("reverses", *posting.reverses);
  } else {
    object.add("reverses", std::optional<std::int64_t>());
  }
  return object.str();
}

std::string payload_of(const std::string& posting_id, const PostingLineRow& line) {
  CanonicalObject object;
  object.add("posting_id", posting_id)
      .add("line", line.line)
      .add("account", line.account)
      .add("cost_centre", line.cost_centre)
      .add("debit_pence", line.debit_pence)
      .add("credit_pence", line.credit_pence)
      .add("client_ref", line.client_ref)
      .add("grant_id", line.grant_id);
  if (line.intervention) {
    object.add("intervention", *line.intervention);
  } else {
    object.add("intervention", std::optional<std::int64_t>());
  }
  return object.str();
}

PostingLineRow read_line(SQLite::Statement& row) {
  return {row.getColumn(0).getInt64(), row.getColumn(1).getString(),   row.getColumn(2).getString(),
          row.getColumn(3).getInt64(), row.getColumn(4).getInt64(),    row.getColumn(5).getString(),
          row.getColumn(6).getInt64(), optional_text(row.getColumn(7))};
}

std::optional<PostingRow> select_posting(Connection& connection, const std::string& id) {
  auto select = connection.statement(kSelectPosting);
  select->bind(1, id);
  if (!select->executeStep()) return std::nullopt;
  return PostingRow{select->getColumn(0).getString(),
                    select->getColumn(1).getString(),
                    select->getColumn(2).getString(),
                    select->getColumn(3).getInt64(),
                    select->getColumn(4).getString(),
                    optional_text(select->getColumn(5)),
                    {}};
}

}  // namespace

std::string pounds(std::int64_t pence) { return engine::format_hundredths(pence); }

std::string instalment_posting_id(std::int64_t grant_id, std::string_view intervention,
                                  std::int64_t number) {
  return fmt::format("I-{}-{}-{}", grant_id, intervention, number);
}

std::string recovery_posting_id(std::int64_t grant_id, std::int64_t number) {
  return fmt::format("R-{}-{}", grant_id, number);
}

std::string reversal_posting_id(std::string_view original) { return fmt::format("X-{}", original); }

std::optional<std::string> balance_problem(std::string_view id, std::int64_t debit_pence,
                                           std::int64_t credit_pence, std::size_t line_count) {
  if (debit_pence == credit_pence && line_count >= 2) return std::nullopt;
  if (line_count < 2)
    return fmt::format("posting {} has {} line(s), not at least 2", id, line_count);
  return fmt::format("posting {} does not balance: debits {}, credits {}", id, pounds(debit_pence),
                     pounds(credit_pence));
}

void write_posting(Connection& connection, const Stamp& stamp, const PostingRow& posting) {
  std::int64_t debits = 0;
  std::int64_t credits = 0;
  for (std::size_t i = 0; i < posting.lines.size(); ++i) {
    const PostingLineRow& line = posting.lines[i];
    if (line.line != static_cast<std::int64_t>(i) + 1 || line.debit_pence < 0 ||
        line.credit_pence < 0 || (line.debit_pence != 0 && line.credit_pence != 0)) {
      throw std::logic_error(fmt::format("posting {}: line {} is malformed", posting.id, i + 1));
    }
    debits = engine::checked_add(debits, line.debit_pence);
    credits = engine::checked_add(credits, line.credit_pence);
  }
  if (auto problem = balance_problem(posting.id, debits, credits, posting.lines.size())) {
    throw std::runtime_error(*problem);
  }
  {
    auto insert = connection.statement(kInsertPosting);
    insert->bindNoCopy(1, posting.id);
    insert->bindNoCopy(2, posting.posted_on);
    insert->bindNoCopy(3, posting.kind);
    insert->bind(4, posting.grant_id);
    insert->bindNoCopy(5, posting.description);
    if (posting.reverses) insert->bindNoCopy(6, *posting.reverses);
    insert->exec();
  }
  append_audit_event(connection, stamp, "posting.add", "postings", posting.id, payload_of(posting));
  for (const PostingLineRow& line : posting.lines) {
    {
      auto insert = connection.statement(kInsertLine);
      insert->bindNoCopy(1, posting.id);
      insert->bind(2, line.line);
      insert->bindNoCopy(3, line.account);
      insert->bindNoCopy(4, line.cost_centre);
      insert->bind(5, line.debit_pence);
      insert->bind(6, line.credit_pence);
      insert->bindNoCopy(7, line.client_ref);
      insert->bind(8, line.grant_id);
      if (line.intervention) insert->bindNoCopy(9, *line.intervention);
      insert->exec();
    }
    append_audit_event(connection, stamp, "posting.line", "posting_lines",
                       fmt::format("{}/{}", posting.id, line.line), payload_of(posting.id, line));
  }
}

bool posting_exists(Connection& connection, const std::string& id) {
  auto select = connection.statement(kPostingExists);
  select->bindNoCopy(1, id);
  return select->executeStep();
}

std::optional<PostingRow> read_posting(Connection& connection, const std::string& id) {
  auto posting = select_posting(connection, id);
  if (!posting) return std::nullopt;
  std::int64_t debits = 0;
  std::int64_t credits = 0;
  auto select = connection.statement(kSelectLines);
  select->bind(1, id);
  while (select->executeStep()) {
    posting->lines.push_back(read_line(*select));
    debits = engine::checked_add(debits, posting->lines.back().debit_pence);
    credits = engine::checked_add(credits, posting->lines.back().credit_pence);
  }
  if (auto problem = balance_problem(id, debits, credits, posting->lines.size())) {
    throw std::runtime_error(*problem);
  }
  return posting;
}

std::optional<std::string> reversal_of(Connection& connection, const std::string& id) {
  auto select = connection.statement(kSelectReversal);
  select->bind(1, id);
  if (!select->executeStep()) return std::nullopt;
  return select->getColumn(0).getString();
}

GrantMoney grant_money(Connection& connection, std::int64_t grant_id,
                       const std::optional<std::string>& through) {
  struct Entry {
    std::string kind;
    std::optional<std::string> reverses;
    std::int64_t pence = 0;
  };
  std::map<std::string, Entry> postings;
  {
    auto select = connection.statement(kSelectGrantPostings);
    select->bind(1, grant_id);
    if (through) {
      select->bind(2, *through);
    } else {
      select->bind(2);
    }
    while (select->executeStep()) {
      postings.emplace(select->getColumn(0).getString(),
                       Entry{select->getColumn(1).getString(), optional_text(select->getColumn(2)),
                             select->getColumn(3).isNull() ? 0 : select->getColumn(3).getInt64()});
    }
  }
  GrantMoney money;
  for (const auto& [id, entry] : postings) {
    std::int64_t sign = 1;
    const Entry* base = &entry;
    // Each step goes to an older posting of the same grant, so the walk is bounded.
    for (std::size_t step = 0; base->reverses && step <= postings.size(); ++step) {
      const auto original = postings.find(*base->reverses);
      if (original == postings.end()) {
        throw std::runtime_error(
            fmt::format("posting {} reverses {}, which is not a posting of "
                        "grant {}",
                        id, *base->reverses, grant_id));
      }
      base = &original->second;
      sign = -sign;
    }
    if (base->kind == "instalment") {
      money.paid_pence = engine::checked_add(money.paid_pence, sign * entry.pence);
    } else if (base->kind == "recovery") {
      money.recovered_pence = engine::checked_add(money.recovered_pence, sign * entry.pence);
    }
  }
  auto purchased = connection.statement(kSelectPurchased);
  purchased->bind(1, grant_id);
  purchased->executeStep();
  money.purchased_pence = purchased->getColumn(0).getInt64();
  return money;
}

std::optional<std::string> stored_posting_payload(Connection& connection, std::string_view id) {
  auto posting = select_posting(connection, std::string(id));
  if (!posting) return std::nullopt;
  return payload_of(*posting);
}

std::optional<std::string> stored_posting_line_payload(Connection& connection,
                                                       std::string_view id) {
  const auto slash = id.rfind('/');
  if (slash == std::string_view::npos) return std::nullopt;
  const std::string posting_id(id.substr(0, slash));
  std::int64_t number = 0;
  const std::string_view digits = id.substr(slash + 1);
  if (digits.empty() || digits.size() > 6 ||
      digits.find_first_not_of("0123456789") != std::string_view::npos) {
    return std::nullopt;
  }
  for (char digit : digits) number = number * 10 + (digit - '0');
  auto select = connection.statement(kSelectLine);
  select->bind(1, posting_id);
  select->bind(2, number);
  if (!select->executeStep()) return std::nullopt;
  return payload_of(posting_id, read_line(*select));
}

}  // namespace hsg::db
