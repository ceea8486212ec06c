// Lays out the unit tree twice (as it was, and today's after merges); pure, so every tree edit reuses it.

/** Ancestor ids of a '/1/4/9/' path, root first, the unit itself last. */
export function pathIds(path: string): number[] {
  return path
    .split("/")
    .filter((s) => s !== "")
    .map(Number)
    .filter((n) => Number.isInteger(n) && n > 0);
}

export interface TreeNode {
  id: number;
  parentId: number | null;
  successorId: number | null;
  active: boolean;
}

export interface Placement {
  path: string;
  nowPath: string;
  nowParentId: number | null;
}

export type Layout = { ok: true; placements: Map<number, Placement> } | { ok: false; cycleAt: number };

const merged = (n: TreeNode) => !n.active && n.successorId !== null;

/**
 * `path` follows parents (the tree at the time). Today's tree folds a merged unit into its
 * successor (following chains of merges) and moves the children of a merged unit under it.
 */
export function layoutTree(nodes: readonly TreeNode[]): Layout {
  const byId = new Map(nodes.map((n) => [n.id, n]));
  const paths = new Map<number, string>();
  const now = new Map<number, { nowPath: string; nowParentId: number | null }>();
  const visiting = new Set<string>();
  class Cycle extends Error {
    constructor(readonly at: number) {
      super("cycle");
    }
  }
  const guard = <T>(key: string, id: number, f: () => T): T => {
    if (visiting.has(key)) throw new Cycle(id);
    visiting.add(key);
    try {
      return f();
    } finally {
      visiting.delete(key);
    }
  };
  const pathOf = (n: TreeNode): string => {
    const known = paths.get(n.id);
    if (known !== undefined) return known;
    return guard(`p${n.id}`, n.id, () => {
      const parent = n.parentId === null ? undefined : byId.get(n.parentId);
      const p = `${parent ? pathOf(parent) : "/"}${n.id}/`;
      paths.set(n.id, p);
      return p;
    });
  };
  const resolve = (n: TreeNode): TreeNode =>
    guard(`r${n.id}`, n.id, () => {
      const s = merged(n) && n.successorId !== null ? byId.get(n.successorId) : undefined;
      return s ? resolve(s) : n;
    });
  const nowOf = (n: TreeNode): { nowPath: string; nowParentId: number | null } => {
    const known = now.get(n.id);
    if (known) return known;
    return guard(`n${n.id}`, n.id, () => {
      let placed: { nowPath: string; nowParentId: number | null };
      const target = resolve(n);
      if (target !== n) {
        placed = { nowPath: nowOf(target).nowPath, nowParentId: null };
      } else {
        const parent = n.parentId === null ? undefined : byId.get(n.parentId);
        const nowParent = parent ? resolve(parent) : undefined;
        placed = {
          nowPath: `${nowParent ? nowOf(nowParent).nowPath : "/"}${n.id}/`,
          nowParentId: nowParent ? nowParent.id : null,
        };
      }
      now.set(n.id, placed);
      return placed;
    });
  };
  try {
    const placements = new Map<number, Placement>();
    for (const n of nodes) placements.set(n.id, { path: pathOf(n), ...nowOf(n) });
    return { ok: true, placements };
  } catch (err) {
    if (err instanceof Cycle) return { ok: false, cycleAt: err.at };
    throw err;
  }
}
