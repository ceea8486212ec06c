// Staff accounts, for admins: lifting a sign-in lock (POST /api/users/{id}/unlock).
import { Hono } from "hono";
import { allow } from "../http/auth";
import type { AppEnv } from "../http/env";
import { idParam } from "../http/params";
import { validate } from "../http/validate";
import { unlockAccount } from "../services/users";

export const userRoutes = new Hono<AppEnv>().post(
  "/:id/unlock",
  allow("admin"),
  validate("param", idParam),
  async (c) => {
    await unlockAccount(c.var.db, c.var.user, c.req.valid("param").id);
    return c.json({ ok: true });
  },
);
