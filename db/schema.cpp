#include "db/schema.h"

#include <array>

#include "db/ruleset_upgrade.h"

namespace hsg::db {

namespace {

// Version 1. Every table is STRICT. History tables (everything but client_personal)
// refuse UPDATE and DELETE by trigger, so a change of mind can only be a new row; the
// code issues no UPDATE or DELETE on them either. client_personal holds what may have
// to be erased (a client's name); nothing hashed by the audit chain refers to its text.
constexpr std::string_view kVersion1 = R"sql(
CREATE TABLE audit_events (
  seq         INTEGER PRIMARY KEY,
  at          TEXT NOT NULL,
  actor       TEXT NOT NULL,
  action      TEXT NOT NULL,
  entity_type TEXT NOT NULL,
  entity_id   TEXT NOT NULL,
  payload     TEXT NOT NULL,
  prev_hash   TEXT NOT NULL,
  hash        TEXT NOT NULL
) STRICT;

CREATE TABLE rulesets (
  id                           TEXT PRIMARY KEY,
  name                         TEXT NOT NULL,
  version                      TEXT NOT NULL,
  effective_from               TEXT NOT NULL,
  adjustment_tolerance_percent INTEGER NOT NULL,
  bytes                        BLOB NOT NULL
) STRICT;
CREATE INDEX rulesets_by_effective_from ON rulesets (effective_from);

CREATE TABLE clients (
  ref          TEXT PRIMARY KEY,
  client_group TEXT NOT NULL,
  asc_funded   INTEGER NOT NULL CHECK (asc_funded IN (0, 1))
) STRICT;

CREATE TABLE client_personal (
  ref  TEXT PRIMARY KEY REFERENCES clients (ref),
  name TEXT NOT NULL
) STRICT;

CREATE TABLE allocations (
  id                     INTEGER PRIMARY KEY,
  client_ref             TEXT NOT NULL REFERENCES clients (ref),
  assessed_on            TEXT NOT NULL,
  assessor               TEXT NOT NULL,
  ruleset_id             TEXT NOT NULL REFERENCES rulesets (id),
  engine_version         TEXT NOT NULL,
  answers                TEXT NOT NULL,
  calculated_total_pence INTEGER NOT NULL,
  upper_limit_pence      INTEGER NOT NULL,
  total_pence            INTEGER NOT NULL,
  cap_applied            INTEGER NOT NULL CHECK (cap_applied IN (0, 1)),
  outputs                TEXT NOT NULL,
  trace_sha256           TEXT NOT NULL
) STRICT;
CREATE INDEX allocations_by_client ON allocations (client_ref, assessed_on);

CREATE TABLE decisions (
  id             INTEGER PRIMARY KEY,
  allocation_id  INTEGER NOT NULL REFERENCES allocations (id),
  kind           TEXT NOT NULL CHECK (kind IN ('agree', 'approve', 'reject')),
  actor          TEXT NOT NULL,
  at             TEXT NOT NULL,
  reason         TEXT NOT NULL,
  agreed_pence   INTEGER,
  needs_approval INTEGER CHECK (needs_approval IN (0, 1)),
  agreement_id   INTEGER REFERENCES decisions (id),
  CHECK ((kind = 'agree') = (agreed_pence IS NOT NULL AND needs_approval IS NOT NULL)),
  CHECK ((kind = 'agree') = (agreement_id IS NULL))
) STRICT;
CREATE INDEX decisions_by_allocation ON decisions (allocation_id);

CREATE TRIGGER audit_events_no_update BEFORE UPDATE ON audit_events
BEGIN SELECT RAISE(ABORT, 'append-only: audit_events rows are never updated'); END;
CREATE TRIGGER audit_events_no_delete BEFORE DELETE ON audit_events
BEGIN SELECT RAISE(ABORT, 'append-only: audit_events rows are never deleted'); END;
CREATE TRIGGER rulesets_no_update BEFORE UPDATE ON rulesets
BEGIN SELECT RAISE(ABORT, 'append-only: rulesets rows are never updated'); END;
CREATE TRIGGER rulesets_no_delete BEFORE DELETE ON rulesets
BEGIN SELECT RAISE(ABORT, 'append-only: rulesets rows are never deleted'); END;
CREATE TRIGGER clients_no_update BEFORE UPDATE ON clients
BEGIN SELECT RAISE(ABORT, 'append-only: clients rows are never updated'); END;
CREATE TRIGGER clients_no_delete BEFORE DELETE ON clients
BEGIN SELECT RAISE(ABORT, 'append-only: clients rows are never deleted'); END;
CREATE TRIGGER client_personal_no_update BEFORE UPDATE ON client_personal
BEGIN SELECT RAISE(ABORT, 'append-only: client_personal rows are erased, never updated'); END;
CREATE TRIGGER allocations_no_update BEFORE UPDATE ON allocations
BEGIN SELECT RAISE(ABORT, 'append-only: allocations rows are never updated'); END;
CREATE TRIGGER allocations_no_delete BEFORE DELETE ON allocations
BEGIN SELECT RAISE(ABORT, 'append-only: allocations rows are never deleted'); END;
CREATE TRIGGER decisions_no_update BEFORE UPDATE ON decisions
BEGIN SELECT RAISE(ABORT, 'append-only: decisions rows are never updated'); END;
CREATE TRIGGER decisions_no_delete BEFORE DELETE ON decisions
BEGIN SELECT RAISE(ABORT, 'append-only: decisions rows are never deleted'); END;
)sql";

// Version 2: grants, their instalments and the finance ledger (docs/finance.md). The
// same rules as version 1: STRICT, append-only by trigger, so an end, a cancellation,
// a recovery or a correction is always a new row. A grant keeps the account coding
// (cost centre, creditor and expenditure accounts) it was started with, so a later
// change of a rule set's [finance] table never recodes money already committed. A
// posting's lines each hold a debit or a credit, never both; that they balance is
// checked by the code on write and on every read (SQL cannot check across rows).
constexpr std::string_view kVersion2 = R"sql(
CREATE TABLE grants (
  id               INTEGER PRIMARY KEY,
  allocation_id    INTEGER NOT NULL UNIQUE REFERENCES allocations (id),
  agreement_id     INTEGER NOT NULL REFERENCES decisions (id),
  client_ref       TEXT NOT NULL REFERENCES clients (ref),
  start_on         TEXT NOT NULL,
  held_as          TEXT NOT NULL CHECK (held_as IN ('direct_payment', 'managed_account', 'isf')),
  provider         TEXT,
  agreed_pence     INTEGER NOT NULL CHECK (agreed_pence >= 0),
  cost_centre      TEXT NOT NULL,
  creditor_account TEXT NOT NULL,
  CHECK (held_as <> 'isf' OR provider IS NOT NULL)
) STRICT;
CREATE INDEX grants_by_client ON grants (client_ref);

CREATE TABLE grant_interventions (
  grant_id            INTEGER NOT NULL REFERENCES grants (id),
  intervention        TEXT NOT NULL,
  position            INTEGER NOT NULL CHECK (position >= 0),
  weeks               INTEGER NOT NULL CHECK (weeks >= 1),
  amount_pence        INTEGER NOT NULL CHECK (amount_pence >= 0),
  expenditure_account TEXT NOT NULL,
  PRIMARY KEY (grant_id, intervention)
) STRICT;

CREATE TABLE instalments (
  grant_id     INTEGER NOT NULL,
  intervention TEXT NOT NULL,
  number       INTEGER NOT NULL CHECK (number >= 1),
  due_on       TEXT NOT NULL,
  amount_pence INTEGER NOT NULL CHECK (amount_pence > 0),
  PRIMARY KEY (grant_id, intervention, number),
  FOREIGN KEY (grant_id, intervention) REFERENCES grant_interventions (grant_id, intervention)
) STRICT;
CREATE INDEX instalments_by_due_on ON instalments (due_on);

CREATE TABLE grant_ends (
  grant_id             INTEGER PRIMARY KEY REFERENCES grants (id),
  end_on               TEXT NOT NULL,
  reason               TEXT NOT NULL,
  kind                 TEXT NOT NULL CHECK (kind IN ('end', 'review')),
  review_allocation_id INTEGER REFERENCES allocations (id),
  CHECK ((kind = 'review') = (review_allocation_id IS NOT NULL))
) STRICT;

CREATE TABLE instalment_cancellations (
  grant_id     INTEGER NOT NULL,
  intervention TEXT NOT NULL,
  number       INTEGER NOT NULL,
  reason       TEXT NOT NULL,
  PRIMARY KEY (grant_id, intervention, number),
  FOREIGN KEY (grant_id, intervention, number)
    REFERENCES instalments (grant_id, intervention, number),
  FOREIGN KEY (grant_id) REFERENCES grant_ends (grant_id)
) STRICT;

CREATE TABLE recoveries (
  grant_id     INTEGER NOT NULL REFERENCES grants (id),
  number       INTEGER NOT NULL CHECK (number >= 1),
  recovered_on TEXT NOT NULL,
  amount_pence INTEGER NOT NULL CHECK (amount_pence > 0),
  reason       TEXT NOT NULL,
  PRIMARY KEY (grant_id, number)
) STRICT;

CREATE TABLE postings (
  id          TEXT PRIMARY KEY,
  posted_on   TEXT NOT NULL,
  kind        TEXT NOT NULL CHECK (kind IN ('instalment', 'recovery', 'reversal')),
  grant_id    INTEGER NOT NULL REFERENCES grants (id),
  description TEXT NOT NULL,
  reverses    TEXT UNIQUE REFERENCES postings (id),
  CHECK ((kind = 'reversal') = (reverses IS NOT NULL))
) STRICT;
CREATE INDEX postings_by_posted_on ON postings (posted_on, id);
CREATE INDEX postings_by_grant ON postings (grant_id);

CREATE TABLE posting_lines (
  posting_id   TEXT NOT NULL REFERENCES postings (id),
  line         INTEGER NOT NULL CHECK (line >= 1),
  account      TEXT NOT NULL,
  cost_centre  TEXT NOT NULL,
  debit_pence  INTEGER NOT NULL CHECK (debit_pence >= 0),
  credit_pence INTEGER NOT NULL CHECK (credit_pence >= 0),
  client_ref   TEXT NOT NULL REFERENCES clients (ref),
  grant_id     INTEGER NOT NULL REFERENCES grants (id),
  intervention TEXT,
  CHECK (debit_pence = 0 OR credit_pence = 0),
  PRIMARY KEY (posting_id, line)
) STRICT;

CREATE TRIGGER grants_no_update BEFORE UPDATE ON grants
BEGIN SELECT RAISE(ABORT, 'append-only: grants rows are never updated'); END;
CREATE TRIGGER grants_no_delete BEFORE DELETE ON grants
BEGIN SELECT RAISE(ABORT, 'append-only: grants rows are never deleted'); END;
CREATE TRIGGER grant_interventions_no_update BEFORE UPDATE ON grant_interventions
BEGIN SELECT RAISE(ABORT, 'append-only: grant_interventions rows are never updated'); END;
CREATE TRIGGER grant_interventions_no_delete BEFORE DELETE ON grant_interventions
BEGIN SELECT RAISE(ABORT, 'append-only: grant_interventions rows are never deleted'); END;
CREATE TRIGGER instalments_no_update BEFORE UPDATE ON instalments
BEGIN SELECT RAISE(ABORT, 'append-only: instalments rows are never updated'); END;
CREATE TRIGGER instalments_no_delete BEFORE DELETE ON instalments
BEGIN SELECT RAISE(ABORT, 'append-only: instalments rows are never deleted'); END;
CREATE TRIGGER grant_ends_no_update BEFORE UPDATE ON grant_ends
BEGIN SELECT RAISE(ABORT, 'append-only: grant_ends rows are never updated'); END;
CREATE TRIGGER grant_ends_no_delete BEFORE DELETE ON grant_ends
BEGIN SELECT RAISE(ABORT, 'append-only: grant_ends rows are never deleted'); END;
CREATE TRIGGER instalment_cancellations_no_update BEFORE UPDATE ON instalment_cancellations
BEGIN SELECT RAISE(ABORT, 'append-only: instalment_cancellations rows are never updated'); END;
CREATE TRIGGER instalment_cancellations_no_delete BEFORE DELETE ON instalment_cancellations
BEGIN SELECT RAISE(ABORT, 'append-only: instalment_cancellations rows are never deleted'); END;
CREATE TRIGGER recoveries_no_update BEFORE UPDATE ON recoveries
BEGIN SELECT RAISE(ABORT, 'append-only: recoveries rows are never updated'); END;
CREATE TRIGGER recoveries_no_delete BEFORE DELETE ON recoveries
BEGIN SELECT RAISE(ABORT, 'append-only: recoveries rows are never deleted'); END;
CREATE TRIGGER postings_no_update BEFORE UPDATE ON postings
BEGIN SELECT RAISE(ABORT, 'append-only: postings rows are never updated'); END;
CREATE TRIGGER postings_no_delete BEFORE DELETE ON postings
BEGIN SELECT RAISE(ABORT, 'append-only: postings rows are never deleted'); END;
CREATE TRIGGER posting_lines_no_update BEFORE UPDATE ON posting_lines
BEGIN SELECT RAISE(ABORT, 'append-only: posting_lines rows are never updated'); END;
CREATE TRIGGER posting_lines_no_delete BEFORE DELETE ON posting_lines
BEGIN SELECT RAISE(ABORT, 'append-only: posting_lines rows are never deleted'); END;
)sql";

// Version 3: an allocation's outputs are kept as their SHA-256 (`outputs_sha256`), as
// its trace already was. Replay and `hsg show` recompute them exactly from the answers
// and the rule set, and the audit event of every allocation has always held this hash
// rather than the text, so no event changes: only the 750-byte copy, which made a
// recorded allocation nearly twice the size it needs to be, goes. The trigger is
// dropped only for the length of this one transaction (and put back on a file someone
// had dropped it from, so such a file can still be opened and verified).
constexpr std::string_view kVersion3 = R"sql(
DROP TRIGGER IF EXISTS allocations_no_update;
ALTER TABLE allocations ADD COLUMN outputs_sha256 TEXT NOT NULL DEFAULT '';
UPDATE allocations SET outputs_sha256 = hsg_sha256(outputs);
ALTER TABLE allocations DROP COLUMN outputs;
CREATE TRIGGER allocations_no_update BEFORE UPDATE ON allocations
BEGIN SELECT RAISE(ABORT, 'append-only: allocations rows are never updated'); END;
)sql";

// Version 4: outcomes returns (docs/commissioner.md, "Outcomes"). A return records, for
// one grant on one date, the Supporting People outcomes framework's answers (one row per
// measure). Recording the same grant and date again writes the next version; reports
// count only the latest version of each (grant, date), and every earlier one is kept.
// client_ref is copied from the grant so a return names its client in the audit event.
constexpr std::string_view kVersion4 = R"sql(
CREATE TABLE outcome_returns (
  id         INTEGER PRIMARY KEY,
  grant_id   INTEGER NOT NULL REFERENCES grants (id),
  client_ref TEXT NOT NULL REFERENCES clients (ref),
  return_on  TEXT NOT NULL,
  term       TEXT NOT NULL CHECK (term IN ('short', 'long')),
  version    INTEGER NOT NULL CHECK (version >= 1),
  actor      TEXT NOT NULL,
  at         TEXT NOT NULL,
  UNIQUE (grant_id, return_on, version)
) STRICT;
CREATE INDEX outcome_returns_by_term_date ON outcome_returns (term, return_on);

CREATE TABLE outcome_answers (
  return_id INTEGER NOT NULL REFERENCES outcome_returns (id),
  measure   TEXT NOT NULL,
  needed    INTEGER NOT NULL CHECK (needed IN (0, 1)),
  achieved  INTEGER NOT NULL CHECK (achieved IN (0, 1)),
  CHECK (achieved = 0 OR needed = 1),
  PRIMARY KEY (return_id, measure)
) STRICT;

CREATE TRIGGER outcome_returns_no_update BEFORE UPDATE ON outcome_returns
BEGIN SELECT RAISE(ABORT, 'append-only: outcome_returns rows are never updated'); END;
CREATE TRIGGER outcome_returns_no_delete BEFORE DELETE ON outcome_returns
BEGIN SELECT RAISE(ABORT, 'append-only: outcome_returns rows are never deleted'); END;
CREATE TRIGGER outcome_answers_no_update BEFORE UPDATE ON outcome_answers
BEGIN SELECT RAISE(ABORT, 'append-only: outcome_answers rows are never updated'); END;
CREATE TRIGGER outcome_answers_no_delete BEFORE DELETE ON outcome_answers
BEGIN SELECT RAISE(ABORT, 'append-only: outcome_answers rows are never deleted'); END;
)sql";

// Version 5: providers and support plans (docs/assessor.md, "Support plans"). Same
// rules again. A provider's accreditation is a dated row; ending it is another row
// (provider_ends), closing the periods recorded before it (up to last_accreditation), so
// a period added after an end is not closed by it and the list as it stood on any past
// date can be read back. A plan
// is never edited: a changed plan is the next version for the grant, with its own
// objectives and uses; it keeps the exact bytes of the plan file it was read from.
constexpr std::string_view kVersion5 = R"sql(
CREATE TABLE providers (
  name     TEXT PRIMARY KEY,
  kind     TEXT NOT NULL CHECK (kind IN ('generalist', 'specialist')),
  added_on TEXT NOT NULL
) STRICT;

CREATE TABLE provider_accreditations (
  provider         TEXT NOT NULL REFERENCES providers (name),
  number           INTEGER NOT NULL CHECK (number >= 1),
  accredited_from  TEXT NOT NULL,
  accredited_until TEXT,
  CHECK (accredited_until IS NULL OR accredited_until >= accredited_from),
  PRIMARY KEY (provider, number)
) STRICT;

CREATE TABLE provider_ends (
  provider           TEXT NOT NULL REFERENCES providers (name),
  number             INTEGER NOT NULL CHECK (number >= 1),
  end_on             TEXT NOT NULL,
  last_accreditation INTEGER NOT NULL CHECK (last_accreditation >= 1),
  PRIMARY KEY (provider, number)
) STRICT;

CREATE TABLE plans (
  id       INTEGER PRIMARY KEY,
  grant_id INTEGER NOT NULL REFERENCES grants (id),
  version  INTEGER NOT NULL CHECK (version >= 1),
  plan_on  TEXT NOT NULL,
  actor    TEXT NOT NULL,
  at       TEXT NOT NULL,
  sha256   TEXT NOT NULL,
  bytes    BLOB NOT NULL,
  UNIQUE (grant_id, version)
) STRICT;

CREATE TABLE plan_objectives (
  plan_id       INTEGER NOT NULL REFERENCES plans (id),
  objective_key TEXT NOT NULL,
  position      INTEGER NOT NULL CHECK (position >= 1),
  text          TEXT NOT NULL,
  domain        TEXT NOT NULL CHECK (domain IN ('economic_wellbeing', 'enjoy_and_achieve',
                                                'be_healthy', 'stay_safe',
                                                'positive_contribution')),
  PRIMARY KEY (plan_id, objective_key)
) STRICT;

CREATE TABLE plan_uses (
  plan_id       INTEGER NOT NULL REFERENCES plans (id),
  position      INTEGER NOT NULL CHECK (position >= 1),
  route         INTEGER NOT NULL CHECK (route BETWEEN 1 AND 6),
  description   TEXT NOT NULL,
  objective_key TEXT NOT NULL,
  provider      TEXT,
  category      TEXT NOT NULL,
  amount_pence  INTEGER NOT NULL CHECK (amount_pence >= 0),
  PRIMARY KEY (plan_id, position),
  FOREIGN KEY (plan_id, objective_key) REFERENCES plan_objectives (plan_id, objective_key)
) STRICT;
CREATE TRIGGER providers_no_update BEFORE UPDATE ON providers
BEGIN SELECT RAISE(ABORT, 'append-only: providers rows are never updated'); END;
CREATE TRIGGER providers_no_delete BEFORE DELETE ON providers
BEGIN SELECT RAISE(ABORT, 'append-only: providers rows are never deleted'); END;
CREATE TRIGGER provider_accreditations_no_update BEFORE UPDATE ON provider_accreditations
BEGIN SELECT RAISE(ABORT, 'append-only: provider_accreditations rows are never updated'); END;
CREATE TRIGGER provider_accreditations_no_delete BEFORE DELETE ON provider_accreditations
BEGIN SELECT RAISE(ABORT, 'append-only: provider_accreditations rows are never deleted'); END;
CREATE TRIGGER provider_ends_no_update BEFORE UPDATE ON provider_ends
BEGIN SELECT RAISE(ABORT, 'append-only: provider_ends rows are never updated'); END;
CREATE TRIGGER provider_ends_no_delete BEFORE DELETE ON provider_ends
BEGIN SELECT RAISE(ABORT, 'append-only: provider_ends rows are never deleted'); END;
CREATE TRIGGER plans_no_update BEFORE UPDATE ON plans
BEGIN SELECT RAISE(ABORT, 'append-only: plans rows are never updated'); END;
CREATE TRIGGER plans_no_delete BEFORE DELETE ON plans
BEGIN SELECT RAISE(ABORT, 'append-only: plans rows are never deleted'); END;
CREATE TRIGGER plan_objectives_no_update BEFORE UPDATE ON plan_objectives
BEGIN SELECT RAISE(ABORT, 'append-only: plan_objectives rows are never updated'); END;
CREATE TRIGGER plan_objectives_no_delete BEFORE DELETE ON plan_objectives
BEGIN SELECT RAISE(ABORT, 'append-only: plan_objectives rows are never deleted'); END;
CREATE TRIGGER plan_uses_no_update BEFORE UPDATE ON plan_uses
BEGIN SELECT RAISE(ABORT, 'append-only: plan_uses rows are never updated'); END;
CREATE TRIGGER plan_uses_no_delete BEFORE DELETE ON plan_uses
BEGIN SELECT RAISE(ABORT, 'append-only: plan_uses rows are never deleted'); END;
)sql";

// Version 6: rule sets are adopted, not just added (docs/rules.md, "Adopting a rule
// set"). A stored rule set is a draft until an adoption puts it in force from a date:
// proposed by one person and approved (or rejected) by another, or made by `hsg init`
// (the built-in medway) or by this upgrade. A retirement ends an adoption from a date.
// Each is a row of its own, so which rule set was in force on any day, and who decided
// it, can always be read back. That at most one is in force on any day is checked by
// the code before each write (SQL cannot check across date ranges).
constexpr std::string_view kVersion6 = R"sql(
CREATE TABLE ruleset_adoptions (
  id         INTEGER PRIMARY KEY,
  ruleset_id TEXT NOT NULL REFERENCES rulesets (id),
  from_on    TEXT NOT NULL,
  basis      TEXT NOT NULL CHECK (basis IN ('proposal', 'init', 'upgrade')),
  actor      TEXT NOT NULL,
  at         TEXT NOT NULL,
  reason     TEXT NOT NULL
) STRICT;
CREATE INDEX ruleset_adoptions_by_ruleset ON ruleset_adoptions (ruleset_id);

CREATE TABLE ruleset_adoption_decisions (
  adoption_id INTEGER PRIMARY KEY REFERENCES ruleset_adoptions (id),
  kind        TEXT NOT NULL CHECK (kind IN ('approve', 'reject')),
  actor       TEXT NOT NULL,
  at          TEXT NOT NULL,
  reason      TEXT NOT NULL
) STRICT;

CREATE TABLE ruleset_retirements (
  adoption_id INTEGER PRIMARY KEY REFERENCES ruleset_adoptions (id),
  from_on     TEXT NOT NULL,
  actor       TEXT NOT NULL,
  at          TEXT NOT NULL,
  reason      TEXT NOT NULL
) STRICT;

CREATE TRIGGER ruleset_adoptions_no_update BEFORE UPDATE ON ruleset_adoptions
BEGIN SELECT RAISE(ABORT, 'append-only: ruleset_adoptions rows are never updated'); END;
CREATE TRIGGER ruleset_adoptions_no_delete BEFORE DELETE ON ruleset_adoptions
BEGIN SELECT RAISE(ABORT, 'append-only: ruleset_adoptions rows are never deleted'); END;
CREATE TRIGGER ruleset_adoption_decisions_no_update BEFORE UPDATE ON ruleset_adoption_decisions
BEGIN SELECT RAISE(ABORT, 'append-only: ruleset_adoption_decisions rows are never updated'); END;
CREATE TRIGGER ruleset_adoption_decisions_no_delete BEFORE DELETE ON ruleset_adoption_decisions
BEGIN SELECT RAISE(ABORT, 'append-only: ruleset_adoption_decisions rows are never deleted'); END;
CREATE TRIGGER ruleset_retirements_no_update BEFORE UPDATE ON ruleset_retirements
BEGIN SELECT RAISE(ABORT, 'append-only: ruleset_retirements rows are never updated'); END;
CREATE TRIGGER ruleset_retirements_no_delete BEFORE DELETE ON ruleset_retirements
BEGIN SELECT RAISE(ABORT, 'append-only: ruleset_retirements rows are never deleted'); END;
)sql";

// Bulk writes that cannot duplicate (docs/assessor.md, "Many assessments at once"). Its
// version number is given only in kMigrations below. An import is identified by the SHA-256 of its
// rows as read (rows_sha256, the rule in docs/auditor.md), so the same rows saved again with other
// line ends, quoting or a byte-order mark are the same import; file_sha256 is of the file's exact
// bytes, as sha256sum prints it. A second import of the same rows is refused unless it is
// deliberate (again_of names the earlier one). It recorded the allocations numbered
// first_allocation_id to last_allocation_id, one per row. A generation records the
// clients `hsg generate` added (first_client_ref to last_client_ref, client_count of
// them), so a database holding any other client can be told apart by counting;
// `forced` says it was run on such a database anyway.
constexpr std::string_view kBulkWritesMigration = R"sql(
CREATE TABLE imports (
  id                  INTEGER PRIMARY KEY,
  file_name           TEXT NOT NULL,
  file_sha256         TEXT NOT NULL,
  rows_sha256         TEXT NOT NULL,
  row_count           INTEGER NOT NULL CHECK (row_count >= 1),
  first_allocation_id INTEGER NOT NULL REFERENCES allocations (id),
  last_allocation_id  INTEGER NOT NULL REFERENCES allocations (id),
  again_of            INTEGER REFERENCES imports (id),
  actor               TEXT NOT NULL,
  at                  TEXT NOT NULL,
  CHECK (last_allocation_id - first_allocation_id + 1 = row_count)
) STRICT;
CREATE INDEX imports_by_rows_sha256 ON imports (rows_sha256, id);

CREATE TABLE generations (
  id               INTEGER PRIMARY KEY,
  seed             TEXT NOT NULL,
  from_on          TEXT NOT NULL,
  client_count     INTEGER NOT NULL CHECK (client_count >= 1),
  first_client_ref TEXT NOT NULL REFERENCES clients (ref),
  last_client_ref  TEXT NOT NULL REFERENCES clients (ref),
  forced           INTEGER NOT NULL CHECK (forced IN (0, 1))
) STRICT;

CREATE TRIGGER imports_no_update BEFORE UPDATE ON imports
BEGIN SELECT RAISE(ABORT, 'append-only: imports rows are never updated'); END;
CREATE TRIGGER imports_no_delete BEFORE DELETE ON imports
BEGIN SELECT RAISE(ABORT, 'append-only: imports rows are never deleted'); END;
CREATE TRIGGER generations_no_update BEFORE UPDATE ON generations
BEGIN SELECT RAISE(ABORT, 'append-only: generations rows are never updated'); END;
CREATE TRIGGER generations_no_delete BEFORE DELETE ON generations
BEGIN SELECT RAISE(ABORT, 'append-only: generations rows are never deleted'); END;
)sql";

// Version 8: a row of a history table is written by one audit event. The log is
// searched by (entity_type, entity_id) when a command checks the record it acts on, and
// this index makes that a lookup rather than a scan; being UNIQUE, it also refuses a
// second event claiming to have written a row already written, which a forger could
// otherwise append to vouch for a changed row. Events that write no row of their own are
// left out: a client's personal details (set, then erased) and a note on an allocation;
// the notes have a small index of their own, so `hsg show` finds an allocation's note
// without a scan.
constexpr std::string_view kOneWriterMigration = R"sql(
CREATE UNIQUE INDEX audit_events_one_writer ON audit_events (entity_type, entity_id)
  WHERE action NOT IN ('client_personal.set', 'client_personal.erase',
                       'allocation.allow_future');
CREATE INDEX audit_events_future_date_notes ON audit_events (entity_type, entity_id)
  WHERE action = 'allocation.allow_future';
)sql";

// Version 9: the people who sign in (db/users.h, docs/administrator.md "Users and
// roles"). A user's name is the actor stamped on every write made through the server.
// What a user is allowed and whether they may sign in is never a column to overwrite:
// each grant or revoke of a role, each disablement or re-enablement, and each password
// set is a row of its own, and the latest (highest id) wins, so who changed what and
// when can always be read back. A password row holds the libsodium crypto_pwhash_str
// (argon2id) string, never the password; its audit event holds the SHA-256 of that
// string, so the log can vouch for the row without copying what an attacker would try
// passwords against. The role names are those of app/users/roles.h.
constexpr std::string_view kUsersMigration = R"sql(
CREATE TABLE users (
  name     TEXT PRIMARY KEY,
  added_by TEXT NOT NULL,
  at       TEXT NOT NULL
) STRICT;

CREATE TABLE user_role_changes (
  id        INTEGER PRIMARY KEY,
  user_name TEXT NOT NULL REFERENCES users (name),
  role      TEXT NOT NULL CHECK (role IN ('assessor', 'approver', 'finance', 'auditor',
                                          'commissioner', 'admin')),
  change    TEXT NOT NULL CHECK (change IN ('grant', 'revoke')),
  actor     TEXT NOT NULL,
  at        TEXT NOT NULL
) STRICT;
CREATE INDEX user_role_changes_by_user ON user_role_changes (user_name, id);

CREATE TABLE user_passwords (
  id        INTEGER PRIMARY KEY,
  user_name TEXT NOT NULL REFERENCES users (name),
  hash      TEXT NOT NULL,
  actor     TEXT NOT NULL,
  at        TEXT NOT NULL
) STRICT;
CREATE INDEX user_passwords_by_user ON user_passwords (user_name, id);

CREATE TABLE user_status_changes (
  id        INTEGER PRIMARY KEY,
  user_name TEXT NOT NULL REFERENCES users (name),
  status    TEXT NOT NULL CHECK (status IN ('disabled', 'enabled')),
  reason    TEXT NOT NULL,
  actor     TEXT NOT NULL,
  at        TEXT NOT NULL
) STRICT;
CREATE INDEX user_status_changes_by_user ON user_status_changes (user_name, id);

CREATE TRIGGER users_no_update BEFORE UPDATE ON users
BEGIN SELECT RAISE(ABORT, 'append-only: users rows are never updated'); END;
CREATE TRIGGER users_no_delete BEFORE DELETE ON users
BEGIN SELECT RAISE(ABORT, 'append-only: users rows are never deleted'); END;
CREATE TRIGGER user_role_changes_no_update BEFORE UPDATE ON user_role_changes
BEGIN SELECT RAISE(ABORT, 'append-only: user_role_changes rows are never updated'); END;
CREATE TRIGGER user_role_changes_no_delete BEFORE DELETE ON user_role_changes
BEGIN SELECT RAISE(ABORT, 'append-only: user_role_changes rows are never deleted'); END;
CREATE TRIGGER user_passwords_no_update BEFORE UPDATE ON user_passwords
BEGIN SELECT RAISE(ABORT, 'append-only: user_passwords rows are never updated'); END;
CREATE TRIGGER user_passwords_no_delete BEFORE DELETE ON user_passwords
BEGIN SELECT RAISE(ABORT, 'append-only: user_passwords rows are never deleted'); END;
CREATE TRIGGER user_status_changes_no_update BEFORE UPDATE ON user_status_changes
BEGIN SELECT RAISE(ABORT, 'append-only: user_status_changes rows are never updated'); END;
CREATE TRIGGER user_status_changes_no_delete BEFORE DELETE ON user_status_changes
BEGIN SELECT RAISE(ABORT, 'append-only: user_status_changes rows are never deleted'); END;
)sql";

// Version 10: spending a grant's cash, with receipts (docs/finance.md, "Spending and
// surplus"). A purchase is a row of its own, numbered per grant; whether it needs
// sign-off, and the threshold that decided it, are fixed when it is recorded. A sign-off
// or a refusal is another row (at most one per purchase), never an edit of the purchase.
// A receipt is kept once by the SHA-256 of its bytes (receipts): a purchase and its audit
// event name only the hash and the size, so the bytes can later be erased (issue 18)
// without changing any event of the chain. receipts therefore refuses UPDATE but not
// DELETE, and has no foreign key from purchases; `hsg audit verify` checks that every
// stored receipt's bytes still hash to its key and that every purchase's receipt is there.
constexpr std::string_view kSpendingMigration = R"sql(
CREATE TABLE receipts (
  sha256     TEXT PRIMARY KEY,
  size_bytes INTEGER NOT NULL CHECK (size_bytes BETWEEN 0 AND 10485760),
  bytes      BLOB NOT NULL,
  CHECK (length(bytes) = size_bytes)
) STRICT;

CREATE TABLE purchases (
  grant_id             INTEGER NOT NULL REFERENCES grants (id),
  number               INTEGER NOT NULL CHECK (number >= 1),
  purchased_on         TEXT NOT NULL,
  amount_pence         INTEGER NOT NULL CHECK (amount_pence > 0),
  description          TEXT NOT NULL,
  objective_key        TEXT NOT NULL,
  plan_id              INTEGER REFERENCES plans (id),
  receipt_sha256       TEXT,
  receipt_size_bytes   INTEGER,
  needs_sign_off       INTEGER NOT NULL CHECK (needs_sign_off IN (0, 1)),
  sign_off_above_pence INTEGER NOT NULL CHECK (sign_off_above_pence >= 0),
  actor                TEXT NOT NULL,
  at                   TEXT NOT NULL,
  CHECK ((receipt_sha256 IS NULL) = (receipt_size_bytes IS NULL)),
  PRIMARY KEY (grant_id, number)
) STRICT;

CREATE TABLE purchase_decisions (
  grant_id   INTEGER NOT NULL,
  number     INTEGER NOT NULL,
  kind       TEXT NOT NULL CHECK (kind IN ('approve', 'refuse')),
  decided_on TEXT NOT NULL,
  reason     TEXT NOT NULL,
  actor      TEXT NOT NULL,
  at         TEXT NOT NULL,
  PRIMARY KEY (grant_id, number),
  FOREIGN KEY (grant_id, number) REFERENCES purchases (grant_id, number)
) STRICT;

CREATE TRIGGER receipts_no_update BEFORE UPDATE ON receipts
BEGIN SELECT RAISE(ABORT, 'append-only: receipts rows are erased, never updated'); END;
CREATE TRIGGER purchases_no_update BEFORE UPDATE ON purchases
BEGIN SELECT RAISE(ABORT, 'append-only: purchases rows are never updated'); END;
CREATE TRIGGER purchases_no_delete BEFORE DELETE ON purchases
BEGIN SELECT RAISE(ABORT, 'append-only: purchases rows are never deleted'); END;
CREATE TRIGGER purchase_decisions_no_update BEFORE UPDATE ON purchase_decisions
BEGIN SELECT RAISE(ABORT, 'append-only: purchase_decisions rows are never updated'); END;
CREATE TRIGGER purchase_decisions_no_delete BEFORE DELETE ON purchase_decisions
BEGIN SELECT RAISE(ABORT, 'append-only: purchase_decisions rows are never deleted'); END;
)sql";

// Version 11: erasure (issue 18; docs/administrator.md, "Personal data"). An erasure of a
// client's personal details is a row of its own, numbered per client and written by its
// audit event like every other record: it says that the name and which receipts (by
// SHA-256, space-separated in hash order) were erased, and why, never what they held.
// `hsg audit verify` accepts a purchase's missing receipt only when an erasure names it.
constexpr std::string_view kErasureMigration = R"sql(
CREATE TABLE client_erasures (
  ref             TEXT NOT NULL REFERENCES clients (ref),
  number          INTEGER NOT NULL CHECK (number >= 1),
  reason          TEXT NOT NULL,
  name_erased     INTEGER NOT NULL CHECK (name_erased IN (0, 1)),
  receipts_erased TEXT NOT NULL,
  PRIMARY KEY (ref, number)
) STRICT;
CREATE TRIGGER client_erasures_no_update BEFORE UPDATE ON client_erasures
BEGIN SELECT RAISE(ABORT, 'append-only: client_erasures rows are never updated'); END;
CREATE TRIGGER client_erasures_no_delete BEFORE DELETE ON client_erasures
BEGIN SELECT RAISE(ABORT, 'append-only: client_erasures rows are never deleted'); END;
)sql";

constexpr std::array<Migration, 11> kMigrations{{{1, kVersion1},
                                                 {2, kVersion2},
                                                 {3, kVersion3},
                                                 {4, kVersion4},
                                                 {5, kVersion5},
                                                 {6, kVersion6, &adopt_as_before_upgrade},
                                                 {7, kBulkWritesMigration},
                                                 {8, kOneWriterMigration},
                                                 {9, kUsersMigration},
                                                 {10, kSpendingMigration},
                                                 {11, kErasureMigration}}};

}  // namespace

std::span<const Migration> shipped_migrations() { return kMigrations; }

}  // namespace hsg::db
