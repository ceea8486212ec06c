// The public API of the brief: an event's form, submitting a response, and a workshop's proposals and supports.
import { Hono } from "hono";
import * as v from "valibot";
import { isOpen } from "../domain/event";
import { PUBLIC_LIST_MAX } from "../domain/proposal";
import { servedMsOf, writerOf } from "../http/device";
import type { AppEnv } from "../http/env";
import {
  answersBody,
  clientId,
  codeParam,
  idParam,
  proposalBody,
  proposalInput,
  respondentRole,
} from "../http/params";
import { countQuery, jsonObject, validate } from "../http/validate";
import { listProposals, submitProposal, supportProposal } from "../services/proposals";
import { eventByCode, publicEvent, workshopByCode } from "../services/public";
import { submitResponse } from "../services/responses";

const responseBody = jsonObject({
  clientId,
  role: respondentRole,
  answers: answersBody,
  // How long the person took, measured by the phone; a week is far more than any survey.
  elapsedMs: v.optional(
    v.nullable(
      v.pipe(
        v.number("field.type_integer"),
        v.integer("field.type_integer"),
        v.minValue(0, "field.invalid"),
        v.maxValue(7 * 86400_000, "field.invalid"),
      ),
    ),
    null,
  ),
  // The page's signed stamp of when it was served: the server's own measure of how long she took.
  shownAt: v.optional(
    v.nullable(v.pipe(v.string("field.type_string"), v.maxLength(80, "field.too_long"))),
    null,
  ),
});

const supportBody = jsonObject({ clientId });
const listQuery = v.object({
  sort: v.optional(v.picklist(["new", "top"], "field.invalid"), "new"),
  cursor: v.optional(v.pipe(v.string(), v.regex(/^\d{1,6}$/, "field.invalid"), v.transform(Number))),
  // As many as the page lists (its first few, or all); 300 at most.
  limit: v.optional(countQuery(PUBLIC_LIST_MAX)),
});

export const publicRoutes = new Hono<AppEnv>()
  .get("/events/:code", validate("param", codeParam), async (c) =>
    c.json(await publicEvent(c.var.db, c.req.valid("param").code, c.var.lang, new Date())),
  )
  .post(
    "/events/:code/responses",
    validate("param", codeParam),
    validate("json", responseBody),
    async (c) => {
      const event = await eventByCode(c.var.db, c.req.valid("param").code);
      const now = new Date();
      const { clientId, role, answers, elapsedMs, shownAt } = c.req.valid("json");
      const result = await submitResponse(
        c.var.db,
        event,
        { clientId, role, answers },
        {
          kind: "phone",
          writer: await writerOf(c),
          servedMs: await servedMsOf(c, shownAt, now),
          claimedMs: elapsedMs,
        },
        now,
      );
      return c.json({ id: result.id }, result.created ? 201 : 200);
    },
  )
  .get("/events/:code/proposals", validate("param", codeParam), validate("query", listQuery), async (c) => {
    const event = await workshopByCode(c.var.db, c.req.valid("param").code);
    const { sort, cursor = 0, limit } = c.req.valid("query");
    const { items, total } = await listProposals(c.var.db, event.id, sort, cursor, limit);
    // 300 at a time unless fewer are asked for; the page says how many it shows of how many.
    return c.json({
      status: isOpen(event, new Date()) ? ("open" as const) : ("closed" as const),
      items,
      total,
      next: cursor + items.length < total ? cursor + items.length : null,
    });
  })
  .post(
    "/events/:code/proposals",
    validate("param", codeParam),
    validate("json", proposalBody),
    async (c) => {
      const event = await workshopByCode(c.var.db, c.req.valid("param").code);
      const now = new Date();
      const result = await submitProposal(
        c.var.db,
        event,
        proposalInput(c.req.valid("json")),
        await writerOf(c),
        now,
      );
      return c.json({ id: result.id }, result.created ? 201 : 200);
    },
  )
  .post("/proposals/:id/supports", validate("param", idParam), validate("json", supportBody), async (c) => {
    const result = await supportProposal(
      c.var.db,
      c.req.valid("param").id,
      c.req.valid("json").clientId,
      new Date(),
      { writer: await writerOf(c) },
    );
    return c.json({ id: result.id, supports: result.supports, supported: true }, result.created ? 201 : 200);
  });
