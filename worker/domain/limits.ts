// Abuse limits as data: which counters a public write bumps, how fast is too fast, when sign-in slows and locks.
import { LimitReached } from "./errors";

/** What a limit protects; each kind has its own message to the person who hits it. */
export type LimitKind = "phone_responses" | "phone_proposals" | "phone_supports" | "event_rate";

export interface LimitCheck {
  kind: LimitKind;
  key: string;
  /** '' for the event's lifetime, else the minute. */
  bucket: string;
  max: number;
  /** Seconds until the window ends (0 when it never does). */
  retryAfter: number;
}

/** Trainees sometimes share one phone, so a few responses per phone and class are normal. */
export const RESPONSES_PER_PHONE = 5;
export const PROPOSALS_PER_PHONE = 10;
/** Supports per phone and minute: tapping through a long board is fine, a script is not. */
export const SUPPORTS_PER_PHONE_PER_MINUTE = 60;
/** A hall of several hundred scanning at once stays under this; a flood does not. */
export const WRITES_PER_EVENT_PER_MINUTE = 600;
/** Phones without our cookie are keyed by address, which many phones may share. */
export const SHARED_ADDRESS_FACTOR = 10;

export type Write = "response" | "proposal" | "support";

/** Who is writing: the phone's cookie id, or else its network address. */
export interface Writer {
  device: string | null;
  address: string;
}

const minute = (now: Date) => now.toISOString().slice(0, 16);

/** The counters one new public write must stay under. Retries of a stored write bump none. */
export function limitsFor(write: Write, eventId: number, who: Writer, now: Date): LimitCheck[] {
  const phone = who.device ? `d:${who.device}` : `a:${who.address}`;
  const factor = who.device ? 1 : SHARED_ADDRESS_FACTOR;
  const toNextMinute = 60 - now.getUTCSeconds();
  const eventRate: LimitCheck = {
    kind: "event_rate",
    key: `${write}:event:${eventId}`,
    bucket: minute(now),
    max: WRITES_PER_EVENT_PER_MINUTE,
    retryAfter: toNextMinute,
  };
  const perPhone: LimitCheck =
    write === "response"
      ? {
          kind: "phone_responses",
          key: `response:${phone}:${eventId}`,
          bucket: "",
          max: RESPONSES_PER_PHONE * factor,
          retryAfter: 0,
        }
      : write === "proposal"
        ? {
            kind: "phone_proposals",
            key: `proposal:${phone}:${eventId}`,
            bucket: "",
            max: PROPOSALS_PER_PHONE * factor,
            retryAfter: 0,
          }
        : {
            kind: "phone_supports",
            key: `support:${phone}:${eventId}`,
            bucket: minute(now),
            max: SUPPORTS_PER_PHONE_PER_MINUTE * factor,
            retryAfter: toNextMinute,
          };
  return [perPhone, eventRate];
}

/** The first limit already reached, given the current counts. */
export function exceeded(checks: readonly LimitCheck[], counts: ReadonlyMap<string, number>) {
  return checks.find((c) => (counts.get(`${c.key}|${c.bucket}`) ?? 0) >= c.max);
}

/** Nobody reads and answers a question in under this; the standard form's six ratings take 12 s. */
export const MIN_MS_PER_ANSWER = 2000;

/** True when the phone says the answers took less time than reading them could. */
export function isTooFast(elapsedMs: number | null | undefined, answered: number): boolean {
  return elapsedMs !== null && elapsedMs !== undefined && elapsedMs < MIN_MS_PER_ANSWER * answered;
}

// ---- Staff sign-in ----------------------------------------------------------------------------

/** From this many failures on an email each further attempt waits; at LOCK_AFTER it locks. */
export const SLOW_AFTER = 3;
export const LOCK_AFTER = 8;
export const SLOW_MS = 500;
export const LOCK_MINUTES = 15;
/** Failures older than this are forgotten. */
export const FAILURE_MEMORY_MINUTES = 15;

export interface FailureRow {
  failures: number;
  lastAt: string;
  lockedUntil: string | null;
}

/** Failures that still count at `now`. */
export function activeFailures(row: FailureRow | undefined, now: Date): number {
  if (!row) return 0;
  const age = now.getTime() - Date.parse(row.lastAt);
  return age > FAILURE_MEMORY_MINUTES * 60_000 ? 0 : row.failures;
}

/** Seconds left of a lock, or 0. */
export function lockedFor(row: FailureRow | undefined, now: Date): number {
  if (!row?.lockedUntil) return 0;
  return Math.max(0, Math.ceil((Date.parse(row.lockedUntil) - now.getTime()) / 1000));
}

/** What a new failure does: the count to store, the lock to set, and how long to wait before answering. */
export function afterFailure(row: FailureRow | undefined, now: Date) {
  const failures = activeFailures(row, now) + 1;
  const lockedUntil =
    failures >= LOCK_AFTER ? new Date(now.getTime() + LOCK_MINUTES * 60_000).toISOString() : null;
  return { failures, lockedUntil, delayMs: failures >= SLOW_AFTER ? SLOW_MS : 0 };
}

/** Refuses the write when the current counts have already reached one of its limits. */
export function assertUnderLimits(checks: readonly LimitCheck[], counts: ReadonlyMap<string, number>): void {
  const over = exceeded(checks, counts);
  if (over) throw new LimitReached(over.kind, over.retryAfter);
}
