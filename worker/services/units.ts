// The unit tree: what the caller may see, and the admin's edits (add, rename, move, deactivate, merge, import).
import type { Db } from "../db";
import {
  editTree,
  findUnitByCode,
  findUnitById,
  listAllUnits,
  listUnitsInScope,
  type TreeEdit,
  type Unit,
} from "../db/units";
import { parseCsv } from "../domain/csv";
import { Conflict, type FieldErrors, Invalid } from "../domain/errors";
import { isMessageKey } from "../domain/i18n";
import { canSee, inScope, LEVEL_RANK, type Level, type StaffUser, scopeOf } from "../domain/terms";
import { vietnamDay } from "../domain/time";
import { pathIds } from "../domain/tree";
import { checkImport, type ExistingUnit } from "../domain/unitImport";
import { unitInScope } from "./scope";

const moveIntoSelf = (field: string) => new Invalid({ [field]: { key: "field.move_into_self" } });

function nextUnitId(units: readonly Unit[]): number {
  return units.reduce((m, u) => Math.max(m, u.id), 0) + 1;
}

/** Every unit of the caller's subtree, today's tree order. */
export async function listUnits(db: Db, user: StaffUser) {
  const units = await listUnitsInScope(db, scopeOf(user));
  return units.map((u) => ({
    id: u.id,
    code: u.code,
    name: u.name,
    level: u.level,
    parentId: u.parentId,
    nowParentId: u.nowParentId,
    active: u.active,
    validFrom: u.validFrom,
    validTo: u.validTo,
    successorId: u.successorId,
  }));
}

export interface NewUnitInput {
  code: string;
  name: string;
  level: Level;
  parentId: number;
  validFrom: string | null;
}

export async function addUnit(db: Db, user: StaffUser, input: NewUnitInput) {
  const parent = await findUnitById(db, input.parentId);
  if (!parent || !canSee(user, parent)) {
    throw new Invalid({ parentId: { key: "field.unit_not_found" } });
  }
  if (!parent.active) throw new Invalid({ parentId: { key: "field.unit_inactive" } });
  if (LEVEL_RANK[parent.level] >= LEVEL_RANK[input.level]) {
    throw new Invalid({ parentId: { key: "field.parent_level" } });
  }
  if (await findUnitByCode(db, input.code)) throw new Invalid({ code: { key: "field.code_taken" } });
  const all = await listAllUnits(db);
  const id = nextUnitId(all);
  await editTree(db, all, [
    {
      kind: "insert",
      unit: {
        id,
        code: input.code,
        name: input.name,
        level: input.level,
        parentId: parent.id,
        validFrom: input.validFrom,
        validTo: null,
        successorId: null,
        active: true,
      },
    },
  ]);
  return { id, code: input.code };
}

export interface UnitChange {
  name?: string | undefined;
  parentId?: number | undefined;
  active?: false | undefined;
  validTo?: string | undefined;
}

/** Rename, move under another parent, or deactivate (only once nothing active is left under it). */
export async function changeUnit(db: Db, user: StaffUser, id: number, change: UnitChange, now: Date) {
  const unit = await unitInScope(db, user, id);
  const all = await listAllUnits(db);
  const set: Extract<TreeEdit, { kind: "update" }>["set"] = {};
  if (change.name !== undefined) set.name = change.name;
  if (change.parentId !== undefined && change.parentId !== unit.parentId) {
    const parent = all.find((u) => u.id === change.parentId);
    if (!parent || !canSee(user, parent)) {
      throw new Invalid({ parentId: { key: "field.unit_not_found" } });
    }
    if (!unit.active || !parent.active) throw new Invalid({ parentId: { key: "field.unit_inactive" } });
    if (LEVEL_RANK[parent.level] >= LEVEL_RANK[unit.level]) {
      throw new Invalid({ parentId: { key: "field.parent_level" } });
    }
    if (inScope(parent.nowPath, unit.nowPath)) throw moveIntoSelf("parentId");
    set.parentId = parent.id;
  }
  if (change.active === false && unit.active) {
    if (all.some((u) => u.nowParentId === unit.id && u.active)) {
      throw new Conflict("has_active_children", "error.invalid_body", {
        active: { key: "field.has_active_children" },
      });
    }
    set.active = false;
    set.validTo = change.validTo ?? vietnamDay(now);
  }
  // Nothing differs from what is stored (e.g. the same parent again): nothing to write.
  if (Object.keys(set).length === 0) return;
  const result = await editTree(db, all, [{ kind: "update", id: unit.id, set }]);
  if (!result.ok) throw moveIntoSelf("parentId");
}

/** The unit ends on `date` and its records roll up under the successor in today's tree. */
export async function mergeUnit(
  db: Db,
  user: StaffUser,
  id: number,
  m: { successorId: number; date: string },
) {
  const unit = await unitInScope(db, user, id);
  const successor = await unitInScope(db, user, m.successorId).catch(() => undefined);
  if (!successor) throw new Invalid({ successorId: { key: "field.unit_not_found" } });
  if (!unit.active) throw new Invalid({ successorId: { key: "field.unit_inactive" } });
  if (!successor.active) throw new Invalid({ successorId: { key: "field.unit_inactive" } });
  if (inScope(successor.nowPath, unit.nowPath)) throw moveIntoSelf("successorId");
  if (LEVEL_RANK[successor.level] > LEVEL_RANK[unit.level]) {
    throw new Invalid({ successorId: { key: "field.successor_level" } });
  }
  const all = await listAllUnits(db);
  const result = await editTree(db, all, [
    { kind: "update", id: unit.id, set: { active: false, validTo: m.date, successorId: successor.id } },
  ]);
  if (!result.ok) throw moveIntoSelf("successorId");
}

/** A CSV of units: any wrong line means nothing is imported, and every wrong line is named. */
export async function importUnits(db: Db, user: StaffUser, csv: string, now: Date) {
  const rows = parseCsv(csv);
  const all = await listAllUnits(db);
  const existing = new Map<string, ExistingUnit>(
    // Units outside the admin's scope cannot be parents or successors.
    all.filter((u) => canSee(user, u)).map((u) => [u.code, { id: u.id, level: u.level, active: u.active }]),
  );
  const taken = new Set(all.map((u) => u.code));
  // A unit without a parent would sit outside every subtree but the root's.
  const rootAllowed = pathIds(user.unitPath).length === 1;
  const checked = checkImport(rows, existing, taken, nextUnitId(all), vietnamDay(now), rootAllowed);
  if (!checked.ok) {
    const fields: FieldErrors = {};
    for (const [line, errs] of [...checked.errors.entries()].sort((a, b) => a[0] - b[0])) {
      for (const [field, key] of Object.entries(errs)) {
        if (key && isMessageKey(key)) fields[`lines.${line}.${field}`] = { key };
      }
    }
    throw new Invalid(fields, "import_failed", "error.import_failed");
  }
  const result = await editTree(
    db,
    all,
    checked.units.map((u) => ({ kind: "insert" as const, unit: u })),
  );
  if (!result.ok) {
    const line = checked.units.find((u) => u.id === result.cycleAt)?.line ?? 1;
    throw new Invalid(
      { [`lines.${line}.parent_code`]: { key: "import.cycle" } },
      "import_failed",
      "error.import_failed",
    );
  }
  return { imported: checked.units.length, codes: checked.units.map((u) => u.code) };
}

/** A unit's name for a header ("" if it is gone). */
export async function findUnitName(db: Db, id: number): Promise<string> {
  return (await findUnitById(db, id))?.name ?? "";
}
