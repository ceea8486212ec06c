// A programme's targets, plan and progress: who of a position in a subtree completed enough days of its classes, classes held by year.
import { sql } from "kysely";
import type { Position } from "../domain/people";
import type { Scope } from "../domain/terms";
import type { Db } from ".";
import { inSubtree, unitPaths } from "./subtree";

export interface TargetRow {
  id: number;
  position: Position;
  share: number;
  by: string;
  minDays: number;
}

export async function listTargets(db: Db, programmeId: number): Promise<TargetRow[]> {
  return db
    .selectFrom("programme_targets")
    .select(["id", "position", "share", "by_date as by", "min_days as minDays"])
    .where("programme_id", "=", programmeId)
    .orderBy("by_date")
    .orderBy("id")
    .execute();
}

export async function insertTarget(
  db: Db,
  programmeId: number,
  t: { position: Position; share: number; by: string; minDays: number },
  now: string,
): Promise<number> {
  const row = await db
    .insertInto("programme_targets")
    .values({
      programme_id: programmeId,
      position: t.position,
      share: t.share,
      by_date: t.by,
      min_days: t.minDays,
      created_at: now,
    })
    .returning("id")
    .executeTakeFirstOrThrow();
  return row.id;
}

export interface PlanYear {
  year: number;
  classes: number;
  trainees: number;
  budget: number | null;
}

export async function loadPlan(db: Db, programmeId: number): Promise<PlanYear[]> {
  return db
    .selectFrom("programme_plan")
    .select(["year", "classes", "trainees", "budget"])
    .where("programme_id", "=", programmeId)
    .orderBy("year")
    .execute();
}

/** The plan replaced whole, in one batch. */
export async function replacePlan(db: Db, programmeId: number, years: readonly PlanYear[]): Promise<void> {
  await db.batch([
    db.deleteFrom("programme_plan").where("programme_id", "=", programmeId),
    ...(years.length === 0
      ? []
      : [
          db
            .insertInto("programme_plan")
            .columns(["programme_id", "year", "classes", "trainees", "budget"])
            .expression(
              sql`SELECT ${programmeId}, j.value ->> 0, j.value ->> 1, j.value ->> 2, j.value ->> 3 FROM json_each(${JSON.stringify(
                years.map((y) => [y.year, y.classes, y.trainees, y.budget]),
              )}) j`,
            ),
        ]),
  ]);
}

/**
 * A person's completed days of the programme's classes held by `at`: read per person through the
 * attendance_person index, so a province reads its own people's rows, not the whole programme's.
 */
const daysOf = (programmeId: number, at: string) =>
  sql<number>`(SELECT coalesce(sum(e.days), 0) FROM attendance a JOIN events e ON e.id = a.event_id
    WHERE a.person_id = p.id AND a.completed = 1 AND e.programme_id = ${programmeId} AND e.starts_at <= ${`${at}T23:59:59Z`})`;

/** What both progress counts share: one position's people in the subtree, and each one's completed days. */
interface PositionCount {
  scope: Scope;
  programmeId: number;
  position: Position;
  minDays: number;
  at: string;
}

function positionPeople(db: Db, f: PositionCount, below: boolean) {
  return (
    db
      // From the subtree's units to their people (by the identity index's unit_id): SQLite keeps the
      // left side of a CROSS JOIN outer, where it would walk every person of the position nationwide.
      .selectFrom("units as u")
      .crossJoin("people as p")
      .whereRef("p.unit_id", "=", "u.id")
      .where(inSubtree(f.scope, unitPaths("u"), below))
      .where("p.position", "=", f.position)
      .where((eb) => eb.or([eb("p.until", "is", null), eb("p.until", ">", f.at)]))
  );
}

const trainedSum = (f: PositionCount) =>
  sql<number>`coalesce(sum(${daysOf(f.programmeId, f.at)} >= ${f.minDays}), 0)`.as("trained");

/**
 * For one position in a subtree: the people in it on `at` (distinct persons), and how many of
 * them completed at least `minDays` days of the programme's classes held by then.
 */
export async function positionProgress(
  db: Db,
  f: PositionCount,
): Promise<{ people: number; trained: number }> {
  const row = await positionPeople(db, f, false)
    .select([(eb) => eb.fn.countAll<number>().as("people"), trainedSum(f)])
    .executeTakeFirst();
  return { people: row?.people ?? 0, trained: row?.trained ?? 0 };
}

/** The programme's classes in a subtree held by `at`, by year (Vietnam time), with distinct people and person-times. */
export async function classesByYear(db: Db, scope: Scope, programmeId: number, at: string) {
  return db
    .selectFrom("events as e")
    .innerJoin("units as u", "u.id", "e.unit_id")
    .leftJoin("attendance as a", "a.event_id", "e.id")
    .select([
      sql<number>`CAST(strftime('%Y', e.starts_at, '+7 hours') AS INTEGER)`.as("year"),
      sql<number>`count(DISTINCT e.id)`.as("held"),
      sql<number>`count(a.person_id)`.as("personTimes"),
      sql<number>`count(DISTINCT a.person_id)`.as("people"),
    ])
    .where("e.kind", "=", "class")
    .where("e.programme_id", "=", programmeId)
    .where("e.starts_at", "<=", `${at}T23:59:59Z`)
    .where(inSubtree(scope, unitPaths("u")))
    .groupBy("year")
    .orderBy("year")
    .execute();
}

/** The same count for each unit one level below the scope's unit (its subtree summed into it). */
export async function positionProgressByChild(
  db: Db,
  f: PositionCount,
): Promise<{ unitId: number; people: number; trained: number }[]> {
  const col = sql.ref(f.scope.tree === "now" ? "u.now_path" : "u.path");
  const rest = sql`substr(${col}, ${f.scope.path.length + 1})`;
  // '/1/4/9/12/' under '/1/4/': the first id after the scope's path is the child it falls under.
  const child = sql<number>`CAST(substr(${rest}, 1, instr(${rest}, '/') - 1) AS INTEGER)`;
  return positionPeople(db, f, true)
    .select([child.as("unitId"), (eb) => eb.fn.countAll<number>().as("people"), trainedSum(f)])
    .groupBy("unitId")
    .execute();
}
