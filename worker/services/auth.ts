// Staff sign-in: per-email failure counting, slowing and locking, and sessions stored only as hashes.
import type { Db } from "../db";
import { clearLoginFailures, findLoginFailures, recordLoginFailure } from "../db/limits";
import { createSession, deleteSession, findSessionUser, findUserForLogin } from "../db/users";
import { DUMMY_HASH, newToken, sha256Hex, verifyPassword } from "../domain/crypto";
import { LimitReached, Unauthenticated } from "../domain/errors";
import { afterFailure, lockedFor } from "../domain/limits";
import type { StaffUser } from "../domain/terms";

export const SESSION_DAYS = 7;

/** Signs in; returns the account and a fresh session token for the cookie. */
export async function signIn(
  db: Db,
  credentials: { email: string; password: string },
  now: Date,
): Promise<{ user: StaffUser; token: string }> {
  const email = credentials.email.toLowerCase();
  // Failures are kept per email whether or not the account exists, so limits tell nothing either.
  const failures = await findLoginFailures(db, email);
  const locked = lockedFor(failures, now);
  if (locked > 0) throw new LimitReached("login_locked", locked);
  const found = await findUserForLogin(db, email);
  // Unknown emails cost the same PBKDF2 work, so timing does not reveal which accounts exist.
  const ok = await verifyPassword(credentials.password, found?.passwordHash ?? DUMMY_HASH);
  if (!found || !ok) {
    const next = afterFailure(failures, now);
    await recordLoginFailure(db, email, { ...next, now: now.toISOString() });
    if (next.delayMs > 0) await new Promise((done) => setTimeout(done, next.delayMs));
    throw new Unauthenticated("bad_credentials", "error.bad_credentials");
  }
  if (failures) await clearLoginFailures(db, email);
  const token = newToken();
  await createSession(db, {
    tokenHash: await sha256Hex(token),
    userId: found.id,
    expiresAt: new Date(now.getTime() + SESSION_DAYS * 86400_000).toISOString(),
    now: now.toISOString(),
  });
  const { passwordHash: _, ...user } = found;
  return { user, token };
}

/** The account behind a session token, while the session lasts. */
export async function sessionUser(db: Db, token: string, now: Date): Promise<StaffUser | undefined> {
  return findSessionUser(db, await sha256Hex(token), now.toISOString());
}

export async function signOut(db: Db, token: string): Promise<void> {
  await deleteSession(db, await sha256Hex(token));
}
