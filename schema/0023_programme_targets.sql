-- A programme's indicators and its plan. An indicator reads "a share of the people in a position,
-- in the programme's units, who completed at least so many days of its classes, by a date"; the
-- plan is how many classes, for how many trainees (and an optional budget), each year.
CREATE TABLE programme_targets (
  id INTEGER PRIMARY KEY,
  programme_id INTEGER NOT NULL REFERENCES programmes (id),
  position TEXT NOT NULL CHECK (position IN ('branch_head', 'commune_chair', 'commune_vice_chair', 'successor', 'full_time_officer')),
  -- a fraction: 1 is 100%
  share REAL NOT NULL CHECK (share > 0 AND share <= 1),
  by_date TEXT NOT NULL,
  min_days INTEGER NOT NULL DEFAULT 1 CHECK (min_days >= 1),
  created_at TEXT NOT NULL
);
CREATE INDEX programme_targets_programme ON programme_targets (programme_id);

CREATE TABLE programme_plan (
  programme_id INTEGER NOT NULL REFERENCES programmes (id),
  year INTEGER NOT NULL,
  classes INTEGER NOT NULL CHECK (classes >= 0),
  trainees INTEGER NOT NULL CHECK (trainees >= 0),
  budget INTEGER CHECK (budget >= 0),
  PRIMARY KEY (programme_id, year)
) WITHOUT ROWID;
