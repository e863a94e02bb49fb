#include "db/ledger.h"

#include <fmt/format.h>

#include <algorithm>
#include <stdexcept>

#include "db/guard.h"
#include "db/ledger_postings.h"
#include "engine/checked.h"

namespace hsg::db {

namespace {

constexpr std::size_t kMaxReasonBytes = 4000;

// Due, not cancelled; whether posted is asked per row by id (the PRIMARY KEY).
constexpr char kSelectDue[] =
    "SELECT i.grant_id, i.intervention, i.number, i.due_on, i.amount_pence, g.client_ref, "
    "g.cost_centre, g.creditor_account, t.expenditure_account, (SELECT max(j.number) FROM "
    "instalments j WHERE j.grant_id = i.grant_id AND j.intervention = i.intervention) "
    "FROM instalments i JOIN grants g ON g.id = i.grant_id JOIN grant_interventions t ON "
    "t.grant_id = i.grant_id AND t.intervention = i.intervention WHERE i.due_on <= ?1 AND "
    "NOT EXISTS (SELECT 1 FROM instalment_cancellations c WHERE c.grant_id = i.grant_id AND "
    "c.intervention = i.intervention AND c.number = i.number) "
    "ORDER BY i.due_on, i.grant_id, t.position, i.number";
constexpr char kSelectLines[] =
    "SELECT l.posting_id, l.line, p.posted_on, l.account, l.cost_centre, l.debit_pence, "
    "l.credit_pence, l.client_ref, l.grant_id, l.intervention, p.description, p.reverses "
    "FROM postings p JOIN posting_lines l ON l.posting_id = p.id "
    "WHERE p.posted_on >= ?1 AND p.posted_on < ?2 ORDER BY p.posted_on, p.id, l.line";
constexpr char kFirstUnbalanced[] =
    "SELECT p.id, sum(l.debit_pence), sum(l.credit_pence), count(l.line) FROM postings p "
    "LEFT JOIN posting_lines l ON l.posting_id = p.id WHERE ?1 IS NULL OR p.posted_on <= ?1 "
    "GROUP BY p.id HAVING ifnull(sum(l.debit_pence), 0) <> ifnull(sum(l.credit_pence), 0) OR "
    "count(l.line) < 2 ORDER BY p.id LIMIT 1";
constexpr char kBalances[] =
    "SELECT l.account, sum(l.debit_pence) - sum(l.credit_pence) FROM posting_lines l JOIN "
    "postings p ON p.id = l.posting_id WHERE ?1 IS NULL OR p.posted_on <= ?1 GROUP BY l.account";
constexpr char kCommitments[] =
    "SELECT substr(i.due_on, 1, 7), i.intervention, count(*), sum(i.amount_pence), "
    "min(t.position) FROM instalments i JOIN grant_interventions t ON t.grant_id = i.grant_id "
    "AND t.intervention = i.intervention WHERE NOT EXISTS (SELECT 1 FROM "
    "instalment_cancellations c WHERE c.grant_id = i.grant_id AND c.intervention = "
    "i.intervention AND c.number = i.number) AND NOT EXISTS (SELECT 1 FROM postings p WHERE "
    "p.id = 'I-' || i.grant_id || '-' || i.intervention || '-' || i.number AND p.posted_on <= ?1) "
    "GROUP BY 1, 2 ORDER BY 1, 5, 2";
#define HSG_SPEND_FROM                                                                    \
  " FROM posting_lines l JOIN postings p ON p.id = l.posting_id WHERE l.intervention IS " \
  "NOT NULL AND p.posted_on >= ?1 AND p.posted_on < ?2 GROUP BY 1 ORDER BY 1"
constexpr char kSpendByMonth[] =
    "SELECT substr(p.posted_on, 1, 7), sum(l.debit_pence) - sum(l.credit_pence)" HSG_SPEND_FROM;
constexpr char kSpendByIntervention[] =
    "SELECT l.intervention, sum(l.debit_pence) - sum(l.credit_pence)" HSG_SPEND_FROM;
constexpr char kSpendByCostCentre[] =
    "SELECT l.cost_centre, sum(l.debit_pence) - sum(l.credit_pence)" HSG_SPEND_FROM;
constexpr char kSpendByClientGroup[] =
    "SELECT c.client_group, sum(l.debit_pence) - sum(l.credit_pence) FROM posting_lines l "
    "JOIN postings p ON p.id = l.posting_id JOIN clients c ON c.ref = l.client_ref WHERE "
    "l.intervention IS NOT NULL AND p.posted_on >= ?1 AND p.posted_on < ?2 GROUP BY 1 "
    "ORDER BY 1";
#undef HSG_SPEND_FROM
constexpr char kScheduledByClientGroup[] =
    "SELECT c.client_group, sum(i.amount_pence) FROM instalments i JOIN grants g ON g.id = "
    "i.grant_id JOIN clients c ON c.ref = g.client_ref WHERE i.due_on >= ?1 AND i.due_on < ?2 "
    "AND NOT EXISTS (SELECT 1 FROM instalment_cancellations x WHERE x.grant_id = i.grant_id "
    "AND x.intervention = i.intervention AND x.number = i.number) GROUP BY 1 ORDER BY 1";

// The (key, pence) rows of a spend query over [from, to).
std::vector<SpendRow> spend_rows(Connection& connection, const char* sql, engine::Date from,
                                 engine::Date to) {
  std::vector<SpendRow> rows;
  auto select = connection.statement(sql);
  select->bind(1, from.to_string());
  select->bind(2, to.to_string());
  while (select->executeStep()) {
    rows.push_back({select->getColumn(0).getString(),
                    engine::Money::from_pence(select->getColumn(1).getInt64())});
  }
  return rows;
}

std::string_view view_of(const SQLite::Column& column) {
  const char* text = column.getText();
  return {text, static_cast<std::size_t>(column.getBytes())};
}

// Checks each posting as its last line passes, so a stream never holds more than one.
class BalanceCheck {
 public:
  void add(std::string_view posting_id, std::int64_t debit, std::int64_t credit) {
    if (posting_id != current_) {
      finish();
      current_.assign(posting_id);
    }
    debits_ = engine::checked_add(debits_, debit);
    credits_ = engine::checked_add(credits_, credit);
    ++lines_;
  }
  void finish() {
    if (lines_ > 0) {
      if (auto problem = balance_problem(current_, debits_, credits_, lines_)) {
        throw std::runtime_error(*problem);
      }
    }
    debits_ = credits_ = 0;
    lines_ = 0;
  }

 private:
  std::string current_;
  std::int64_t debits_ = 0;
  std::int64_t credits_ = 0;
  std::size_t lines_ = 0;
};

void check_all_balance(Connection& connection, std::optional<engine::Date> as_of) {
  auto select = connection.statement(kFirstUnbalanced);
  if (as_of) select->bind(1, as_of->to_string());
  if (!select->executeStep()) return;
  const auto problem =
      balance_problem(select->getColumn(0).getString(),
                      select->getColumn(1).isNull() ? 0 : select->getColumn(1).getInt64(),
                      select->getColumn(2).isNull() ? 0 : select->getColumn(2).getInt64(),
                      static_cast<std::size_t>(select->getColumn(3).getInt64()));
  throw std::runtime_error(problem.value_or("a posting does not balance"));
}

// Account order as hledger lists them: by the ':'-separated parts, so a parent comes
// before its children and "a:b" before "a b".
bool account_before(std::string_view a, std::string_view b) {
  while (true) {
    const auto a_colon = a.find(':');
    const auto b_colon = b.find(':');
    const std::string_view a_part = a.substr(0, a_colon);
    const std::string_view b_part = b.substr(0, b_colon);
    if (a_part != b_part) return a_part < b_part;
    if (a_colon == std::string_view::npos || b_colon == std::string_view::npos) {
      return a_colon == std::string_view::npos && b_colon != std::string_view::npos;
    }
    a.remove_prefix(a_colon + 1);
    b.remove_prefix(b_colon + 1);
  }
}

}  // namespace

DbResult<PostResult> LedgerRepository::post_through(const Stamp& stamp, engine::Date through) {
  const std::string doing =
      fmt::format("cannot post the instalments due by {}", through.to_string());
  if (auto problem = stamp_problem(stamp)) return DbError{doing + ": " + *problem};
  return guarded_write(database_, doing, [&](Connection& connection) -> DbResult<PostResult> {
    PostResult result;
    auto select = connection.statement(kSelectDue);
    select->bind(1, through.to_string());
    PostingRow posting;
    posting.kind = "instalment";
    posting.lines.resize(2);
    while (select->executeStep()) {
      const std::int64_t grant_id = select->getColumn(0).getInt64();
      const std::string intervention = select->getColumn(1).getString();
      const std::int64_t number = select->getColumn(2).getInt64();
      posting.id = instalment_posting_id(grant_id, intervention, number);
      if (posting_exists(connection, posting.id)) {
        ++result.already_posted;
        continue;
      }
      const std::int64_t pence = select->getColumn(4).getInt64();
      posting.posted_on = select->getColumn(3).getString();
      // SQL compared the dates as text, which is their order only for the ten-character
      // dates hsg writes; so each is checked again as a date before it is paid.
      const auto due_on = engine::Date::parse(posting.posted_on);
      if (!due_on || through < *due_on) {
        return DbError{
            fmt::format("{}: instalment {} of grant {} {} is due on '{}', not a date "
                        "hsg wrote; run 'hsg audit verify'",
                        doing, number, grant_id, intervention, posting.posted_on)};
      }
      posting.grant_id = grant_id;
      posting.description = fmt::format("grant {} {} instalment {} of {}", grant_id, intervention,
                                        number, select->getColumn(9).getInt64());
      const std::string client_ref = select->getColumn(5).getString();
      const std::string cost_centre = select->getColumn(6).getString();
      posting.lines[0] = {1,           select->getColumn(8).getString(),
                          cost_centre, pence,
                          0,           client_ref,
                          grant_id,    intervention};
      posting.lines[1] = {2,           select->getColumn(7).getString(),
                          cost_centre, 0,
                          pence,       client_ref,
                          grant_id,    std::nullopt};
      write_posting(connection, stamp, posting);
      ++result.posted;
      result.posted_amount += engine::Money::from_pence(pence);
    }
    return result;
  });
}

DbResult<std::vector<DueInstalment>> LedgerRepository::due_unposted(engine::Date through) {
  return guarded(
      fmt::format("cannot read the instalments due by {}", through.to_string()),
      [&]() -> DbResult<std::vector<DueInstalment>> {
        Connection& connection = database_.connection();
        std::vector<DueInstalment> due;
        auto select = connection.statement(kSelectDue);
        select->bind(1, through.to_string());
        while (select->executeStep()) {
          DueInstalment row;
          row.grant_id = select->getColumn(0).getInt64();
          row.intervention = select->getColumn(1).getString();
          row.number = select->getColumn(2).getInt64();
          if (posting_exists(connection,
                             instalment_posting_id(row.grant_id, row.intervention, row.number))) {
            continue;
          }
          row.due_on = select->getColumn(3).getString();
          row.amount = engine::Money::from_pence(select->getColumn(4).getInt64());
          row.client_ref = select->getColumn(5).getString();
          row.of = select->getColumn(9).getInt64();
          due.push_back(std::move(row));
        }
        return due;
      });
}

DbResult<std::string> LedgerRepository::reverse(const Stamp& stamp, std::string_view posting_id,
                                                engine::Date on, std::string_view reason) {
  const std::string doing = fmt::format("cannot reverse posting {}", posting_id);
  if (auto problem = stamp_problem(stamp)) return DbError{doing + ": " + *problem};
  if (reason.find_first_not_of(" \t") == std::string_view::npos) {
    return DbError{doing + ": a reason is required"};
  }
  if (auto problem = one_line_problem("the reason", reason, kMaxReasonBytes)) {
    return DbError{doing + ": " + *problem};
  }
  return guarded_write(database_, doing, [&](Connection& connection) -> DbResult<std::string> {
    const auto original = read_posting(connection, std::string(posting_id));
    if (!original) return DbError{fmt::format("{}: no posting {}", doing, posting_id)};
    if (auto reversal = reversal_of(connection, original->id)) {
      return DbError{fmt::format("{}: it was already reversed by {}", doing, *reversal)};
    }
    if (on.to_string() < original->posted_on) {
      return DbError{fmt::format("{}: {} is before the posting's own date {}", doing,
                                 on.to_string(), original->posted_on)};
    }
    PostingRow reversal{reversal_posting_id(original->id),
                        on.to_string(),
                        "reversal",
                        original->grant_id,
                        fmt::format("reversal of {}: {}", original->id, reason),
                        original->id,
                        original->lines};
    for (PostingLineRow& line : reversal.lines) std::swap(line.debit_pence, line.credit_pence);
    write_posting(connection, stamp, reversal);
    // A grant may never have recovered more than it paid: reversing a payment that a
    // recovery already returned would leave the recovery recovering nothing.
    const GrantMoney money = grant_money(connection, original->grant_id);
    if (money.paid_pence < money.recovered_pence || money.recovered_pence < 0) {
      return DbError{fmt::format(
          "{}: grant {} would then have recovered {} of {} paid; reverse "
          "the recovery first",
          doing, original->grant_id, pounds(money.recovered_pence), pounds(money.paid_pence))};
    }
    // Nor paid less than its purchases spent or reserve (db/spending.h).
    if (money.paid_pence < money.recovered_pence + money.purchased_pence) {
      return DbError{fmt::format(
          "{}: grant {} would then have paid {}, less than the {} its purchases spent or "
          "await sign-off and the {} recovered",
          doing, original->grant_id, pounds(money.paid_pence), pounds(money.purchased_pence),
          pounds(money.recovered_pence))};
    }
    return reversal.id;
  });
}

DbResult<std::int64_t> LedgerRepository::for_each_line(
    engine::Date from, engine::Date to, const std::function<bool(const LedgerLine&)>& visit) {
  return guarded("cannot read the ledger", [&]() -> DbResult<std::int64_t> {
    auto select = database_.connection().statement(kSelectLines);
    select->bind(1, from.to_string());
    select->bind(2, to.to_string());
    BalanceCheck check;
    std::int64_t visited = 0;
    LedgerLine line;
    while (select->executeStep()) {
      line.posting_id = view_of(select->getColumn(0));
      line.line = select->getColumn(1).getInt64();
      line.posted_on = view_of(select->getColumn(2));
      line.account = view_of(select->getColumn(3));
      line.cost_centre = view_of(select->getColumn(4));
      line.debit_pence = select->getColumn(5).getInt64();
      line.credit_pence = select->getColumn(6).getInt64();
      line.client_ref = view_of(select->getColumn(7));
      line.grant_id = select->getColumn(8).getInt64();
      line.intervention.reset();
      if (!select->getColumn(9).isNull()) line.intervention = view_of(select->getColumn(9));
      line.description = view_of(select->getColumn(10));
      line.reverses.reset();
      if (!select->getColumn(11).isNull()) line.reverses = view_of(select->getColumn(11));
      check.add(line.posting_id, line.debit_pence, line.credit_pence);
      ++visited;
      if (!visit(line)) return visited;
    }
    check.finish();
    return visited;
  });
}

DbResult<std::vector<AccountBalance>> LedgerRepository::balance(std::optional<engine::Date> as_of) {
  return guarded("cannot read the ledger", [&]() -> DbResult<std::vector<AccountBalance>> {
    Connection& connection = database_.connection();
    check_all_balance(connection, as_of);
    std::vector<AccountBalance> balances;
    auto select = connection.statement(kBalances);
    if (as_of) select->bind(1, as_of->to_string());
    while (select->executeStep()) {
      const std::int64_t pence = select->getColumn(1).getInt64();
      if (pence != 0) balances.push_back({select->getColumn(0).getString(), pence});
    }
    std::sort(balances.begin(), balances.end(),
              [](const AccountBalance& a, const AccountBalance& b) {
                return account_before(a.account, b.account);
              });
    return balances;
  });
}

DbResult<std::vector<Commitment>> LedgerRepository::commitments(engine::Date as_of) {
  return guarded("cannot read the commitments", [&]() -> DbResult<std::vector<Commitment>> {
    std::vector<Commitment> commitments;
    auto select = database_.connection().statement(kCommitments);
    select->bind(1, as_of.to_string());
    while (select->executeStep()) {
      commitments.push_back({select->getColumn(0).getString(), select->getColumn(1).getString(),
                             select->getColumn(2).getInt64(),
                             engine::Money::from_pence(select->getColumn(3).getInt64())});
    }
    return commitments;
  });
}

DbResult<std::vector<SpendRow>> LedgerRepository::summary(engine::Date from, engine::Date to,
                                                          SummaryBy by) {
  return guarded("cannot read the ledger", [&]() -> DbResult<std::vector<SpendRow>> {
    Connection& connection = database_.connection();
    check_all_balance(connection, std::nullopt);
    const char* sql = kSpendByMonth;
    if (by == SummaryBy::intervention) sql = kSpendByIntervention;
    if (by == SummaryBy::cost_centre) sql = kSpendByCostCentre;
    if (by == SummaryBy::client_group) sql = kSpendByClientGroup;
    return spend_rows(connection, sql, from, to);
  });
}

DbResult<std::vector<SpendRow>> LedgerRepository::scheduled_by_client_group(engine::Date from,
                                                                            engine::Date to) {
  return guarded("cannot read the instalments", [&]() -> DbResult<std::vector<SpendRow>> {
    return spend_rows(database_.connection(), kScheduledByClientGroup, from, to);
  });
}

}  // namespace hsg::db
