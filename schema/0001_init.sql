-- Units, staff accounts, events with their survey forms, responses and their running aggregates.

-- The organisational tree. `path` lists the ancestors and the unit itself ('/1/4/9/') so that
-- "is X inside my subtree" is one indexed prefix comparison.
CREATE TABLE units (
  id INTEGER PRIMARY KEY,
  code TEXT NOT NULL UNIQUE,
  name TEXT NOT NULL,
  level TEXT NOT NULL CHECK (level IN ('central', 'province', 'district', 'commune')),
  parent_id INTEGER REFERENCES units (id),
  path TEXT NOT NULL
);
CREATE INDEX units_parent ON units (parent_id);
CREATE INDEX units_path ON units (path);

CREATE TABLE users (
  id INTEGER PRIMARY KEY,
  email TEXT NOT NULL UNIQUE COLLATE NOCASE,
  name TEXT NOT NULL DEFAULT '',
  -- 'pbkdf2-sha256$<iterations>$<salt base64>$<hash base64>'
  password_hash TEXT NOT NULL,
  role TEXT NOT NULL CHECK (role IN ('admin', 'organiser', 'inspector', 'leader')),
  unit_id INTEGER NOT NULL REFERENCES units (id),
  created_at TEXT NOT NULL
);

-- Only the SHA-256 of a session token is stored, so a leaked table opens no session.
CREATE TABLE sessions (
  token_hash TEXT PRIMARY KEY,
  user_id INTEGER NOT NULL REFERENCES users (id),
  expires_at TEXT NOT NULL,
  created_at TEXT NOT NULL
) WITHOUT ROWID;
CREATE INDEX sessions_user ON sessions (user_id);

-- A form is immutable once it has responses: edits then make a new version (previous_id).
CREATE TABLE forms (
  id INTEGER PRIMARY KEY,
  title TEXT NOT NULL,
  version INTEGER NOT NULL DEFAULT 1,
  previous_id INTEGER REFERENCES forms (id),
  created_at TEXT NOT NULL
);

-- `criterion` is the stable key ('content', 'method', ...) that keeps scores comparable
-- across form versions and classes.
CREATE TABLE questions (
  id INTEGER PRIMARY KEY,
  form_id INTEGER NOT NULL REFERENCES forms (id),
  position INTEGER NOT NULL,
  type TEXT NOT NULL CHECK (type IN ('rating', 'choice', 'text')),
  criterion TEXT,
  label_vi TEXT NOT NULL,
  label_en TEXT NOT NULL,
  required INTEGER NOT NULL DEFAULT 0,
  -- JSON [{"value": "...", "labelVi": "...", "labelEn": "..."}] for choice questions
  options TEXT,
  max_length INTEGER
);
CREATE INDEX questions_form ON questions (form_id, position);

CREATE TABLE events (
  id INTEGER PRIMARY KEY,
  code TEXT NOT NULL UNIQUE,
  kind TEXT NOT NULL CHECK (kind IN ('class', 'workshop')),
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
  created_at TEXT NOT NULL
);
CREATE INDEX events_unit ON events (unit_id, starts_at);
CREATE INDEX events_open_closes ON events (closes_at) WHERE status = 'open';

-- One row per accepted submission; (event_id, client_id) makes retries idempotent.
-- body_hash tells a genuine retry from a different body sent with a reused clientId.
CREATE TABLE responses (
  id INTEGER PRIMARY KEY,
  event_id INTEGER NOT NULL REFERENCES events (id),
  client_id TEXT NOT NULL,
  role TEXT NOT NULL CHECK (role IN ('trainee', 'lecturer')),
  form_id INTEGER NOT NULL REFERENCES forms (id),
  body_hash TEXT NOT NULL,
  created_at TEXT NOT NULL,
  UNIQUE (event_id, client_id)
);

-- Raw rating and choice answers (text answers live in `comments`).
CREATE TABLE answers (
  response_id INTEGER NOT NULL,
  question_id INTEGER NOT NULL,
  value_num INTEGER,
  value_text TEXT,
  PRIMARY KEY (response_id, question_id)
) WITHOUT ROWID;

-- Free-text answers, kept apart so a report reads only the comments, never every answer.
CREATE TABLE comments (
  id INTEGER PRIMARY KEY,
  event_id INTEGER NOT NULL,
  response_id INTEGER NOT NULL,
  question_id INTEGER NOT NULL,
  text TEXT NOT NULL
);
CREATE INDEX comments_event ON comments (event_id, id);

-- Running histogram per event, question, role and value, updated in the submission's batch:
-- reports read these few rows instead of scanning answers.
CREATE TABLE answer_counts (
  event_id INTEGER NOT NULL,
  question_id INTEGER NOT NULL,
  role TEXT NOT NULL,
  value TEXT NOT NULL,
  n INTEGER NOT NULL,
  PRIMARY KEY (event_id, question_id, role, value)
) WITHOUT ROWID;
