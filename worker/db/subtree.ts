// The one filter for "inside a unit's subtree" (a range on a materialised path column, picked by the scope's tree), and its converse, "on the way to it".
import { type Expression, type SqlBool, sql } from "kysely";
import type { Scope } from "../domain/terms";
import { pathIds } from "../domain/tree";

/** A query's two path columns for a unit: today's tree and the tree at the time. */
export interface PathColumns {
  today: string;
  atTheTime: string;
}

/**
 * The row's unit lies in the scope's subtree, by a range on the path column of the scope's tree
 * ('/1/4/' ≤ path < '/1/4/\uffff'): an index range, never LIKE, and '/1/4/' never takes in
 * '/1/40/'. `below` leaves the scope's own unit out.
 */
export function inSubtree(scope: Scope, columns: PathColumns, below = false): Expression<SqlBool> {
  const col = sql.ref(scope.tree === "now" ? columns.today : columns.atTheTime);
  return sql<SqlBool>`(${col} ${sql.raw(below ? ">" : ">=")} ${scope.path} AND ${col} < ${`${scope.path}\uffff`})`;
}

/**
 * The row's unit is the scope's unit or one above it, in the scope's tree: what covers the unit
 * (a programme run above it, phrases its ancestors added to the lexicon). Each ancestor's path
 * matched exactly, by the path column's index.
 */
export function aboveOrAt(scope: Scope, columns: PathColumns): Expression<SqlBool> {
  const col = sql.ref(scope.tree === "now" ? columns.today : columns.atTheTime);
  const ids = pathIds(scope.path);
  const paths = ids.map((_, i) => `/${ids.slice(0, i + 1).join("/")}/`);
  return paths.length === 0 ? sql<SqlBool>`0` : sql<SqlBool>`${col} IN (${sql.join(paths)})`;
}

/** The usual columns: `units` itself, or joined under an alias ("u" → u.now_path, u.path). */
export const unitPaths = (alias?: string): PathColumns =>
  alias === undefined
    ? { today: "now_path", atTheTime: "path" }
    : { today: `${alias}.now_path`, atTheTime: `${alias}.path` };

/** The subtree of a unit in one tree: the scope a dashboard reads. */
export const scopeAt = (unit: { nowPath: string; thenPath: string }, tree: Scope["tree"]): Scope => ({
  tree,
  path: tree === "now" ? unit.nowPath : unit.thenPath,
});

/** The unit a scope is the subtree of: the last id of its path. */
export const scopeUnitId = (scope: Scope): number => pathIds(scope.path).at(-1) ?? 0;
