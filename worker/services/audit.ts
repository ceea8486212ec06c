// The audit log: recording staff actions, and reading them back within an admin's subtree.
import type { Db } from "../db";
import { type AuditEntry, listAudit, recordAudit } from "../db/audit";
import { type StaffUser, scopeOf } from "../domain/terms";
import { DAY_MS, fromVietnamMinute } from "../domain/time";

export async function record(db: Db, entry: AuditEntry): Promise<void> {
  await recordAudit(db, entry);
}

/** A page of the subtree's actions, newest first: `{items, total, next}` (`next`: the cursor of the next page). */
export async function auditLog(
  db: Db,
  user: StaffUser,
  q: {
    cursor?: number | undefined;
    event?: number | undefined;
    user?: number | undefined;
    action?: string | undefined;
    from?: string | undefined;
    to?: string | undefined;
    limit: number;
  },
) {
  const { rows, total } = await listAudit(db, scopeOf(user), {
    before: q.cursor,
    eventId: q.event,
    userId: q.user,
    action: q.action,
    fromAt: q.from === undefined ? undefined : fromVietnamMinute(`${q.from}T00:00`),
    toAt:
      q.to === undefined
        ? undefined
        : new Date(Date.parse(fromVietnamMinute(`${q.to}T00:00`)) + DAY_MS).toISOString(),
    limit: q.limit,
  });
  const last = rows.at(-1);
  // The total counts every match; the cursor says whether older ones remain after this page.
  return { items: rows, total, next: rows.length === q.limit && last ? last.id : null };
}
