-- Lessons a facilitator's hand teaches: the proposals she placed in named groups are examples for
-- later workshops of her unit and the units below it (read, never shown outside her scope).
-- She may share a workshop's lessons with the units above hers.
ALTER TABLE events ADD COLUMN share_lessons INTEGER NOT NULL DEFAULT 0;
-- An organiser took this placement back out of the lessons (it stays on its own board).
ALTER TABLE proposals ADD COLUMN lesson_removed INTEGER NOT NULL DEFAULT 0;
-- An admin widened a unit's lessons to a province or to the whole country.
CREATE TABLE lesson_promotions (
  unit_id INTEGER PRIMARY KEY REFERENCES units(id),
  scope_unit_id INTEGER NOT NULL REFERENCES units(id),
  promoted_by INTEGER REFERENCES users(id),
  promoted_at TEXT NOT NULL
);
-- The lessons are found without reading the proposals nobody placed.
CREATE INDEX proposals_lessons ON proposals (event_id, group_id) WHERE group_locked = 1 AND duplicate_of IS NULL AND hidden = 0 AND lesson_removed = 0;
