// Events (classes and workshops) for staff: create with a form, read, edit the form, close, report, export, delete.
import { type Db, isUniqueViolation } from "../db";
import { deleteEventData, loadResponsesWithAnswers } from "../db/eventData";
import {
  closeEvent,
  createEvent,
  type EventRow,
  formVersion,
  highestPaperSerial,
  listEventsInScope,
  loadQuestions,
  recordPaperPrinted,
  replaceEventForm,
  setExpected,
} from "../db/events";
import { listObservations } from "../db/observations";
import { findProgramme } from "../db/programmes";
import { loadEventProposals } from "../db/proposals";
import { countTexts, loadComments, loadCounts, loadUnitCounts } from "../db/responses";
import { findTemplate } from "../db/templates";
import { findUnitById, listUnitsInScope } from "../db/units";
import { canShow, shownTraits } from "../domain/disclosure";
import { Conflict, Forbidden, Invalid } from "../domain/errors";
import { isOpen, PAPER_SHEETS } from "../domain/event";
import { generateEventCode } from "../domain/eventCode";
import {
  type FormInput,
  hasTemplateShape,
  questionDefsOf,
  STANDARD_FORM,
  STANDARD_FORM_TITLE,
} from "../domain/form";
import { groupComments } from "../domain/grouping";
import { type Lang, t } from "../domain/i18n";
import { buildReport, questionReports, unitBreakdown } from "../domain/report";
import {
  canSee,
  type EventKind,
  inScope,
  type RespondentRole,
  type StaffUser,
  scopeOf,
  type TraineeCategory,
} from "../domain/terms";
import { DAY_MS, fromVietnamMinute, vietnamDay } from "../domain/time";
import { lexiconFor } from "./lexicon";
import { submitPaperResponse } from "./responses";
import { eventInScope } from "./scope";

/** An event as staff see it in lists and on its page. */
export function eventSummary(e: EventRow, now: Date) {
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
    /** Of responses, the lecturers'. */
    lecturerResponses: e.lecturerCount,
    days: e.days,
    tooFast: e.fastCount,
    onPaper: e.paperCount,
    question: e.question,
  };
}

/** The newest events of the caller's subtree. */
/** A page of the caller's events, newest first: `{items, total, next}` (`next` null on the last page). */
export async function listEvents(
  db: Db,
  user: StaffUser,
  f: {
    q?: string | undefined;
    kind?: EventKind | undefined;
    status?: "open" | "closed" | undefined;
    from?: string | undefined;
    to?: string | undefined;
    limit: number;
    cursor?: number | undefined;
  },
  now: Date,
) {
  const offset = f.cursor ?? 0;
  const { rows, total } = await listEventsInScope(db, scopeOf(user), {
    q: f.q || null,
    kind: f.kind ?? null,
    status: f.status === undefined ? null : { open: f.status === "open", now: now.toISOString() },
    // Days are Vietnam days: a class at 06:00 on the 1st in Hà Nội starts on the 1st.
    startsFrom: f.from === undefined ? null : fromVietnamMinute(`${f.from}T00:00`),
    startsBefore:
      f.to === undefined
        ? null
        : new Date(Date.parse(fromVietnamMinute(`${f.to}T00:00`)) + DAY_MS).toISOString(),
    limit: f.limit,
    offset,
  });
  return {
    items: rows.map((e) => eventSummary(e, now)),
    total,
    next: offset + rows.length < total ? offset + rows.length : null,
  };
}

export interface EventInput {
  kind: EventKind;
  title: string;
  unitId: number;
  startsAt: string;
  endsAt: string;
  closesAt?: string | undefined;
  expectedParticipants: number;
  lecturers: string;
  traineeCategory: TraineeCategory | null;
  form?: FormInput | undefined;
  question: string | null;
  programmeId: number | null;
  /** The template the form was copied from, if any. */
  templateId: number | null;
}

/** A class (with the standard form unless another is given) or a workshop, at a unit of the caller's subtree. */
export async function createNewEvent(db: Db, user: StaffUser, input: EventInput, now: Date) {
  if (new Date(input.endsAt) <= new Date(input.startsAt)) {
    throw new Invalid({ endsAt: { key: "field.ends_before_start" } });
  }
  // Unless set, a survey closes a day after the class ends.
  const closesAt = input.closesAt ?? new Date(new Date(input.endsAt).getTime() + DAY_MS).toISOString();
  if (new Date(closesAt) <= new Date(input.startsAt)) {
    throw new Invalid({ closesAt: { key: "field.ends_before_start" } });
  }
  const unit = await findUnitById(db, input.unitId);
  if (!unit) throw new Invalid({ unitId: { key: "field.unit_not_found" } });
  if (!canSee(user, unit)) {
    throw new Forbidden("out_of_scope", "error.out_of_scope", { unitId: { key: "field.unit_not_found" } });
  }
  if (!unit.active) throw new Invalid({ unitId: { key: "field.unit_inactive" } });
  if (input.programmeId !== null) {
    const programme = await findProgramme(db, input.programmeId);
    // A programme run by a unit covers the classes of its whole subtree.
    if (!programme || !inScope(unit.nowPath, programme.unitPath)) {
      throw new Invalid({ programmeId: { key: "field.not_found" } });
    }
  }
  // A class without a form of its own gets the standard one; a survey must bring its questions.
  if (input.kind === "survey" && !input.form) throw new Invalid({ form: { key: "field.required" } });
  const form =
    input.kind === "workshop"
      ? null
      : input.form
        ? { title: input.form.title, questions: questionDefsOf(input.form, "form.") }
        : { title: STANDARD_FORM_TITLE, questions: STANDARD_FORM };
  // The template the form came from: one the organiser is offered (their units' line or subtree),
  // kept only while the form has its shape, or the needs roll-up would add up unlike questions.
  let templateId: number | null = null;
  if (input.templateId !== null && form !== null) {
    const template = await findTemplate(db, input.templateId);
    if (
      !template ||
      !(inScope(unit.nowPath, template.unitPath) || inScope(template.unitPath, user.unitPath))
    ) {
      throw new Invalid({ templateId: { key: "field.not_found" } });
    }
    if (hasTemplateShape(form.questions, template.questions)) templateId = template.id;
  }
  // A fresh code collides about once in 10^8 events: two retries are plenty.
  for (let attempt = 0; ; attempt++) {
    const code = generateEventCode();
    try {
      const id = await createEvent(
        db,
        {
          code,
          kind: input.kind,
          title: input.title,
          unitId: unit.id,
          startsAt: input.startsAt,
          endsAt: input.endsAt,
          closesAt,
          expectedParticipants: input.expectedParticipants,
          lecturers: input.kind === "class" ? input.lecturers : "",
          traineeCategory: input.kind === "class" ? input.traineeCategory : null,
          question: input.kind === "workshop" ? input.question || null : null,
          // A class counts toward its programme; a workshop reports its proposals to it.
          programmeId: input.kind === "survey" ? null : input.programmeId,
          templateId,
          createdBy: user.id,
          now: now.toISOString(),
        },
        { thenPath: unit.thenPath, nowPath: unit.nowPath },
        form,
      );
      // Said when the form no longer has the template's shape, so the organiser knows it stands alone.
      return { id, code, ...(input.templateId !== null && form !== null ? { templateId } : {}) };
    } catch (err) {
      if (attempt >= 2 || !isUniqueViolation(err, /events\.code/)) throw err;
    }
  }
}

/** The event with its current form and the link trainees open. */
export async function eventDetail(db: Db, user: StaffUser, id: number, now: Date) {
  const event = await eventInScope(db, user, id);
  const [form, questions] =
    event.formId === null
      ? [undefined, []]
      : await Promise.all([formVersion(db, event.formId), loadQuestions(db, event.formId)]);
  const typedIn = await highestPaperSerial(db, event.id);
  return {
    ...eventSummary(event, now),
    form: form ? { ...form, questions } : null,
    // Serials go on: the next sheet to type, and the first to print (after any printed or typed in).
    paper: { nextToType: typedIn + 1, nextToPrint: Math.max(typedIn, event.paperPrintedTo) + 1 },
  };
}

/** Sheets `from` to `from + count - 1` went to the printer: the next batch starts after them. */
export async function paperPrinted(db: Db, user: StaffUser, id: number, from: number, count: number) {
  const event = await eventInScope(db, user, id);
  if (event.kind === "workshop") throw new Conflict("form_locked", "error.form_locked");
  await recordPaperPrinted(db, event.id, Math.min(from + count - 1, PAPER_SHEETS.lastSerial));
}

export async function replaceForm(db: Db, user: StaffUser, id: number, form: FormInput, now: Date) {
  const event = await eventInScope(db, user, id);
  if (event.kind === "workshop") throw new Conflict("form_locked", "error.form_locked");
  await replaceEventForm(
    db,
    event,
    { title: form.title, questions: questionDefsOf(form, "form.") },
    now.toISOString(),
  );
}

/** The organiser corrects how many people were expected (the response rate, flags and limits follow). */
export async function correctExpected(db: Db, user: StaffUser, id: number, expected: number): Promise<void> {
  const event = await eventInScope(db, user, id);
  await setExpected(db, event.id, expected);
}

export async function closeSurvey(db: Db, user: StaffUser, id: number, now: Date): Promise<void> {
  const event = await eventInScope(db, user, id);
  await closeEvent(db, event.id, now.toISOString());
}

/**
 * An event's report from its running histograms (never the raw answers): the brief's criteria,
 * then every question of the current form, and per unit when the form asks for it.
 */
export async function classReport(db: Db, event: EventRow, lang: Lang) {
  const trainees = event.responseCount - event.lecturerCount;
  const [counts, comments, lecturerComments, texts, questions, lexicon] = await Promise.all([
    loadCounts(db, event.id),
    canShow(trainees) ? loadComments(db, event.id, "trainee", 2000) : [],
    canShow(event.lecturerCount) ? loadComments(db, event.id, "lecturer", 2000) : [],
    countTexts(db, event.id, "trainee"),
    event.formId === null ? [] : loadQuestions(db, event.formId),
    lexiconFor(db, event.unitPath, "comment"),
  ]);
  const traineeCounts = counts.filter((c) => c.role === "trainee");
  const asksUnit = questions.some((q) => q.type === "unit");
  const [unitRows, units] = asksUnit
    ? await Promise.all([
        loadUnitCounts(db, event.id),
        listUnitsInScope(db, { tree: "now", path: event.unitPath }),
      ])
    : [[], []];
  const unitNames = new Map(units.map((u) => [u.id, u.name]));
  // The report is the trainees'; lecturers' answers are a section of their own, never averaged in.
  const report = buildReport({
    lang,
    role: "trainee",
    responses: trainees,
    expected: event.expectedParticipants,
    counts,
    comments,
    questions,
  });
  const lecturers =
    event.lecturerCount === 0
      ? null
      : buildReport({
          lang,
          role: "lecturer",
          responses: event.lecturerCount,
          expected: 0,
          counts,
          comments: lecturerComments,
          questions,
        });
  const textGroups = new Map(
    report.detailHidden
      ? []
      : questions
          .filter((q) => q.type === "text")
          .map((q) => [
            q.id,
            groupComments(
              comments.filter((c) => c.questionId === q.id),
              lexicon,
              lang,
            ).map((g) => ({ label: g.label, keywords: g.keywords, items: g.items })),
          ]),
  );
  return {
    ...report,
    questions: questionReports(
      lang,
      questions,
      { counts: traineeCounts, texts, unitNames, textGroups },
      !report.detailHidden,
    ),
    lecturers: lecturers && {
      responses: lecturers.responses,
      overall: lecturers.overall,
      criteria: lecturers.criteria,
      comments: lecturers.comments,
      detailHidden: lecturers.detailHidden,
    },
    byUnit: asksUnit
      ? unitBreakdown(lang, questions, {
          responses: trainees,
          totals: traineeCounts,
          rows: unitRows,
          unitNames,
          pooledName: t(lang, "report.other_units"),
        })
      : null,
  };
}

export async function reportOf(db: Db, user: StaffUser, id: number, lang: Lang, now: Date) {
  const event = await eventInScope(db, user, id);
  return { event: eventSummary(event, now), ...(await classReport(db, event, lang)) };
}

/**
 * The responses as a row-per-response table may show them (the answers table, the JSON export):
 * those of each role from the threshold up (none at all below it), the day, not the time; the unit, role, day and whether on paper or too fast withheld as far as
 * a small group would stand out by them (`shownTraits`); ordered by their answers, not by arrival,
 * so nobody can be picked out as the one who sent last.
 */
export function shownRows(
  questions: readonly { id: number; type: string }[],
  responses: readonly {
    role: RespondentRole;
    createdAt: string;
    paper: boolean;
    tooFast: boolean;
    answers: Record<string, number | string>;
  }[],
) {
  // Each role is a group of its own, as in the report: the rows of a role below the threshold
  // are left out, or the rows minus the trainees' report would give the lecturers' answers back.
  const perRole = new Map<RespondentRole, number>();
  for (const r of responses) perRole.set(r.role, (perRole.get(r.role) ?? 0) + 1);
  const shown = responses.filter((r) => canShow(perRole.get(r.role) ?? 0));
  const unitQuestion = questions.find((q) => q.type === "unit");
  const unitKey = unitQuestion ? String(unitQuestion.id) : null;
  const traits = shownTraits(
    shown.map((r) => {
      const unit = unitKey === null ? undefined : r.answers[unitKey];
      return {
        role: r.role,
        day: vietnamDay(r.createdAt),
        paper: r.paper,
        tooFast: r.tooFast,
        unit: unit === undefined ? null : String(unit),
      };
    }),
  );
  return shown
    .map((r, i) => {
      const kept = traits[i] ?? { role: null, day: null, paper: null, tooFast: null, unit: null };
      const answers: Record<string, number | string> =
        unitKey === null || kept.unit === null ? { ...r.answers } : { ...r.answers, [unitKey]: kept.unit };
      if (unitKey !== null && kept.unit === null) delete answers[unitKey];
      return { ...kept, answers };
    })
    .sort((a, b) => {
      const x = JSON.stringify(Object.entries(a.answers).sort());
      const y = JSON.stringify(Object.entries(b.answers).sort());
      return x < y ? -1 : x > y ? 1 : 0;
    });
}

/** The organiser's copy of everything the event holds; raw answers only from the threshold up. */
export async function exportEvent(db: Db, user: StaffUser, id: number, now: Date) {
  const event = await eventInScope(db, user, id);
  const [questions, responses, proposals, observations] = await Promise.all([
    event.formId === null ? [] : loadQuestions(db, event.formId),
    loadResponsesWithAnswers(db, event.id),
    event.kind === "workshop" ? loadEventProposals(db, event.id) : [],
    listObservations(db, event.id),
  ]);
  const rows = shownRows(questions, responses).map((r) => ({
    day: r.day,
    role: r.role,
    paper: r.paper,
    tooFast: r.tooFast,
    answers: r.answers,
  }));
  return {
    event,
    data: {
      exportedAt: now.toISOString(),
      event: eventSummary(event, now),
      questions: questions.map((q) => ({
        id: q.id,
        type: q.type,
        criterion: q.criterion,
        labelVi: q.labelVi,
        labelEn: q.labelEn,
      })),
      responseCount: responses.length,
      // Rows as the answers table shows them: no id, no time, no order of arrival.
      responses: rows.length > 0 ? rows : null,
      proposals: proposals.map(({ clientId: _c, bodyHash: _b, ...p }) => p),
      observations,
    },
  };
}

/** Deletes the event and all it holds; the typed code guards against a slip of the hand. */
export async function deleteEvent(db: Db, user: StaffUser, id: number, confirm: string): Promise<number> {
  const event = await eventInScope(db, user, id);
  if (confirm !== event.code) throw new Invalid({ confirm: { key: "field.confirm_code" } });
  await deleteEventData(db, event.id);
  return event.id;
}

/** Staff type in a paper sheet of a class or survey in their scope (see submitPaperResponse). */
export async function enterPaperSheet(
  db: Db,
  user: StaffUser,
  id: number,
  body: {
    sheet: string;
    role: RespondentRole;
    answers: Record<string, unknown>;
    confirmOverExpected: boolean;
  },
  now: Date,
) {
  const event = await eventInScope(db, user, id);
  if (event.kind === "workshop") throw new Conflict("not_survey", "error.not_survey");
  return submitPaperResponse(
    db,
    event,
    user.id,
    {
      serial: body.sheet,
      role: body.role,
      answers: body.answers,
      confirmOverExpected: body.confirmOverExpected,
    },
    now,
  );
}
