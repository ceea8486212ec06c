// Staff accounts and their sessions (only token hashes are stored).

import type { Scope, StaffUser } from "../domain/terms";
import type { Db } from ".";

/** What makes a StaffUser: the account and where its unit sits in both trees. */
const ACCOUNT = [
  "u.id",
  "u.email",
  "u.name",
  "u.role",
  "u.unit_id as unitId",
  "un.now_path as nowPath",
  "un.path as thenPath",
  "un.active",
] as const;

export async function findUserForLogin(db: Db, email: string) {
  return db
    .selectFrom("users as u")
    .innerJoin("units as un", "un.id", "u.unit_id")
    .select([...ACCOUNT, "u.password_hash as passwordHash"])
    .where("u.email", "=", email)
    .executeTakeFirst();
}

export async function createSession(
  db: Db,
  session: { tokenHash: string; userId: number; expiresAt: string; now: string },
): Promise<void> {
  await db
    .insertInto("sessions")
    .values({
      token_hash: session.tokenHash,
      user_id: session.userId,
      expires_at: session.expiresAt,
      created_at: session.now,
    })
    .execute();
}

export async function findSessionUser(
  db: Db,
  tokenHash: string,
  now: string,
): Promise<StaffUser | undefined> {
  const row = await db
    .selectFrom("sessions as s")
    .innerJoin("users as u", "u.id", "s.user_id")
    .innerJoin("units as un", "un.id", "u.unit_id")
    .select(ACCOUNT)
    .where("s.token_hash", "=", tokenHash)
    .where("s.expires_at", ">", now)
    .executeTakeFirst();
  return row && staffUser(row);
}

/** The caller as services see them: a merged or dissolved unit keeps the subtree it had. */
export function staffUser(row: {
  id: number;
  email: string;
  name: string;
  role: StaffUser["role"];
  unitId: number;
  nowPath: string;
  thenPath: string;
  active: number;
}): StaffUser {
  const merged = row.active !== 1;
  return {
    id: row.id,
    email: row.email,
    name: row.name,
    role: row.role,
    unitId: row.unitId,
    unitPath: merged ? row.thenPath : row.nowPath,
    scopeTree: merged ? "then" : "now",
    unitMerged: merged,
  };
}

export async function deleteSession(db: Db, tokenHash: string): Promise<void> {
  await db.deleteFrom("sessions").where("token_hash", "=", tokenHash).execute();
}

/** An account whose unit lies inside the scope. */
export async function findUserInScope(db: Db, id: number, scope: Scope) {
  const col = scope.tree === "now" ? "un.now_path" : "un.path";
  return db
    .selectFrom("users as u")
    .innerJoin("units as un", "un.id", "u.unit_id")
    .select(["u.id", "u.email"])
    .where("u.id", "=", id)
    .where(col, ">=", scope.path)
    .where(col, "<", `${scope.path}\uffff`)
    .executeTakeFirst();
}
