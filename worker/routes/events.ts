// Staff work on events: create a class with its form, watch it, edit the form, close it, read the report.
import { Hono } from "hono";
import * as v from "valibot";
import { assertInScope, requireStaff } from "../auth";
import type { DB } from "../db";
import { deleteEventData, loadResponsesWithAnswers } from "../db/eventData";
import {
  closeEvent,
  createEvent,
  type EventRow,
  findEventById,
  formVersion,
  listEventsInScope,
  loadQuestions,
  replaceEventForm,
} from "../db/events";
import { listObservations } from "../db/observations";
import { findProgramme } from "../db/programmes";
import { loadEventProposals } from "../db/proposals";
import { loadComments, loadCounts } from "../db/responses";
import { findUnitById } from "../db/units";
import { toCsv } from "../domain/csv";
import { generateEventCode } from "../domain/eventCode";
import {
  COMMENT_MAX,
  type QuestionDef,
  STANDARD_FORM,
  STANDARD_FORM_TITLE,
  TRAINEE_CATEGORIES,
} from "../domain/form";
import { buildReport, MIN_RESPONSES_FOR_DETAIL } from "../domain/report";
import type { AppEnv, StaffUser } from "../env";
import { ApiError, invalidBody, notFound } from "../errors";
import { isOpen } from "../submission";
import { intId, isoTime, jsonObject, requiredText, text, validate } from "../validate";

const optionSchema = v.strictObject(
  {
    value: v.pipe(v.string("field.type_string"), v.regex(/^[a-z0-9_]{1,40}$/, "field.invalid")),
    labelVi: requiredText(200),
    labelEn: text(200),
  },
  "field.type_object",
);

const questionSchema = v.strictObject(
  {
    type: v.picklist(["rating", "choice", "text"], "field.invalid"),
    criterion: v.nullable(
      v.pipe(v.string("field.type_string"), v.regex(/^[a-z0-9_]{1,40}$/, "field.invalid")),
    ),
    labelVi: requiredText(300),
    labelEn: text(300),
    required: v.boolean("field.invalid"),
    options: v.nullable(v.pipe(v.array(optionSchema, "field.type_array"), v.maxLength(20, "field.too_many"))),
    maxLength: v.nullable(
      v.pipe(
        v.number("field.type_integer"),
        v.integer("field.type_integer"),
        v.minValue(1, "field.invalid"),
        v.maxValue(5000, "field.invalid"),
      ),
    ),
  },
  "field.type_object",
);

const formSchema = jsonObject({
  title: requiredText(200),
  questions: v.pipe(
    v.array(questionSchema, "field.type_array"),
    v.minLength(1, "field.required"),
    v.maxLength(50, "field.too_many"),
  ),
});

const positiveInt = v.pipe(
  v.number("field.positive"),
  v.integer("field.positive"),
  v.minValue(1, "field.positive"),
  v.maxValue(10_000, "field.positive"),
);

const createBody = jsonObject({
  kind: v.picklist(["class", "workshop"], "field.invalid"),
  title: requiredText(200),
  unitId: intId,
  startsAt: isoTime,
  endsAt: isoTime,
  closesAt: v.optional(isoTime),
  expectedParticipants: positiveInt,
  lecturers: v.optional(text(300), ""),
  traineeCategory: v.optional(v.nullable(v.picklist(TRAINEE_CATEGORIES, "field.invalid")), null),
  form: v.optional(formSchema),
  question: v.optional(v.nullable(text(500)), null),
  programmeId: v.optional(v.nullable(intId), null),
});

export const idParam = v.object({ id: intId });

type FormInput = v.InferOutput<typeof formSchema>;

/** Fills defaults and checks what the schema cannot: choice questions need options. */
function toQuestionDefs(form: FormInput): QuestionDef[] {
  const fields: Record<string, { key: "field.required" }> = {};
  const defs = form.questions.map((q, i) => {
    if (q.type === "choice" && (q.options === null || q.options.length < 2)) {
      fields[`form.questions.${i}.options`] = { key: "field.required" };
    }
    return {
      type: q.type,
      criterion: q.criterion,
      labelVi: q.labelVi,
      labelEn: q.labelEn || q.labelVi,
      required: q.required,
      options:
        q.type === "choice"
          ? (q.options ?? []).map((o) => ({ ...o, labelEn: o.labelEn || o.labelVi }))
          : null,
      maxLength: q.type === "text" ? (q.maxLength ?? COMMENT_MAX) : null,
    };
  });
  if (Object.keys(fields).length > 0) throw invalidBody(fields);
  return defs;
}

export async function eventInScope(db: DB, user: StaffUser, id: number): Promise<EventRow> {
  const event = await findEventById(db, id);
  if (!event) throw notFound();
  assertInScope(user, event.unitPath);
  return event;
}

function eventSummary(e: EventRow, now: Date) {
  return {
    id: e.id,
    code: e.code,
    kind: e.kind,
    title: e.title,
    unitId: e.unitId,
    unitName: e.unitName,
    startsAt: e.startsAt,
    endsAt: e.endsAt,
    closesAt: e.closesAt,
    expectedParticipants: e.expectedParticipants,
    lecturers: e.lecturers,
    traineeCategory: e.traineeCategory,
    programmeId: e.programmeId,
    status: isOpen(e, now) ? ("open" as const) : ("closed" as const),
    closedAt: e.closedAt,
    responses: e.responseCount,
    tooFast: e.fastCount,
    question: e.question,
  };
}

async function reportFor(db: DB, event: EventRow, lang: "vi" | "en") {
  const [counts, comments] = await Promise.all([loadCounts(db, event.id), loadComments(db, event.id, 2000)]);
  return buildReport({
    lang,
    responses: event.responseCount,
    expected: event.expectedParticipants,
    counts,
    comments,
  });
}

export const organisers = ["admin", "organiser"] as const;

const deleteBody = jsonObject({
  confirm: v.pipe(
    v.string("field.type_string"),
    v.maxLength(32, "field.too_long"),
    v.trim(),
    v.toUpperCase(),
  ),
});

export const eventRoutes = new Hono<AppEnv>()
  .get("/", requireStaff(), async (c) => {
    const events = await listEventsInScope(c.var.db, c.var.user.unitPath, 200);
    const now = new Date();
    return c.json(events.map((e) => eventSummary(e, now)));
  })
  .post("/", requireStaff(...organisers), validate("json", createBody), async (c) => {
    const body = c.req.valid("json");
    const user = c.var.user;
    if (new Date(body.endsAt) <= new Date(body.startsAt)) {
      throw invalidBody({ endsAt: { key: "field.ends_before_start" } });
    }
    const closesAt = body.closesAt ?? new Date(new Date(body.endsAt).getTime() + 86400_000).toISOString();
    if (new Date(closesAt) <= new Date(body.startsAt)) {
      throw invalidBody({ closesAt: { key: "field.ends_before_start" } });
    }
    const unit = await findUnitById(c.var.db, body.unitId);
    if (!unit) throw invalidBody({ unitId: { key: "field.unit_not_found" } });
    if (!unit.path.startsWith(user.unitPath)) {
      throw new ApiError(403, "out_of_scope", "error.out_of_scope", {
        unitId: { key: "field.unit_not_found" },
      });
    }
    if (!unit.active) throw invalidBody({ unitId: { key: "field.unit_inactive" } });
    if (body.programmeId !== null) {
      const programme = await findProgramme(c.var.db, body.programmeId);
      // A programme run by a unit covers the classes of its whole subtree.
      if (!programme || !unit.path.startsWith(programme.unitPath)) {
        throw invalidBody({ programmeId: { key: "field.not_found" } });
      }
    }
    const form =
      body.kind === "class"
        ? body.form
          ? { title: body.form.title, questions: toQuestionDefs(body.form) }
          : { title: STANDARD_FORM_TITLE, questions: STANDARD_FORM }
        : null;
    const now = new Date().toISOString();
    // A fresh code collides about once in 10^8 events: one retry is plenty.
    for (let attempt = 0; ; attempt++) {
      const code = generateEventCode();
      try {
        const id = await createEvent(
          c.env.DB,
          c.var.db,
          {
            code,
            kind: body.kind,
            title: body.title,
            unitId: unit.id,
            startsAt: body.startsAt,
            endsAt: body.endsAt,
            closesAt,
            expectedParticipants: body.expectedParticipants,
            lecturers: body.lecturers,
            traineeCategory: body.traineeCategory,
            question: body.kind === "workshop" ? body.question || null : null,
            programmeId: body.kind === "class" ? body.programmeId : null,
            createdBy: user.id,
            now,
          },
          { path: unit.thenPath, nowPath: unit.path },
          form,
        );
        return c.json({ id, code }, 201);
      } catch (err) {
        if (attempt >= 2 || !(err instanceof Error) || !/UNIQUE.*events\.code/i.test(err.message)) throw err;
      }
    }
  })
  .get("/:id", requireStaff(), validate("param", idParam), async (c) => {
    const event = await eventInScope(c.var.db, c.var.user, c.req.valid("param").id);
    const form = event.formId === null ? undefined : await formVersion(c.var.db, event.formId);
    const questions = event.formId === null ? [] : await loadQuestions(c.var.db, event.formId);
    return c.json({
      ...eventSummary(event, new Date()),
      surveyUrl: `${new URL(c.req.url).origin}/s/${event.code}`,
      form: form ? { ...form, questions } : null,
    });
  })
  .put(
    "/:id/form",
    requireStaff(...organisers),
    validate("param", idParam),
    validate("json", formSchema),
    async (c) => {
      const event = await eventInScope(c.var.db, c.var.user, c.req.valid("param").id);
      if (event.kind !== "class") throw new ApiError(409, "form_locked", "error.form_locked");
      const body = c.req.valid("json");
      await replaceEventForm(
        c.env.DB,
        c.var.db,
        event,
        { title: body.title, questions: toQuestionDefs(body) },
        new Date().toISOString(),
      );
      return c.json({ ok: true });
    },
  )
  .post("/:id/close", requireStaff(...organisers), validate("param", idParam), async (c) => {
    const event = await eventInScope(c.var.db, c.var.user, c.req.valid("param").id);
    await closeEvent(c.var.db, event.id, new Date().toISOString());
    return c.json({ ok: true, status: "closed" as const });
  })
  .get("/:id/report", requireStaff(), validate("param", idParam), async (c) => {
    const event = await eventInScope(c.var.db, c.var.user, c.req.valid("param").id);
    return c.json({
      event: eventSummary(event, new Date()),
      ...(await reportFor(c.var.db, event, c.var.lang)),
    });
  })
  // The organiser's copy of everything the event holds; raw answers only from 5 responses up.
  .get("/:id/export.json", requireStaff(...organisers), validate("param", idParam), async (c) => {
    const event = await eventInScope(c.var.db, c.var.user, c.req.valid("param").id);
    const db = c.var.db;
    const [questions, responses, proposals, observations] = await Promise.all([
      event.formId === null ? [] : loadQuestions(db, event.formId),
      loadResponsesWithAnswers(db, event.id),
      event.kind === "workshop" ? loadEventProposals(db, event.id) : [],
      listObservations(db, event.id),
    ]);
    const detail = responses.length >= MIN_RESPONSES_FOR_DETAIL;
    const data = {
      exportedAt: new Date().toISOString(),
      event: eventSummary(event, new Date()),
      questions: questions.map((q) => ({
        id: q.id,
        type: q.type,
        criterion: q.criterion,
        labelVi: q.labelVi,
        labelEn: q.labelEn,
      })),
      responseCount: responses.length,
      responses: detail ? responses : null,
      proposals: proposals.map(({ clientId: _c, bodyHash: _b, ...p }) => p),
      observations,
    };
    return c.body(JSON.stringify(data, null, 1), 200, {
      "Content-Type": "application/json; charset=utf-8",
      "Content-Disposition": `attachment; filename="du-lieu-${event.code}.json"`,
    });
  })
  // Deletes the event and all its answers; the typed code guards against a slip of the hand.
  .delete(
    "/:id",
    requireStaff(...organisers),
    validate("param", idParam),
    validate("json", deleteBody),
    async (c) => {
      const event = await eventInScope(c.var.db, c.var.user, c.req.valid("param").id);
      if (c.req.valid("json").confirm !== event.code) {
        throw invalidBody({ confirm: { key: "field.confirm_code" } });
      }
      await deleteEventData(c.env.DB, c.var.db, event.id);
      return c.json({ ok: true, deleted: event.id });
    },
  )
  .get("/:id/report.csv", requireStaff(), validate("param", idParam), async (c) => {
    const event = await eventInScope(c.var.db, c.var.user, c.req.valid("param").id);
    const r = await reportFor(c.var.db, event, c.var.lang);
    const en = c.var.lang === "en";
    const rows: (string | number | null)[][] = [
      [en ? "Class" : "Lớp", event.title],
      [en ? "Code" : "Mã", event.code],
      [en ? "Responses" : "Số phiếu", r.responses],
      [en ? "Expected" : "Dự kiến", r.expected],
      [en ? "Overall (1-5)" : "Điểm chung (1-5)", r.overall],
      [],
      [en ? "Criterion" : "Tiêu chí", en ? "Mean" : "Điểm TB", "n", "1", "2", "3", "4", "5"],
      ...r.criteria.map((cr) => [
        cr.label,
        cr.mean,
        cr.n,
        ...(cr.distribution
          ? (["1", "2", "3", "4", "5"] as const).map((k) => cr.distribution?.[k] ?? 0)
          : []),
      ]),
      [],
      [en ? "Recommendations" : "Kiến nghị, đề xuất"],
      ...(r.comments ?? []).map((cm) => [cm.text]),
    ];
    return c.body(toCsv(rows), 200, {
      "Content-Type": "text/csv; charset=utf-8",
      "Content-Disposition": `attachment; filename="bao-cao-${event.code}.csv"`,
    });
  });
