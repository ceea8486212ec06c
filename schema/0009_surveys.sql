-- Surveys that are not a class (kind 'survey'), two more question types: 'multi' (several
-- options, with an optional least and most) and 'unit' (the respondent's unit, from the event
-- unit's subtree), and paper sheets typed in by staff. SQLite cannot change a CHECK constraint, so both tables are rebuilt with the
-- same columns and ids; the foreign keys that point at events are checked at the end.
PRAGMA defer_foreign_keys = on;

CREATE TABLE events_next (
  id INTEGER PRIMARY KEY,
  code TEXT NOT NULL UNIQUE,
  kind TEXT NOT NULL CHECK (kind IN ('class', 'workshop', 'survey')),
  title TEXT NOT NULL,
  unit_id INTEGER NOT NULL REFERENCES units (id),
  starts_at TEXT NOT NULL,
  ends_at TEXT NOT NULL,
  -- when the survey stops accepting answers (the cron closes it)
  closes_at TEXT NOT NULL,
  expected_participants INTEGER NOT NULL,
  lecturers TEXT NOT NULL DEFAULT '',
  trainee_category TEXT,
  form_id INTEGER REFERENCES forms (id),
  status TEXT NOT NULL DEFAULT 'open' CHECK (status IN ('open', 'closed')),
  closed_at TEXT,
  response_count INTEGER NOT NULL DEFAULT 0,
  created_by INTEGER REFERENCES users (id),
  created_at TEXT NOT NULL,
  question TEXT,
  programme_id INTEGER REFERENCES programmes (id),
  fast_count INTEGER NOT NULL DEFAULT 0,
  -- of response_count, how many were typed in from paper sheets
  paper_count INTEGER NOT NULL DEFAULT 0
);
INSERT INTO events_next (id, code, kind, title, unit_id, starts_at, ends_at, closes_at,
  expected_participants, lecturers, trainee_category, form_id, status, closed_at, response_count,
  created_by, created_at, question, programme_id, fast_count)
SELECT id, code, kind, title, unit_id, starts_at, ends_at, closes_at,
  expected_participants, lecturers, trainee_category, form_id, status, closed_at, response_count,
  created_by, created_at, question, programme_id, fast_count
FROM events;
DROP TABLE events;
ALTER TABLE events_next RENAME TO events;
CREATE INDEX events_unit ON events (unit_id, starts_at);
CREATE INDEX events_open_closes ON events (closes_at) WHERE status = 'open';

CREATE TABLE questions_next (
  id INTEGER PRIMARY KEY,
  form_id INTEGER NOT NULL REFERENCES forms (id),
  position INTEGER NOT NULL,
  type TEXT NOT NULL CHECK (type IN ('rating', 'choice', 'multi', 'text', 'unit')),
  criterion TEXT,
  label_vi TEXT NOT NULL,
  label_en TEXT NOT NULL,
  required INTEGER NOT NULL DEFAULT 0,
  -- JSON [{"value": "...", "labelVi": "...", "labelEn": "..."}] for choice and multi questions
  options TEXT,
  max_length INTEGER,
  -- how many options a multi answer may hold; NULL: no bound
  min_choices INTEGER,
  max_choices INTEGER
);
INSERT INTO questions_next (id, form_id, position, type, criterion, label_vi, label_en, required,
  options, max_length)
SELECT id, form_id, position, type, criterion, label_vi, label_en, required, options, max_length
FROM questions;
DROP TABLE questions;
ALTER TABLE questions_next RENAME TO questions;
CREATE INDEX questions_form ON questions (form_id, position);

-- A `unit` question's answers, per respondent's unit, for the breakdown of every other question:
-- kept at submission time like answer_counts, so no report scans raw answers.
CREATE TABLE answer_unit_counts (
  event_id INTEGER NOT NULL,
  unit_id INTEGER NOT NULL,
  question_id INTEGER NOT NULL,
  value TEXT NOT NULL,
  n INTEGER NOT NULL,
  PRIMARY KEY (event_id, unit_id, question_id, value)
) WITHOUT ROWID;

-- A paper sheet's response: its client_id is 'paper-' and the sheet's serial ('HN4CAT-0001'), so
-- UNIQUE(event_id, client_id) counts each sheet once; who typed it in is kept beside it.
ALTER TABLE responses ADD COLUMN entered_by INTEGER REFERENCES users (id);

PRAGMA defer_foreign_keys = off;
