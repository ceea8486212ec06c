// Programmes (training schemes) that classes are grouped under, with a period and target trainee categories.
import { Hono } from "hono";
import * as v from "valibot";
import { ORGANISERS, TRAINEE_CATEGORIES } from "../domain/terms";
import { audited } from "../http/audit";
import { allow } from "../http/auth";
import type { AppEnv } from "../http/env";
import { day, intId, jsonObject, requiredText, validate } from "../http/validate";
import { addProgramme, listProgrammes } from "../services/programmes";

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
  .get("/", async (c) => c.json(await listProgrammes(c.var.db, c.var.user)))
  .post("/", audited("programme_create"), allow(...ORGANISERS), validate("json", createBody), async (c) => {
    const id = await addProgramme(c.var.db, c.var.user, c.req.valid("json"), new Date());
    return c.json({ id }, 201);
  });
