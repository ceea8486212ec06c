// Staff accounts and their sessions (only token hashes are stored).

import type { StaffUser } from "../http/env";
import type { Db } from ".";

export async function findUserForLogin(db: Db, email: string) {
  return db
    .selectFrom("users as u")
    .innerJoin("units as un", "un.id", "u.unit_id")
    .select([
      "u.id",
      "u.email",
      "u.name",
      "u.role",
      "u.unit_id as unitId",
      "un.now_path as unitPath",
      "u.password_hash as passwordHash",
    ])
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
  return db
    .selectFrom("sessions as s")
    .innerJoin("users as u", "u.id", "s.user_id")
    .innerJoin("units as un", "un.id", "u.unit_id")
    .select(["u.id", "u.email", "u.name", "u.role", "u.unit_id as unitId", "un.now_path as unitPath"])
    .where("s.token_hash", "=", tokenHash)
    .where("s.expires_at", ">", now)
    .executeTakeFirst();
}

export async function deleteSession(db: Db, tokenHash: string): Promise<void> {
  await db.deleteFrom("sessions").where("token_hash", "=", tokenHash).execute();
}
