// Reads the dashboard aggregates: unit rows for a breakdown and a trend, class rows for a subtree. Never raw answers.
import { type ExpressionBuilder, type SelectQueryBuilder, sql } from "kysely";
import { COUNT_COLUMNS, CRITERIA, RATINGS } from "../domain/criteria";
import type { StatTotals, SumTotals } from "../domain/scores";
import { MIN_RESPONSES_FOR_DETAIL } from "../domain/terms";
import type { Db } from ".";
import type { Database, Level, Tree } from "./schema";
import { inSubtree, scopeAt, unitPaths } from "./subtree";
import type { Unit } from "./units";

export interface ScoreFilters {
  tree: Tree;
  from: string;
  to: string;
  programmeId: number | null;
  category: string | null;
}

export interface BreakdownUnit {
  id: number;
  code: string;
  name: string;
  level: Level;
  active: boolean;
  validTo: string | null;
  /** The unit's path in the chosen tree, to place classes under it. */
  path: string;
}

type UnitsEB = ExpressionBuilder<Database, "units">;

/** Which units make the rows of the breakdown: children in the chosen tree, or every unit of one level below. */
function breakdownWhere(unit: Unit, tree: Tree, level: Level | null) {
  return (eb: UnitsEB) => {
    if (level !== null) {
      const inTree = [inSubtree(scopeAt(unit, tree), unitPaths(), true), eb("level", "=", level)];
      // In today's tree a merged unit is folded into its successor, not a row of its own.
      return eb.and(tree === "now" ? [...inTree, eb("now_parent_id", "is not", null)] : inTree);
    }
    return tree === "now" ? eb("now_parent_id", "=", unit.id) : eb("parent_id", "=", unit.id);
  };
}

function breakdownUnitsQuery(db: Db, unit: Unit, tree: Tree, level: Level | null) {
  return db
    .selectFrom("units")
    .select(["id", "code", "name", "level", "active", "valid_to as validTo", "path", "now_path as nowPath"])
    .where(breakdownWhere(unit, tree, level))
    .orderBy("name");
}

const sums = COUNT_COLUMNS.map((c) => sql<number>`sum(${sql.ref(c)})`.as(c));

function filtered<O>(
  q: SelectQueryBuilder<Database, "unit_stats", O>,
  f: ScoreFilters,
  from: string,
): SelectQueryBuilder<Database, "unit_stats", O> {
  let out = q.where("tree", "=", f.tree).where("month", ">=", from).where("month", "<=", f.to);
  if (f.programmeId !== null) out = out.where("programme_id", "=", f.programmeId);
  if (f.category !== null) out = out.where("category", "=", f.category);
  return out;
}

export type PeriodRow = StatTotals & { unitId: number; current: number };

/** Sums per breakdown unit, for the period (current = 1) and the one before it (current = 0). */
function breakdownStatsQuery(db: Db, unit: Unit, level: Level | null, f: ScoreFilters, previousFrom: string) {
  const q = db
    .selectFrom("unit_stats")
    .select([
      "unit_id as unitId",
      sql<number>`month >= ${f.from}`.as("current"),
      sql<number>`sum(responses)`.as("responses"),
      sql<number>`sum(straight)`.as("straight"),
      ...sums,
    ])
    .where("unit_id", "in", (eb) =>
      eb
        .selectFrom("units")
        .select("id")
        .where(breakdownWhere(unit, f.tree, level)),
    )
    .groupBy(["unit_id", "current"]);
  return filtered(q, f, previousFrom);
}

export type MonthRow = StatTotals & { month: string };

/** The unit's own sums per month from the start of the previous period (trend and change). */
function monthStatsQuery(db: Db, unitId: number, f: ScoreFilters, previousFrom: string) {
  const q = db
    .selectFrom("unit_stats")
    .select([
      "month",
      sql<number>`sum(responses)`.as("responses"),
      sql<number>`sum(straight)`.as("straight"),
      ...sums,
    ])
    .where("unit_id", "=", unitId)
    .groupBy("month")
    .orderBy("month");
  return filtered(q, f, previousFrom);
}

export interface ClassStatRow extends SumTotals {
  eventId: number;
  code: string;
  title: string;
  startsAt: string;
  unitId: number;
  unitName: string;
  path: string;
  expected: number;
  observed: number | null;
}

// A class line carries each criterion's answer count and sum, not its five counters: the means
// are all it shows, and the national view reads a thousand of them.
const classSums = CRITERIA.flatMap((c) => [
  sql<number>`${sql.join(
    RATINGS.map((v) => sql.ref(`cs.${c}_${v}`)),
    sql` + `,
  )}`.as(`${c}_n`),
  sql<number>`${sql.join(
    RATINGS.map((v) => sql`${sql.lit(v)} * ${sql.ref(`cs.${c}_${v}`)}`),
    sql` + `,
  )}`.as(`${c}_sum`),
]);

/** The classes of a subtree in a period, by the filters: one index range on class_stats. */
function classesIn(db: Db, unit: Unit, f: ScoreFilters) {
  let q = db
    .selectFrom("class_stats as cs")
    .where(inSubtree(scopeAt(unit, f.tree), unitPaths("cs")))
    .where("cs.month", ">=", f.from)
    .where("cs.month", "<=", f.to);
  if (f.programmeId !== null) q = q.where("cs.programme_id", "=", f.programmeId);
  if (f.category !== null) q = q.where("cs.category", "=", f.category);
  return q;
}

/**
 * The written answers of a subtree's classes in a period, newest first, up to `limit`, from classes
 * with at least `min` responses only, and how many there are in all; every class of the subtree in
 * the period with its responses (to name the classes and count those held back).
 */
export async function loadUnitComments(db: Db, unit: Unit, f: ScoreFilters, min: number, limit: number) {
  // The trainees' counted comments, as the class report lists them (a lecturer's are in its own section).
  const written = classesIn(db, unit, f)
    .innerJoin("comments as c", "c.event_id", "cs.event_id")
    .innerJoin("responses as r", "r.id", "c.response_id")
    .where("cs.responses", ">=", min)
    .where("r.role", "=", "trainee")
    .where("r.too_fast", "=", 0);
  const [rows, classes] = await db.batch([
    written.select(["c.id", "c.text", "c.event_id as eventId"]).orderBy("c.id", "desc").limit(limit),
    classesIn(db, unit, f)
      .innerJoin("events as e", "e.id", "cs.event_id")
      .select(["cs.event_id as eventId", "cs.responses", "e.code", "e.title"]),
  ]);
  // Counting reads every answer again, so only when the list was cut.
  const total =
    rows.rows.length < limit
      ? rows.rows.length
      : ((await written.select((eb) => eb.fn.countAll<number>().as("n")).executeTakeFirst())?.n ?? 0);
  return { rows: rows.rows, total, classes: classes.rows };
}

function classStatsQuery(db: Db, unit: Unit, f: ScoreFilters) {
  const col = f.tree === "now" ? "cs.now_path" : "cs.path";
  return classesIn(db, unit, f)
    .innerJoin("events as e", "e.id", "cs.event_id")
    .innerJoin("units as u", "u.id", "cs.unit_id")
    .select([
      "cs.event_id as eventId",
      "e.code",
      "e.title",
      "e.starts_at as startsAt",
      "cs.unit_id as unitId",
      "u.name as unitName",
      `${col} as path`,
      "cs.expected",
      "cs.observed",
      "cs.responses",
      "cs.straight",
      ...classSums,
    ]);
}

export async function loadClassStats(db: Db, unit: Unit, f: ScoreFilters): Promise<ClassStatRow[]> {
  return classStatsQuery(db, unit, f).execute();
}

export type SmallClassRow = StatTotals & { month: string; path: string };

/**
 * The classes of the subtree (over both periods) with fewer responses than the threshold, with
 * their counts: the dashboards take them out of every mean, so no difference between two views
 * gives one back. The literal threshold lets SQLite read the partial indexes of migration 0013.
 */
function smallClassesQuery(db: Db, unit: Unit, f: ScoreFilters, previousFrom: string) {
  const col = f.tree === "now" ? "cs.now_path" : "cs.path";
  let q = db
    .selectFrom("class_stats as cs")
    .select([
      "cs.month",
      `${col} as path`,
      "cs.responses",
      "cs.straight",
      ...COUNT_COLUMNS.map((c) => sql.ref<number>(`cs.${c}`).as(c)),
    ])
    .where(inSubtree(scopeAt(unit, f.tree), unitPaths("cs")))
    .where("cs.month", ">=", previousFrom)
    .where("cs.month", "<=", f.to)
    .where(sql<boolean>`cs.responses < ${sql.lit(MIN_RESPONSES_FOR_DETAIL)}`);
  if (f.programmeId !== null) q = q.where("cs.programme_id", "=", f.programmeId);
  if (f.category !== null) q = q.where("cs.category", "=", f.category);
  return q;
}

/** Units merged into this one: shown as links in the "as it was" view (today's view reads no row). */
function mergedIntoQuery(db: Db, unitId: number, tree: Tree) {
  const q = db.selectFrom("units").select(["id", "code", "name", "level", "valid_to as validTo"]);
  return (
    tree === "then" ? q.where("successor_id", "=", unitId).where("active", "=", 0) : q.where("id", "=", -1)
  ).orderBy("name");
}

/**
 * Everything a unit's dashboard reads, as one D1 batch: one round trip instead of five (the
 * database runs them one after the other either way).
 */
export async function loadDashboard(
  db: Db,
  unit: Unit,
  f: ScoreFilters & { level: Level | null },
  previousFrom: string,
  /** False for a caller that shows the card alone (a programme's quality): three statements fewer. */
  withRows = true,
) {
  const card = [
    monthStatsQuery(db, unit.id, f, previousFrom),
    classStatsQuery(db, unit, f),
    smallClassesQuery(db, unit, f, previousFrom),
  ] as const;
  const rows = [
    breakdownUnitsQuery(db, unit, f.tree, f.level),
    breakdownStatsQuery(db, unit, f.level, f, previousFrom),
    mergedIntoQuery(db, unit.id, f.tree),
  ] as const;
  const [months, classes, small, breakdown, stats, merged] = withRows
    ? await db.batch([...card, ...rows])
    : [...(await db.batch(card)), { rows: [] }, { rows: [] }, { rows: [] }];
  return {
    breakdown: breakdown.rows.map(
      (r): BreakdownUnit => ({ ...r, active: r.active === 1, path: f.tree === "now" ? r.nowPath : r.path }),
    ),
    stats: stats.rows satisfies PeriodRow[],
    months: months.rows satisfies MonthRow[],
    // Written by the query above from CLASS_FIELDS: every field of ClassStatRow, numbers as integers.
    classes: classes.rows satisfies ClassStatRow[],
    merged: merged.rows,
    small: small.rows satisfies SmallClassRow[],
  };
}
