// The officer register's queries: a page of people in a subtree, one person, and a whole list imported in one statement.
import { sql, type Updateable } from "kysely";
import type { ImportLine, Position } from "../domain/people";
import type { Scope } from "../domain/terms";
import type { Compilable, Db } from ".";
import type { PeopleTable } from "./schema";
import { searchPattern } from "./search";
import { inSubtree, unitPaths } from "./subtree";

export interface PersonRow {
  id: number;
  name: string;
  birthYear: number;
  position: Position;
  unitId: number;
  unitName: string;
  unitCode: string;
  since: string | null;
  until: string | null;
}

export interface PeopleFilter {
  /** The unit's subtree, in the caller's tree. */
  scope: Scope;
  position: Position | null;
  q: string | null;
  /** Only those still in their position (no `until`, or one after today). */
  current: boolean;
  today: string;
  /** Only those who have (yes) or have not (no) completed `minDays` days of the programme's classes. */
  trained: { programmeId: number; minDays: number; yes: boolean } | null;
}

function peopleIn(db: Db, f: PeopleFilter) {
  let q = db
    .selectFrom("people as p")
    .innerJoin("units as u", "u.id", "p.unit_id")
    .where(inSubtree(f.scope, unitPaths("u")));
  if (f.position !== null) q = q.where("p.position", "=", f.position);
  if (f.q !== null) q = q.where(sql<boolean>`p.search LIKE ${searchPattern(f.q)} ESCAPE '\\'`);
  if (f.current) q = q.where((eb) => eb.or([eb("p.until", "is", null), eb("p.until", ">", f.today)]));
  const trained = f.trained;
  if (trained !== null) {
    // Her completed days of the programme, as the triggers keep them (person_days, migration 0024).
    const days = sql<number>`coalesce((SELECT d.days FROM person_days d WHERE d.person_id = p.id AND d.programme_id = ${trained.programmeId}), 0)`;
    q = q.where(
      trained.yes ? sql<boolean>`${days} >= ${trained.minDays}` : sql<boolean>`${days} < ${trained.minDays}`,
    );
  }
  return q;
}

const personColumns = [
  "p.id",
  "p.name",
  "p.birth_year as birthYear",
  "p.position",
  "p.unit_id as unitId",
  "u.name as unitName",
  "u.code as unitCode",
  "p.since",
  "p.until",
] as const;

/** A page of people, by unit then name, and how many match in all (one batch). */
export async function listPeople(db: Db, f: PeopleFilter, page: { limit: number; offset: number }) {
  const q = peopleIn(db, f);
  const [rows, total] = await db.batch([
    q
      .select(personColumns)
      .orderBy("u.now_path")
      .orderBy("p.search")
      .orderBy("p.id")
      .limit(page.limit)
      .offset(page.offset),
    q.select((eb) => eb.fn.countAll<number>().as("n")),
  ]);
  return { rows: rows.rows satisfies PersonRow[], total: total.rows[0]?.n ?? 0 };
}

/** Every person the filter takes (an export), in the list's order. */
export async function allPeople(db: Db, f: PeopleFilter): Promise<PersonRow[]> {
  return peopleIn(db, f)
    .select(personColumns)
    .orderBy("u.now_path")
    .orderBy("p.search")
    .orderBy("p.id")
    .execute();
}

export async function findPerson(db: Db, id: number) {
  return db
    .selectFrom("people as p")
    .innerJoin("units as u", "u.id", "p.unit_id")
    .select([...personColumns, "u.now_path as unitPath", "u.path as unitThenPath"])
    .where("p.id", "=", id)
    .executeTakeFirst();
}

export async function findIdentity(db: Db, unitId: number, nameKey: string, birthYear: number) {
  return db
    .selectFrom("people")
    .select("id")
    .where("unit_id", "=", unitId)
    .where("name_key", "=", nameKey)
    .where("birth_year", "=", birthYear)
    .executeTakeFirst();
}

export async function insertPerson(
  db: Db,
  p: {
    name: string;
    nameKey: string;
    search: string;
    birthYear: number;
    position: Position;
    unitId: number;
    since: string | null;
  },
  now: string,
): Promise<number> {
  const row = await db
    .insertInto("people")
    .values({
      name: p.name,
      name_key: p.nameKey,
      search: p.search,
      birth_year: p.birthYear,
      position: p.position,
      unit_id: p.unitId,
      since: p.since,
      created_at: now,
      updated_at: now,
    })
    .returning("id")
    .executeTakeFirstOrThrow();
  return row.id;
}

export async function updatePerson(
  db: Db,
  id: number,
  set: Omit<Updateable<PeopleTable>, "id" | "created_at" | "updated_at">,
  now: string,
): Promise<void> {
  await db
    .updateTable("people")
    .set({ ...set, updated_at: now })
    .where("id", "=", id)
    .execute();
}

/** JSON of the checked lines, for the statements that read the whole list as one parameter. */
export const linesJson = (lines: readonly ImportLine[]) =>
  JSON.stringify(lines.map((l) => [l.line, l.unitId, l.nameKey, l.birthYear, l.name, l.search, l.position]));

/** The lines of a list that name someone already in the register: line → id (one statement, by the identity index). */
export async function matchImport(db: Db, lines: readonly ImportLine[]): Promise<Map<number, number>> {
  if (lines.length === 0) return new Map();
  const { rows } = await sql<{ line: number; id: number }>`SELECT j.value ->> 0 AS line, p.id
    FROM json_each(${linesJson(lines)}) j
    JOIN people p ON p.unit_id = j.value ->> 1 AND p.name_key = j.value ->> 2 AND p.birth_year = j.value ->> 3`.execute(
    db,
  );
  return new Map(rows.map((r) => [Number(r.line), r.id]));
}

/**
 * Stores a whole checked list at once: one statement with the list as one JSON parameter (D1's
 * 100-parameter limit never reached), new people added, known ones given the list's name,
 * position and unit again and put back in their position. All of it or none of it.
 */
export async function upsertImport(db: Db, lines: readonly ImportLine[], now: string): Promise<void> {
  if (lines.length === 0) return;
  await db.batch([importUpsert(db, lines, now)]);
}

/** The statement upsertImport runs, for a batch of its own (a class list also adds its attendance). */
export function importUpsert(db: Db, lines: readonly ImportLine[], now: string): Compilable {
  const query = sql`INSERT INTO people (unit_id, name_key, birth_year, name, search, position, created_at, updated_at)
    SELECT j.value ->> 1, j.value ->> 2, j.value ->> 3, j.value ->> 4, j.value ->> 5, j.value ->> 6, ${now}, ${now}
    FROM json_each(${linesJson(lines)}) j WHERE true
    ON CONFLICT (unit_id, name_key, birth_year) DO UPDATE SET
      name = excluded.name, search = excluded.search, position = excluded.position,
      until = NULL, updated_at = excluded.updated_at`;
  return { compile: () => query.compile(db) };
}
