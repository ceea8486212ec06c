// Class observation (dự giờ): an inspector records their own scores on the standard criteria beside the trainees'.
import { Hono } from "hono";
import * as v from "valibot";
import type { Criterion } from "../domain/criteria";
import { audited } from "../http/audit";
import { allow } from "../http/auth";
import type { AppEnv } from "../http/env";
import { idParam } from "../http/params";
import { day, jsonObject, text, validate } from "../http/validate";
import { observationsOf, observe } from "../services/observations";

const score = v.optional(
  v.nullable(
    v.pipe(
      v.number("field.rating_range"),
      v.integer("field.rating_range"),
      v.minValue(1, "field.rating_range"),
      v.maxValue(5, "field.rating_range"),
    ),
  ),
  null,
);

const scoreEntries: Record<Criterion, typeof score> = {
  content: score,
  method: score,
  interaction: score,
  organisation: score,
  materials: score,
  usefulness: score,
};

const body = jsonObject({
  scores: jsonObject(scoreEntries),
  note: v.optional(text(2000), ""),
  observedOn: day,
});

export const observationRoutes = new Hono<AppEnv>()
  .get("/:id/observations", validate("param", idParam), async (c) =>
    c.json(await observationsOf(c.var.db, c.var.user, c.req.valid("param").id, c.var.lang)),
  )
  .put(
    "/:id/observation",
    audited("observation"),
    allow("inspector", "admin"),
    validate("param", idParam),
    validate("json", body),
    async (c) => {
      await observe(c.var.db, c.var.user, c.req.valid("param").id, c.req.valid("json"), new Date());
      return c.json({ ok: true });
    },
  );
