// Staff sign-in and sign-out with a session cookie.
import { Hono } from "hono";
import * as v from "valibot";
import { audited } from "../http/audit";
import {
  clearSessionCookie,
  knownDeviceOf,
  rememberKnownDevice,
  sessionToken,
  setSessionCookie,
} from "../http/auth";
import { addressOf } from "../http/device";
import type { AppEnv } from "../http/env";
import { jsonObject, validate } from "../http/validate";
import { signIn, signOut } from "../services/auth";
import { findUnitName } from "../services/units";
import { changeOwnPassword, linkAccount, setPasswordFromLink, signOutEverywhere } from "../services/users";

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

const password = v.pipe(v.string("field.type_string"), v.maxLength(200, "field.too_long"));

const linkToken = v.pipe(
  v.string("field.type_string"),
  v.minLength(1, "field.required"),
  v.maxLength(128, "field.invalid"),
);

const setPasswordBody = jsonObject({ token: linkToken, password });

const changePasswordBody = jsonObject({ current: password, next: password });

/** Signing in and out, and setting a password from a link, need no session. */
export const signInRoutes = new Hono<AppEnv>()
  .post("/login", audited("login"), validate("json", loginBody), async (c) => {
    const credentials = c.req.valid("json");
    // Named before the attempt, so a refused one is recorded against the email tried.
    c.set("auditActor", { email: credentials.email.toLowerCase() });
    const known = await knownDeviceOf(c, credentials.email);
    const { user, token } = await signIn(c.var.db, credentials, addressOf(c), known, new Date());
    setSessionCookie(c, token);
    await rememberKnownDevice(c, user.email);
    // The audit middleware records who signed in.
    c.set("user", user);
    return c.json({ ok: true });
  })
  .post("/logout", audited("logout"), async (c) => {
    const token = sessionToken(c);
    const who = token ? await signOut(c.var.db, token) : undefined;
    if (who) c.set("auditActor", who);
    clearSessionCookie(c);
    return c.json({ ok: true });
  })
  .get("/set-password", validate("query", v.object({ token: linkToken })), async (c) =>
    c.json(await linkAccount(c.var.db, c.req.valid("query").token, new Date())),
  )
  .post("/set-password", audited("password_set"), validate("json", setPasswordBody), async (c) => {
    const { sessionToken: token, account } = await setPasswordFromLink(
      c.var.db,
      c.req.valid("json"),
      new Date(),
    );
    c.set("auditActor", account);
    setSessionCookie(c, token);
    return c.json({ ok: true });
  });

/** Who is signed in, their own password, and ending every session. */
export const accountRoutes = new Hono<AppEnv>()
  .get("/me", async (c) => {
    const { id, email, name, role, unitId, unitMerged } = c.var.user;
    const unitName = await findUnitName(c.var.db, unitId);
    // unitMerged: the account's unit was merged or dissolved; it keeps the old subtree until an admin moves it.
    return c.json({ id, email, name, role, unitId, unitName, unitMerged });
  })
  .post("/password", audited("password_change"), validate("json", changePasswordBody), async (c) => {
    await changeOwnPassword(c.var.db, c.var.user, c.req.valid("json"), sessionToken(c) ?? null, new Date());
    return c.json({ ok: true });
  })
  .post("/logout-all", audited("logout_all"), async (c) => {
    await signOutEverywhere(c.var.db, c.var.user);
    clearSessionCookie(c);
    return c.json({ ok: true });
  });
