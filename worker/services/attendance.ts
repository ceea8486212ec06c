// Who attended a class, from the register of the class's units: recorded whole, never linked to any answer.
import type { Db } from "../db";
import { addListed, loadAttendance, peopleByIds, replaceAttendance } from "../db/attendance";
import { importUpsert } from "../db/people";
import { findProgramme } from "../db/programmes";
import { Conflict, type FieldErrors, Invalid } from "../domain/errors";
import { inScope, type StaffUser } from "../domain/terms";
import { vietnamDay } from "../domain/time";
import { checkList } from "./people";
import { eventInScope } from "./scope";

/** The class's attendance: who, from which unit, whether they completed it; never any answer. */
export async function attendanceOf(db: Db, user: StaffUser, id: number) {
  const event = await eventInScope(db, user, id);
  if (event.kind !== "class") throw new Conflict("not_class", "attendance.not_class");
  const items = await loadAttendance(db, event.id);
  return { items, total: items.length, expected: event.expectedParticipants, days: event.days };
}

/** A class whose list may change: a class, of a programme still running (or none). */
async function classToRecord(db: Db, user: StaffUser, id: number, now: Date) {
  const event = await eventInScope(db, user, id);
  if (event.kind !== "class") throw new Conflict("not_class", "attendance.not_class");
  if (event.programmeId !== null) {
    const programme = await findProgramme(db, event.programmeId);
    if (programme && programme.endsOn < vietnamDay(now)) {
      throw new Conflict("programme_closed", "attendance.programme_closed");
    }
  }
  return event;
}

/**
 * The class list imported in the register's format (name, birth_year, position, unit_code), each
 * line at a unit under the class's: its people matched in the register or added to it, and added
 * to the class's attendance as completed (those on it already keep their mark). Every wrong line
 * named and nothing stored; `dryRun` says what it would do.
 */
export async function importClassList(
  db: Db,
  user: StaffUser,
  id: number,
  rows: readonly (readonly string[])[],
  dryRun: boolean,
  now: Date,
) {
  const event = await classToRecord(db, user, id, now);
  const scope = { tree: "now" as const, path: event.unitPath };
  const { lines, matches } = await checkList(db, scope, rows, now, "attendance.unit_outside");
  if (!dryRun && lines.length > 0) {
    await db.batch([importUpsert(db, lines, now.toISOString()), addListed(db, event.id, lines)]);
  }
  return {
    created: lines.length - matches.size,
    updated: matches.size,
    attending: lines.length,
    errors: [] as { line: number; field: string; message: string }[],
    dryRun,
  };
}

/**
 * Replaces who attended (the same list again changes nothing). Each person must be in the
 * register under the class's unit; a class of a programme that has ended keeps its list.
 */
export async function saveAttendance(
  db: Db,
  user: StaffUser,
  id: number,
  body: {
    personIds: readonly number[];
    completed?: readonly number[] | undefined;
    days?: number | undefined;
  },
  now: Date,
) {
  const event = await classToRecord(db, user, id, now);
  const ids = [...new Set(body.personIds)];
  const found = new Map((await peopleByIds(db, ids)).map((p) => [p.id, p]));
  const fields: FieldErrors = {};
  body.personIds.forEach((pid, i) => {
    const p = found.get(pid);
    // Under the class's unit in today's tree: a merged commune's people came with it.
    if (!p || !inScope(p.nowPath, event.unitPath)) fields[`personIds.${i}`] = { key: "attendance.outside" };
  });
  const listed = new Set(ids);
  (body.completed ?? []).forEach((pid, i) => {
    if (listed.has(pid)) return;
    // Either list may be the one that is wrong: both are named.
    fields[`completed.${i}`] = { key: "attendance.not_in_list" };
    fields.personIds ??= { key: "attendance.not_in_list" };
  });
  if (Object.keys(fields).length > 0) throw new Invalid(fields);
  const completed = body.completed === undefined ? null : new Set(body.completed);
  await replaceAttendance(
    db,
    event.id,
    ids.map((personId) => ({ personId, completed: completed === null || completed.has(personId) })),
    body.days ?? null,
  );
  return attendanceOf(db, user, id);
}
