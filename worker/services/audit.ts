// The audit log: recording staff actions, and reading them back within an admin's subtree.
import type { Db } from "../db";
import { type AuditEntry, listAudit, recordAudit } from "../db/audit";
import { type StaffUser, scopeOf } from "../domain/terms";

export async function record(db: Db, entry: AuditEntry): Promise<void> {
  await recordAudit(db, entry);
}

export async function auditLog(
  db: Db,
  user: StaffUser,
  q: { before?: number | undefined; event?: number | undefined; limit?: number | undefined },
) {
  const entries = await listAudit(db, scopeOf(user), {
    before: q.before,
    eventId: q.event,
    limit: q.limit ?? 100,
  });
  return { entries };
}
