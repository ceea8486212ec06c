// Staff accounts and their sessions (only token hashes are stored).

import { sql } from "kysely";
import type { Scope, StaffUser } from "../domain/terms";
import type { Db } from ".";
import { searchPattern } from "./search";
import { inSubtree, unitPaths } from "./subtree";

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
    .select([...ACCOUNT, "u.password_hash as passwordHash", "u.active as accountActive"])
    .where("u.email", "=", email)
    .executeTakeFirst();
}

/** A session, and the account's last sign-in, in one batch. */
export async function createSession(
  db: Db,
  session: { tokenHash: string; userId: number; expiresAt: string; now: string },
): Promise<void> {
  await db.batch([
    db.insertInto("sessions").values({
      token_hash: session.tokenHash,
      user_id: session.userId,
      expires_at: session.expiresAt,
      created_at: session.now,
    }),
    db.updateTable("users").set({ last_sign_in_at: session.now }).where("id", "=", session.userId),
  ]);
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
    .where("u.active", "=", 1)
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
  return db
    .selectFrom("users as u")
    .innerJoin("units as un", "un.id", "u.unit_id")
    .select(["u.id", "u.email"])
    .where("u.id", "=", id)
    .where(inSubtree(scope, unitPaths("un")))
    .executeTakeFirst();
}

/** Where the account with this email sits in both trees, to tell whether a caller may know of it. */
export async function findUserByEmail(db: Db, email: string) {
  const row = await db
    .selectFrom("users as u")
    .innerJoin("units as un", "un.id", "u.unit_id")
    .select(["u.id", "un.now_path as nowPath", "un.path as thenPath"])
    .where("u.email", "=", email)
    .executeTakeFirst();
  return row && { id: row.id, unit: { nowPath: row.nowPath, thenPath: row.thenPath } };
}

/**
 * A sign-in counter of the account's email: its own ("e:") or one of its email and address pairs
 * ("p:email|…"), matched exactly, never with LIKE, where an email's '_' would match others'.
 */
const lockOfAccount = sql<boolean>`(f.key = 'e:' || u.email OR substr(f.key, 1, length(u.email) + 3) = 'p:' || u.email || '|')`;

/** One line of the accounts list. */
export interface AccountRow {
  id: number;
  email: string;
  name: string;
  role: StaffUser["role"];
  unitId: number;
  unitName: string;
  /** 0 when the account's unit was merged or dissolved: it should be moved. */
  unitActive: number;
  active: number;
  lastSignInAt: string | null;
  createdAt: string;
  /** A sign-in lock still running on some address. */
  locked: number;
}

function accountsQuery(db: Db, scope: Scope, now: string) {
  return db
    .selectFrom("users as u")
    .innerJoin("units as un", "un.id", "u.unit_id")
    .where(inSubtree(scope, unitPaths("un")))
    .select((eb) => [
      "u.id",
      "u.email",
      "u.name",
      "u.role",
      "u.unit_id as unitId",
      "un.name as unitName",
      "un.active as unitActive",
      "u.active",
      "u.last_sign_in_at as lastSignInAt",
      "u.created_at as createdAt",
      eb
        .exists(
          eb
            .selectFrom("sign_in_failures as f")
            .select("f.key")
            .where(lockOfAccount)
            .where("f.locked_until", ">", now),
        )
        .as("locked"),
    ]);
}

export interface AccountFilter {
  /** Part of a name, email or unit name. */
  q: string | null;
  /** Active, deactivated, or under a sign-in lock. */
  status: "active" | "inactive" | "locked" | null;
  limit: number;
  offset: number;
}

/** A page of the accounts inside the scope, by unit then name, and how many match in all. */
export async function listAccounts(db: Db, scope: Scope, f: AccountFilter, now: string) {
  const base = accountsQuery(db, scope, now);
  const pattern = f.q === null ? null : searchPattern(f.q);
  const search =
    pattern === null
      ? base
      : base.where((eb) =>
          eb.or(
            (["u.search", "un.search"] as const).map(
              (c) => sql<boolean>`${eb.ref(c)} LIKE ${pattern} ESCAPE '\\'`,
            ),
          ),
        );
  const filtered =
    f.status === null
      ? search
      : f.status === "locked"
        ? search.where(({ exists, selectFrom }) =>
            exists(
              selectFrom("sign_in_failures as f")
                .select("f.key")
                .where(lockOfAccount)
                .where("f.locked_until", ">", now),
            ),
          )
        : search.where("u.active", "=", f.status === "active" ? 1 : 0);
  const [page, total] = await db.batch([
    filtered.orderBy("un.name").orderBy("u.name").orderBy("u.id").limit(f.limit).offset(f.offset),
    filtered.clearSelect().select((eb) => eb.fn.countAll<number>().as("n")),
  ]);
  return { items: page.rows.map((r) => ({ ...r, locked: Number(r.locked) })), total: total.rows[0]?.n ?? 0 };
}

/** One account inside the scope, as the list shows it. */
export async function findAccount(
  db: Db,
  id: number,
  scope: Scope,
  now: string,
): Promise<AccountRow | undefined> {
  const row = await accountsQuery(db, scope, now).where("u.id", "=", id).executeTakeFirst();
  return row && { ...row, locked: Number(row.locked) };
}

/** The statements that put a one-time link on an account, older unused links void. */
function linkStatements(db: Db, userId: number | "new", email: string, link: NewLink) {
  const user = userId === "new" ? sql<number>`(SELECT id FROM users WHERE email = ${email})` : userId;
  return [
    db.deleteFrom("password_links").where("user_id", "=", user).where("used_at", "is", null),
    db.insertInto("password_links").values({
      token_hash: link.tokenHash,
      user_id: user,
      created_by: link.createdBy,
      created_at: link.now,
      expires_at: link.expiresAt,
    }),
  ];
}

export interface NewLink {
  tokenHash: string;
  createdBy: number;
  now: string;
  expiresAt: string;
}

/** A new account (no password yet) and its first link, in one batch; the account's id. */
export async function insertAccount(
  db: Db,
  account: { email: string; name: string; role: StaffUser["role"]; unitId: number },
  link: NewLink,
): Promise<number> {
  const [created] = await db.batch([
    db
      .insertInto("users")
      .values({
        email: account.email,
        name: account.name,
        role: account.role,
        unit_id: account.unitId,
        password_hash: "",
        created_at: link.now,
      })
      .returning("id"),
    ...linkStatements(db, "new", account.email, link),
  ]);
  const id = created.rows[0]?.id;
  if (id === undefined) throw new Error("insert returned no id");
  return id;
}

/** A new link; the old password stops working and every session ends. */
export async function resetAccount(db: Db, id: number, email: string, link: NewLink): Promise<void> {
  await db.batch([
    db.updateTable("users").set({ password_hash: "" }).where("id", "=", id),
    db.deleteFrom("sessions").where("user_id", "=", id),
    ...linkStatements(db, id, email, link),
  ]);
}

/** Name, role, unit or active; a deactivated account's sessions end in the same batch. */
export async function updateAccount(
  db: Db,
  id: number,
  changes: { name?: string; role?: StaffUser["role"]; unitId?: number; active?: boolean },
): Promise<void> {
  const set = {
    ...(changes.name === undefined ? {} : { name: changes.name }),
    ...(changes.role === undefined ? {} : { role: changes.role }),
    ...(changes.unitId === undefined ? {} : { unit_id: changes.unitId }),
    ...(changes.active === undefined ? {} : { active: changes.active ? 1 : 0 }),
  };
  await db.batch([
    ...(Object.keys(set).length > 0 ? [db.updateTable("users").set(set).where("id", "=", id)] : []),
    ...(changes.active === false ? [db.deleteFrom("sessions").where("user_id", "=", id)] : []),
  ]);
}

/**
 * Active admins of the root unit who can sign in (a password set), other than this account: the
 * last one may not go. The check before a write, for a clear answer; migration 0015's trigger
 * enforces it inside the write (see `isLastAdminAbort`).
 */
export async function otherRootAdmins(db: Db, id: number): Promise<number> {
  const row = await db
    .selectFrom("users as u")
    .innerJoin("units as un", "un.id", "u.unit_id")
    .select((eb) => eb.fn.countAll<number>().as("n"))
    .where("u.role", "=", "admin")
    .where("u.active", "=", 1)
    .where("u.password_hash", "<>", "")
    .where("un.parent_id", "is", null)
    .where("u.id", "!=", id)
    .executeTakeFirst();
  return row?.n ?? 0;
}

/** The error D1 gives when the write would have left the centre without an admin (migration 0015). */
export function isLastAdminAbort(err: unknown): boolean {
  return err instanceof Error && /last_root_admin/.test(err.message);
}

/** The account a link opens, while the link is unused and unexpired. */
export async function findLinkAccount(db: Db, tokenHash: string, now: string) {
  return db
    .selectFrom("password_links as l")
    .innerJoin("users as u", "u.id", "l.user_id")
    .innerJoin("units as un", "un.id", "u.unit_id")
    .select(["u.id", "u.email", "u.name", "u.role", "un.name as unitName", "u.active"])
    .where("l.token_hash", "=", tokenHash)
    .where("l.used_at", "is", null)
    .where("l.expires_at", ">", now)
    .executeTakeFirst();
}

/**
 * Uses a link: the password is set and a session opened only if this very call marked the
 * link used (two tabs racing get one success). Returns whether it did.
 */
export async function useLink(
  db: Db,
  tokenHash: string,
  userId: number,
  passwordHash: string,
  session: { tokenHash: string; expiresAt: string; now: string },
): Promise<boolean> {
  const [used] = await db.batch([
    db
      .updateTable("password_links")
      .set({ used_at: session.now })
      .where("token_hash", "=", tokenHash)
      .where("used_at", "is", null),
    db
      .updateTable("users")
      .set({ password_hash: passwordHash, last_sign_in_at: session.now })
      .where("id", "=", userId)
      .where(sql<boolean>`changes() = 1`),
    db
      .insertInto("sessions")
      .columns(["token_hash", "user_id", "expires_at", "created_at"])
      .expression(
        sql`SELECT ${session.tokenHash}, ${userId}, ${session.expiresAt}, ${session.now} WHERE changes() = 1`,
      ),
  ]);
  return used.changes === 1;
}

/** A new password for the account; every other session ends. */
export async function setPassword(db: Db, id: number, passwordHash: string, keepSession: string | null) {
  await db.batch([
    db.updateTable("users").set({ password_hash: passwordHash }).where("id", "=", id),
    db
      .deleteFrom("sessions")
      .where("user_id", "=", id)
      .where("token_hash", "!=", keepSession ?? ""),
  ]);
}

export async function findPasswordHash(db: Db, id: number): Promise<string> {
  const row = await db.selectFrom("users").select("password_hash").where("id", "=", id).executeTakeFirst();
  return row?.password_hash ?? "";
}

export async function endSessions(db: Db, userId: number): Promise<void> {
  await db.deleteFrom("sessions").where("user_id", "=", userId).execute();
}
