// Units and the subtree rule: a staff account sees its unit and everything under it.
import type { DB } from ".";
import type { Level } from "./schema";

export interface Unit {
  id: number;
  code: string;
  name: string;
  level: Level;
  parentId: number | null;
  path: string;
}

const columns = ["id", "code", "name", "level", "parent_id as parentId", "path"] as const;

/** Whether a unit with `path` lies in the subtree rooted at `scopePath` (both '/1/4/'-style). */
export function inScope(path: string, scopePath: string): boolean {
  return path.startsWith(scopePath);
}

export async function findUnitById(db: DB, id: number): Promise<Unit | undefined> {
  return db.selectFrom("units").select(columns).where("id", "=", id).executeTakeFirst();
}

export async function findUnitByCode(db: DB, code: string): Promise<Unit | undefined> {
  return db.selectFrom("units").select(columns).where("code", "=", code).executeTakeFirst();
}

export async function listUnitsInScope(db: DB, scopePath: string): Promise<Unit[]> {
  return db
    .selectFrom("units")
    .select(columns)
    .where("path", ">=", scopePath)
    .where("path", "<", `${scopePath}\uffff`)
    .orderBy("path")
    .execute();
}
