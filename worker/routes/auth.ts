// Staff sign-in and sign-out with a session cookie.
import { Hono } from "hono";
import * as v from "valibot";
import { clearSessionCookie, sessionToken, setSessionCookie } from "../http/auth";
import { addressOf } from "../http/device";
import type { AppEnv } from "../http/env";
import { jsonObject, validate } from "../http/validate";
import { signIn, signOut } from "../services/auth";

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

/** Signing in and out need no session. */
export const signInRoutes = new Hono<AppEnv>()
  .post("/login", validate("json", loginBody), async (c) => {
    const { user, token } = await signIn(c.var.db, c.req.valid("json"), addressOf(c), new Date());
    setSessionCookie(c, token);
    // The audit middleware records who signed in.
    c.set("user", user);
    return c.json({ ok: true });
  })
  .post("/logout", async (c) => {
    const token = sessionToken(c);
    if (token) await signOut(c.var.db, token);
    clearSessionCookie(c);
    return c.json({ ok: true });
  });

/** Who is signed in. */
export const accountRoutes = new Hono<AppEnv>().get("/me", async (c) => {
  const { id, email, name, role, unitId, unitMerged } = c.var.user;
  // unitMerged: the account's unit was merged or dissolved; it keeps the old subtree until an admin moves it.
  return c.json({ id, email, name, role, unitId, unitMerged });
});
