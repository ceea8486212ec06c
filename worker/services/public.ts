// Events as the public sees them: found by the code on the poster, with the questions in the reader's language.
import type { Db } from "../db";
import { type EventRow, findEventByCode, loadQuestions } from "../db/events";
import { activeUnitsUnder } from "../db/units";
import type { StoredQuestion } from "../domain/answers";
import { NotFound } from "../domain/errors";
import { isOpen } from "../domain/event";
import { normaliseEventCode } from "../domain/eventCode";
import { labelIn, SCALE, scaleLabel, type UnitChoice } from "../domain/form";
import { type Lang, t } from "../domain/i18n";

const notFound = () => new NotFound("event_not_found", "error.event_not_found");

/** The event of a typed code (look-alike characters forgiven), or undefined. */
export async function findByCode(db: Db, typed: string): Promise<EventRow | undefined> {
  const code = normaliseEventCode(typed);
  return code ? findEventByCode(db, code) : undefined;
}

export async function eventByCode(db: Db, typed: string): Promise<EventRow> {
  const event = await findByCode(db, typed);
  if (!event) throw notFound();
  return event;
}

export async function workshopByCode(db: Db, typed: string): Promise<EventRow> {
  const event = await eventByCode(db, typed);
  if (event.kind !== "workshop") throw notFound();
  return event;
}

export function publicQuestion(q: StoredQuestion, lang: Lang, units: readonly UnitChoice[]) {
  const options =
    q.type === "rating"
      ? SCALE.map((p) => ({ value: Number(p), label: scaleLabel(q, p, lang, t(lang, `page.scale_${p}`)) }))
      : q.type === "choice" || q.type === "multi"
        ? (q.options ?? []).map((o) => ({ value: o.value, label: labelIn(lang, o) }))
        : q.type === "unit"
          ? units.map((u) => ({ value: u.id, label: u.name, depth: u.depth }))
          : null;
  return {
    id: q.id,
    type: q.type,
    label: labelIn(lang, q),
    required: q.required,
    options,
    ...(q.type === "text" ? { maxLength: q.maxLength } : {}),
    ...(q.type === "multi" ? { minChoices: q.minChoices, maxChoices: q.maxChoices } : {}),
  };
}

/** The units a form's `unit` question offers (none when it has no such question). */
export async function unitChoices(
  db: Db,
  event: EventRow,
  questions: readonly StoredQuestion[],
): Promise<UnitChoice[]> {
  if (!questions.some((q) => q.type === "unit")) return [];
  const base = event.unitPath.split("/").length;
  return (await activeUnitsUnder(db, event.unitPath)).map((u) => ({
    id: u.id,
    name: u.name,
    depth: u.path.split("/").length - base,
  }));
}

/** The form of the brief's public API: title, kind, status and the questions. */
export async function publicEvent(db: Db, typed: string, lang: Lang, now: Date) {
  const event = await eventByCode(db, typed);
  const questions = event.formId === null ? [] : await loadQuestions(db, event.formId);
  const units = await unitChoices(db, event, questions);
  return {
    code: event.code,
    title: event.title,
    kind: event.kind,
    status: isOpen(event, now) ? ("open" as const) : ("closed" as const),
    unit: event.unitName,
    question: event.question,
    questions: questions.map((q) => publicQuestion(q, lang, units)),
  };
}

/** The questions of an event's current form (none for a workshop). */
export async function questionsOf(db: Db, event: EventRow): Promise<StoredQuestion[]> {
  return event.formId === null ? [] : loadQuestions(db, event.formId);
}
