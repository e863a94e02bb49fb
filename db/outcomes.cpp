#include "db/outcomes.h"

#include <fmt/format.h>

#include <charconv>
#include <stdexcept>

#include "db/audit_append.h"
#include "db/canonical_json.h"
#include "db/guard.h"
#include "db/record_payloads.h"

namespace hsg::db {

namespace {

constexpr char kSelectGrant[] = "SELECT client_ref, start_on FROM grants WHERE id = ?1";
constexpr char kNextVersion[] =
    "SELECT ifnull(max(version), 0) + 1 FROM outcome_returns WHERE grant_id = ?1 AND "
    "return_on = ?2";
constexpr char kInsertReturn[] =
    "INSERT INTO outcome_returns (id, grant_id, client_ref, return_on, term, version, actor, at) "
    "VALUES (NULL, ?1, ?2, ?3, ?4, ?5, ?6, ?7)";
constexpr char kInsertAnswer[] =
    "INSERT INTO outcome_answers (return_id, measure, needed, achieved) VALUES (?1, ?2, ?3, ?4)";
constexpr char kSelectReturn[] =
    "SELECT id, grant_id, client_ref, return_on, term, version, actor, at FROM outcome_returns "
    "WHERE id = ?1";
constexpr char kSelectReturnsOfGrant[] =
    "SELECT id, grant_id, client_ref, return_on, term, version, actor, at FROM outcome_returns "
    "WHERE grant_id = ?1 ORDER BY return_on, version";
constexpr char kSelectAnswers[] =
    "SELECT measure, needed, achieved FROM outcome_answers WHERE return_id = ?1";
constexpr char kSelectAnswer[] =
    "SELECT needed, achieved FROM outcome_answers WHERE return_id = ?1 AND measure = ?2";

// The latest version of each (grant, date) in the range, whatever the term of earlier
// versions: a corrected term moves the return from one table to the other.
#define HSG_LATEST_RETURNS                                                                 \
  "WITH latest AS (SELECT r.id FROM outcome_returns r WHERE r.term = ?3 AND r.return_on "  \
  "BETWEEN ?1 AND ?2 AND r.version = (SELECT max(v.version) FROM outcome_returns v WHERE " \
  "v.grant_id = r.grant_id AND v.return_on = r.return_on)) "
// Every return holds one answer per measure, so each measure's count(*) is the number
// of returns; one pass over the answers gives both.
constexpr char kCountAnswers[] = HSG_LATEST_RETURNS
    "SELECT a.measure, count(*), sum(a.needed), sum(a.achieved) FROM outcome_answers a "
    "JOIN latest l ON a.return_id = l.id GROUP BY a.measure";
#undef HSG_LATEST_RETURNS
constexpr char kNotOneAnswerPerMeasure[] =
    "the returns counted do not each hold one answer per measure";

std::string return_payload(const OutcomeReturn& stored) {
  return CanonicalObject()
      .add("id", stored.id)
      .add("grant_id", stored.grant_id)
      .add("client_ref", stored.client_ref)
      .add("return_on", stored.return_on.to_string())
      .add("term", engine::to_string(stored.term))
      .add("version", stored.version)
      .add("actor", stored.actor)
      .add("at", stored.at)
      .str();
}

std::string answer_payload(std::int64_t return_id, const engine::OutcomeAnswer& answer) {
  return CanonicalObject()
      .add("return_id", return_id)
      .add("measure", answer.measure)
      .add("needed", std::int64_t{answer.needed ? 1 : 0})
      .add("achieved", std::int64_t{answer.achieved ? 1 : 0})
      .str();
}

engine::Date date_of(const std::string& text) {
  const auto date = engine::Date::parse(text);
  if (!date) throw std::runtime_error(fmt::format("stored return date '{}' is not a date", text));
  return *date;
}

engine::OutcomeTerm term_of(const std::string& text) {
  const auto term = engine::parse_outcome_term(text);
  if (!term) throw std::runtime_error(fmt::format("stored term '{}' is not short or long", text));
  return *term;
}

OutcomeReturn read_return(SQLite::Statement& row) {
  return {row.getColumn(0).getInt64(),
          row.getColumn(1).getInt64(),
          row.getColumn(2).getString(),
          date_of(row.getColumn(3).getString()),
          term_of(row.getColumn(4).getString()),
          row.getColumn(5).getInt64(),
          row.getColumn(6).getString(),
          row.getColumn(7).getString(),
          {}};
}

// The stored answers in the framework's order; checked on read as on write.
std::vector<engine::OutcomeAnswer> read_answers(Connection& connection, std::int64_t return_id) {
  std::vector<engine::OutcomeAnswer> stored;
  auto select = connection.statement(kSelectAnswers);
  select->bind(1, return_id);
  while (select->executeStep()) {
    stored.push_back({select->getColumn(0).getString(), select->getColumn(1).getInt() == 1,
                      select->getColumn(2).getInt() == 1});
  }
  std::vector<engine::OutcomeAnswer> answers;
  for (const engine::OutcomeMeasure& measure : engine::outcome_measures()) {
    for (const engine::OutcomeAnswer& answer : stored) {
      if (answer.measure == measure.key) answers.push_back(answer);
    }
  }
  if (answers.size() != engine::outcome_measures().size() || stored.size() != answers.size()) {
    throw std::runtime_error(
        fmt::format("outcome return {} does not hold one answer per measure", return_id));
  }
  return answers;
}

std::optional<std::string> answers_problem(const std::vector<engine::OutcomeAnswer>& answers) {
  const auto measures = engine::outcome_measures();
  if (answers.size() != measures.size()) {
    return fmt::format("a return answers all {} measures, not {}", measures.size(), answers.size());
  }
  for (std::size_t i = 0; i < answers.size(); ++i) {
    if (answers[i].measure != measures[i].key) {
      return fmt::format("answer {} is for measure '{}', expected '{}'", i + 1, answers[i].measure,
                         measures[i].key);
    }
    if (answers[i].achieved && !answers[i].needed) {
      return fmt::format("measure {} is achieved but was not needed", answers[i].measure);
    }
  }
  return std::nullopt;
}

std::optional<std::int64_t> parse_number(std::string_view text) {
  std::int64_t value = 0;
  const auto parsed = std::from_chars(text.data(), text.data() + text.size(), value);
  if (parsed.ec != std::errc() || parsed.ptr != text.data() + text.size() || value < 1) {
    return std::nullopt;
  }
  return value;
}

}  // namespace

std::optional<std::string> stored_outcome_return_payload(Connection& connection,
                                                         std::string_view id) {
  const auto return_id = parse_number(id);
  if (!return_id) return std::nullopt;
  auto select = connection.statement(kSelectReturn);
  select->bind(1, *return_id);
  if (!select->executeStep()) return std::nullopt;
  return return_payload(read_return(*select));
}

std::optional<std::string> stored_outcome_answer_payload(Connection& connection,
                                                         std::string_view id) {
  const auto slash = id.find('/');
  if (slash == std::string_view::npos) return std::nullopt;
  const auto return_id = parse_number(id.substr(0, slash));
  if (!return_id) return std::nullopt;
  const std::string measure(id.substr(slash + 1));
  auto select = connection.statement(kSelectAnswer);
  select->bind(1, *return_id);
  select->bind(2, measure);
  if (!select->executeStep()) return std::nullopt;
  return answer_payload(*return_id, {measure, select->getColumn(0).getInt() == 1,
                                     select->getColumn(1).getInt() == 1});
}

DbResult<OutcomeReturn> OutcomeRepository::record(const Stamp& stamp,
                                                  const NewOutcomeReturn& outcome_return) {
  const std::string doing =
      fmt::format("cannot record outcomes for grant {}", outcome_return.grant_id);
  if (auto problem = stamp_problem(stamp)) return DbError{doing + ": " + *problem};
  if (auto problem = answers_problem(outcome_return.answers)) {
    return DbError{doing + ": " + *problem};
  }
  return guarded_write(database_, doing, [&](Connection& connection) -> DbResult<OutcomeReturn> {
    OutcomeReturn stored{0,
                         outcome_return.grant_id,
                         {},
                         outcome_return.return_on,
                         outcome_return.term,
                         0,
                         stamp.actor,
                         stamp.at,
                         outcome_return.answers};
    const std::string on = outcome_return.return_on.to_string();
    {
      auto grant = connection.statement(kSelectGrant);
      grant->bind(1, outcome_return.grant_id);
      if (!grant->executeStep()) {
        return DbError{fmt::format("{}: no grant {}", doing, outcome_return.grant_id)};
      }
      stored.client_ref = grant->getColumn(0).getString();
      const engine::Date start_on = date_of(grant->getColumn(1).getString());
      if (outcome_return.return_on < start_on) {
        return DbError{fmt::format("{}: {} is before the grant started ({})", doing, on,
                                   start_on.to_string())};
      }
    }
    {
      auto next = connection.statement(kNextVersion);
      next->bind(1, outcome_return.grant_id);
      next->bind(2, on);
      next->executeStep();
      stored.version = next->getColumn(0).getInt64();
    }
    {
      auto insert = connection.statement(kInsertReturn);
      insert->bind(1, stored.grant_id);
      insert->bind(2, stored.client_ref);
      insert->bind(3, on);
      insert->bind(4, std::string(engine::to_string(stored.term)));
      insert->bind(5, stored.version);
      insert->bind(6, stored.actor);
      insert->bind(7, stored.at);
      insert->exec();
    }
    stored.id = connection.sqlite.getLastInsertRowid();
    append_audit_event(connection, stamp, "outcome.record", "outcome_returns",
                       std::to_string(stored.id), return_payload(stored));
    for (const engine::OutcomeAnswer& answer : stored.answers) {
      {
        auto insert = connection.statement(kInsertAnswer);
        insert->bind(1, stored.id);
        insert->bind(2, answer.measure);
        insert->bind(3, answer.needed ? 1 : 0);
        insert->bind(4, answer.achieved ? 1 : 0);
        insert->exec();
      }
      append_audit_event(connection, stamp, "outcome.answer", "outcome_answers",
                         fmt::format("{}/{}", stored.id, answer.measure),
                         answer_payload(stored.id, answer));
    }
    return stored;
  });
}

DbResult<std::vector<OutcomeReturn>> OutcomeRepository::of_grant(std::int64_t grant_id) {
  const std::string doing = fmt::format("cannot read the outcomes of grant {}", grant_id);
  return guarded(doing, [&]() -> DbResult<std::vector<OutcomeReturn>> {
    Connection& connection = database_.connection();
    {
      auto grant = connection.statement(kSelectGrant);
      grant->bind(1, grant_id);
      if (!grant->executeStep()) {
        return DbError{fmt::format("{}: no grant {}", doing, grant_id)};
      }
    }
    std::vector<OutcomeReturn> returns;
    {
      auto select = connection.statement(kSelectReturnsOfGrant);
      select->bind(1, grant_id);
      while (select->executeStep()) returns.push_back(read_return(*select));
    }
    for (OutcomeReturn& stored : returns) {
      stored.answers = read_answers(connection, stored.id);
    }
    return returns;
  });
}

DbResult<OutcomeTable> OutcomeRepository::report(engine::Date from, engine::Date to,
                                                 engine::OutcomeTerm term) {
  return guarded("cannot report outcomes", [&]() -> DbResult<OutcomeTable> {
    Connection& connection = database_.connection();
    const std::string from_text = from.to_string();
    const std::string to_text = to.to_string();
    const std::string term_text(engine::to_string(term));
    const auto measures = engine::outcome_measures();
    OutcomeTable table{0, std::vector<engine::OutcomeCounts>(measures.size())};
    std::size_t rows = 0;
    auto select = connection.statement(kCountAnswers);
    select->bind(1, from_text);
    select->bind(2, to_text);
    select->bind(3, term_text);
    while (select->executeStep()) {
      const std::string measure = select->getColumn(0).getString();
      const std::int64_t returns = select->getColumn(1).getInt64();
      if (rows++ == 0) table.returns = returns;
      for (std::size_t i = 0; i < measures.size(); ++i) {
        if (measures[i].key != measure) continue;
        table.counts[i] = {returns, select->getColumn(2).getInt64(),
                           select->getColumn(3).getInt64()};
      }
      if (returns != table.returns) throw std::runtime_error(kNotOneAnswerPerMeasure);
    }
    if (rows != 0 && rows != measures.size()) throw std::runtime_error(kNotOneAnswerPerMeasure);
    // Every return holds one answer per measure and achieved implies needed (checked on
    // write, and by the table's CHECK), so these hold; outcome_figures() asserts them.
    for (const engine::OutcomeCounts& counts : table.counts) engine::outcome_figures(counts);
    return table;
  });
}

}  // namespace hsg::db
