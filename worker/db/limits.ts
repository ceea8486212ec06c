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

/** One upsert for all counters, to run in the same batch as the write it counts. */
export function bumpCounters(db: Db, checks: readonly LimitCheck[]): Compilable[] {
  if (checks.length === 0) return [];
  return [
    db
      .insertInto("rate_counters")
      .values(checks.map((c) => ({ key: c.key, bucket: c.bucket, n: 1 })))
      .onConflict((oc) => oc.columns(["key", "bucket"]).doUpdateSet({ n: sql`n + 1` })),
  ];
}

/** Minute counters are only needed for their minute; the cron drops the old ones. */
export async function purgeMinuteCounters(db: Db, before: Date): Promise<void> {
  await db
    .deleteFrom("rate_counters")
    .where("bucket", "<>", "")
    .where("bucket", "<", before.toISOString().slice(0, 16))
    .execute();
}

export async function findLoginFailures(db: Db, email: string): Promise<FailureRow | undefined> {
  return db
    .selectFrom("login_failures")
    .select(["failures", "last_at as lastAt", "locked_until as lockedUntil"])
    .where("email", "=", email)
    .executeTakeFirst();
}

export async function recordLoginFailure(
  db: Db,
  email: string,
  f: { failures: number; lockedUntil: string | null; now: string },
): Promise<void> {
  const row = { email, failures: f.failures, last_at: f.now, locked_until: f.lockedUntil };
  await db
    .insertInto("login_failures")
    .values(row)
    .onConflict((oc) =>
      oc.column("email").doUpdateSet({ failures: f.failures, last_at: f.now, locked_until: f.lockedUntil }),
    )
    .execute();
}

export async function clearLoginFailures(db: Db, email: string): Promise<void> {
  await db.deleteFrom("login_failures").where("email", "=", email).execute();
}
