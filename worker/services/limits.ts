// Writes under abuse limits: a batch a counter's ceiling aborted becomes the person's 429, naming the limit.
import type { Db } from "../db";
import { isLimitAbort, loadLimitCounts } from "../db/limits";
import { type LimitCheck, refusalFor } from "../domain/limits";

/**
 * Runs a write whose batch bumps `limits`. Parallel requests may all pass the read before it;
 * the counters' ceilings then abort the ones past a limit, and those are told which limit.
 */
export async function underLimits<T>(
  db: Db,
  limits: readonly LimitCheck[],
  write: () => Promise<T>,
): Promise<T> {
  try {
    return await write();
  } catch (err) {
    if (!isLimitAbort(err)) throw err;
    throw refusalFor(limits, await loadLimitCounts(db, limits));
  }
}
