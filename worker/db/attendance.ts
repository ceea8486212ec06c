// Who attended a class: read and replaced whole, one batch; never joined to any response.
import { sql } from "kysely";
import type { ImportLine } from "../domain/people";
import type { Compilable, Db } from ".";
import { linesJson } from "./people";

export interface AttendanceRow {
  personId: number;
  name: string;
  unitId: number;
  unitName: string;
  position: string;
  completed: boolean;
}

export async function loadAttendance(db: Db, eventId: number): Promise<AttendanceRow[]> {
  const rows = await db
    .selectFrom("attendance as a")
    .innerJoin("people as p", "p.id", "a.person_id")
    .innerJoin("units as u", "u.id", "p.unit_id")
    .select([
      "a.person_id as personId",
      "p.name",
      "p.unit_id as unitId",
      "u.name as unitName",
      "p.position",
      "a.completed",
    ])
    .where("a.event_id", "=", eventId)
    .orderBy("u.now_path")
    .orderBy("p.search")
    .execute();
  return rows.map((r) => ({ ...r, completed: r.completed === 1 }));
}

/** The people of the ids with their units' paths, to check each lies under the class's unit. */
export async function peopleByIds(db: Db, ids: readonly number[]) {
  if (ids.length === 0) return [];
  return db
    .selectFrom("people as p")
    .innerJoin("units as u", "u.id", "p.unit_id")
    .select(["p.id", "u.now_path as nowPath", "u.path as thenPath"])
    .where(sql<boolean>`p.id IN (SELECT value FROM json_each(${JSON.stringify(ids)}))`)
    .execute();
}

/**
 * Replaces a class's attendance and its length in days, in one batch: the list as one JSON
 * parameter (a class of 60, or 600, is one statement).
 */
export async function replaceAttendance(
  db: Db,
  eventId: number,
  rows: readonly { personId: number; completed: boolean }[],
  days: number | null,
): Promise<void> {
  await db.batch([
    db.deleteFrom("attendance").where("event_id", "=", eventId),
    db
      .insertInto("attendance")
      .columns(["event_id", "person_id", "completed"])
      .expression(
        sql`SELECT ${eventId}, j.value ->> 0, j.value ->> 1 FROM json_each(${JSON.stringify(
          rows.map((r) => [r.personId, r.completed ? 1 : 0]),
        )}) j`,
      ),
    ...(days === null ? [] : [db.updateTable("events").set({ days }).where("id", "=", eventId)]),
  ]);
}

/** The listed people (found by unit, name and birth year, once the list is stored) added to a class, completed; those on it already keep their mark. */
export function addListed(db: Db, eventId: number, lines: readonly ImportLine[]): Compilable {
  const query = sql`INSERT INTO attendance (event_id, person_id, completed)
    SELECT ${eventId}, p.id, 1 FROM json_each(${linesJson(lines)}) j
    JOIN people p ON p.unit_id = j.value ->> 1 AND p.name_key = j.value ->> 2 AND p.birth_year = j.value ->> 3
    WHERE true ON CONFLICT (event_id, person_id) DO NOTHING`;
  return { compile: () => query.compile(db) };
}
