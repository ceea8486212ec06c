// The audit log, for admins: who did what, when, on which event.
import { Hono } from "hono";
import * as v from "valibot";
import { requireStaff } from "../auth";
import { listAudit } from "../db/audit";
import type { AppEnv } from "../env";
import { intId, validate } from "../validate";

const listQuery = v.object({
  before: v.optional(intId),
  event: v.optional(intId),
  limit: v.optional(
    v.pipe(
      v.string("field.type_integer"),
      v.regex(/^\d{1,3}$/, "field.type_integer"),
      v.transform(Number),
      v.minValue(1, "field.invalid"),
      v.maxValue(500, "field.invalid"),
    ),
  ),
});

export const auditRoutes = new Hono<AppEnv>().get(
  "/",
  requireStaff("admin"),
  validate("query", listQuery),
  async (c) => {
    const q = c.req.valid("query");
    const entries = await listAudit(c.var.db, c.var.user.unitPath, {
      before: q.before,
      eventId: q.event,
      limit: q.limit ?? 100,
    });
    return c.json({ entries });
  },
);
