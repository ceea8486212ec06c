// Programmes (training schemes) that classes are grouped under, with a period and target trainee categories.
import { Hono } from "hono";
import * as v from "valibot";
import { POSITIONS } from "../domain/people";
import { ORGANISERS, TRAINEE_CATEGORIES } from "../domain/terms";
import { audited } from "../http/audit";
import { allow } from "../http/auth";
import type { AppEnv } from "../http/env";
import { sendTable } from "../http/files";
import { idParam } from "../http/params";
import { day, intId, jsonObject, requiredText, validate } from "../http/validate";
import { addProgramme, listProgrammes } from "../services/programmes";
import { addTarget, progressOf, progressTable, removeTarget, setPlan } from "../services/progress";

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

const count = (max: number) =>
  v.pipe(
    v.number("field.type_integer"),
    v.integer("field.invalid"),
    v.minValue(0, "field.invalid"),
    v.maxValue(max, "field.invalid"),
  );

const targetParam = v.object({ id: intId, targetId: intId });

const targetBody = jsonObject({
  position: v.picklist(POSITIONS, "people.bad_position"),
  share: v.pipe(v.number("field.invalid"), v.minValue(0.01, "field.invalid"), v.maxValue(1, "field.invalid")),
  by: day,
  minDays: v.optional(v.pipe(count(365), v.minValue(1, "field.invalid")), 1),
  baseline: v.optional(v.nullable(count(10_000_000)), null),
});

const planBody = jsonObject({
  years: v.pipe(
    v.array(
      v.strictObject(
        {
          year: v.pipe(count(2100), v.minValue(2000, "field.invalid")),
          classes: count(100_000),
          trainees: count(10_000_000),
          budget: v.optional(v.nullable(count(1_000_000_000_000)), null),
        },
        "field.type_object",
      ),
      "field.type_array",
    ),
    v.maxLength(30, "field.too_many"),
  ),
});

const progressQuery = v.strictObject(
  {
    unit: v.optional(intId),
    tree: v.optional(v.picklist(["now", "then"], "field.invalid")),
    at: v.optional(day),
  },
  "field.type_object",
);

export const programmeRoutes = new Hono<AppEnv>()
  .get(
    "/:id/progress.xlsx",
    audited("progress_export"),
    validate("param", idParam),
    validate("query", progressQuery),
    async (c) =>
      sendTable(
        c,
        "xlsx",
        await progressTable(
          c.var.db,
          c.var.user,
          c.req.valid("param").id,
          c.req.valid("query"),
          c.var.lang,
          new Date(),
        ),
      ),
  )
  .get("/:id/progress", validate("param", idParam), validate("query", progressQuery), async (c) =>
    c.json(
      await progressOf(
        c.var.db,
        c.var.user,
        c.req.valid("param").id,
        c.req.valid("query"),
        c.var.lang,
        new Date(),
      ),
    ),
  )
  .post(
    "/:id/targets",
    audited("programme_target"),
    allow(...ORGANISERS),
    validate("param", idParam),
    validate("json", targetBody),
    async (c) =>
      c.json(
        {
          id: await addTarget(c.var.db, c.var.user, c.req.valid("param").id, c.req.valid("json"), new Date()),
        },
        201,
      ),
  )
  .delete(
    "/:id/targets/:targetId",
    audited("programme_target_remove"),
    allow(...ORGANISERS),
    validate("param", targetParam),
    async (c) => {
      const { id, targetId } = c.req.valid("param");
      await removeTarget(c.var.db, c.var.user, id, targetId);
      return c.json({ ok: true });
    },
  )
  .put(
    "/:id/plan",
    audited("programme_plan"),
    allow(...ORGANISERS),
    validate("param", idParam),
    validate("json", planBody),
    async (c) => {
      await setPlan(c.var.db, c.var.user, c.req.valid("param").id, c.req.valid("json").years);
      return c.json({ ok: true });
    },
  )
  .get("/", async (c) => c.json(await listProgrammes(c.var.db, c.var.user)))
  .post("/", audited("programme_create"), allow(...ORGANISERS), validate("json", createBody), async (c) => {
    const id = await addProgramme(c.var.db, c.var.user, c.req.valid("json"), new Date());
    return c.json({ id }, 201);
  });
