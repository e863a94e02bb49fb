#include "db/schema.h"

#include <array>

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

constexpr std::array<Migration, 1> kMigrations{{{1, kVersion1}}};

}  // namespace

std::span<const Migration> shipped_migrations() { return kMigrations; }

}  // namespace hsg::db
