// Units and the subtree rule (a staff account sees its unit and everything under it, in today's tree), and tree edits.
import { sql } from "kysely";
import type { Level, Scope } from "../domain/terms";
import { layoutTree, type TreeNode } from "../domain/tree";
import type { ImportedUnit } from "../domain/unitImport";
import type { Compilable, Db } from ".";
import { PROGRESS_RETREE_SQL } from "./progressStats";
import { RETREE_SQL } from "./stats";
import { inSubtree, scopeUnitId, unitPaths } from "./subtree";

export interface Unit {
  id: number;
  code: string;
  name: string;
  level: Level;
  parentId: number | null;
  /** Place in the tree at the time (column `path`), and in today's tree after merges (`now_path`, scope). */
  thenPath: string;
  nowPath: string;
  nowParentId: number | null;
  active: boolean;
  validFrom: string | null;
  validTo: string | null;
  successorId: number | null;
}

function selectUnits(db: Db) {
  return db
    .selectFrom("units")
    .select([
      "id",
      "code",
      "name",
      "level",
      "parent_id as parentId",
      "path as thenPath",
      "now_path as nowPath",
      "now_parent_id as nowParentId",
      "active",
      "valid_from as validFrom",
      "valid_to as validTo",
      "successor_id as successorId",
    ]);
}

type UnitRow = Omit<Unit, "active"> & { active: number };
const toUnit = (r: UnitRow): Unit => ({ ...r, active: r.active === 1 });

export async function findUnitById(db: Db, id: number): Promise<Unit | undefined> {
  const r = await selectUnits(db).where("id", "=", id).executeTakeFirst();
  return r && toUnit(r);
}

export async function findUnitByCode(db: Db, code: string): Promise<Unit | undefined> {
  const r = await selectUnits(db).where("code", "=", code).executeTakeFirst();
  return r && toUnit(r);
}

export async function listUnitsInScope(db: Db, scope: Scope): Promise<Unit[]> {
  const col = scope.tree === "now" ? "now_path" : "path";
  const rows = await selectUnits(db)
    .where(inSubtree(scope, unitPaths()))
    .orderBy(col)
    .orderBy("id")
    .execute();
  return rows.map(toUnit);
}

/** The units one level below a scope's unit, in its tree. */
export async function listChildUnits(db: Db, scope: Scope): Promise<{ id: number; name: string }[]> {
  return db
    .selectFrom("units")
    .select(["id", "name"])
    .where(scope.tree === "now" ? "now_parent_id" : "parent_id", "=", scopeUnitId(scope))
    .execute();
}

/** The active units of today's tree under a path (itself included), for a `unit` question. */
export async function activeUnitsUnder(db: Db, nowPath: string) {
  return db
    .selectFrom("units")
    .select(["id", "name", "level", "now_path as path"])
    .where(inSubtree({ tree: "now", path: nowPath }, unitPaths()))
    .where("active", "=", 1)
    .orderBy("now_path")
    .execute();
}

export async function listAllUnits(db: Db): Promise<Unit[]> {
  return (await selectUnits(db).orderBy("id").execute()).map(toUnit);
}

export type NewUnit = Omit<ImportedUnit, "line">;

export type TreeEdit =
  | { kind: "insert"; unit: NewUnit }
  | {
      kind: "update";
      id: number;
      set: Partial<{
        name: string;
        parentId: number | null;
        active: boolean;
        validTo: string | null;
        successorId: number | null;
      }>;
    };

export type TreeEditResult = { ok: true } | { ok: false; cycleAt: number };

/**
 * Applies the edits, lays the whole tree out again (both trees), writes every changed path and
 * moves the aggregates under the new paths, all in one batch.
 */
export async function editTree(
  db: Db,
  current: readonly Unit[],
  edits: readonly TreeEdit[],
): Promise<TreeEditResult> {
  const nodes = new Map<number, TreeNode>(
    current.map((u) => [
      u.id,
      { id: u.id, parentId: u.parentId, successorId: u.successorId, active: u.active },
    ]),
  );
  for (const e of edits) {
    if (e.kind === "insert") {
      nodes.set(e.unit.id, {
        id: e.unit.id,
        parentId: e.unit.parentId,
        successorId: e.unit.successorId,
        active: e.unit.active,
      });
    } else {
      const n = nodes.get(e.id);
      if (!n) continue;
      if (e.set.parentId !== undefined) n.parentId = e.set.parentId;
      if (e.set.successorId !== undefined) n.successorId = e.set.successorId;
      if (e.set.active !== undefined) n.active = e.set.active;
    }
  }
  const layout = layoutTree([...nodes.values()]);
  if (!layout.ok) return layout;
  const queries: Compilable[] = [];
  for (const e of edits) {
    if (e.kind === "insert") {
      const placed = layout.placements.get(e.unit.id);
      if (!placed) continue;
      queries.push(
        db.insertInto("units").values({
          id: e.unit.id,
          code: e.unit.code,
          name: e.unit.name,
          level: e.unit.level,
          parent_id: e.unit.parentId,
          valid_from: e.unit.validFrom,
          valid_to: e.unit.validTo,
          successor_id: e.unit.successorId,
          active: e.unit.active ? 1 : 0,
          path: placed.path,
          now_path: placed.nowPath,
          now_parent_id: placed.nowParentId,
        }),
      );
    } else {
      const s = e.set;
      queries.push(
        db
          .updateTable("units")
          .set({
            ...(s.name !== undefined && { name: s.name }),
            ...(s.parentId !== undefined && { parent_id: s.parentId }),
            ...(s.active !== undefined && { active: s.active ? 1 : 0 }),
            ...(s.validTo !== undefined && { valid_to: s.validTo }),
            ...(s.successorId !== undefined && { successor_id: s.successorId }),
          })
          .where("id", "=", e.id),
      );
    }
  }
  let moved = edits.some((e) => e.kind === "insert");
  for (const u of current) {
    const placed = layout.placements.get(u.id);
    if (!placed) continue;
    if (placed.path !== u.thenPath || placed.nowPath !== u.nowPath || placed.nowParentId !== u.nowParentId) {
      moved = true;
      queries.push(
        db
          .updateTable("units")
          .set({ path: placed.path, now_path: placed.nowPath, now_parent_id: placed.nowParentId })
          .where("id", "=", u.id),
      );
    }
  }
  const retree = moved
    ? [...RETREE_SQL, ...PROGRESS_RETREE_SQL].map((text) => ({ compile: () => sql.raw(text).compile(db) }))
    : [];
  await db.batch([...queries, ...retree]);
  return { ok: true };
}

/** Every unit's name by id: what a responsible unit is called in an export. */
export async function listAllUnitNames(db: Db): Promise<Map<number, string>> {
  const rows = await db.selectFrom("units").select(["id", "name"]).execute();
  return new Map(rows.map((r) => [r.id, r.name]));
}
