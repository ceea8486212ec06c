// Rate-limit counters and failed sign-ins in D1: read before a write, bumped in the write's own batch.
import { sql } from "kysely";
import type { FailureRow, LimitCheck } from "../domain/limits";
import type { Compilable, Db } from ".";

/** Current counts keyed "key|bucket" (one indexed read for all of a write's limits). */
export async function loadLimitCounts(db: Db, checks: readonly LimitCheck[]): Promise<Map<string, number>> {
  if (checks.length === 0) return new Map();
  const rows = await db
    .selectFrom("rate_counters")
    .select(["key", "bucket", "n"])
    .where((eb) => eb.or(checks.map((c) => eb.and([eb("key", "=", c.key), eb("bucket", "=", c.bucket)]))))
    .execute();
  return new Map(rows.map((r) => [`${r.key}|${r.bucket}`, r.n]));
}

/**
 * One upsert for all counters, to run in the same batch as the write it counts. Each carries its
 * ceiling: past it a trigger aborts the batch, so the write is not stored (see `isLimitAbort`).
 */
export function bumpCounters(
  db: Db,
  checks: readonly Pick<LimitCheck, "key" | "bucket" | "max">[],
): Compilable[] {
  if (checks.length === 0) return [];
  return [
    db
      .insertInto("rate_counters")
      .values(checks.map((c) => ({ key: c.key, bucket: c.bucket, n: 1, cap: c.max })))
      .onConflict((oc) =>
        oc.columns(["key", "bucket"]).doUpdateSet({ n: sql`n + 1`, cap: sql`excluded.cap` }),
      ),
  ];
}

/** The error D1 gives when a counter's trigger refused to pass its ceiling. */
export function isLimitAbort(err: unknown): boolean {
  return err instanceof Error && /rate_limit_reached/.test(err.message);
}

/** Minute counters are only needed for their minute; the cron drops the old ones. */
export async function purgeMinuteCounters(db: Db, before: Date): Promise<void> {
  await db
    .deleteFrom("rate_counters")
    .where("bucket", "<>", "")
    .where("bucket", "<", before.toISOString().slice(0, 16))
    .execute();
}

/** The sign-in counters under these keys, by key. */
export async function loadSignInFailures(db: Db, keys: readonly string[]): Promise<Map<string, FailureRow>> {
  const rows = await db
    .selectFrom("sign_in_failures")
    .select(["key", "failures", "last_at as lastAt", "locked_until as lockedUntil"])
    .where("key", "in", keys)
    .execute();
  return new Map(rows.map(({ key, ...r }) => [key, r]));
}

/**
 * Counts one failure on each key, atomically, forgetting failures older than `memory`; returns
 * each key's count after it. The attempt is counted before the password is checked.
 */
export async function countSignInAttempt(
  db: Db,
  keys: readonly string[],
  now: string,
  memory: string,
): Promise<number[]> {
  if (keys.length === 0) return [];
  const bump = (key: string) =>
    db
      .insertInto("sign_in_failures")
      .values({ key, failures: 1, last_at: now, locked_until: null })
      .onConflict((oc) =>
        oc.column("key").doUpdateSet({
          failures: sql`CASE WHEN last_at < ${memory} THEN 1 ELSE failures + 1 END`,
          last_at: now,
        }),
      )
      .returning("failures");
  const results = await db.batch(keys.map(bump));
  return results.map((r) => r.rows[0]?.failures ?? 1);
}

export async function lockSignIn(db: Db, locks: readonly { key: string; until: string }[]): Promise<void> {
  if (locks.length === 0) return;
  await db.batch(
    locks.map((l) =>
      db.updateTable("sign_in_failures").set({ locked_until: l.until }).where("key", "=", l.key),
    ),
  );
}

/** A right password: `forget` start again, and `giveBack` return the attempt they counted. */
export async function clearSignIn(
  db: Db,
  forget: readonly string[],
  giveBack: readonly string[],
): Promise<void> {
  await db.batch([
    ...(forget.length > 0 ? [db.deleteFrom("sign_in_failures").where("key", "in", forget)] : []),
    ...(giveBack.length > 0
      ? [
          db
            .updateTable("sign_in_failures")
            .set({ failures: sql`max(failures - 1, 0)` })
            .where("key", "in", giveBack),
        ]
      : []),
  ]);
}

/**
 * An admin lifts every lock on an email (from every address), and its counts start again. The
 * pairs are found by range, not LIKE, so an email holding '_' or '%' matches only itself.
 */
export async function unlockSignIn(db: Db, email: string, userId: number): Promise<void> {
  const pairs = `p:${email}|`;
  await db
    .deleteFrom("sign_in_failures")
    .where((eb) =>
      eb.or([
        eb("key", "in", [`e:${email}`, `c:${userId}`]),
        eb.and([eb("key", ">=", pairs), eb("key", "<", `${pairs}\uffff`)]),
      ]),
    )
    .execute();
}
