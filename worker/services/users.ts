// Staff accounts as an admin manages them: for now, lifting a sign-in lock.
import type { Db } from "../db";
import { unlockSignIn } from "../db/limits";
import { findUserInScope } from "../db/users";
import { NotFound } from "../domain/errors";
import { type StaffUser, scopeOf } from "../domain/terms";

/** Clears every sign-in lock and count on an account of the admin's subtree. */
export async function unlockAccount(db: Db, admin: StaffUser, id: number): Promise<void> {
  const user = await findUserInScope(db, id, scopeOf(admin));
  if (!user) throw new NotFound("user_not_found", "error.user_not_found");
  await unlockSignIn(db, user.email);
}
