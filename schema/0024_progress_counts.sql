-- Summary rows for programme progress, so the national view reads a few hundred rows instead of
-- every person (issue 24: 150,000 people, 250,000 attendance rows, ≤ 20,000 rows read). Triggers
-- keep them, so every writer (the app, an import, the seed, the benchmark) keeps them true; the
-- tree's moves rebuild them (worker/db/progressStats.ts), and `npm run db:verify` recounts them.

-- An indicator's starting point, entered by hand: people of the position in the programme's unit
-- already trained as it asks before the programme began (Hà Nội's 2012 scheme started from 275 of
-- its 577 chairs). Counted with the trained at the programme's unit and above, never below it.
ALTER TABLE programme_targets ADD COLUMN baseline INTEGER CHECK (baseline >= 0);

-- Each unit's ancestors, itself included, in both trees: '/1/4/9/' gives 1, 4 and 9.
CREATE VIEW unit_ancestors AS
SELECT u.id AS unit_id, t.tree AS tree, CAST(j.value AS INTEGER) AS ancestor_id
FROM units u
JOIN (SELECT 'then' AS tree UNION ALL SELECT 'now') t
JOIN json_each('[' || replace(trim(iif(t.tree = 'now', u.now_path, u.path), '/'), '/', ',') || ']') j;

-- Each person's completed days of each programme's classes, counted from attendance: what
-- person_days keeps (the triggers below count one person's the same way), and what db:verify
-- recounts it from.
CREATE VIEW completed_days AS
SELECT a.person_id, e.programme_id, sum(e.days) AS days
FROM attendance a JOIN events e ON e.id = a.event_id
WHERE a.completed = 1 AND e.programme_id IS NOT NULL
GROUP BY a.person_id, e.programme_id;

-- A person's completed days of one programme's classes (only when more than none).
CREATE TABLE person_days (
  person_id INTEGER NOT NULL,
  programme_id INTEGER NOT NULL,
  days INTEGER NOT NULL,
  PRIMARY KEY (person_id, programme_id)
) WITHOUT ROWID;

-- People counted on every unit above them, in both trees, by position and the day they left it
-- ('' while in it): programme 0 counts everyone, a programme's rows count its people by their
-- completed days. People of a subtree on a day are one unit's rows, never its people.
CREATE TABLE people_stats (
  tree TEXT NOT NULL CHECK (tree IN ('now', 'then')),
  unit_id INTEGER NOT NULL,
  position TEXT NOT NULL,
  until TEXT NOT NULL,
  programme_id INTEGER NOT NULL,
  days INTEGER NOT NULL,
  people INTEGER NOT NULL,
  PRIMARY KEY (tree, unit_id, position, programme_id, until, days)
) WITHOUT ROWID;

-- A programme's classes counted on every unit above them, in both trees, by day (Vietnam time),
-- with their attendance (person-times).
CREATE TABLE programme_classes (
  tree TEXT NOT NULL CHECK (tree IN ('now', 'then')),
  unit_id INTEGER NOT NULL,
  programme_id INTEGER NOT NULL,
  day TEXT NOT NULL,
  classes INTEGER NOT NULL,
  person_times INTEGER NOT NULL,
  PRIMARY KEY (tree, unit_id, programme_id, day)
) WITHOUT ROWID;

-- The latest day (Vietnam time) of a class of the programme with a completed attendance: progress
-- on an earlier day cannot read person_days (they count later classes too) and counts from the rows.
-- It only ever rises, so it may be later than needed, never earlier.
ALTER TABLE programmes ADD COLUMN attended_to TEXT;

-- A programme's workshops (and classes), for its progress page.
CREATE INDEX events_programme ON events (programme_id, kind) WHERE programme_id IS NOT NULL;

-- Filled from what is stored.
INSERT INTO person_days (person_id, programme_id, days)
SELECT person_id, programme_id, days FROM completed_days;

INSERT INTO people_stats (tree, unit_id, position, until, programme_id, days, people)
SELECT ua.tree, ua.ancestor_id, p.position, coalesce(p.until, ''), 0, 0, count(*)
FROM people p JOIN unit_ancestors ua ON ua.unit_id = p.unit_id
GROUP BY 1, 2, 3, 4
UNION ALL
SELECT ua.tree, ua.ancestor_id, p.position, coalesce(p.until, ''), d.programme_id, d.days, count(*)
FROM person_days d JOIN people p ON p.id = d.person_id JOIN unit_ancestors ua ON ua.unit_id = p.unit_id
GROUP BY 1, 2, 3, 4, 5, 6;

INSERT INTO programme_classes (tree, unit_id, programme_id, day, classes, person_times)
SELECT ua.tree, ua.ancestor_id, e.programme_id, date(e.starts_at, '+7 hours'), count(*),
  sum((SELECT count(*) FROM attendance a WHERE a.event_id = e.id))
FROM events e JOIN unit_ancestors ua ON ua.unit_id = e.unit_id
WHERE e.kind = 'class' AND e.programme_id IS NOT NULL
GROUP BY 1, 2, 3, 4;

UPDATE programmes SET attended_to = (
  SELECT max(date(e.starts_at, '+7 hours')) FROM events e
  WHERE e.programme_id = programmes.id AND EXISTS (SELECT 1 FROM attendance a WHERE a.event_id = e.id AND a.completed = 1));

-- A person in, moved, or out: programme 0 and her programmes' rows move with her.
CREATE TRIGGER people_stats_insert AFTER INSERT ON people
BEGIN
  INSERT INTO people_stats (tree, unit_id, position, until, programme_id, days, people)
  SELECT ua.tree, ua.ancestor_id, NEW.position, coalesce(NEW.until, ''), 0, 0, 1
  FROM unit_ancestors ua WHERE ua.unit_id = NEW.unit_id
  ON CONFLICT (tree, unit_id, position, programme_id, until, days) DO UPDATE SET people = people + excluded.people;
END;

CREATE TRIGGER people_stats_update AFTER UPDATE OF unit_id, position, until ON people
WHEN OLD.unit_id <> NEW.unit_id OR OLD.position <> NEW.position OR coalesce(OLD.until, '') <> coalesce(NEW.until, '')
BEGIN
  INSERT INTO people_stats (tree, unit_id, position, until, programme_id, days, people)
  SELECT ua.tree, ua.ancestor_id, OLD.position, coalesce(OLD.until, ''), g.programme_id, g.days, -1
  FROM unit_ancestors ua
  JOIN (SELECT 0 AS programme_id, 0 AS days UNION ALL SELECT programme_id, days FROM person_days WHERE person_id = OLD.id) g
  WHERE ua.unit_id = OLD.unit_id
  ON CONFLICT (tree, unit_id, position, programme_id, until, days) DO UPDATE SET people = people + excluded.people;
  INSERT INTO people_stats (tree, unit_id, position, until, programme_id, days, people)
  SELECT ua.tree, ua.ancestor_id, NEW.position, coalesce(NEW.until, ''), g.programme_id, g.days, 1
  FROM unit_ancestors ua
  JOIN (SELECT 0 AS programme_id, 0 AS days UNION ALL SELECT programme_id, days FROM person_days WHERE person_id = NEW.id) g
  WHERE ua.unit_id = NEW.unit_id
  ON CONFLICT (tree, unit_id, position, programme_id, until, days) DO UPDATE SET people = people + excluded.people;
END;

CREATE TRIGGER people_stats_delete AFTER DELETE ON people
BEGIN
  INSERT INTO people_stats (tree, unit_id, position, until, programme_id, days, people)
  SELECT ua.tree, ua.ancestor_id, OLD.position, coalesce(OLD.until, ''), g.programme_id, g.days, -1
  FROM unit_ancestors ua
  JOIN (SELECT 0 AS programme_id, 0 AS days UNION ALL SELECT programme_id, days FROM person_days WHERE person_id = OLD.id) g
  WHERE ua.unit_id = OLD.unit_id
  ON CONFLICT (tree, unit_id, position, programme_id, until, days) DO UPDATE SET people = people + excluded.people;
  -- Her days go too (their own trigger finds no person left to subtract from).
  DELETE FROM person_days WHERE person_id = OLD.id;
END;

-- A person's days of a programme changed: her rows move from the old count to the new.
CREATE TRIGGER person_days_insert AFTER INSERT ON person_days
BEGIN
  INSERT INTO people_stats (tree, unit_id, position, until, programme_id, days, people)
  SELECT ua.tree, ua.ancestor_id, p.position, coalesce(p.until, ''), NEW.programme_id, NEW.days, 1
  FROM people p JOIN unit_ancestors ua WHERE p.id = NEW.person_id AND ua.unit_id = p.unit_id
  ON CONFLICT (tree, unit_id, position, programme_id, until, days) DO UPDATE SET people = people + excluded.people;
END;

CREATE TRIGGER person_days_update AFTER UPDATE OF days ON person_days
BEGIN
  INSERT INTO people_stats (tree, unit_id, position, until, programme_id, days, people)
  SELECT ua.tree, ua.ancestor_id, p.position, coalesce(p.until, ''), OLD.programme_id, OLD.days, -1
  FROM people p JOIN unit_ancestors ua WHERE p.id = OLD.person_id AND ua.unit_id = p.unit_id
  ON CONFLICT (tree, unit_id, position, programme_id, until, days) DO UPDATE SET people = people + excluded.people;
  INSERT INTO people_stats (tree, unit_id, position, until, programme_id, days, people)
  SELECT ua.tree, ua.ancestor_id, p.position, coalesce(p.until, ''), NEW.programme_id, NEW.days, 1
  FROM people p JOIN unit_ancestors ua WHERE p.id = NEW.person_id AND ua.unit_id = p.unit_id
  ON CONFLICT (tree, unit_id, position, programme_id, until, days) DO UPDATE SET people = people + excluded.people;
END;

CREATE TRIGGER person_days_delete AFTER DELETE ON person_days
BEGIN
  INSERT INTO people_stats (tree, unit_id, position, until, programme_id, days, people)
  SELECT ua.tree, ua.ancestor_id, p.position, coalesce(p.until, ''), OLD.programme_id, OLD.days, -1
  FROM people p JOIN unit_ancestors ua WHERE p.id = OLD.person_id AND ua.unit_id = p.unit_id
  ON CONFLICT (tree, unit_id, position, programme_id, until, days) DO UPDATE SET people = people + excluded.people;
END;

-- An attendance row in, out or changed: the person's days of that programme are counted again
-- (her own few rows, through attendance_person), and the class's person-times move. The count is
-- completed_days's, written out (through the view, SQLite reads all attendance for each row), from
-- her attendance rows to their classes: CROSS JOIN keeps that order, where the planner would walk
-- every class of the programme by events_programme.
CREATE TRIGGER attendance_stats_insert AFTER INSERT ON attendance
BEGIN
  INSERT INTO person_days (person_id, programme_id, days)
  SELECT NEW.person_id, g.programme_id, g.days FROM (
    SELECT e.programme_id, (SELECT coalesce(sum(e2.days), 0) FROM attendance a CROSS JOIN events e2 ON e2.id = a.event_id
      WHERE a.person_id = NEW.person_id AND a.completed = 1 AND e2.programme_id = e.programme_id) AS days
    FROM events e WHERE e.id = NEW.event_id AND e.programme_id IS NOT NULL) g
  WHERE g.days > 0
  ON CONFLICT (person_id, programme_id) DO UPDATE SET days = excluded.days WHERE days <> excluded.days;
  INSERT INTO programme_classes (tree, unit_id, programme_id, day, classes, person_times)
  SELECT ua.tree, ua.ancestor_id, e.programme_id, date(e.starts_at, '+7 hours'), 0, 1
  FROM events e JOIN unit_ancestors ua WHERE e.id = NEW.event_id AND e.kind = 'class' AND e.programme_id IS NOT NULL AND ua.unit_id = e.unit_id
  ON CONFLICT (tree, unit_id, programme_id, day) DO UPDATE SET person_times = person_times + excluded.person_times;
  UPDATE programmes SET attended_to = (SELECT date(e.starts_at, '+7 hours') FROM events e WHERE e.id = NEW.event_id)
  WHERE NEW.completed = 1 AND id = (SELECT programme_id FROM events WHERE id = NEW.event_id)
    AND (attended_to IS NULL OR attended_to < (SELECT date(e.starts_at, '+7 hours') FROM events e WHERE e.id = NEW.event_id));
END;

CREATE TRIGGER attendance_stats_update AFTER UPDATE OF completed ON attendance
WHEN OLD.completed <> NEW.completed
BEGIN
  INSERT INTO person_days (person_id, programme_id, days)
  SELECT NEW.person_id, g.programme_id, g.days FROM (
    SELECT e.programme_id, (SELECT coalesce(sum(e2.days), 0) FROM attendance a CROSS JOIN events e2 ON e2.id = a.event_id
      WHERE a.person_id = NEW.person_id AND a.completed = 1 AND e2.programme_id = e.programme_id) AS days
    FROM events e WHERE e.id = NEW.event_id AND e.programme_id IS NOT NULL) g
  WHERE g.days > 0
  ON CONFLICT (person_id, programme_id) DO UPDATE SET days = excluded.days WHERE days <> excluded.days;
  DELETE FROM person_days WHERE person_id = NEW.person_id
    AND programme_id = (SELECT programme_id FROM events WHERE id = NEW.event_id)
    AND NOT EXISTS (SELECT 1 FROM attendance a CROSS JOIN events e ON e.id = a.event_id
      WHERE a.person_id = NEW.person_id AND a.completed = 1 AND e.programme_id = person_days.programme_id);
  UPDATE programmes SET attended_to = (SELECT date(e.starts_at, '+7 hours') FROM events e WHERE e.id = NEW.event_id)
  WHERE NEW.completed = 1 AND id = (SELECT programme_id FROM events WHERE id = NEW.event_id)
    AND (attended_to IS NULL OR attended_to < (SELECT date(e.starts_at, '+7 hours') FROM events e WHERE e.id = NEW.event_id));
END;

CREATE TRIGGER attendance_stats_delete AFTER DELETE ON attendance
BEGIN
  INSERT INTO person_days (person_id, programme_id, days)
  SELECT OLD.person_id, g.programme_id, g.days FROM (
    SELECT e.programme_id, (SELECT coalesce(sum(e2.days), 0) FROM attendance a CROSS JOIN events e2 ON e2.id = a.event_id
      WHERE a.person_id = OLD.person_id AND a.completed = 1 AND e2.programme_id = e.programme_id) AS days
    FROM events e WHERE e.id = OLD.event_id AND e.programme_id IS NOT NULL) g
  WHERE g.days > 0
  ON CONFLICT (person_id, programme_id) DO UPDATE SET days = excluded.days WHERE days <> excluded.days;
  DELETE FROM person_days WHERE person_id = OLD.person_id
    AND programme_id = (SELECT programme_id FROM events WHERE id = OLD.event_id)
    AND NOT EXISTS (SELECT 1 FROM attendance a CROSS JOIN events e ON e.id = a.event_id
      WHERE a.person_id = OLD.person_id AND a.completed = 1 AND e.programme_id = person_days.programme_id);
  INSERT INTO programme_classes (tree, unit_id, programme_id, day, classes, person_times)
  SELECT ua.tree, ua.ancestor_id, e.programme_id, date(e.starts_at, '+7 hours'), 0, -1
  FROM events e JOIN unit_ancestors ua WHERE e.id = OLD.event_id AND e.kind = 'class' AND e.programme_id IS NOT NULL AND ua.unit_id = e.unit_id
  ON CONFLICT (tree, unit_id, programme_id, day) DO UPDATE SET person_times = person_times + excluded.person_times;
END;

-- A class's length changed: each attendee's days of its programme are counted again.
CREATE TRIGGER events_days_update AFTER UPDATE OF days ON events
WHEN OLD.days <> NEW.days AND NEW.programme_id IS NOT NULL
BEGIN
  INSERT INTO person_days (person_id, programme_id, days)
  SELECT g.person_id, NEW.programme_id, g.days FROM (
    SELECT a.person_id, (SELECT coalesce(sum(e2.days), 0) FROM attendance a2 CROSS JOIN events e2 ON e2.id = a2.event_id
      WHERE a2.person_id = a.person_id AND a2.completed = 1 AND e2.programme_id = NEW.programme_id) AS days
    FROM attendance a WHERE a.event_id = NEW.id) g
  WHERE g.days > 0
  ON CONFLICT (person_id, programme_id) DO UPDATE SET days = excluded.days WHERE days <> excluded.days;
END;

-- A class of a programme created, deleted (its attendance goes first), moved or re-dated.
CREATE TRIGGER events_classes_insert AFTER INSERT ON events
WHEN NEW.kind = 'class' AND NEW.programme_id IS NOT NULL
BEGIN
  INSERT INTO programme_classes (tree, unit_id, programme_id, day, classes, person_times)
  SELECT ua.tree, ua.ancestor_id, NEW.programme_id, date(NEW.starts_at, '+7 hours'), 1, 0
  FROM unit_ancestors ua WHERE ua.unit_id = NEW.unit_id
  ON CONFLICT (tree, unit_id, programme_id, day) DO UPDATE SET classes = classes + excluded.classes;
END;

CREATE TRIGGER events_classes_delete AFTER DELETE ON events
WHEN OLD.kind = 'class' AND OLD.programme_id IS NOT NULL
BEGIN
  INSERT INTO programme_classes (tree, unit_id, programme_id, day, classes, person_times)
  SELECT ua.tree, ua.ancestor_id, OLD.programme_id, date(OLD.starts_at, '+7 hours'), -1,
    -(SELECT count(*) FROM attendance a WHERE a.event_id = OLD.id)
  FROM unit_ancestors ua WHERE ua.unit_id = OLD.unit_id
  ON CONFLICT (tree, unit_id, programme_id, day) DO UPDATE SET
    classes = classes + excluded.classes, person_times = person_times + excluded.person_times;
END;

CREATE TRIGGER events_classes_update AFTER UPDATE OF starts_at, unit_id, kind, programme_id ON events
WHEN date(OLD.starts_at, '+7 hours') <> date(NEW.starts_at, '+7 hours') OR OLD.unit_id <> NEW.unit_id
  OR OLD.kind <> NEW.kind OR OLD.programme_id IS NOT NEW.programme_id
BEGIN
  INSERT INTO programme_classes (tree, unit_id, programme_id, day, classes, person_times)
  SELECT ua.tree, ua.ancestor_id, OLD.programme_id, date(OLD.starts_at, '+7 hours'), -1,
    -(SELECT count(*) FROM attendance a WHERE a.event_id = OLD.id)
  FROM unit_ancestors ua WHERE ua.unit_id = OLD.unit_id AND OLD.kind = 'class' AND OLD.programme_id IS NOT NULL
  ON CONFLICT (tree, unit_id, programme_id, day) DO UPDATE SET
    classes = classes + excluded.classes, person_times = person_times + excluded.person_times;
  INSERT INTO programme_classes (tree, unit_id, programme_id, day, classes, person_times)
  SELECT ua.tree, ua.ancestor_id, NEW.programme_id, date(NEW.starts_at, '+7 hours'), 1,
    (SELECT count(*) FROM attendance a WHERE a.event_id = NEW.id)
  FROM unit_ancestors ua WHERE ua.unit_id = NEW.unit_id AND NEW.kind = 'class' AND NEW.programme_id IS NOT NULL
  ON CONFLICT (tree, unit_id, programme_id, day) DO UPDATE SET
    classes = classes + excluded.classes, person_times = person_times + excluded.person_times;
END;
