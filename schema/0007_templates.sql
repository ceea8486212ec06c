-- Survey templates a unit keeps: a class copies one when it is created, so editing a template
-- never changes a class that used it. version counts the edits.
CREATE TABLE templates (
  id INTEGER PRIMARY KEY,
  unit_id INTEGER NOT NULL REFERENCES units (id),
  title TEXT NOT NULL,
  -- The questions as the form editor sends them (JSON array of QuestionDef), checked on write.
  questions TEXT NOT NULL,
  version INTEGER NOT NULL DEFAULT 1,
  created_by INTEGER REFERENCES users (id),
  created_at TEXT NOT NULL,
  updated_at TEXT NOT NULL
);

CREATE INDEX templates_unit ON templates (unit_id);
