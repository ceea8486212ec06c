-- Trust: rate-limit counters, failed-login tracking, the staff audit log, and responses answered
-- too fast to be read (kept, flagged, and left out of every score).

-- Counters for the public limits: key names what is limited ("resp:phone:<device>:<event>"),
-- bucket the window ('' for the event's lifetime, else the minute 'YYYY-MM-DDTHH:MM').
CREATE TABLE rate_counters (
  key TEXT NOT NULL,
  bucket TEXT NOT NULL,
  n INTEGER NOT NULL,
  PRIMARY KEY (key, bucket)
) WITHOUT ROWID;

-- Failed sign-ins per email (known or not, so the answer never tells which accounts exist).
CREATE TABLE login_failures (
  email TEXT PRIMARY KEY,
  failures INTEGER NOT NULL,
  last_at TEXT NOT NULL,
  locked_until TEXT
) WITHOUT ROWID;

-- What staff did: who, what, when, on which event or unit. No request bodies (answers stay out).
-- event_id has no foreign key so the record of a deletion outlives the event.
CREATE TABLE audit_log (
  id INTEGER PRIMARY KEY,
  at TEXT NOT NULL,
  user_id INTEGER,
  user_email TEXT NOT NULL,
  action TEXT NOT NULL,
  event_id INTEGER,
  unit_id INTEGER,
  status INTEGER NOT NULL
);
CREATE INDEX audit_log_event ON audit_log (event_id, id);

-- Seconds the respondent took (from the phone, when it says), and whether that was too fast to
-- have read the questions. Such responses are stored but not counted in any score.
ALTER TABLE responses ADD COLUMN elapsed_ms INTEGER;
ALTER TABLE responses ADD COLUMN too_fast INTEGER NOT NULL DEFAULT 0;
-- Counted responses stay in events.response_count; the set-aside ones are counted here.
ALTER TABLE events ADD COLUMN fast_count INTEGER NOT NULL DEFAULT 0;
