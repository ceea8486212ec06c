// The audit log, for admins: who did what, when, on which event.
import { Hono } from "hono";
import * as v from "valibot";
import { allow } from "../http/auth";
import type { AppEnv } from "../http/env";
import { day, intId, validate } from "../http/validate";
import { auditLog } from "../services/audit";

const listQuery = v.strictObject(
  {
    cursor: v.optional(intId),
    event: v.optional(intId),
    user: v.optional(intId),
    action: v.optional(v.pipe(v.string(), v.maxLength(100, "field.too_long"))),
    from: v.optional(day),
    to: v.optional(day),
    limit: v.optional(
      v.pipe(
        v.string("field.type_integer"),
        v.regex(/^\d{1,3}$/, "field.type_integer"),
        v.transform(Number),
        v.minValue(1, "field.invalid"),
        v.maxValue(500, "field.invalid"),
      ),
      "100",
    ),
  },
  "field.type_object",
);

export const auditRoutes = new Hono<AppEnv>().get(
  "/",
  allow("admin"),
  validate("query", listQuery),
  async (c) => {
    return c.json(await auditLog(c.var.db, c.var.user, c.req.valid("query")));
  },
);
