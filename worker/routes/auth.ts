// Staff sign-in and sign-out with a session cookie.
import { Hono } from "hono";
import * as v from "valibot";
import { clearSessionCookie, requireStaff, SESSION_DAYS, sessionTokenHash, setSessionCookie } from "../auth";
import { clearLoginFailures, findLoginFailures, recordLoginFailure } from "../db/limits";
import { createSession, deleteSession, findUserForLogin } from "../db/users";
import { afterFailure, lockedFor } from "../domain/limits";
import { DUMMY_HASH, newToken, sha256Hex, verifyPassword } from "../domain/password";
import type { AppEnv } from "../env";
import { ApiError, LimitError } from "../errors";
import { jsonObject, validate } from "../validate";

const loginBody = jsonObject({
  email: v.pipe(
    v.string("field.type_string"),
    v.trim(),
    v.maxLength(200, "field.too_long"),
    v.email("field.email"),
  ),
  password: v.pipe(
    v.string("field.type_string"),
    v.minLength(1, "field.required"),
    v.maxLength(200, "field.too_long"),
  ),
});

export const authRoutes = new Hono<AppEnv>()
  .post("/login", validate("json", loginBody), async (c) => {
    const { password } = c.req.valid("json");
    const email = c.req.valid("json").email.toLowerCase();
    const now = new Date();
    // Failures are kept per email whether or not the account exists, so limits tell nothing either.
    const failures = await findLoginFailures(c.var.db, email);
    const locked = lockedFor(failures, now);
    if (locked > 0) throw new LimitError("login_locked", locked);
    const user = await findUserForLogin(c.var.db, email);
    // Unknown emails cost the same PBKDF2 work, so timing does not reveal which accounts exist.
    const ok = await verifyPassword(password, user?.passwordHash ?? DUMMY_HASH);
    if (!user || !ok) {
      const next = afterFailure(failures, now);
      await recordLoginFailure(c.var.db, email, { ...next, now: now.toISOString() });
      if (next.delayMs > 0) await new Promise((done) => setTimeout(done, next.delayMs));
      throw new ApiError(401, "bad_credentials", "error.bad_credentials");
    }
    if (failures) await clearLoginFailures(c.var.db, email);
    const token = newToken();
    await createSession(c.var.db, {
      tokenHash: await sha256Hex(token),
      userId: user.id,
      expiresAt: new Date(now.getTime() + SESSION_DAYS * 86400_000).toISOString(),
      now: now.toISOString(),
    });
    setSessionCookie(c, token);
    c.set("user", user);
    return c.json({ ok: true });
  })
  .post("/logout", async (c) => {
    const hash = await sessionTokenHash(c);
    if (hash) await deleteSession(c.var.db, hash);
    clearSessionCookie(c);
    return c.json({ ok: true });
  })
  .get("/me", requireStaff(), async (c) => {
    const { id, email, name, role, unitId } = c.var.user;
    return c.json({ id, email, name, role, unitId });
  });
