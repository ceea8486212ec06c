// The public API of the brief: an event's form, and submitting a response (idempotent by clientId).
import { Hono } from "hono";
import * as v from "valibot";
import type { DB } from "../db";
import { findEventByCode, loadQuestions } from "../db/events";
import { listPublicProposals } from "../db/proposals";
import { writerOf } from "../device";
import type { StoredQuestion } from "../domain/answers";
import { cleanText } from "../domain/answers";
import { normaliseEventCode } from "../domain/eventCode";
import { limitsFor } from "../domain/limits";
import { ADDRESSEE_CHOICES, AUTHOR_MAX, PROPOSAL_MAX } from "../domain/proposal";
import type { AppEnv } from "../env";
import { ApiError } from "../errors";
import { type Lang, t } from "../i18n";
import { CLIENT_ID_PATTERN, isOpen, submitResponse } from "../submission";
import { intId, jsonObject, text, validate } from "../validate";
import { submitProposal, supportProposal } from "../workshop";

export const CLIENT_ID = v.pipe(v.string("field.type_string"), v.regex(CLIENT_ID_PATTERN, "field.invalid"));
export const RESPONDENT_ROLE = v.picklist(["trainee", "lecturer"], "field.invalid");

const responseBody = jsonObject({
  clientId: CLIENT_ID,
  role: RESPONDENT_ROLE,
  answers: v.pipe(
    v.record(v.string(), v.unknown(), "field.type_object"),
    v.check((o) => Object.keys(o).length <= 100, "field.too_many"),
  ),
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
});

export const proposalSchema = jsonObject({
  clientId: CLIENT_ID,
  text: v.pipe(
    v.string("field.type_string"),
    v.transform(cleanText),
    v.minLength(1, "field.required"),
    v.maxLength(PROPOSAL_MAX, "field.too_long"),
  ),
  addressee: v.optional(v.nullable(v.picklist(ADDRESSEE_CHOICES, "field.invalid")), null),
  authorName: v.optional(v.nullable(text(AUTHOR_MAX)), null),
  authorUnit: v.optional(v.nullable(text(AUTHOR_MAX)), null),
});

type ProposalBody = v.InferOutput<typeof proposalSchema>;

/** Empty author fields mean anonymous; "unsure" means the delegate left the addressee open. */
export function proposalInput(b: ProposalBody) {
  return {
    clientId: b.clientId,
    text: b.text,
    addressee: b.addressee === "unsure" ? null : b.addressee,
    authorName: b.authorName || null,
    authorUnit: b.authorUnit || null,
  };
}

const supportBody = jsonObject({ clientId: CLIENT_ID });
const listQuery = v.object({ sort: v.optional(v.picklist(["new", "top"], "field.invalid"), "new") });

export function publicProposal(p: Awaited<ReturnType<typeof listPublicProposals>>[number]) {
  return {
    id: p.id,
    text: p.text,
    supports: p.supports,
    authorName: p.authorName,
    authorUnit: p.authorUnit,
    createdAt: p.createdAt,
    followStatus: p.followStatus,
    followNote: p.followNote,
  };
}

const codeParam = v.object({ code: v.pipe(v.string(), v.maxLength(32)) });

export async function eventByCodeOr404(db: DB, rawCode: string) {
  const code = normaliseEventCode(rawCode);
  const event = code ? await findEventByCode(db, code) : undefined;
  if (!event) throw new ApiError(404, "event_not_found", "error.event_not_found");
  return event;
}

export function publicQuestion(q: StoredQuestion, lang: Lang) {
  const label = (x: { labelVi: string; labelEn: string }) => (lang === "en" ? x.labelEn : x.labelVi);
  const options =
    q.type === "rating"
      ? ([1, 2, 3, 4, 5] as const).map((n) => ({ value: n, label: t(lang, `page.scale_${n}`) }))
      : q.type === "choice"
        ? (q.options ?? []).map((o) => ({ value: o.value, label: label(o) }))
        : null;
  return {
    id: q.id,
    type: q.type,
    label: label(q),
    required: q.required,
    options,
    ...(q.type === "text" ? { maxLength: q.maxLength } : {}),
  };
}

export const publicRoutes = new Hono<AppEnv>()
  .get("/events/:code", validate("param", codeParam), async (c) => {
    const event = await eventByCodeOr404(c.var.db, c.req.valid("param").code);
    const questions = event.formId === null ? [] : await loadQuestions(c.var.db, event.formId);
    return c.json({
      code: event.code,
      title: event.title,
      kind: event.kind,
      status: isOpen(event, new Date()) ? ("open" as const) : ("closed" as const),
      unit: event.unitName,
      question: event.question,
      questions: questions.map((q) => publicQuestion(q, c.var.lang)),
    });
  })
  .post(
    "/events/:code/responses",
    validate("param", codeParam),
    validate("json", responseBody),
    async (c) => {
      const event = await eventByCodeOr404(c.var.db, c.req.valid("param").code);
      const now = new Date();
      const limits = limitsFor("response", event.id, writerOf(c), now);
      const result = await submitResponse(c.env.DB, c.var.db, event, c.req.valid("json"), now, limits);
      // D1's own count of rows this submission wrote (billing), for monitoring and the benchmark.
      c.header("Server-Timing", `d1;desc="rows_written=${result.rowsWritten}"`);
      return c.json({ id: result.id }, result.created ? 201 : 200);
    },
  )
  .get("/events/:code/proposals", validate("param", codeParam), validate("query", listQuery), async (c) => {
    const event = await eventByCodeOr404(c.var.db, c.req.valid("param").code);
    if (event.kind !== "workshop") throw new ApiError(404, "event_not_found", "error.event_not_found");
    const rows = await listPublicProposals(c.var.db, event.id, c.req.valid("query").sort, 300);
    return c.json({
      status: isOpen(event, new Date()) ? ("open" as const) : ("closed" as const),
      proposals: rows.map(publicProposal),
    });
  })
  .post(
    "/events/:code/proposals",
    validate("param", codeParam),
    validate("json", proposalSchema),
    async (c) => {
      const event = await eventByCodeOr404(c.var.db, c.req.valid("param").code);
      if (event.kind !== "workshop") throw new ApiError(404, "event_not_found", "error.event_not_found");
      const now = new Date();
      const result = await submitProposal(
        c.env.DB,
        c.var.db,
        event,
        proposalInput(c.req.valid("json")),
        now,
        limitsFor("proposal", event.id, writerOf(c), now),
      );
      c.header("Server-Timing", `d1;desc="rows_written=${result.rowsWritten}"`);
      return c.json({ id: result.id }, result.created ? 201 : 200);
    },
  )
  .post(
    "/proposals/:id/supports",
    validate("param", v.object({ id: intId })),
    validate("json", supportBody),
    async (c) => {
      const result = await supportProposal(
        c.env.DB,
        c.var.db,
        c.req.valid("param").id,
        c.req.valid("json").clientId,
        new Date(),
        { writer: writerOf(c) },
      );
      return c.json(
        { id: result.id, supports: result.supports, supported: true },
        result.created ? 201 : 200,
      );
    },
  );
