// The anonymity rule, written once: which figures a set of responses may show, and how a breakdown or a table of rows hides a small group so that no subtraction gives it back.
import { MIN_RESPONSES_FOR_DETAIL } from "./terms";

/**
 * Whether figures computed from `n` people may be shown. Below the threshold a report says how
 * many answered and nothing else: no mean, distribution, option count, comment or row.
 */
export const canShow = (n: number): boolean => n >= MIN_RESPONSES_FOR_DETAIL;

/**
 * Complementary suppression for a breakdown whose total is shown. Every group below the threshold
 * goes to one pool ("Đơn vị khác"); while the pool itself is below the threshold, the smallest
 * shown group joins it too, so that the total minus the shown groups is never fewer than the
 * threshold. `groups` must hold every group of the total (people who gave no unit are a group).
 * Returns the keys pooled; the pool is empty or holds at least the threshold (when the total does).
 */
export function pooledGroups<K>(groups: ReadonlyMap<K, number>): Set<K> {
  const pooled = new Set<K>();
  let pool = 0;
  const open: [K, number][] = [];
  for (const [key, n] of groups) {
    if (n <= 0) continue;
    if (canShow(n)) open.push([key, n]);
    else {
      pooled.add(key);
      pool += n;
    }
  }
  open.sort((a, b) => a[1] - b[1]);
  for (const [key, n] of open) {
    if (pool === 0 || canShow(pool)) break;
    pooled.add(key);
    pool += n;
  }
  return pooled;
}

/**
 * How many of a row-per-response table's identifying columns may be kept (they are given most
 * needed first): the longest prefix for which every combination of values is shared by at least
 * the threshold of rows, so no row stands out by its unit, day, role or how it came. The rows
 * themselves are shown only when there are at least the threshold of them.
 */
export function keptColumns<R>(rows: readonly R[], columns: readonly ((row: R) => string)[]): number {
  for (let kept = columns.length; kept > 0; kept--) {
    const sizes = new Map<string, number>();
    for (const row of rows) {
      const key = JSON.stringify(columns.slice(0, kept).map((c) => c(row)));
      sizes.set(key, (sizes.get(key) ?? 0) + 1);
    }
    if ([...sizes.values()].every(canShow)) return kept;
  }
  return 0;
}

/** The unit a row-per-response table shows for someone in a pooled unit. */
export const OTHER_UNIT = "other";

/** What identifies a response besides its answers: who, when, how it came, and (when asked) the unit. */
export interface ResponseTraits<Role extends string = string> {
  role: Role;
  day: string;
  paper: boolean;
  tooFast: boolean;
  /** The unit answered, as stored; null when the form asks none or it was left out. */
  unit: string | null;
}

/** The same traits as a table may show them: null where withheld, OTHER_UNIT for a pooled unit. */
export interface ShownTraits<Role extends string = string> {
  role: Role | null;
  day: string | null;
  paper: boolean | null;
  tooFast: boolean | null;
  unit: string | null;
}

/**
 * The traits each row of a row-per-response export keeps. Units answered by fewer than the
 * threshold are pooled as in the report; then role, how it came and the day are dropped, least
 * needed last kept, until every combination left is shared by at least the threshold of rows.
 * Rows are given back in the same order; callers must not order them by arrival.
 */
export function shownTraits<Role extends string>(rows: readonly ResponseTraits<Role>[]): ShownTraits<Role>[] {
  const NONE = "\u0000";
  const sizes = new Map<string, number>();
  for (const r of rows) sizes.set(r.unit ?? NONE, (sizes.get(r.unit ?? NONE) ?? 0) + 1);
  const pooled = pooledGroups(sizes);
  const units = rows.map((r) => {
    const key = r.unit ?? NONE;
    return pooled.has(key) ? OTHER_UNIT : r.unit;
  });
  const indexed = rows.map((r, i) => ({ r, unit: units[i] ?? null }));
  const kept = keptColumns(indexed, [
    (x) => x.unit ?? NONE,
    (x) => x.r.role,
    (x) => String(x.r.tooFast),
    (x) => String(x.r.paper),
    (x) => x.r.day,
  ]);
  return indexed.map(({ r, unit }) => ({
    unit,
    role: kept > 1 ? r.role : null,
    tooFast: kept > 2 ? r.tooFast : null,
    paper: kept > 3 ? r.paper : null,
    day: kept > 4 ? r.day : null,
  }));
}
