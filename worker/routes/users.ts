// Staff accounts, for admins: list and search, create with a one-time link, change, reset, unlock.
import { Hono } from "hono";
import * as v from "valibot";
import { ROLES } from "../domain/terms";
import { audited } from "../http/audit";
import { allow } from "../http/auth";
import type { AppEnv } from "../http/env";
import { idParam } from "../http/params";
import { assertSomeField, intId, jsonObject, pageEntries, requiredText, validate } from "../http/validate";
import { accounts, changeAccount, createAccount, resetAccountLink, unlockAccount } from "../services/users";

const listQuery = v.strictObject(
  { ...pageEntries(100), status: v.optional(v.picklist(["active", "inactive", "locked"], "field.invalid")) },
  "field.type_object",
);

const email = v.pipe(
  v.string("field.type_string"),
  v.trim(),
  v.maxLength(200, "field.too_long"),
  v.email("field.email"),
  v.toLowerCase(),
);
const role = v.picklist(ROLES, "field.invalid");

const createBody = jsonObject({ email, name: requiredText(200), role, unitId: intId });

const changeBody = jsonObject({
  name: v.optional(requiredText(200)),
  role: v.optional(role),
  unitId: v.optional(intId),
  active: v.optional(v.boolean("field.type_boolean")),
});

/** Where the person sets their password: sent by the admin, by Zalo or any other way. */
const linkUrl = (origin: string, token: string) => `${origin}/app/set-password?token=${token}`;

export const userRoutes = new Hono<AppEnv>()
  .use(allow("admin"))
  .get("/", validate("query", listQuery), async (c) => {
    const q = c.req.valid("query");
    return c.json(await accounts(c.var.db, c.var.user, q, new Date()));
  })
  .post("/", audited("account_create"), validate("json", createBody), async (c) => {
    const body = c.req.valid("json");
    const { id, token } = await createAccount(c.var.db, c.var.user, body, new Date());
    c.set("auditTarget", body.email);
    return c.json({ id, setPasswordUrl: linkUrl(new URL(c.req.url).origin, token) }, 201);
  })
  .patch(
    "/:id",
    audited("account_change"),
    validate("param", idParam),
    validate("json", changeBody),
    async (c) => {
      const body = c.req.valid("json");
      assertSomeField(body);
      const after = await changeAccount(c.var.db, c.var.user, c.req.valid("param").id, body, new Date());
      c.set("auditTarget", after.email);
      return c.json(after);
    },
  )
  .post("/:id/reset", audited("account_reset"), validate("param", idParam), async (c) => {
    const { token, email } = await resetAccountLink(
      c.var.db,
      c.var.user,
      c.req.valid("param").id,
      new Date(),
    );
    c.set("auditTarget", email);
    return c.json({ setPasswordUrl: linkUrl(new URL(c.req.url).origin, token) });
  })
  .post("/:id/unlock", audited("account_unlock"), validate("param", idParam), async (c) => {
    const { email } = await unlockAccount(c.var.db, c.var.user, c.req.valid("param").id);
    c.set("auditTarget", email);
    return c.json({ ok: true });
  });
