// The public API of the brief: an event's form, and submitting a response (idempotent by clientId).
import { Hono } from "hono";
import * as v from "valibot";
import type { DB } from "../db";
import { findEventByCode, loadQuestions } from "../db/events";
import type { StoredQuestion } from "../domain/answers";
import { normaliseEventCode } from "../domain/eventCode";
import type { AppEnv } from "../env";
import { ApiError } from "../errors";
import { type Lang, t } from "../i18n";
import { CLIENT_ID_PATTERN, isOpen, submitResponse } from "../submission";
import { jsonObject, validate } from "../validate";

export const CLIENT_ID = v.pipe(v.string("field.type_string"), v.regex(CLIENT_ID_PATTERN, "field.invalid"));
export const RESPONDENT_ROLE = v.picklist(["trainee", "lecturer"], "field.invalid");

const responseBody = jsonObject({
  clientId: CLIENT_ID,
  role: RESPONDENT_ROLE,
  answers: v.pipe(
    v.record(v.string(), v.unknown(), "field.type_object"),
    v.check((o) => Object.keys(o).length <= 100, "field.too_many"),
  ),
});

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
      questions: questions.map((q) => publicQuestion(q, c.var.lang)),
    });
  })
  .post(
    "/events/:code/responses",
    validate("param", codeParam),
    validate("json", responseBody),
    async (c) => {
      const event = await eventByCodeOr404(c.var.db, c.req.valid("param").code);
      const result = await submitResponse(c.env.DB, c.var.db, event, c.req.valid("json"), new Date());
      // D1's own count of rows this submission wrote (billing), for monitoring and the benchmark.
      c.header("Server-Timing", `d1;desc="rows_written=${result.rowsWritten}"`);
      return c.json({ id: result.id }, result.created ? 201 : 200);
    },
  );
