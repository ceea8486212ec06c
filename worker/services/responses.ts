// Survey responses: accepting one (JSON API, no-JS form and paper alike), once per clientId, inside the limits its sender has.
import type { Db } from "../db";
import { isUniqueViolation } from "../db";
import type { EventRow } from "../db/events";
import { loadQuestions } from "../db/events";
import { bumpCounters, loadLimitCounts } from "../db/limits";
import { findResponseByClientId, insertResponse } from "../db/responses";
import { statsUpdates } from "../db/stats";
import { activeUnitsUnder } from "../db/units";
import { checkAnswers } from "../domain/answers";
import { sha256Hex } from "../domain/crypto";
import { Closed, Conflict, Invalid, Mismatch } from "../domain/errors";
import { assertOpen, paperClientId, retried } from "../domain/event";
import { assertUnderLimits, isTooFast, limitsFor, type Writer } from "../domain/limits";
import type { RespondentRole } from "../domain/terms";
import { underLimits } from "./limits";

export interface Submission {
  clientId: string;
  role: RespondentRole;
  answers: Record<string, unknown>;
}

/**
 * Who sends a response, which decides its limits: a phone (counted by its id and its network;
 * `servedMs` is how long since the server served its page, `claimedMs` what the phone says it
 * took) or a staff account typing in a paper sheet (no limits, never too fast).
 */
export type Sender =
  | { kind: "phone"; writer: Writer; servedMs: number | null; claimedMs: number | null }
  | { kind: "paper"; enteredBy: number };

function canonical(s: Submission): string {
  const keys = Object.keys(s.answers).sort();
  return JSON.stringify([s.role, keys.map((k) => [k, s.answers[k]])]);
}

/**
 * The one way a response is stored, from the JSON API, the no-JS form and paper alike: once per
 * clientId (`created` is false for a retry of the same body), inside the sender's limits.
 */
export async function submitResponse(
  db: Db,
  event: EventRow,
  s: Submission,
  sender: Sender,
  now: Date,
): Promise<{ id: number; created: boolean }> {
  const limits = sender.kind === "phone" ? limitsFor("response", event, sender.writer, now) : [];
  const bodyHash = await sha256Hex(canonical(s));
  // A retry of an answer taken before closing still gets its confirmation.
  const existing = await findResponseByClientId(db, event.id, s.clientId);
  if (existing) return retried(existing, bodyHash);
  assertOpen(event, now);
  const formId = event.formId;
  if (formId === null) throw new Closed();
  // Both reads at once; wrong answers are still told before a reached limit.
  const [questions, counts] = await Promise.all([loadQuestions(db, formId), loadLimitCounts(db, limits)]);
  // Only a form that asks for the respondent's unit pays for reading the subtree.
  const units = questions.some((q) => q.type === "unit")
    ? new Set((await activeUnitsUnder(db, event.unitPath)).map((u) => u.id))
    : undefined;
  const checked = checkAnswers(questions, s.answers, units);
  if (!checked.ok) throw new Invalid(checked.fields);
  assertUnderLimits(limits, counts);
  const answered = checked.answers.filter((a) => a.valueNum !== null || (a.valueText ?? "") !== "").length;
  const tooFast = sender.kind === "phone" && isTooFast([sender.servedMs, sender.claimedMs], answered);
  try {
    const stored = await underLimits(db, limits, () =>
      insertResponse(db, {
        eventId: event.id,
        formId,
        clientId: s.clientId,
        role: s.role,
        bodyHash,
        answers: checked.answers,
        now: now.toISOString(),
        elapsedMs: sender.kind === "phone" ? (sender.servedMs ?? sender.claimedMs) : null,
        tooFast,
        enteredBy: sender.kind === "paper" ? sender.enteredBy : null,
        alongside: [
          ...(event.kind === "class" && !tooFast && s.role === "trainee"
            ? statsUpdates(db, { ...event, eventId: event.id }, checked.answers)
            : []),
          ...bumpCounters(db, limits),
        ],
      }),
    );
    return { id: stored.id, created: true };
  } catch (err) {
    // A concurrent retry won the race: answer as for any retry.
    if (!isUniqueViolation(err)) throw err;
    const winner = await findResponseByClientId(db, event.id, s.clientId);
    if (!winner) throw err;
    return retried(winner, bodyHash);
  }
}

/** Whether this phone (its clientId for the event) has already answered. */
export async function hasAnswered(db: Db, eventId: number, clientId: string): Promise<boolean> {
  return (await findResponseByClientId(db, eventId, clientId)) !== undefined;
}

/** A paper sheet's serial: the event's code, a dash and four digits ("HN4CAT-0001"). */
export const SHEET_PATTERN = /^[A-Z0-9]{6}-\d{4}$/;

/**
 * A paper sheet typed in by staff: stored once per serial (the same sheet again answers with the
 * first one's id; with other answers it is refused), counted like a phone's, never set aside as
 * too fast, and marked with who typed it.
 */
export async function submitPaperResponse(
  db: Db,
  event: EventRow,
  enteredBy: number,
  sheet: {
    serial: string;
    role: RespondentRole;
    answers: Record<string, unknown>;
    /** The organiser confirmed a sheet beyond the expected number of people. */
    confirmOverExpected: boolean;
  },
  now: Date,
): Promise<{ id: number; created: boolean }> {
  if (!SHEET_PATTERN.test(sheet.serial) || !sheet.serial.startsWith(`${event.code}-`)) {
    throw new Invalid({ sheet: { key: "field.sheet_format", params: { code: event.code } } });
  }
  // Paper has no network cap: past the people expected, each new sheet is confirmed by hand.
  if (
    !sheet.confirmOverExpected &&
    event.responseCount >= event.expectedParticipants &&
    !(await findResponseByClientId(db, event.id, paperClientId(sheet.serial)))
  ) {
    throw new Conflict("over_expected", "error.paper_over_expected", {
      sheet: {
        key: "field.paper_over_expected",
        params: { n: event.responseCount, e: event.expectedParticipants },
      },
    });
  }
  try {
    return await submitResponse(
      db,
      event,
      { clientId: paperClientId(sheet.serial), role: sheet.role, answers: sheet.answers },
      { kind: "paper", enteredBy },
      now,
    );
  } catch (err) {
    if (err instanceof Mismatch)
      throw new Mismatch("sheet_reused", "error.sheet_reused", { sheet: { key: "field.sheet_reused" } });
    throw err;
  }
}
