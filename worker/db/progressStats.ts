// Progress's summary rows (migration 0024): rebuilt when the tree moves, and recounted from the register and attendance by db:verify.

/** Each person's completed days of each programme, recounted from attendance (the view of migration 0024). */
const EXPECTED_DAYS = "SELECT person_id, programme_id, days FROM completed_days";

/** people_stats from the register and a person_days-shaped source, in its column order. */
const peopleFrom = (days: string) => `
SELECT ua.tree, ua.ancestor_id AS unit_id, p.position, coalesce(p.until, '') AS until, 0 AS programme_id, 0 AS days, count(*) AS people
FROM people p JOIN unit_ancestors ua ON ua.unit_id = p.unit_id
GROUP BY 1, 2, 3, 4
UNION ALL
SELECT ua.tree, ua.ancestor_id, p.position, coalesce(p.until, ''), d.programme_id, d.days, count(*)
FROM ${days} d JOIN people p ON p.id = d.person_id JOIN unit_ancestors ua ON ua.unit_id = p.unit_id
GROUP BY 1, 2, 3, 4, 5, 6`;

const CLASSES = `
SELECT ua.tree, ua.ancestor_id AS unit_id, e.programme_id, date(e.starts_at, '+7 hours') AS day, count(*) AS classes,
  sum((SELECT count(*) FROM attendance a WHERE a.event_id = e.id)) AS person_times
FROM events e JOIN unit_ancestors ua ON ua.unit_id = e.unit_id
WHERE e.kind = 'class' AND e.programme_id IS NOT NULL
GROUP BY 1, 2, 3, 4`;

const PEOPLE_COLS = "tree, unit_id, position, until, programme_id, days, people";
const CLASS_COLS = "tree, unit_id, programme_id, day, classes, person_times";

/** After the tree changed: the rows on each unit's ancestors summed again (a person's days do not move). */
export const PROGRESS_RETREE_SQL = [
  "DELETE FROM people_stats",
  `INSERT INTO people_stats (${PEOPLE_COLS}) ${peopleFrom("person_days")}`,
  "DELETE FROM programme_classes",
  `INSERT INTO programme_classes (${CLASS_COLS}) ${CLASSES}`,
];

const EXPECTED = `WITH expected_days AS (${EXPECTED_DAYS}),
expected_people AS (${peopleFrom("expected_days")}),
expected_classes AS (${CLASSES})`;

/**
 * Rows that differ from a recount (a row counting zero is the same as none): one statement per
 * table, as D1 allows few terms in one compound SELECT.
 */
export const PROGRESS_VERIFY_SQL = [
  `${EXPECTED}
SELECT 'person_days' AS "table", 'missing or different' AS problem, count(*) AS n FROM (
  SELECT * FROM expected_days EXCEPT SELECT person_id, programme_id, days FROM person_days)
UNION ALL
SELECT 'person_days', 'unexpected or different', count(*) FROM (
  SELECT person_id, programme_id, days FROM person_days EXCEPT SELECT * FROM expected_days)`,
  `${EXPECTED}
SELECT 'people_stats' AS "table", 'missing or different' AS problem, count(*) AS n FROM (
  SELECT * FROM expected_people EXCEPT SELECT ${PEOPLE_COLS} FROM people_stats WHERE people <> 0)`,
  `${EXPECTED}
SELECT 'people_stats' AS "table", 'unexpected or different' AS problem, count(*) AS n FROM (
  SELECT ${PEOPLE_COLS} FROM people_stats WHERE people <> 0 EXCEPT SELECT * FROM expected_people)`,
  `${EXPECTED}
SELECT 'programme_classes' AS "table", 'missing or different' AS problem, count(*) AS n FROM (
  SELECT * FROM expected_classes EXCEPT SELECT ${CLASS_COLS} FROM programme_classes WHERE classes <> 0 OR person_times <> 0)
UNION ALL
SELECT 'programme_classes', 'unexpected or different', count(*) FROM (
  SELECT ${CLASS_COLS} FROM programme_classes WHERE classes <> 0 OR person_times <> 0 EXCEPT SELECT * FROM expected_classes)
UNION ALL
SELECT 'programmes', 'attended_to too early', count(*) FROM programmes g
WHERE coalesce(g.attended_to, '') < coalesce((SELECT max(date(e.starts_at, '+7 hours')) FROM events e
  WHERE e.programme_id = g.id AND EXISTS (SELECT 1 FROM attendance a WHERE a.event_id = e.id AND a.completed = 1)), '')`,
];
