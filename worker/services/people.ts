// The officer register: who holds which position in which unit, found without diacritics, imported from the lists offices keep.
import type { Db } from "../db";
import {
  allPeople,
  findIdentity,
  findPerson,
  insertPerson,
  listPeople,
  matchImport,
  type PeopleFilter,
  updatePerson,
  upsertImport,
} from "../db/people";
import { listTargets } from "../db/progress";
import { listUnitsInScope } from "../db/units";
import { type Cell, parseCsv, type Table } from "../domain/csv";
import { Conflict, ImportRefused, Invalid, NotFound } from "../domain/errors";
import { type Lang, type MessageKey, t } from "../domain/i18n";
import {
  birthYearRange,
  checkPeopleImport,
  nameKey,
  nameSearch,
  type Position,
  positionKey,
  tidyName,
} from "../domain/people";
import { canSee, type Scope, type StaffUser, scopeOf } from "../domain/terms";
import { vietnamDay } from "../domain/time";
import { readXlsx } from "../domain/xlsx";
import { programmeFor } from "./progress";
import { unitInScope } from "./scope";

export interface PeopleQuery {
  unit?: number | undefined;
  position?: Position | undefined;
  q?: string | undefined;
  /** Also those who have left their position. */
  all?: boolean | undefined;
  /** With `programme`: those who have (yes) or have not (no) been trained by it. */
  trained?: "yes" | "no" | undefined;
  programme?: number | undefined;
}

/** The filter in the caller's scope: a unit given must be one she sees, and takes its subtree. */
async function filterOf(db: Db, user: StaffUser, f: PeopleQuery, now: Date): Promise<PeopleFilter> {
  const scope = scopeOf(user);
  const unit = f.unit === undefined ? null : await unitInScope(db, user, f.unit);
  // Trained means what the programme's target for the position says (its days), else one day.
  let trained: PeopleFilter["trained"] = null;
  if (f.trained !== undefined) {
    if (f.programme === undefined) throw new Invalid({ programme: { key: "field.required" } });
    const programme = await programmeFor(db, user, f.programme);
    const targets = await listTargets(db, programme.id);
    const target = targets.find((t) => t.position === f.position);
    trained = { programmeId: programme.id, minDays: target?.minDays ?? 1, yes: f.trained === "yes" };
  }
  return {
    scope: unit ? { tree: scope.tree, path: scope.tree === "now" ? unit.nowPath : unit.thenPath } : scope,
    position: f.position ?? null,
    q: f.q?.trim() ? f.q.trim() : null,
    current: !f.all,
    today: vietnamDay(now),
    trained,
  };
}

const shape = (p: Awaited<ReturnType<typeof listPeople>>["rows"][number]) => ({
  id: p.id,
  name: p.name,
  birthYear: p.birthYear,
  position: p.position,
  unitId: p.unitId,
  unitName: p.unitName,
  unitCode: p.unitCode,
  since: p.since,
  until: p.until,
});

/** A page of the register: `{items, total, next}`. */
export async function peoplePage(
  db: Db,
  user: StaffUser,
  f: PeopleQuery & { limit: number; cursor?: number | undefined },
  now: Date,
) {
  const offset = f.cursor ?? 0;
  const { rows, total } = await listPeople(db, await filterOf(db, user, f, now), { limit: f.limit, offset });
  return { items: rows.map(shape), total, next: offset + rows.length < total ? offset + rows.length : null };
}

/** The register as a table (the invitation list when filtered), every person the filter takes. */
export async function peopleTable(
  db: Db,
  user: StaffUser,
  f: PeopleQuery,
  lang: Lang,
  now: Date,
): Promise<Table> {
  const rows = await allPeople(db, await filterOf(db, user, f, now));
  const body: Cell[][] = rows.map((p) => [
    p.name,
    p.birthYear,
    t(lang, positionKey(p.position)),
    p.unitName,
    p.unitCode,
    p.since,
    p.until,
  ]);
  return {
    name: "danh-sach-can-bo",
    sheet: t(lang, "people.sheet"),
    rows: [
      [
        t(lang, "people.col_name"),
        t(lang, "people.col_birth_year"),
        t(lang, "people.col_position"),
        t(lang, "people.col_unit"),
        t(lang, "people.col_unit_code"),
        t(lang, "people.col_since"),
        t(lang, "people.col_until"),
      ],
      ...body,
    ],
  };
}

interface PersonInput {
  name: string;
  birthYear: number;
  position: Position;
  unitId: number;
  since?: string | null | undefined;
}

/** The unit a person is put in: one the caller sees, still active. */
async function unitForPerson(db: Db, user: StaffUser, unitId: number) {
  const unit = await unitInScope(db, user, unitId).catch(() => undefined);
  if (!unit) throw new Invalid({ unitId: { key: "field.unit_not_found" } });
  if (!unit.active) throw new Invalid({ unitId: { key: "field.unit_inactive" } });
  return unit;
}

function checkBirthYear(year: number, now: Date): void {
  const { min, max } = birthYearRange(Number(vietnamDay(now).slice(0, 4)));
  if (year < min || year > max)
    throw new Invalid({ birthYear: { key: "people.bad_birth_year", params: { min, max } } });
}

export async function addPerson(db: Db, user: StaffUser, p: PersonInput, now: Date): Promise<number> {
  const unit = await unitForPerson(db, user, p.unitId);
  checkBirthYear(p.birthYear, now);
  const name = tidyName(p.name);
  if (await findIdentity(db, unit.id, nameKey(name), p.birthYear)) {
    throw new Conflict("person_exists", "people.exists", { name: { key: "people.exists" } });
  }
  return insertPerson(
    db,
    {
      name,
      nameKey: nameKey(name),
      search: nameSearch(name),
      birthYear: p.birthYear,
      position: p.position,
      unitId: unit.id,
      since: p.since ?? null,
    },
    now.toISOString(),
  );
}

/** A person in the caller's scope (in either tree she reads). */
export async function personInScope(db: Db, user: StaffUser, id: number) {
  const p = await findPerson(db, id);
  if (!p || !canSee(user, { nowPath: p.unitPath, thenPath: p.unitThenPath }))
    throw new NotFound("not_found", "people.not_found");
  return p;
}

export async function changePerson(
  db: Db,
  user: StaffUser,
  id: number,
  change: Partial<PersonInput> & { until?: string | null | undefined },
  now: Date,
): Promise<void> {
  const person = await personInScope(db, user, id);
  const unit = change.unitId === undefined ? null : await unitForPerson(db, user, change.unitId);
  if (change.birthYear !== undefined) checkBirthYear(change.birthYear, now);
  const name = change.name === undefined ? person.name : tidyName(change.name);
  const birthYear = change.birthYear ?? person.birthYear;
  const unitId = unit?.id ?? person.unitId;
  const other = await findIdentity(db, unitId, nameKey(name), birthYear);
  if (other && other.id !== id)
    throw new Conflict("person_exists", "people.exists", { name: { key: "people.exists" } });
  await updatePerson(
    db,
    id,
    {
      ...(change.name === undefined ? {} : { name, name_key: nameKey(name), search: nameSearch(name) }),
      ...(change.birthYear === undefined ? {} : { birth_year: change.birthYear }),
      ...(change.position === undefined ? {} : { position: change.position }),
      ...(unit ? { unit_id: unit.id } : {}),
      ...(change.since === undefined ? {} : { since: change.since }),
      ...(change.until === undefined ? {} : { until: change.until }),
    },
    now.toISOString(),
  );
}

/** The rows of an uploaded list, CSV or XLSX, by its content type. */
export function rowsOf(contentType: string, body: ArrayBuffer): string[][] {
  if (/spreadsheetml|application\/vnd\.ms-excel|octet-stream/.test(contentType)) {
    const rows = readXlsx(new Uint8Array(body));
    if (rows) return rows;
  }
  if (/text\/csv|text\/plain/.test(contentType)) return parseCsv(new TextDecoder().decode(body));
  throw new Invalid({ file: { key: "people.import_format" } });
}

/**
 * A list checked against a subtree's active units (today's tree): its lines, and which of them
 * name someone already in the register (line → id). Any wrong line refuses it whole, each named;
 * a unit code outside the subtree is said in `outside`'s words.
 */
export async function checkList(
  db: Db,
  scope: Scope,
  rows: readonly (readonly string[])[],
  now: Date,
  outside: MessageKey = "people.unknown_unit",
) {
  const units = await listUnitsInScope(db, scope);
  const codes = new Map(units.filter((u) => u.active).map((u) => [u.code.toUpperCase(), u.id]));
  const checked = checkPeopleImport(rows, codes, Number(vietnamDay(now).slice(0, 4)));
  if (!checked.ok) {
    throw new ImportRefused(
      checked.errors.map((e) => (e.field === "unit_code" ? { ...e, key: outside } : e)),
    );
  }
  return { lines: checked.lines, matches: await matchImport(db, checked.lines) };
}

/**
 * A list imported whole or not at all: every wrong line named with its field (nothing stored);
 * otherwise the new people added and the known ones (same unit, name and birth year) updated,
 * the matches reported. `dryRun` checks and counts without storing.
 */
export async function importPeople(
  db: Db,
  user: StaffUser,
  rows: readonly (readonly string[])[],
  dryRun: boolean,
  now: Date,
) {
  const { lines, matches } = await checkList(db, scopeOf(user), rows, now);
  if (!dryRun) await upsertImport(db, lines, now.toISOString());
  return {
    created: lines.length - matches.size,
    updated: matches.size,
    matched: [...matches].map(([line, id]) => ({ line, id })),
    errors: [] as { line: number; field: string; message: string }[],
    dryRun,
  };
}
