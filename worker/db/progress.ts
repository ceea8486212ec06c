// A programme's targets, plan and progress: who of a position in a subtree completed enough days of its classes, classes held by year.
import { sql } from "kysely";
import type { Position } from "../domain/people";
import { FOLLOW_STATUSES, type FollowStatus } from "../domain/proposal";
import type { Scope } from "../domain/terms";
import type { Db } from ".";
import { inSubtree, scopeUnitId, unitPaths } from "./subtree";

export interface TargetRow {
  id: number;
  position: Position;
  share: number;
  by: string;
  minDays: number;
  baseline: number | null;
}

export async function listTargets(db: Db, programmeId: number): Promise<TargetRow[]> {
  return db
    .selectFrom("programme_targets")
    .select(["id", "position", "share", "by_date as by", "min_days as minDays", "baseline"])
    .where("programme_id", "=", programmeId)
    .orderBy("by_date")
    .orderBy("id")
    .execute();
}

export async function insertTarget(
  db: Db,
  programmeId: number,
  t: { position: Position; share: number; by: string; minDays: number; baseline: number | null },
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
      baseline: t.baseline,
      created_at: now,
    })
    .returning("id")
    .executeTakeFirstOrThrow();
  return row.id;
}

/** Removes one of a programme's targets; whether there was one. */
export async function deleteTarget(db: Db, programmeId: number, targetId: number): Promise<boolean> {
  const r = await db
    .deleteFrom("programme_targets")
    .where("programme_id", "=", programmeId)
    .where("id", "=", targetId)
    .executeTakeFirst();
  return r.numDeletedRows > 0n;
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
 * Whether the summary rows (migration 0024) answer for `at`: they count every class's days, so
 * they do when no class of the programme with a completed attendance is later than `at` (today,
 * and every review written after its classes). Earlier days count from the rows themselves.
 */
export async function countedBy(db: Db, programmeId: number, at: string): Promise<boolean> {
  const row = await db
    .selectFrom("programmes")
    .select("attended_to")
    .where("id", "=", programmeId)
    .executeTakeFirst();
  return (row?.attended_to ?? "") <= at;
}

/** One target's people and trained on a unit: the scope's own, or one of the units one level below it. */
export interface TargetCount {
  targetId: number;
  unitId: number;
  people: number;
  trained: number;
}

/**
 * Every target of the programme from the summary rows, on the scope's unit (its whole subtree)
 * and on each unit one level below it: one statement, whatever the number of targets.
 */
export async function targetsCounted(
  db: Db,
  f: { scope: Scope; programmeId: number; at: string },
): Promise<TargetCount[]> {
  const parent = f.scope.tree === "now" ? "c.now_parent_id" : "c.parent_id";
  const unitId = scopeUnitId(f.scope);
  return (
    db
      // Units, then targets, then their rows by the primary key (tree, unit, position, programme):
      // SQLite keeps the left side of a CROSS JOIN outer, where it would otherwise walk the whole
      // tree's rows of the position.
      .selectFrom("units as c")
      .crossJoin("programme_targets as t")
      .crossJoin("people_stats as s")
      .whereRef("s.unit_id", "=", "c.id")
      .whereRef("s.position", "=", "t.position")
      .where((eb) => eb.or([eb("c.id", "=", unitId), eb(parent, "=", unitId)]))
      .where("t.programme_id", "=", f.programmeId)
      .where("s.tree", "=", f.scope.tree)
      .where("s.programme_id", "in", [0, f.programmeId])
      .where((eb) => eb.or([eb("s.until", "=", ""), eb("s.until", ">", f.at)]))
      .select([
        "t.id as targetId",
        "c.id as unitId",
        sql<number>`coalesce(sum(iif(s.programme_id = 0, s.people, 0)), 0)`.as("people"),
        sql<number>`coalesce(sum(iif(s.programme_id = ${f.programmeId} AND s.days >= t.min_days, s.people, 0)), 0)`.as(
          "trained",
        ),
      ])
      .groupBy(["t.id", "c.id"])
      .execute()
  );
}

/**
 * A person's completed days of the programme's classes held by `at` (Vietnam days): read per
 * person through the attendance_person index, for a day the summary rows do not answer.
 */
const daysOf = (programmeId: number, at: string) =>
  sql<number>`(SELECT coalesce(sum(e.days), 0) FROM attendance a CROSS JOIN events e ON e.id = a.event_id
    WHERE a.person_id = p.id AND a.completed = 1 AND e.programme_id = ${programmeId} AND date(e.starts_at, '+7 hours') <= ${at})`;

/**
 * Counted from the register and attendance, for a day the summary rows do not answer: the people of
 * the subtree still in their position on `at`, by the unit one level below they fall under (0 for
 * the scope's own unit), position and completed days by then; each person's days read once, so every
 * target and the people trained come from this one pass.
 */
export async function daysOnRegister(
  db: Db,
  scope: Scope,
  programmeId: number,
  at: string,
): Promise<{ unitId: number; position: Position; days: number; people: number }[]> {
  const col = sql.ref(scope.tree === "now" ? "u.now_path" : "u.path");
  const rest = sql`substr(${col}, ${scope.path.length + 1})`;
  // '/1/4/9/12/' under '/1/4/': the first id after the scope's path is the child it falls under
  // ('' for the scope's own unit, which CAST makes 0).
  const child = sql<number>`CAST(substr(${rest}, 1, instr(${rest}, '/') - 1) AS INTEGER)`;
  const perPerson = db
    // From the subtree's units to their people (by the identity index's unit_id): SQLite keeps the
    // left side of a CROSS JOIN outer, where it would walk every person nationwide.
    .selectFrom("units as u")
    .crossJoin("people as p")
    .whereRef("p.unit_id", "=", "u.id")
    .where(inSubtree(scope, unitPaths("u")))
    .where((eb) => eb.or([eb("p.until", "is", null), eb("p.until", ">", at)]))
    .select([child.as("unitId"), "p.position", daysOf(programmeId, at).as("days")]);
  return db
    .selectFrom(perPerson.as("d"))
    .select(["d.unitId", "d.position", "d.days", (eb) => eb.fn.countAll<number>().as("people")])
    .groupBy(["d.unitId", "d.position", "d.days"])
    .execute();
}

/** People of the subtree (any position, still in it on `at`) who completed at least one day of the programme's classes, from the summary rows. */
export async function peopleTrained(db: Db, scope: Scope, programmeId: number, at: string): Promise<number> {
  const row = await db
    .selectFrom("people_stats as s")
    .select(sql<number>`coalesce(sum(s.people), 0)`.as("n"))
    .where("s.tree", "=", scope.tree)
    .where("s.unit_id", "=", scopeUnitId(scope))
    .where("s.programme_id", "=", programmeId)
    .where((eb) => eb.or([eb("s.until", "=", ""), eb("s.until", ">", at)]))
    .executeTakeFirst();
  return row?.n ?? 0;
}

/** The programme's classes in a subtree held by `at`, by year (Vietnam time), with person-times: from the summary rows, any day. */
export async function classesByYear(db: Db, scope: Scope, programmeId: number, at: string) {
  return db
    .selectFrom("programme_classes")
    .select([
      sql<number>`CAST(substr(day, 1, 4) AS INTEGER)`.as("year"),
      sql<number>`sum(classes)`.as("held"),
      sql<number>`sum(person_times)`.as("personTimes"),
    ])
    .where("tree", "=", scope.tree)
    .where("unit_id", "=", scopeUnitId(scope))
    .where("programme_id", "=", programmeId)
    .where("day", "<=", at)
    .groupBy("year")
    .having(sql<boolean>`sum(classes) > 0`)
    .orderBy("year")
    .execute();
}

/**
 * The workshops linked to the programme in a subtree, held by `at`, each with its proposals (the
 * one counting rule: visible, merged originals left out) by where their follow-up stands.
 */
export async function workshopsOf(db: Db, scope: Scope, programmeId: number, at: string) {
  const status = (s: FollowStatus | null) =>
    sql<number>`coalesce(sum(${s === null ? sql`p.follow_status IS NULL` : sql`p.follow_status = ${s}`}), 0)`;
  return db
    .selectFrom("events as e")
    .innerJoin("units as u", "u.id", "e.unit_id")
    .leftJoin("proposals as p", (j) =>
      j.onRef("p.event_id", "=", "e.id").on("p.hidden", "=", 0).on("p.duplicate_of", "is", null),
    )
    .select([
      "e.id",
      "e.title",
      "e.starts_at as startsAt",
      "u.name as unitName",
      sql<number>`count(p.id)`.as("proposals"),
      status(null).as("none"),
      ...FOLLOW_STATUSES.map((s) => status(s).as(s)),
    ])
    .where("e.programme_id", "=", programmeId)
    .where("e.kind", "=", "workshop")
    .where(sql<boolean>`date(e.starts_at, '+7 hours') <= ${at}`)
    .where(inSubtree(scope, unitPaths("u")))
    .groupBy("e.id")
    .orderBy("e.starts_at")
    .execute();
}
