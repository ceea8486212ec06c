// Staff work on events: create a class with its form, watch it, edit the form, close it, read the report.
import { Hono } from "hono";
import * as v from "valibot";
import { PAPER_SHEETS } from "../domain/event";
import { EVENT_KINDS, ORGANISERS, TRAINEE_CATEGORIES } from "../domain/terms";
import { audited } from "../http/audit";
import { allow } from "../http/auth";
import type { AppEnv } from "../http/env";
import { sendTable } from "../http/files";
import { answersBody, formSchema, idParam, respondentRole } from "../http/params";
import { day, intId, isoTime, jsonObject, pageEntries, requiredText, text, validate } from "../http/validate";
import {
  closeSurvey,
  correctExpected,
  createNewEvent,
  deleteEvent,
  enterPaperSheet,
  eventDetail,
  exportEvent,
  listEvents,
  paperPrinted,
  replaceForm,
  reportOf,
} from "../services/events";
import { answersTable, reportTable } from "../services/exports";

const positiveInt = v.pipe(
  v.number("field.positive"),
  v.integer("field.positive"),
  v.minValue(1, "field.positive"),
  v.maxValue(10_000, "field.positive"),
);

const createBody = jsonObject({
  kind: v.picklist(EVENT_KINDS, "field.invalid"),
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
  templateId: v.optional(v.nullable(intId), null),
});

/** A paper sheet as the entry screen sends it; the serial's format is checked against the event's code. */
const paperBody = jsonObject({
  sheet: v.pipe(v.string("field.type_string"), v.trim(), v.toUpperCase(), v.maxLength(20, "field.too_long")),
  role: v.optional(respondentRole, "trainee"),
  answers: answersBody,
  // The organiser saw that the class already has as many responses as expected, and goes on.
  confirmOverExpected: v.optional(v.boolean("field.type_boolean"), false),
});

const listQuery = v.strictObject(
  {
    ...pageEntries(200),
    kind: v.optional(v.picklist(EVENT_KINDS, "field.invalid")),
    status: v.optional(v.picklist(["open", "closed"], "field.invalid")),
    from: v.optional(day),
    to: v.optional(day),
  },
  "field.type_object",
);

const deleteBody = jsonObject({
  confirm: v.pipe(
    v.string("field.type_string"),
    v.maxLength(32, "field.too_long"),
    v.trim(),
    v.toUpperCase(),
  ),
});

export const eventRoutes = new Hono<AppEnv>()
  .get("/", validate("query", listQuery), async (c) =>
    c.json(await listEvents(c.var.db, c.var.user, c.req.valid("query"), new Date())),
  )
  .post("/", audited("event_create"), allow(...ORGANISERS), validate("json", createBody), async (c) => {
    const created = await createNewEvent(c.var.db, c.var.user, c.req.valid("json"), new Date());
    c.set("auditEventId", created.id);
    return c.json(created, 201);
  })
  .get("/:id", validate("param", idParam), async (c) => {
    const event = await eventDetail(c.var.db, c.var.user, c.req.valid("param").id, new Date());
    return c.json({ ...event, surveyUrl: `${new URL(c.req.url).origin}/s/${event.code}` });
  })
  .put(
    "/:id/form",
    audited("form_edit"),
    allow(...ORGANISERS),
    validate("param", idParam),
    validate("json", formSchema),
    async (c) => {
      await replaceForm(c.var.db, c.var.user, c.req.valid("param").id, c.req.valid("json"), new Date());
      return c.json({ ok: true });
    },
  )
  .patch(
    "/:id",
    audited("event_edit"),
    allow(...ORGANISERS),
    validate("param", idParam),
    validate("json", jsonObject({ expectedParticipants: positiveInt })),
    async (c) => {
      const { expectedParticipants } = c.req.valid("json");
      await correctExpected(c.var.db, c.var.user, c.req.valid("param").id, expectedParticipants);
      return c.json({ ok: true, expectedParticipants });
    },
  )
  .post(
    "/:id/paper-responses",
    audited("paper_entry"),
    allow(...ORGANISERS),
    validate("param", idParam),
    validate("json", paperBody),
    async (c) => {
      const body = c.req.valid("json");
      const stored = await enterPaperSheet(c.var.db, c.var.user, c.req.valid("param").id, body, new Date());
      c.set("auditTarget", body.sheet);
      return c.json({ id: stored.id, sheet: body.sheet, paper: true as const }, stored.created ? 201 : 200);
    },
  )
  .post(
    "/:id/paper-printed",
    audited("paper_print"),
    allow(...ORGANISERS),
    validate("param", idParam),
    validate(
      "json",
      jsonObject({
        from: v.pipe(positiveInt, v.maxValue(PAPER_SHEETS.lastSerial, "field.positive")),
        count: v.pipe(positiveInt, v.maxValue(PAPER_SHEETS.perBatch, "field.positive")),
      }),
    ),
    async (c) => {
      const { from, count } = c.req.valid("json");
      await paperPrinted(c.var.db, c.var.user, c.req.valid("param").id, from, count);
      return c.json({ ok: true });
    },
  )
  .post("/:id/close", audited("event_close"), allow(...ORGANISERS), validate("param", idParam), async (c) => {
    await closeSurvey(c.var.db, c.var.user, c.req.valid("param").id, new Date());
    return c.json({ ok: true, status: "closed" as const });
  })
  .get("/:id/report", validate("param", idParam), async (c) =>
    c.json(await reportOf(c.var.db, c.var.user, c.req.valid("param").id, c.var.lang, new Date())),
  )
  .get(
    "/:id/export.json",
    audited("export_json"),
    allow(...ORGANISERS),
    validate("param", idParam),
    async (c) => {
      const { event, data } = await exportEvent(c.var.db, c.var.user, c.req.valid("param").id, new Date());
      return c.body(JSON.stringify(data, null, 1), 200, {
        "Content-Type": "application/json; charset=utf-8",
        "Content-Disposition": `attachment; filename="du-lieu-${event.code}.json"`,
      });
    },
  )
  .delete(
    "/:id",
    audited("event_delete"),
    allow(...ORGANISERS),
    validate("param", idParam),
    validate("json", deleteBody),
    async (c) => {
      const deleted = await deleteEvent(
        c.var.db,
        c.var.user,
        c.req.valid("param").id,
        c.req.valid("json").confirm,
      );
      return c.json({ ok: true, deleted });
    },
  )
  .get("/:id/report.csv", audited("report_csv"), validate("param", idParam), async (c) =>
    sendTable(c, "csv", await reportTable(c.var.db, c.var.user, c.req.valid("param").id, c.var.lang)),
  )
  .get("/:id/report.xlsx", audited("report_xlsx"), validate("param", idParam), async (c) =>
    sendTable(c, "xlsx", await reportTable(c.var.db, c.var.user, c.req.valid("param").id, c.var.lang)),
  )
  .get(
    "/:id/answers.csv",
    audited("answers_csv"),
    allow(...ORGANISERS),
    validate("param", idParam),
    async (c) =>
      sendTable(c, "csv", await answersTable(c.var.db, c.var.user, c.req.valid("param").id, c.var.lang)),
  )
  .get(
    "/:id/answers.xlsx",
    audited("answers_xlsx"),
    allow(...ORGANISERS),
    validate("param", idParam),
    async (c) =>
      sendTable(c, "xlsx", await answersTable(c.var.db, c.var.user, c.req.valid("param").id, c.var.lang)),
  );
