// Events (classes, workshops) with their versioned survey forms.
import { sql } from "kysely";
import type { StoredQuestion } from "../domain/answers";
import type { ChoiceOption, QuestionDef } from "../domain/form";
import type { EventKind, Scope } from "../domain/terms";
import type { Db } from ".";
import { searchPattern } from "./search";
import { classStatsInsert } from "./stats";
import { inSubtree, unitPaths } from "./subtree";

export interface EventRow {
  id: number;
  code: string;
  kind: EventKind;
  title: string;
  unitId: number;
  /** The unit's place in today's tree (scope checks); unitThenPath is the tree at the time. */
  unitPath: string;
  unitThenPath: string;
  unitName: string;
  startsAt: string;
  endsAt: string;
  closesAt: string;
  expectedParticipants: number;
  lecturers: string;
  traineeCategory: string | null;
  formId: number | null;
  status: "open" | "closed";
  closedAt: string | null;
  responseCount: number;
  /** Responses set aside as too fast (stored, not counted). */
  fastCount: number;
  /** Of responseCount, those typed in from paper sheets. */
  paperCount: number;
  /** Of responseCount, the lecturers'. */
  lecturerCount: number;
  createdAt: string;
  question: string | null;
  programmeId: number | null;
  /** A workshop's lessons reach the units above its own too. */
  shareLessons: number;
  /** The highest paper-sheet serial printed. */
  paperPrintedTo: number;
  /** The class's length in days. */
  days: number;
}

function selectEvents(db: Db) {
  return db
    .selectFrom("events as e")
    .innerJoin("units as u", "u.id", "e.unit_id")
    .select([
      "e.id",
      "e.code",
      "e.kind",
      "e.title",
      "e.unit_id as unitId",
      "u.now_path as unitPath",
      "u.path as unitThenPath",
      "u.name as unitName",
      "e.starts_at as startsAt",
      "e.ends_at as endsAt",
      "e.closes_at as closesAt",
      "e.expected_participants as expectedParticipants",
      "e.lecturers",
      "e.trainee_category as traineeCategory",
      "e.form_id as formId",
      "e.status",
      "e.closed_at as closedAt",
      "e.response_count as responseCount",
      "e.share_lessons as shareLessons",
      "e.paper_printed_to as paperPrintedTo",
      "e.days",
      "e.fast_count as fastCount",
      "e.paper_count as paperCount",
      "e.lecturer_count as lecturerCount",
      "e.created_at as createdAt",
      "e.question",
      "e.programme_id as programmeId",
    ]);
}

export async function findEventByCode(db: Db, code: string): Promise<EventRow | undefined> {
  return selectEvents(db).where("e.code", "=", code).executeTakeFirst();
}

export async function findEventById(db: Db, id: number): Promise<EventRow | undefined> {
  return selectEvents(db).where("e.id", "=", id).executeTakeFirst();
}

/** What the class list asks for: a search, a kind, and a page of it. */
export interface EventFilter {
  /** Part of a title, a code or a unit's name. */
  q: string | null;
  kind: EventKind | null;
  /** Open: taking answers now (status open, closing time ahead); closed: the others. */
  status: { open: boolean; now: string } | null;
  /** Starts at or after / before these instants. */
  startsFrom: string | null;
  startsBefore: string | null;
  limit: number;
  offset: number;
}

/** A page of the scope's events, newest first, and how many match in all (one batch). */
export async function listEventsInScope(db: Db, scope: Scope, f: EventFilter) {
  let q = selectEvents(db).where(inSubtree(scope, unitPaths("u")));
  if (f.kind !== null) q = q.where("e.kind", "=", f.kind);
  if (f.startsFrom !== null) q = q.where("e.starts_at", ">=", f.startsFrom);
  if (f.startsBefore !== null) q = q.where("e.starts_at", "<", f.startsBefore);
  const status = f.status;
  if (status !== null) {
    // The rule of domain/event#isOpen, in SQL.
    q = q.where((eb) => {
      const open = eb.and([eb("e.status", "=", "open"), eb("e.closes_at", ">", status.now)]);
      return status.open ? open : eb.not(open);
    });
  }
  if (f.q !== null) {
    const pattern = searchPattern(f.q);
    q = q.where((eb) =>
      eb.or(
        (["e.search", "u.search"] as const).map(
          (c) => sql<boolean>`${eb.ref(c)} LIKE ${pattern} ESCAPE '\\'`,
        ),
      ),
    );
  }
  const [page, total] = await db.batch([
    q.orderBy("e.starts_at", "desc").orderBy("e.id", "desc").limit(f.limit).offset(f.offset),
    q.clearSelect().select((eb) => eb.fn.countAll<number>().as("n")),
  ]);
  return { rows: page.rows satisfies EventRow[], total: total.rows[0]?.n ?? 0 };
}

export async function loadQuestions(db: Db, formId: number): Promise<StoredQuestion[]> {
  const rows = await db
    .selectFrom("questions")
    .selectAll()
    .where("form_id", "=", formId)
    .orderBy("position")
    .execute();
  return rows.map((r) => ({
    id: r.id,
    type: r.type,
    criterion: r.criterion,
    labelVi: r.label_vi,
    labelEn: r.label_en,
    required: r.required === 1,
    options: r.options === null ? null : (JSON.parse(r.options) as ChoiceOption[]),
    maxLength: r.max_length,
    minChoices: r.min_choices,
    maxChoices: r.max_choices,
  }));
}

export interface NewEvent {
  code: string;
  kind: EventKind;
  title: string;
  unitId: number;
  startsAt: string;
  endsAt: string;
  closesAt: string;
  expectedParticipants: number;
  lecturers: string;
  traineeCategory: string | null;
  question: string | null;
  programmeId: number | null;
  templateId: number | null;
  createdBy: number;
  now: string;
}

// Inside one batch SQLite holds the write lock, so the newest form row is the one just inserted.
const newestFormId = sql<number>`(SELECT max(id) FROM forms)`;

function insertFormQueries(
  db: Db,
  form: { title: string; version: number; previousId: number | null; now: string },
  questions: readonly QuestionDef[],
) {
  const insertForm = db.insertInto("forms").values({
    title: form.title,
    version: form.version,
    previous_id: form.previousId,
    created_at: form.now,
  });
  // 12 parameters a row: 8 rows stay under D1's 100 per statement.
  const chunks: QuestionDef[][] = [];
  for (let i = 0; i < questions.length; i += 8) chunks.push(questions.slice(i, i + 8));
  const insertQuestions = chunks.map((chunk, c) =>
    db.insertInto("questions").values(
      chunk.map((q, i) => ({
        form_id: newestFormId,
        position: c * 8 + i + 1,
        type: q.type,
        criterion: q.criterion,
        label_vi: q.labelVi,
        label_en: q.labelEn,
        required: q.required ? 1 : 0,
        options: q.options === null ? null : JSON.stringify(q.options),
        max_length: q.maxLength,
        min_choices: q.minChoices,
        max_choices: q.maxChoices,
      })),
    ),
  );
  return [insertForm, ...insertQuestions];
}

/** Creates the event, its form and (for a class) its aggregate row in one batch; returns the event id. */
export async function createEvent(
  db: Db,
  event: NewEvent,
  unit: { thenPath: string; nowPath: string },
  form: { title: string; questions: readonly QuestionDef[] } | null,
): Promise<number> {
  const insertEvent = db
    .insertInto("events")
    .values({
      code: event.code,
      kind: event.kind,
      title: event.title,
      unit_id: event.unitId,
      starts_at: event.startsAt,
      ends_at: event.endsAt,
      closes_at: event.closesAt,
      expected_participants: event.expectedParticipants,
      lecturers: event.lecturers,
      trainee_category: event.traineeCategory,
      form_id: null,
      created_by: event.createdBy,
      created_at: event.now,
      question: event.question,
      programme_id: event.programmeId,
      template_id: event.templateId,
    })
    .returning("id");
  // The event goes first so its id is the batch's first answer; its form is attached after.
  const newestEvent = sql<number>`(SELECT max(id) FROM events)`;
  const withForm = form
    ? [
        ...insertFormQueries(
          db,
          { title: form.title, version: 1, previousId: null, now: event.now },
          form.questions,
        ),
        db.updateTable("events").set({ form_id: newestFormId }).where("id", "=", newestEvent),
      ]
    : [];
  const stats =
    event.kind === "class"
      ? [
          classStatsInsert(
            db,
            {
              unitThenPath: unit.thenPath,
              unitPath: unit.nowPath,
              startsAt: event.startsAt,
              programmeId: event.programmeId,
              traineeCategory: event.traineeCategory,
            },
            event.unitId,
            event.expectedParticipants,
          ),
        ]
      : [];
  const [created] = await db.batch([insertEvent, ...withForm, ...stats]);
  const row = created.rows[0];
  if (!row) throw new Error("event insert returned no id");
  return row.id;
}

/**
 * Gives the event a new form. The old form stays untouched for the responses that used it;
 * the version number moves on only when the old one had answers, so scores stay comparable.
 */
export async function replaceEventForm(
  db: Db,
  event: EventRow,
  form: { title: string; questions: readonly QuestionDef[] },
  now: string,
): Promise<void> {
  const previous =
    event.formId === null
      ? undefined
      : await db
          .selectFrom("forms")
          .select(["id", "version"])
          .where("id", "=", event.formId)
          .executeTakeFirst();
  const version = previous ? previous.version + (event.responseCount > 0 ? 1 : 0) : 1;
  await db.batch([
    ...insertFormQueries(
      db,
      { title: form.title, version, previousId: previous?.id ?? null, now },
      form.questions,
    ),
    db.updateTable("events").set({ form_id: newestFormId }).where("id", "=", event.id),
  ]);
}

export async function formVersion(db: Db, formId: number) {
  return db
    .selectFrom("forms")
    .select(["id", "title", "version"])
    .where("id", "=", formId)
    .executeTakeFirst();
}

export async function closeEvent(db: Db, id: number, now: string): Promise<void> {
  await db
    .updateTable("events")
    .set({ status: "closed", closed_at: now })
    .where("id", "=", id)
    .where("status", "=", "open")
    .execute();
}

/** Closes every open survey whose closing time has passed; returns how many. */
export async function closeExpiredEvents(db: Db, now: string): Promise<number> {
  const result = await db
    .updateTable("events")
    .set({ status: "closed", closed_at: now })
    .where("status", "=", "open")
    .where("closes_at", "<=", now)
    .executeTakeFirst();
  return Number(result.numUpdatedRows);
}

/** A corrected expected number of participants, in the event and in its class's aggregate row at once. */
export async function setExpected(db: Db, eventId: number, expected: number): Promise<void> {
  await db.batch([
    db.updateTable("events").set({ expected_participants: expected }).where("id", "=", eventId),
    db.updateTable("class_stats").set({ expected }).where("event_id", "=", eventId),
  ]);
}

/** The highest serial number among the paper sheets typed in for an event (0 when none). */
export async function highestPaperSerial(db: Db, eventId: number): Promise<number> {
  const row = await db
    .selectFrom("responses")
    .select(sql<number>`coalesce(max(CAST(substr(client_id, -4) AS INTEGER)), 0)`.as("n"))
    .where("event_id", "=", eventId)
    .where(sql<boolean>`client_id GLOB 'paper:*-[0-9][0-9][0-9][0-9]'`)
    .executeTakeFirst();
  return row?.n ?? 0;
}

/** Sheets up to `to` are printed: the next batch starts after the highest ever printed. */
export async function recordPaperPrinted(db: Db, eventId: number, to: number): Promise<void> {
  await db
    .updateTable("events")
    .set({ paper_printed_to: sql`max(paper_printed_to, ${to})` })
    .where("id", "=", eventId)
    .execute();
}
