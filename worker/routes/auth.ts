// Staff sign-in and sign-out with a session cookie.
import { Hono } from "hono";
import * as v from "valibot";
import { clearSessionCookie, requireStaff, SESSION_DAYS, sessionTokenHash, setSessionCookie } from "../auth";
import { createSession, deleteSession, findUserForLogin } from "../db/users";
import { DUMMY_HASH, newToken, sha256Hex, verifyPassword } from "../domain/password";
import type { AppEnv } from "../env";
import { ApiError } from "../errors";
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
    const { email, password } = c.req.valid("json");
    const user = await findUserForLogin(c.var.db, email);
    // Unknown emails cost the same PBKDF2 work, so timing does not reveal which accounts exist.
    const ok = await verifyPassword(password, user?.passwordHash ?? DUMMY_HASH);
    if (!user || !ok) throw new ApiError(401, "bad_credentials", "error.bad_credentials");
    const token = newToken();
    const now = new Date();
    await createSession(c.var.db, {
      tokenHash: await sha256Hex(token),
      userId: user.id,
      expiresAt: new Date(now.getTime() + SESSION_DAYS * 86400_000).toISOString(),
      now: now.toISOString(),
    });
    setSessionCookie(c, token);
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
