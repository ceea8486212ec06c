// Programmes: training schemes that group classes over a period for some trainee categories.

import { type Scope, TRAINEE_CATEGORIES, type TraineeCategory } from "../domain/terms";
import type { Db } from ".";
import { aboveOrAt, inSubtree, unitPaths } from "./subtree";

export interface Programme {
  id: number;
  unitId: number;
  unitPath: string;
  unitName: string;
  name: string;
  startsOn: string;
  endsOn: string;
  categories: TraineeCategory[];
}

function parseCategories(json: string): TraineeCategory[] {
  const parsed: unknown = JSON.parse(json);
  return Array.isArray(parsed) ? TRAINEE_CATEGORIES.filter((c) => parsed.includes(c)) : [];
}

function selectProgrammes(db: Db) {
  return db
    .selectFrom("programmes as p")
    .innerJoin("units as u", "u.id", "p.unit_id")
    .select([
      "p.id",
      "p.unit_id as unitId",
      "u.now_path as unitPath",
      "u.name as unitName",
      "p.name",
      "p.starts_on as startsOn",
      "p.ends_on as endsOn",
      "p.categories",
    ]);
}

export async function findProgramme(db: Db, id: number): Promise<Programme | undefined> {
  const r = await selectProgrammes(db).where("p.id", "=", id).executeTakeFirst();
  return r && { ...r, categories: parseCategories(r.categories) };
}

/** Programmes run by the caller's unit, its ancestors (they cover it) or its subtree. */
export async function listProgrammesFor(db: Db, scope: Scope): Promise<Programme[]> {
  const rows = await selectProgrammes(db)
    .where((eb) => eb.or([aboveOrAt(scope, unitPaths("u")), inSubtree(scope, unitPaths("u"))]))
    .orderBy("p.starts_on", "desc")
    .execute();
  return rows.map((r) => ({ ...r, categories: parseCategories(r.categories) }));
}

export async function insertProgramme(
  db: Db,
  p: { unitId: number; name: string; startsOn: string; endsOn: string; categories: string[]; now: string },
): Promise<number> {
  const row = await db
    .insertInto("programmes")
    .values({
      unit_id: p.unitId,
      name: p.name,
      starts_on: p.startsOn,
      ends_on: p.endsOn,
      categories: JSON.stringify(p.categories),
      created_at: p.now,
    })
    .returning("id")
    .executeTakeFirstOrThrow();
  return row.id;
}
