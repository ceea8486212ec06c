// Programmes (training schemes) that classes are grouped under, with a period and target trainee categories.
import { Hono } from "hono";
import * as v from "valibot";
import { requireStaff } from "../auth";
import { insertProgramme, listProgrammesFor } from "../db/programmes";
import { findUnitById } from "../db/units";
import { TRAINEE_CATEGORIES } from "../domain/form";
import type { AppEnv } from "../env";
import { invalidBody } from "../errors";
import { day, intId, jsonObject, requiredText, validate } from "../validate";
import { organisers } from "./events";

const createBody = jsonObject({
  name: requiredText(200),
  unitId: intId,
  startsOn: day,
  endsOn: day,
  categories: v.optional(
    v.pipe(
      v.array(v.picklist(TRAINEE_CATEGORIES, "field.invalid"), "field.type_array"),
      v.maxLength(TRAINEE_CATEGORIES.length, "field.too_many"),
    ),
    [],
  ),
});

export const programmeRoutes = new Hono<AppEnv>()
  .get("/", requireStaff(), async (c) => c.json(await listProgrammesFor(c.var.db, c.var.user.unitPath)))
  .post("/", requireStaff(...organisers), validate("json", createBody), async (c) => {
    const body = c.req.valid("json");
    const unit = await findUnitById(c.var.db, body.unitId);
    if (!unit?.path.startsWith(c.var.user.unitPath)) {
      throw invalidBody({ unitId: { key: "field.unit_not_found" } });
    }
    if (body.endsOn < body.startsOn) throw invalidBody({ endsOn: { key: "field.ends_before_start" } });
    const id = await insertProgramme(c.var.db, {
      unitId: unit.id,
      name: body.name,
      startsOn: body.startsOn,
      endsOn: body.endsOn,
      categories: [...new Set(body.categories)],
      now: new Date().toISOString(),
    });
    return c.json({ id }, 201);
  });
