// The unit tree as far as the caller may see it.
import { Hono } from "hono";
import { requireStaff } from "../auth";
import { listUnitsInScope } from "../db/units";
import type { AppEnv } from "../env";

export const unitRoutes = new Hono<AppEnv>().get("/", requireStaff(), async (c) => {
  const units = await listUnitsInScope(c.var.db, c.var.user.unitPath);
  return c.json(units.map(({ id, code, name, level, parentId }) => ({ id, code, name, level, parentId })));
});
