// The dashboard aggregates: kept current by each submission's batch, rebuilt after tree changes, verified against raw answers.
import { sql } from "kysely";
import type { CheckedAnswer } from "../domain/answers";
import { COUNT_COLUMNS, type CountColumn, CRITERIA, isCriterion } from "../domain/criteria";
import { ANSWERED } from "../domain/report";
import { isStraight, STRAIGHT_MIN_RATINGS } from "../domain/scores";
import { vietnamMonth } from "../domain/time";
import { pathIds } from "../domain/tree";
import type { Compilable, Db } from ".";
import { PROGRESS_VERIFY_SQL } from "./progressStats";

/** What the aggregates need to know about a class. */
export interface StatsKey {
  eventId: number;
  unitThenPath: string;
  unitPath: string;
  startsAt: string;
  programmeId: number | null;
  traineeCategory: string | null;
}

function countedColumns(answers: readonly CheckedAnswer[]): CountColumn[] {
  const cols: CountColumn[] = [];
  for (const a of answers) {
    const v = a.valueNum;
    if (a.question.type !== "rating" || !isCriterion(a.question.criterion) || v === null) continue;
    if (v >= 1 && v <= 5) cols.push(`${a.question.criterion}_${v}` as CountColumn);
  }
  return cols;
}

const addAll = Object.fromEntries(
  ["responses", "straight", ...COUNT_COLUMNS].map((c) => [c, sql`${sql.ref(c)} + excluded.${sql.ref(c)}`]),
);

/**
 * The statements a submission adds to its batch: its class row, and one row per ancestor unit
 * in today's tree and in the tree at the time (at most 3 + 4 rows written).
 */
export function statsUpdates(db: Db, key: StatsKey, answers: readonly CheckedAnswer[]): Compilable[] {
  const cols = countedColumns(answers);
  const straight = isStraight(answers) ? 1 : 0;
  const increments: Record<string, number> = { responses: 1, straight };
  for (const c of cols) increments[c] = (increments[c] ?? 0) + 1;
  const classUpdate = db
    .updateTable("class_stats")
    .set(Object.fromEntries(Object.entries(increments).map(([c, n]) => [c, sql`${sql.ref(c)} + ${n}`])))
    .where("event_id", "=", key.eventId);
  const cell = {
    path: key.unitThenPath,
    nowPath: key.unitPath,
    month: vietnamMonth(key.startsAt),
    programmeId: key.programmeId ?? 0,
    category: key.traineeCategory ?? "",
  };
  return [classUpdate, ...unitStatsAdd(db, cell, increments)];
}

/** Where a class's counts land in unit_stats: its ancestors in both trees, for one month, programme and category. */
export interface StatsCell {
  path: string;
  nowPath: string;
  month: string;
  programmeId: number;
  category: string;
}

/** Adds (or with negative numbers, subtracts) counts on every ancestor row of a cell. */
function unitStatsAdd(db: Db, cell: StatsCell, increments: Record<string, number>): Compilable[] {
  const rows = [
    ...pathIds(cell.nowPath).map((id) => ({ tree: "now" as const, unit_id: id })),
    ...pathIds(cell.path).map((id) => ({ tree: "then" as const, unit_id: id })),
  ].map((r) => ({
    ...r,
    month: cell.month,
    programme_id: cell.programmeId,
    category: cell.category,
    ...increments,
  }));
  // D1 binds at most 100 parameters a statement: a submission's rows (≤ 13 each) go 4 at a time.
  const perRow = 5 + Object.keys(increments).length;
  const perStatement = Math.max(1, Math.min(4, Math.floor(100 / perRow)));
  const upserts: Compilable[] = [];
  for (let i = 0; i < rows.length; i += perStatement) {
    upserts.push(
      db
        .insertInto("unit_stats")
        .values(rows.slice(i, i + perStatement))
        .onConflict((oc) =>
          oc.columns(["tree", "unit_id", "month", "programme_id", "category"]).doUpdateSet(addAll),
        ),
    );
  }
  return upserts;
}

/**
 * Takes a whole class out of the aggregates (its data is being deleted): its counts are
 * subtracted from every ancestor row, rows left with no response go, and the class row goes.
 */
export async function classStatsRemoval(db: Db, eventId: number): Promise<Compilable[]> {
  const row = await db
    .selectFrom("class_stats")
    .selectAll()
    .where("event_id", "=", eventId)
    .executeTakeFirst();
  if (!row) return [];
  const drop = db.deleteFrom("class_stats").where("event_id", "=", eventId);
  if (row.responses === 0) return [drop];
  const minus: Record<string, number> = { responses: -row.responses, straight: -row.straight };
  for (const c of COUNT_COLUMNS) if (row[c] !== 0) minus[c] = -row[c];
  const cell = {
    path: row.path,
    nowPath: row.now_path,
    month: row.month,
    programmeId: row.programme_id,
    category: row.category,
  };
  const emptied = db
    .deleteFrom("unit_stats")
    .where("responses", "<=", 0)
    .where("month", "=", cell.month)
    .where("programme_id", "=", cell.programmeId)
    .where("category", "=", cell.category)
    .where("unit_id", "in", [...new Set([...pathIds(cell.path), ...pathIds(cell.nowPath)])]);
  return [...unitStatsAdd(db, cell, minus), emptied, drop];
}

/** The class row created with the class (in the same batch as the event insert). */
export function classStatsInsert(db: Db, key: Omit<StatsKey, "eventId">, unitId: number, expected: number) {
  return db.insertInto("class_stats").values({
    event_id: sql<number>`(SELECT max(id) FROM events)`,
    unit_id: unitId,
    path: key.unitThenPath,
    now_path: key.unitPath,
    month: vietnamMonth(key.startsAt),
    programme_id: key.programmeId ?? 0,
    category: key.traineeCategory ?? "",
    expected,
  });
}

// ---- Whole-table SQL: rebuilds (seed, bench, tree changes) and the verification -------------

/** One observation's mean over the criteria the observer scored. */
const OBSERVATION_MEAN = `(${CRITERIA.map((c) => `coalesce(${c}, 0)`).join(" + ")}) * 1.0 / nullif(${CRITERIA.map((c) => `(${c} IS NOT NULL)`).join(" + ")}, 0)`;

const COLS = COUNT_COLUMNS.join(", ");
const CLASS_COLS = `event_id, unit_id, path, now_path, month, programme_id, category, expected, responses, straight, observed, ${COLS}`;
const UNIT_COLS = `tree, unit_id, month, programme_id, category, responses, straight, ${COLS}`;

/**
 * class_stats computed from the raw answers, in CLASS_COLS order: the trainees' responses only
 * (lecturers' are reported beside them, never averaged in), those set aside as too fast left out.
 */
const EXPECTED_CLASS_SELECT = `
SELECT e.id AS event_id, e.unit_id, u.path, u.now_path, strftime('%Y-%m', e.starts_at, '+7 hours') AS month,
  coalesce(e.programme_id, 0) AS programme_id, coalesce(e.trainee_category, '') AS category,
  e.expected_participants AS expected,
  (SELECT count(*) FROM responses r WHERE r.event_id = e.id AND r.too_fast = 0 AND r.role = 'trainee') AS responses,
  (SELECT count(*) FROM (
    SELECT r.id FROM responses r
    JOIN answers a ON a.response_id = r.id
    JOIN questions q ON q.id = a.question_id
    WHERE r.event_id = e.id AND r.too_fast = 0 AND r.role = 'trainee' AND q.type = 'rating'
    GROUP BY r.id HAVING count(*) >= ${STRAIGHT_MIN_RATINGS} AND min(a.value_num) = max(a.value_num))) AS straight,
  (SELECT round(avg(${OBSERVATION_MEAN}), 4) FROM observations WHERE event_id = e.id) AS observed,
  ${COUNT_COLUMNS.map((c) => `coalesce(x.${c}, 0) AS ${c}`).join(", ")}
FROM events e
JOIN units u ON u.id = e.unit_id
LEFT JOIN (
  SELECT r.event_id, ${COUNT_COLUMNS.map((c) => {
    const [crit, v] = c.split("_");
    return `sum(q.criterion = '${crit}' AND a.value_num = ${v}) AS ${c}`;
  }).join(", ")}
  FROM answers a
  JOIN responses r ON r.id = a.response_id
  JOIN questions q ON q.id = a.question_id
  WHERE q.type = 'rating' AND r.too_fast = 0 AND r.role = 'trainee'
  GROUP BY r.event_id
) x ON x.event_id = e.id
WHERE e.kind = 'class'`;

/** unit_stats summed up both trees from a class_stats-shaped source, in UNIT_COLS order. */
const unitSelectFrom = (source: string) => `
SELECT s.tree, s.unit_id, cs.month, cs.programme_id, cs.category, sum(cs.responses) AS responses,
  sum(cs.straight) AS straight, ${COUNT_COLUMNS.map((c) => `sum(cs.${c}) AS ${c}`).join(", ")}
FROM seg s JOIN ${source} cs ON cs.event_id = s.event_id
WHERE s.unit_id IS NOT NULL AND cs.responses > 0
GROUP BY s.tree, s.unit_id, cs.month, cs.programme_id, cs.category`;

// Splits '/1/4/9/' into one row per ancestor, for both trees.
const segFrom = (source: string) => `seg (event_id, tree, rest, unit_id) AS (
  SELECT event_id, 'then', substr(path, 2), NULL FROM ${source}
  UNION ALL
  SELECT event_id, 'now', substr(now_path, 2), NULL FROM ${source}
  UNION ALL
  SELECT event_id, tree, substr(rest, instr(rest, '/') + 1), CAST(substr(rest, 1, instr(rest, '/') - 1) AS INTEGER)
  FROM seg WHERE rest <> ''
)`;

/** Recomputes every aggregate from the raw answers (after a bulk load). */
export const REBUILD_ALL_SQL = [
  `UPDATE events SET (response_count, lecturer_count) = (
    SELECT count(*), coalesce(sum(r.role = 'lecturer'), 0) FROM responses r WHERE r.event_id = events.id AND r.too_fast = 0)
  WHERE kind <> 'workshop'`,
  "DELETE FROM class_stats",
  `INSERT INTO class_stats (${CLASS_COLS}) ${EXPECTED_CLASS_SELECT}`,
  "DELETE FROM unit_stats",
  `WITH RECURSIVE ${segFrom("class_stats")} INSERT INTO unit_stats (${UNIT_COLS}) ${unitSelectFrom("class_stats")}`,
];

/**
 * After the tree changed (move, merge, import): class rows take their units' new paths and the
 * unit rows are summed again from the class rows, without reading any answer.
 */
export const RETREE_SQL = [
  "UPDATE class_stats SET path = (SELECT path FROM units WHERE id = class_stats.unit_id), now_path = (SELECT now_path FROM units WHERE id = class_stats.unit_id)",
  "DELETE FROM unit_stats",
  `WITH RECURSIVE ${segFrom("class_stats")} INSERT INTO unit_stats (${UNIT_COLS}) ${unitSelectFrom("class_stats")}`,
];

/** Rows that differ between the stored aggregates and those recomputed from raw answers. */
export const VERIFY_SQL = `
WITH RECURSIVE expected_class AS (${EXPECTED_CLASS_SELECT}),
${segFrom("expected_class")},
expected_unit AS (${unitSelectFrom("expected_class")})
SELECT 'class_stats' AS "table", 'missing or different' AS problem, count(*) AS n FROM (
  SELECT ${CLASS_COLS} FROM expected_class EXCEPT SELECT ${CLASS_COLS} FROM class_stats)
UNION ALL
SELECT 'class_stats', 'unexpected or different', count(*) FROM (
  SELECT ${CLASS_COLS} FROM class_stats EXCEPT SELECT ${CLASS_COLS} FROM expected_class)
UNION ALL
SELECT 'unit_stats', 'missing or different', count(*) FROM (
  SELECT ${UNIT_COLS} FROM expected_unit EXCEPT SELECT ${UNIT_COLS} FROM unit_stats)
UNION ALL
SELECT 'unit_stats', 'unexpected or different', count(*) FROM (
  SELECT ${UNIT_COLS} FROM unit_stats EXCEPT SELECT ${UNIT_COLS} FROM expected_unit)
UNION ALL
SELECT 'events', 'response or lecturer count different', count(*) FROM events e
WHERE e.kind <> 'workshop' AND (e.response_count, e.lecturer_count) <> (
  SELECT count(*), coalesce(sum(r.role = 'lecturer'), 0) FROM responses r WHERE r.event_id = e.id AND r.too_fast = 0)`;

/**
 * The running counts of every event (reports read these, never raw answers), recomputed from the
 * raw answers: one per rating, choice and unit answer, one per option of a multi answer plus its
 * "answered" row, and the same again under the respondent's unit when the form asked for it.
 */
const COUNTED_CTES = `
counted AS (
  SELECT r.id AS response_id, r.event_id, r.role, a.question_id, coalesce(CAST(a.value_num AS TEXT), a.value_text) AS value
  FROM answers a JOIN responses r ON r.id = a.response_id JOIN questions q ON q.id = a.question_id
  WHERE r.too_fast = 0 AND q.type IN ('rating', 'choice', 'unit')
  UNION ALL
  SELECT r.id, r.event_id, r.role, a.question_id, j.value
  FROM answers a JOIN responses r ON r.id = a.response_id JOIN questions q ON q.id = a.question_id, json_each(a.value_text) j
  WHERE r.too_fast = 0 AND q.type = 'multi'
  UNION ALL
  SELECT r.id, r.event_id, r.role, a.question_id, '${ANSWERED}'
  FROM answers a JOIN responses r ON r.id = a.response_id JOIN questions q ON q.id = a.question_id
  WHERE r.too_fast = 0 AND q.type = 'multi'),
expected_counts AS (
  SELECT event_id, question_id, role, value, count(*) AS n FROM counted GROUP BY event_id, question_id, role, value),
unit_of AS (
  SELECT a.response_id, a.value_num AS unit_id FROM answers a JOIN questions q ON q.id = a.question_id WHERE q.type = 'unit'),
expected_unit_counts AS (
  SELECT c.event_id, u.unit_id, c.question_id, c.value, count(*) AS n
  FROM counted c JOIN unit_of u ON u.response_id = c.response_id
  WHERE c.role = 'trainee'
  GROUP BY c.event_id, u.unit_id, c.question_id, c.value)`;

export const VERIFY_COUNTS_SQL = `
WITH ${COUNTED_CTES}
SELECT 'answer_counts' AS "table", 'missing or different' AS problem, count(*) AS n FROM (
  SELECT * FROM expected_counts EXCEPT SELECT event_id, question_id, role, value, n FROM answer_counts)
UNION ALL
SELECT 'answer_counts', 'unexpected or different', count(*) FROM (
  SELECT event_id, question_id, role, value, n FROM answer_counts EXCEPT SELECT * FROM expected_counts)
UNION ALL
SELECT 'unit_counts', 'missing or different', count(*) FROM (
  SELECT * FROM expected_unit_counts EXCEPT SELECT event_id, unit_id, question_id, value, n FROM answer_unit_counts)
UNION ALL
SELECT 'unit_counts', 'unexpected or different', count(*) FROM (
  SELECT event_id, unit_id, question_id, value, n FROM answer_unit_counts EXCEPT SELECT * FROM expected_unit_counts)`;

/** The same running counts written out from the raw answers (databases the benchmark builds by SQL). */
export const REBUILD_COUNTS_SQL = [
  "DELETE FROM answer_counts",
  `WITH ${COUNTED_CTES} INSERT INTO answer_counts (event_id, question_id, role, value, n) SELECT * FROM expected_counts`,
  "DELETE FROM answer_unit_counts",
  `WITH ${COUNTED_CTES} INSERT INTO answer_unit_counts (event_id, unit_id, question_id, value, n) SELECT * FROM expected_unit_counts`,
];

export interface VerifyRow {
  table: string;
  problem: string;
  n: number;
}

/**
 * Differences per table (all zero when every aggregate matches the raw answers, and progress's
 * rows the register; `progress` false for a schema older than 0024).
 */
export async function verifyAggregates(d1: D1Database, progress = true): Promise<VerifyRow[]> {
  const all = await d1.batch<VerifyRow>(
    [VERIFY_SQL, VERIFY_COUNTS_SQL, ...(progress ? PROGRESS_VERIFY_SQL : [])].map((s) => d1.prepare(s)),
  );
  return all.flatMap((r) => r.results);
}

export async function retree(d1: D1Database): Promise<void> {
  await d1.batch(RETREE_SQL.map((s) => d1.prepare(s)));
}

/** Keeps class_stats.observed equal to the mean of the observers' own means (same batch as the observation). */
export function observedUpdate(db: Db, eventId: number): Compilable {
  return db
    .updateTable("class_stats")
    .set({
      observed: sql<
        number | null
      >`(SELECT round(avg(${sql.raw(OBSERVATION_MEAN)}), 4) FROM observations WHERE event_id = ${eventId})`,
    })
    .where("event_id", "=", eventId);
}
