// The staff audit log: one row per staff action, read by admins.
import type { Scope } from "../domain/terms";
import { pathIds } from "../domain/tree";
import type { Db } from ".";
import { inSubtree } from "./subtree";

export interface AuditEntry {
  at: string;
  userId: number | null;
  userEmail: string;
  action: string;
  eventId: number | null;
  unitId: number | null;
  status: number;
  target: string | null;
}

/**
 * One line. The unit the person belonged to is written with it (both trees), so the log shows
 * an entry to the admins of that unit even after the person moves; an email no account has gets
 * none, and only the centre's admins see it.
 */
export async function recordAudit(db: Db, e: AuditEntry): Promise<void> {
  const account = () => {
    const q = db.selectFrom("users as u").innerJoin("units as un", "un.id", "u.unit_id");
    return e.userId === null ? q.where("u.email", "=", e.userEmail) : q.where("u.id", "=", e.userId);
  };
  await db
    .insertInto("audit_log")
    .values({
      at: e.at,
      user_id: e.userId ?? account().select("u.id"),
      user_email: e.userEmail,
      action: e.action,
      event_id: e.eventId,
      unit_id: e.unitId,
      status: e.status,
      target: e.target,
      now_path: account().select("un.now_path"),
      then_path: account().select("un.path"),
    })
    .execute();
}

export interface AuditFilter {
  /** Entries older than this id (the `next` of the page before). */
  before?: number | undefined;
  eventId?: number | undefined;
  userId?: number | undefined;
  action?: string | undefined;
  /** Vietnam days, inclusive, as UTC instants. */
  fromAt?: string | undefined;
  toAt?: string | undefined;
  limit: number;
}

/**
 * Newest first, a page at a time, and how many match in all (one batch); only what staff of
 * units inside the scope did.
 */
export async function listAudit(db: Db, scope: Scope, f: AuditFilter) {
  // Sign-ins tried with emails no account has belong to no unit: the centre's admins see them.
  const isRoot = pathIds(scope.path).length === 1;
  let q = db
    .selectFrom("audit_log as a")
    .leftJoin("users as u", "u.id", "a.user_id")
    .leftJoin("units as un", "un.id", "u.unit_id")
    .leftJoin("events as e", "e.id", "a.event_id")
    .leftJoin("units as tu", "tu.id", "a.unit_id")
    .where((eb) => {
      // By the unit the entry was made in, not where its author is now.
      const inside = inSubtree(scope, { today: "a.now_path", atTheTime: "a.then_path" });
      return isRoot
        ? eb.or([inside, eb(scope.tree === "now" ? "a.now_path" : "a.then_path", "is", null)])
        : inside;
    });
  if (f.eventId !== undefined) q = q.where("a.event_id", "=", f.eventId);
  if (f.userId !== undefined) q = q.where("a.user_id", "=", f.userId);
  if (f.action !== undefined) q = q.where("a.action", "=", f.action);
  if (f.fromAt !== undefined) q = q.where("a.at", ">=", f.fromAt);
  if (f.toAt !== undefined) q = q.where("a.at", "<", f.toAt);
  const page = (f.before === undefined ? q : q.where("a.id", "<", f.before))
    .select([
      "a.id",
      "a.at",
      "a.user_id as userId",
      "a.user_email as userEmail",
      "u.name as userName",
      "un.name as userUnit",
      "a.action",
      "a.event_id as eventId",
      "e.code as eventCode",
      "e.title as eventTitle",
      "a.unit_id as unitId",
      "tu.name as unitName",
      "a.target",
      "a.status",
    ])
    .orderBy("a.id", "desc")
    .limit(f.limit);
  const [rows, total] = await db.batch([page, q.select((eb) => eb.fn.countAll<number>().as("n"))]);
  return { rows: rows.rows, total: total.rows[0]?.n ?? 0 };
}
