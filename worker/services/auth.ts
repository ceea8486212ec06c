// Staff sign-in: per-email failure counting, slowing and locking, and sessions stored only as hashes.
import type { Db } from "../db";
import { clearSignIn, countSignInAttempt, loadSignInFailures, lockSignIn } from "../db/limits";
import { createSession, deleteSession, findSessionUser, findUserForLogin, staffUser } from "../db/users";
import { DUMMY_HASH, newToken, sha256Hex, verifyPassword } from "../domain/crypto";
import { Forbidden, LimitReached, Unauthenticated } from "../domain/errors";
import {
  delayFor,
  type FailureRow,
  failureMemory,
  LOCK_MINUTES,
  lockAfter,
  lockedFor,
  lockLimit,
  type SignInCounter,
  signInKeys,
} from "../domain/limits";
import type { StaffUser } from "../domain/terms";

export const SESSION_DAYS = 7;

/**
 * One password check under sign-in counters: each attempt is counted on every counter before the
 * password is checked (so parallel guesses stop at the limit), refused unchecked past a counter's
 * limit or lock, locked when it reaches it, slowed after a few failures (by the first counter's
 * count: what one person at one place has tried), and, when right, forgotten (a network counter
 * only gives back the attempt it counted). `seen` holds the counters as they were read.
 */
export async function countedPasswordCheck(
  db: Db,
  counted: readonly { key: string; kind: SignInCounter }[],
  seen: ReadonlyMap<string, FailureRow>,
  now: Date,
  check: () => Promise<boolean>,
): Promise<boolean> {
  const locked = Math.max(0, ...counted.map((c) => lockedFor(seen.get(c.key), now)));
  if (locked > 0) throw new LimitReached("login_locked", locked);
  const failures = await countSignInAttempt(
    db,
    counted.map((c) => c.key),
    now.toISOString(),
    failureMemory(now),
  );
  const locks = counted.flatMap((c, i) => {
    const until = lockAfter(c.kind, failures[i] ?? 0, now);
    return until ? [{ key: c.key, until }] : [];
  });
  if (counted.some((c, i) => (failures[i] ?? 0) > lockLimit(c.kind))) {
    await lockSignIn(db, locks);
    throw new LimitReached("login_locked", LOCK_MINUTES * 60);
  }
  if (!(await check())) {
    await lockSignIn(db, locks);
    const delay = delayFor(failures[0] ?? 0);
    if (delay > 0) await new Promise((done) => setTimeout(done, delay));
    return false;
  }
  await clearSignIn(
    db,
    counted.filter((c) => c.kind !== "address").map((c) => c.key),
    counted.filter((c) => c.kind === "address").map((c) => c.key),
  );
  return true;
}

/**
 * Signs in from `address`; returns the account and a fresh session token for the cookie.
 * `knownDevice` is the nonce of this browser's valid known-device cookie for this email, if any:
 * then only that cookie's own failures count (see `signInKeys` and the device-cookie scheme).
 */
export async function signIn(
  db: Db,
  credentials: { email: string; password: string },
  address: string,
  knownDevice: string | null,
  now: Date,
): Promise<{ user: StaffUser; token: string }> {
  const email = credentials.email.toLowerCase();
  const keys = signInKeys(email, address, knownDevice);
  // Failures are kept per email whether or not the account exists, so limits tell nothing either.
  const candidates = [keys.pair, keys.address, keys.email, ...(keys.device ? [keys.device] : [])];
  const seen = await loadSignInFailures(db, candidates);
  // A known device is trusted until its own failures lock it; then it is an unknown one again.
  const trusted = keys.device !== null && lockedFor(seen.get(keys.device), now) === 0;
  const counted: { key: string; kind: SignInCounter }[] =
    trusted && keys.device
      ? [{ key: keys.device, kind: "device" }]
      : [
          { key: keys.pair, kind: "pair" },
          { key: keys.address, kind: "address" },
          { key: keys.email, kind: "email" },
        ];
  let found: Awaited<ReturnType<typeof findUserForLogin>>;
  const ok = await countedPasswordCheck(db, counted, seen, now, async () => {
    found = await findUserForLogin(db, email);
    // Unknown emails cost the same PBKDF2 work, so timing does not reveal which accounts exist.
    // An account still waiting for its first password also costs the same work.
    const right = await verifyPassword(credentials.password, found?.passwordHash || DUMMY_HASH);
    return found !== undefined && right;
  });
  if (!ok || !found) throw new Unauthenticated("bad_credentials", "error.bad_credentials");
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

/** Ends the session; whose it was, for the log (none when it had already ended). */
export async function signOut(db: Db, token: string): Promise<{ id: number; email: string } | undefined> {
  const user = await sessionUser(db, token, new Date());
  await deleteSession(db, await sha256Hex(token));
  return user && { id: user.id, email: user.email };
}
