// Accepting one survey response, shared by the JSON API and the no-JavaScript form post.
import type { DB } from "./db";
import type { EventRow } from "./db/events";
import { loadQuestions } from "./db/events";
import { bumpCounters, loadLimitCounts } from "./db/limits";
import { findResponseByClientId, insertResponse, isUniqueViolation } from "./db/responses";
import type { RespondentRole } from "./db/schema";
import { statsUpdates } from "./db/stats";
import { checkAnswers } from "./domain/answers";
import { isTooFast, type LimitCheck } from "./domain/limits";
import { sha256Hex } from "./domain/password";
import { ApiError, assertUnderLimits, invalidBody } from "./errors";

/** A phone's id for one event: what the phone page generates, and all the API accepts. */
export const CLIENT_ID_PATTERN = /^[A-Za-z0-9_-]{8,64}$/;

export interface Submission {
  clientId: string;
  role: RespondentRole;
  answers: Record<string, unknown>;
  /** Milliseconds from opening the survey to sending it, as the phone measured them. */
  elapsedMs?: number | null;
}

export function isOpen(event: EventRow, now: Date): boolean {
  return event.status === "open" && new Date(event.closesAt) > now;
}

export function assertOpen(event: EventRow, now: Date): void {
  if (!isOpen(event, now)) throw new ApiError(410, "event_closed", "error.event_closed");
}

function canonical(s: Submission): string {
  const keys = Object.keys(s.answers).sort();
  return JSON.stringify([s.role, keys.map((k) => [k, s.answers[k]])]);
}

/** Stores the response once per clientId; `created` is false for a retry of the same body. */
export async function submitResponse(
  d1: D1Database,
  db: DB,
  event: EventRow,
  s: Submission,
  now: Date,
  limits: readonly LimitCheck[],
): Promise<{ id: number; created: boolean; rowsWritten: number }> {
  const bodyHash = await sha256Hex(canonical(s));
  // A retry of an answer taken before closing still gets its confirmation.
  const existing = await findResponseByClientId(db, event.id, s.clientId);
  if (existing) return sameOrConflict(existing, bodyHash);
  assertOpen(event, now);
  if (event.formId === null) throw new ApiError(410, "event_closed", "error.event_closed");
  // Both reads at once; wrong answers are still told before a reached limit.
  const [questions, counts] = await Promise.all([
    loadQuestions(db, event.formId),
    loadLimitCounts(db, limits),
  ]);
  const checked = checkAnswers(questions, s.answers);
  if (!checked.ok) throw invalidBody(checked.fields);
  assertUnderLimits(limits, counts);
  const answered = checked.answers.filter((a) => a.valueNum !== null || (a.valueText ?? "") !== "").length;
  const tooFast = isTooFast(s.elapsedMs, answered);
  try {
    const stored = await insertResponse(d1, db, {
      eventId: event.id,
      formId: event.formId,
      clientId: s.clientId,
      role: s.role,
      bodyHash,
      answers: checked.answers,
      now: now.toISOString(),
      elapsedMs: s.elapsedMs ?? null,
      tooFast,
      aggregates: [
        ...(event.kind === "class" && !tooFast
          ? statsUpdates(db, { ...event, eventId: event.id }, checked.answers)
          : []),
        ...bumpCounters(db, limits),
      ],
    });
    return { id: stored.id, created: true, rowsWritten: stored.rowsWritten };
  } catch (err) {
    // A concurrent retry won the race: answer as for any retry.
    if (!isUniqueViolation(err)) throw err;
    const winner = await findResponseByClientId(db, event.id, s.clientId);
    if (!winner) throw err;
    return sameOrConflict(winner, bodyHash);
  }
}

export function sameOrConflict(existing: { id: number; bodyHash: string }, bodyHash: string) {
  if (existing.bodyHash !== bodyHash) {
    throw new ApiError(422, "client_id_reused", "error.client_id_reused");
  }
  return { id: existing.id, created: false, rowsWritten: 0 };
}
