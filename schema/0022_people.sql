-- The officer register (danh sách cán bộ) and who attended each class. Kept small on purpose: a
-- name, a birth year and a position in a unit, with the dates in it; no id numbers, no addresses,
-- no contact. Attendance lists people against classes and never against responses: no column here
-- names a response, and no response names a person.
CREATE TABLE people (
  id INTEGER PRIMARY KEY,
  name TEXT NOT NULL,
  -- the name as matched on import: trimmed, spaces collapsed, NFC, lowercase (same person, same key)
  name_key TEXT NOT NULL,
  -- the name folded for search without diacritics (worker/domain/text.ts#fold), set by the app
  search TEXT NOT NULL,
  birth_year INTEGER NOT NULL,
  position TEXT NOT NULL CHECK (position IN ('branch_head', 'commune_chair', 'commune_vice_chair', 'successor', 'full_time_officer')),
  unit_id INTEGER NOT NULL REFERENCES units (id),
  -- in the position from, and until (NULL while in it): YYYY-MM-DD
  since TEXT,
  until TEXT,
  created_at TEXT NOT NULL,
  updated_at TEXT NOT NULL
);
-- One person a unit, name and birth year: a list imported again updates, never duplicates.
CREATE UNIQUE INDEX people_identity ON people (unit_id, name_key, birth_year);
CREATE INDEX people_position ON people (position, unit_id);

-- A class's length in days, for "completed at least D days of the programme's classes".
ALTER TABLE events ADD COLUMN days INTEGER NOT NULL DEFAULT 1;

CREATE TABLE attendance (
  event_id INTEGER NOT NULL REFERENCES events (id),
  person_id INTEGER NOT NULL REFERENCES people (id),
  -- 1 when the person completed the class (the default: present throughout), 0 when not
  completed INTEGER NOT NULL DEFAULT 1,
  PRIMARY KEY (event_id, person_id)
) WITHOUT ROWID;
CREATE INDEX attendance_person ON attendance (person_id, event_id);
