// Survey responses: accepting one (JSON API and no-JS form alike), once per clientId, inside the limits.
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
import { Closed, Invalid } from "../domain/errors";
import { assertOpen, retried } from "../domain/event";
import { assertUnderLimits, isTooFast, type LimitCheck } from "../domain/limits";
import type { RespondentRole } from "../domain/terms";
import { underLimits } from "./limits";

export interface Submission {
  clientId: string;
  role: RespondentRole;
  answers: Record<string, unknown>;
  /** Milliseconds from opening the survey to sending it, as the phone measured them. */
  elapsedMs?: number | null;
}

function canonical(s: Submission): string {
  const keys = Object.keys(s.answers).sort();
  return JSON.stringify([s.role, keys.map((k) => [k, s.answers[k]])]);
}

/** Stores the response once per clientId; `created` is false for a retry of the same body. */
export async function submitResponse(
  db: Db,
  event: EventRow,
  s: Submission,
  now: Date,
  limits: readonly LimitCheck[],
): Promise<{ id: number; created: boolean }> {
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
  const tooFast = isTooFast(s.elapsedMs, answered);
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
        elapsedMs: s.elapsedMs ?? null,
        tooFast,
        alongside: [
          ...(event.kind === "class" && !tooFast
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
