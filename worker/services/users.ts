// Staff accounts as an admin manages them, and each person's own password: links, roles, units, locks.
import { type Db, isUniqueViolation } from "../db";
import { loadSignInFailures, unlockSignIn } from "../db/limits";
import { findUnitById } from "../db/units";
import {
  endSessions,
  findAccount,
  findLinkAccount,
  findPasswordHash,
  findUserByEmail,
  findUserInScope,
  insertAccount,
  isLastAdminAbort,
  listAccounts,
  type NewLink,
  otherRootAdmins,
  resetAccount,
  setPassword,
  updateAccount,
  useLink,
} from "../db/users";
import { hashPassword, newToken, sha256Hex, verifyPassword } from "../domain/crypto";
import { Invalid, NotFound } from "../domain/errors";
import { LINK_MS, passwordProblem } from "../domain/password";
import { canSee, type Role, type StaffUser, scopeOf } from "../domain/terms";
import { DAY_MS } from "../domain/time";
import { countedPasswordCheck, SESSION_DAYS } from "./auth";

const notFound = () => new NotFound("user_not_found", "error.user_not_found");

export async function accounts(
  db: Db,
  admin: StaffUser,
  f: { q?: string; status?: "active" | "inactive" | "locked"; limit: number; cursor?: number },
  now: Date,
) {
  const offset = f.cursor ?? 0;
  const { items, total } = await listAccounts(
    db,
    scopeOf(admin),
    { q: f.q ?? null, status: f.status ?? null, limit: f.limit, offset },
    now.toISOString(),
  );
  return {
    items: items.map((r) => ({
      ...r,
      active: r.active === 1,
      locked: r.locked === 1,
      unitMerged: r.unitActive !== 1,
    })),
    total,
    next: offset + items.length < total ? offset + items.length : null,
  };
}

/** A unit the admin may put an account in: inside their subtree and still existing. */
async function unitForAccount(db: Db, admin: StaffUser, unitId: number) {
  const unit = await findUnitById(db, unitId);
  if (!unit || !canSee(admin, unit)) throw new Invalid({ unitId: { key: "field.out_of_scope" } });
  if (!unit.active) throw new Invalid({ unitId: { key: "field.unit_inactive" } });
  return unit;
}

async function newLink(admin: StaffUser, now: Date): Promise<{ token: string; link: NewLink }> {
  const token = newToken();
  return {
    token,
    link: {
      tokenHash: await sha256Hex(token),
      createdBy: admin.id,
      now: now.toISOString(),
      expiresAt: new Date(now.getTime() + LINK_MS).toISOString(),
    },
  };
}

/** Creates an account with no password and returns the one-time link's token (shown once). */
export async function createAccount(
  db: Db,
  admin: StaffUser,
  input: { email: string; name: string; role: Role; unitId: number },
  now: Date,
): Promise<{ id: number; token: string }> {
  await unitForAccount(db, admin, input.unitId);
  const { token, link } = await newLink(admin, now);
  try {
    const id = await insertAccount(db, { ...input, email: input.email.toLowerCase() }, link);
    return { id, token };
  } catch (err) {
    if (!isUniqueViolation(err, /users\.email/)) throw err;
    // Only an account this admin could see is said to exist; elsewhere the answer tells nothing.
    const holder = await findUserByEmail(db, input.email.toLowerCase());
    const mine = holder !== undefined && canSee(admin, holder.unit);
    throw new Invalid({ email: { key: mine ? "field.email_taken" : "field.email_unusable" } });
  }
}

/** Changes an account of the subtree; never leaves the root without an active admin. */
export async function changeAccount(
  db: Db,
  admin: StaffUser,
  id: number,
  changes: { name?: string; role?: Role; unitId?: number; active?: boolean },
  now: Date,
) {
  const before = await findAccount(db, id, scopeOf(admin), now.toISOString());
  if (!before) throw notFound();
  if (changes.unitId !== undefined && changes.unitId !== before.unitId) {
    await unitForAccount(db, admin, changes.unitId);
  }
  const losesAdmin =
    before.role === "admin" &&
    before.active === 1 &&
    ((changes.role !== undefined && changes.role !== "admin") ||
      changes.active === false ||
      (changes.unitId !== undefined && changes.unitId !== before.unitId));
  const lastAdmin = () =>
    new Invalid({ [changes.active === false ? "active" : "role"]: { key: "field.last_admin" } });
  if (losesAdmin && (await isRootAdmin(db, before.unitId)) && (await otherRootAdmins(db, id)) === 0) {
    throw lastAdmin();
  }
  try {
    await updateAccount(db, id, changes);
  } catch (err) {
    // Another admin's change landed between the check and this write: the database refused it.
    if (isLastAdminAbort(err)) throw lastAdmin();
    throw err;
  }
  const after = await findAccount(db, id, scopeOf(admin), now.toISOString());
  // Moved out of the admin's own subtree is impossible (the unit was checked), so it is still here.
  if (!after) throw notFound();
  return after;
}

async function isRootAdmin(db: Db, unitId: number): Promise<boolean> {
  const unit = await findUnitById(db, unitId);
  return unit !== undefined && unit.parentId === null;
}

/** A fresh one-time link: the old password stops working and the account's sessions end. */
export async function resetAccountLink(db: Db, admin: StaffUser, id: number, now: Date) {
  const user = await findUserInScope(db, id, scopeOf(admin));
  if (!user) throw notFound();
  const { token, link } = await newLink(admin, now);
  try {
    await resetAccount(db, id, user.email, link);
  } catch (err) {
    // A new link clears the password: not for the last admin of the centre who can sign in.
    if (isLastAdminAbort(err)) throw new Invalid({ id: { key: "field.last_admin" } });
    throw err;
  }
  return { token, email: user.email };
}

/** Clears every sign-in lock and count on an account of the admin's subtree. */
export async function unlockAccount(db: Db, admin: StaffUser, id: number): Promise<{ email: string }> {
  const user = await findUserInScope(db, id, scopeOf(admin));
  if (!user) throw notFound();
  await unlockSignIn(db, user.email, user.id);
  return { email: user.email };
}

/** Whose account a one-time link sets the password of (the page names it), while the link is good. */
export async function linkAccount(db: Db, token: string, now: Date) {
  const account = await findLinkAccount(db, await sha256Hex(token), now.toISOString());
  if (account?.active !== 1) throw new Invalid({ token: { key: "field.link_used" } });
  return { email: account.email, name: account.name, role: account.role, unitName: account.unitName };
}

/** Sets the password a link was sent for and opens a session; the session token for the cookie. */
export async function setPasswordFromLink(
  db: Db,
  input: { token: string; password: string },
  now: Date,
): Promise<{ sessionToken: string; account: { id: number; email: string } }> {
  const tokenHash = await sha256Hex(input.token);
  const account = await findLinkAccount(db, tokenHash, now.toISOString());
  if (account?.active !== 1) throw new Invalid({ token: { key: "field.link_used" } });
  const problem = passwordProblem(input.password, account.email);
  if (problem) throw new Invalid({ password: { key: problem } });
  const sessionToken = newToken();
  const used = await useLink(db, tokenHash, account.id, await hashPassword(input.password), {
    tokenHash: await sha256Hex(sessionToken),
    expiresAt: new Date(now.getTime() + SESSION_DAYS * DAY_MS).toISOString(),
    now: now.toISOString(),
  });
  if (!used) throw new Invalid({ token: { key: "field.link_used" } });
  return { sessionToken, account: { id: account.id, email: account.email } };
}

/** A person changes their own password; their other sessions end. */
export async function changeOwnPassword(
  db: Db,
  user: StaffUser,
  input: { current: string; next: string },
  currentSession: string | null,
  now: Date,
): Promise<void> {
  // A session left open is not a licence to guess: wrong current passwords count like sign-ins.
  const key = `c:${user.id}`;
  const right = await countedPasswordCheck(
    db,
    [{ key, kind: "pair" }],
    await loadSignInFailures(db, [key]),
    now,
    async () => verifyPassword(input.current, await findPasswordHash(db, user.id)),
  );
  if (!right) throw new Invalid({ current: { key: "field.password_wrong" } });
  const problem = passwordProblem(input.next, user.email);
  if (problem) throw new Invalid({ next: { key: problem } });
  await setPassword(
    db,
    user.id,
    await hashPassword(input.next),
    currentSession && (await sha256Hex(currentSession)),
  );
}

export async function signOutEverywhere(db: Db, user: StaffUser): Promise<void> {
  await endSessions(db, user.id);
}
