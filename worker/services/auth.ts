// Staff sign-in: per-email failure counting, slowing and locking, and sessions stored only as hashes.
import type { Db } from "../db";
import { clearSignIn, countSignInAttempt, loadSignInFailures, lockSignIn } from "../db/limits";
import { createSession, deleteSession, findSessionUser, findUserForLogin, staffUser } from "../db/users";
import { DUMMY_HASH, newToken, sha256Hex, verifyPassword } from "../domain/crypto";
import { Forbidden, LimitReached, Unauthenticated } from "../domain/errors";
import {
  ADDRESS_LOCK_AFTER,
  delayFor,
  failureMemory,
  LOCK_AFTER,
  LOCK_MINUTES,
  lockAfter,
  lockedFor,
  signInKeys,
} from "../domain/limits";
import type { StaffUser } from "../domain/terms";

export const SESSION_DAYS = 7;

/** Signs in from `address`; returns the account and a fresh session token for the cookie. */
export async function signIn(
  db: Db,
  credentials: { email: string; password: string },
  address: string,
  now: Date,
): Promise<{ user: StaffUser; token: string }> {
  const email = credentials.email.toLowerCase();
  const keys = signInKeys(email, address);
  // Failures are kept per email whether or not the account exists, so limits tell nothing either.
  const known = await loadSignInFailures(db, [keys.pair, keys.address]);
  const locked = Math.max(lockedFor(known.get(keys.pair), now), lockedFor(known.get(keys.address), now));
  if (locked > 0) throw new LimitReached("login_locked", locked);
  const [pair, fromAddress] = await countSignInAttempt(
    db,
    [keys.pair, keys.address, keys.email],
    now.toISOString(),
    failureMemory(now),
  );
  const locks = [
    { key: keys.pair, until: lockAfter("pair", pair, now) },
    { key: keys.address, until: lockAfter("address", fromAddress, now) },
  ].flatMap((l) => (l.until ? [{ key: l.key, until: l.until }] : []));
  // Parallel guesses all counted: those past the limit are refused without checking the password.
  if (pair > LOCK_AFTER || fromAddress > ADDRESS_LOCK_AFTER) {
    await lockSignIn(db, locks);
    throw new LimitReached("login_locked", LOCK_MINUTES * 60);
  }
  const found = await findUserForLogin(db, email);
  // Unknown emails cost the same PBKDF2 work, so timing does not reveal which accounts exist.
  // An account still waiting for its first password also costs the same work.
  const ok = await verifyPassword(credentials.password, found?.passwordHash || DUMMY_HASH);
  if (!found || !ok) {
    await lockSignIn(db, locks);
    const delay = delayFor(pair);
    if (delay > 0) await new Promise((done) => setTimeout(done, delay));
    throw new Unauthenticated("bad_credentials", "error.bad_credentials");
  }
  await clearSignIn(db, keys);
  // Said only to someone who knows the password: it tells a guesser nothing.
  if (found.accountActive !== 1) throw new Forbidden("account_inactive", "error.account_inactive");
  const token = newToken();
  await createSession(db, {
    tokenHash: await sha256Hex(token),
    userId: found.id,
    expiresAt: new Date(now.getTime() + SESSION_DAYS * 86400_000).toISOString(),
    now: now.toISOString(),
  });
  return { user: staffUser(found), token };
}

/** The account behind a session token, while the session lasts. */
export async function sessionUser(db: Db, token: string, now: Date): Promise<StaffUser | undefined> {
  return findSessionUser(db, await sha256Hex(token), now.toISOString());
}

export async function signOut(db: Db, token: string): Promise<void> {
  await deleteSession(db, await sha256Hex(token));
}
