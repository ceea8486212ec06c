// Class observation (dự giờ): an inspector records their own scores on the standard criteria beside the trainees'.
import { Hono } from "hono";
import * as v from "valibot";
import { requireStaff } from "../auth";
import { listObservations, saveObservation } from "../db/observations";
import { CRITERIA } from "../domain/criteria";
import type { AppEnv } from "../env";
import { ApiError, invalidBody } from "../errors";
import { criterionLabels } from "../scores";
import { day, jsonObject, text, validate } from "../validate";
import { eventInScope, idParam } from "./events";

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

const body = jsonObject({
  scores: jsonObject(
    Object.fromEntries(CRITERIA.map((c) => [c, score])) as Record<(typeof CRITERIA)[number], typeof score>,
  ),
  note: v.optional(text(2000), ""),
  observedOn: day,
});

export const observationRoutes = new Hono<AppEnv>()
  .get("/:id/observations", requireStaff(), validate("param", idParam), async (c) => {
    const event = await eventInScope(c.var.db, c.var.user, c.req.valid("param").id);
    if (event.kind !== "class") throw new ApiError(409, "not_class", "error.not_class");
    const rows = await listObservations(c.var.db, event.id);
    return c.json({
      criteria: criterionLabels(c.var.lang),
      observations: rows.map((r) => ({
        userId: r.userId,
        observer: r.observerName || r.observerEmail,
        mine: r.userId === c.var.user.id,
        scores: Object.fromEntries(CRITERIA.map((k) => [k, r[k]])),
        note: r.note,
        observedOn: r.observedOn,
        updatedAt: r.updatedAt,
      })),
    });
  })
  .put(
    "/:id/observation",
    requireStaff("inspector", "admin"),
    validate("param", idParam),
    validate("json", body),
    async (c) => {
      const event = await eventInScope(c.var.db, c.var.user, c.req.valid("param").id);
      if (event.kind !== "class") throw new ApiError(409, "not_class", "error.not_class");
      const b = c.req.valid("json");
      const scores = Object.fromEntries(
        CRITERIA.flatMap((k) => (b.scores[k] === null ? [] : [[k, b.scores[k]]])),
      );
      if (Object.keys(scores).length === 0) throw invalidBody({ scores: { key: "field.required" } });
      await saveObservation(c.env.DB, c.var.db, {
        eventId: event.id,
        userId: c.var.user.id,
        scores,
        note: b.note,
        observedOn: b.observedOn,
        now: new Date().toISOString(),
      });
      return c.json({ ok: true });
    },
  );
