-- The store schema, version 1 (copied from src/store.c, store_int.h), kept
-- at version 1 on purpose: every export test then also runs the upgrade to
-- the current schema, which derives the codes columns from result_lines.
-- tests/unit/test_store.c builds its schema-1 files from it too.
CREATE TABLE forms( hash TEXT PRIMARY KEY, form_id TEXT NOT NULL, version INTEGER NOT NULL, source TEXT NOT NULL, added_at TEXT NOT NULL);
CREATE TABLE intakes( id TEXT PRIMARY KEY, form_hash TEXT NOT NULL REFERENCES forms(hash), kiosk_id TEXT NOT NULL, lang TEXT NOT NULL, source TEXT NOT NULL CHECK (source IN ('kiosk','paper')), status TEXT NOT NULL  CHECK (status IN ('in_progress','completed','abandoned')), started_at TEXT NOT NULL, updated_at TEXT NOT NULL, completed_at TEXT, score INTEGER, band TEXT);
CREATE TABLE answers( intake_id TEXT NOT NULL REFERENCES intakes(id) ON DELETE CASCADE, question TEXT NOT NULL, value TEXT NOT NULL, answered_at TEXT NOT NULL, PRIMARY KEY (intake_id, question)) WITHOUT ROWID;
CREATE TABLE result_lines( intake_id TEXT NOT NULL REFERENCES intakes(id) ON DELETE CASCADE, seq INTEGER NOT NULL, kind TEXT NOT NULL, code TEXT NOT NULL, points INTEGER NOT NULL DEFAULT 0, text TEXT NOT NULL, PRIMARY KEY (intake_id, seq)) WITHOUT ROWID;
CREATE TABLE audit( seq INTEGER PRIMARY KEY, at TEXT NOT NULL, actor TEXT NOT NULL, action TEXT NOT NULL, detail TEXT NOT NULL);
CREATE INDEX intakes_started ON intakes(started_at);
CREATE INDEX intakes_status ON intakes(status);
PRAGMA user_version = 1;
