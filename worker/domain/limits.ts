// Abuse limits as data: which counters a public write bumps, how fast is too fast, when sign-in slows and locks.
import { LimitReached } from "./errors";

/** What a limit protects; each kind has its own message to the person who hits it. */
export type LimitKind =
  | "phone_responses"
  | "phone_proposals"
  | "phone_supports"
  | "event_rate"
  | "address_responses"
  | "address_proposals"
  | "address_supports";

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

/**
 * The network a limit counts by: an IPv4 address whole, an IPv6 address by its /64 (one home or
 * office line is given a whole /64, so its 2^64 addresses are one place). Anything else as given.
 */
export function networkOf(address: string): string {
  const a = address.trim().toLowerCase();
  if (!a.includes(":")) return a;
  const mapped = /^::ffff:(\d{1,3}(?:\.\d{1,3}){3})$/.exec(a);
  if (mapped?.[1]) return mapped[1];
  const bare = a.split("%")[0] ?? "";
  const halves = bare.split("::");
  if (halves.length > 2) return a;
  const head = halves[0] ? halves[0].split(":") : [];
  const tail = halves.length === 2 && halves[1] ? halves[1].split(":") : [];
  const groups =
    halves.length === 2
      ? [...head, ...Array<string>(Math.max(0, 8 - head.length - tail.length)).fill("0"), ...tail]
      : head;
  if (groups.length !== 8 || !groups.every((g) => /^[0-9a-f]{1,4}$/.test(g))) return a;
  return `${groups
    .slice(0, 4)
    .map((g) => g.replace(/^0+(?=.)/, ""))
    .join(":")}::/64`;
}

/**
 * Whatever phone ids it holds, one address adds at most this many new responses to a class (or
 * supports to one proposal): the event's size with room for a wrong estimate. Expected 30 → 65.
 */
export function addressCap(expected: number): number {
  return Math.floor(expected * 1.5) + 20;
}

export type Write = "response" | "proposal" | "support";

const ADDRESS_KIND = {
  response: "address_responses",
  proposal: "address_proposals",
  support: "address_supports",
} as const satisfies Record<Write, LimitKind>;

/** Who is writing: the phone's cookie id, or else its network address. */
export interface Writer {
  device: string | null;
  address: string;
}

const minute = (now: Date) => now.toISOString().slice(0, 16);

/** The event a write goes to: its id, and its expected size for the per-address ceiling. */
export interface LimitedEvent {
  id: number;
  expectedParticipants: number;
}

/** The counters one new public write must stay under. Retries of a stored write bump none. */
export function limitsFor(
  write: Write,
  event: LimitedEvent,
  who: Writer,
  now: Date,
  proposalId?: number,
): LimitCheck[] {
  const eventId = event.id;
  // A phone without an id counts as its network's shared phone: a key of its own, never the address's.
  const phone = who.device ? `d:${who.device}` : `n:${who.address}`;
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
  // Whatever ids it holds, a network adds at most about the event's size: responses and proposals
  // to the event, supports to each proposal.
  const addressKey =
    write === "support"
      ? proposalId === undefined
        ? null
        : `support:a:${who.address}:p${proposalId}:${eventId}`
      : `${write}:a:${who.address}:${eventId}`;
  const perAddress: LimitCheck[] =
    addressKey === null
      ? []
      : [
          {
            kind: ADDRESS_KIND[write],
            key: addressKey,
            bucket: "",
            max: addressCap(event.expectedParticipants),
            retryAfter: 0,
          },
        ];
  return [perPhone, ...perAddress, eventRate];
}

/** The first limit already reached, given the current counts. */
export function exceeded(checks: readonly LimitCheck[], counts: ReadonlyMap<string, number>) {
  return checks.find((c) => (counts.get(`${c.key}|${c.bucket}`) ?? 0) >= c.max);
}

/** Nobody reads and answers a question in under this; the standard form's six ratings take 12 s. */
export const MIN_MS_PER_ANSWER = 2000;

/**
 * True when the answers took less time than reading them could, by any measure there is: the
 * server's (from when it served the page) or the phone's own claim. A claim can only make a
 * response more suspect, never clear one the server measured as too fast.
 */
export function isTooFast(measures: readonly (number | null | undefined)[], answered: number): boolean {
  return measures.some((ms) => ms !== null && ms !== undefined && ms < MIN_MS_PER_ANSWER * answered);
}

// ---- Staff sign-in ----------------------------------------------------------------------------

/**
 * OWASP's device-cookie scheme. A browser that signed in to an account before carries a signed
 * "known device" cookie for it: its failures are counted on that cookie alone (locked after
 * LOCK_AFTER), so no stranger's guesses from its address or against its email can lock it out.
 * Any other attempt is counted per email and network pair (slowed, then locked), per network
 * (locked much later, across emails) and per email (locked when guesses come from many places).
 * Each attempt counts as a failure before the password is checked and is taken back when it was
 * right, so parallel guesses cannot get past a lock.
 */
export const SLOW_AFTER = 3;
export const LOCK_AFTER = 8;
export const SLOW_MS = 500;
export const LOCK_MINUTES = 15;
/** Failures older than this are forgotten. */
export const FAILURE_MEMORY_MINUTES = 15;
/** Failures from one network, across emails, before the network is locked (for unknown devices). */
export const ADDRESS_LOCK_AFTER = 100;
/** Failures against one email from unknown devices anywhere before it is locked for them: two places' worth. */
export const EMAIL_LOCK_AFTER = 2 * LOCK_AFTER;
/** How long a browser stays known after signing in. */
export const KNOWN_DEVICE_DAYS = 365;

export interface FailureRow {
  failures: number;
  lastAt: string;
  lockedUntil: string | null;
}

export type SignInCounter = "pair" | "address" | "email" | "device";

/** The counters of one sign-in attempt; `device` is a known-device cookie's nonce, when valid. */
export function signInKeys(email: string, address: string, device: string | null = null) {
  return {
    pair: `p:${email}|${address}`,
    address: `a:${address}`,
    email: `e:${email}`,
    device: device === null ? null : `k:${device}`,
  };
}

/** Seconds left of a lock, or 0. */
export function lockedFor(row: FailureRow | undefined, now: Date): number {
  if (!row?.lockedUntil) return 0;
  return Math.max(0, Math.ceil((Date.parse(row.lockedUntil) - now.getTime()) / 1000));
}

/** The instant before which failures are forgotten. */
export const failureMemory = (now: Date) =>
  new Date(now.getTime() - FAILURE_MEMORY_MINUTES * 60_000).toISOString();

const LOCK_AT: Record<SignInCounter, number> = {
  pair: LOCK_AFTER,
  device: LOCK_AFTER,
  address: ADDRESS_LOCK_AFTER,
  email: EMAIL_LOCK_AFTER,
};

/** The failures past which a counter refuses without checking the password. */
export const lockLimit = (kind: SignInCounter) => LOCK_AT[kind];

/** The lock a count of failures calls for, if any. */
export function lockAfter(kind: SignInCounter, failures: number, now: Date): string | null {
  return failures >= LOCK_AT[kind] ? new Date(now.getTime() + LOCK_MINUTES * 60_000).toISOString() : null;
}

/** How long a wrong answer waits, given the pair's (or the device's) failures so far, this one included. */
export const delayFor = (failures: number) => (failures >= SLOW_AFTER ? SLOW_MS : 0);

/** The refusal for a write whose counters were found over a limit (the first one over, else the first). */
export function refusalFor(checks: readonly LimitCheck[], counts: ReadonlyMap<string, number>): LimitReached {
  const over = exceeded(checks, counts) ?? checks[0];
  return new LimitReached(over?.kind ?? "event_rate", over?.retryAfter ?? 60);
}

/** Refuses the write when the current counts have already reached one of its limits. */
export function assertUnderLimits(checks: readonly LimitCheck[], counts: ReadonlyMap<string, number>): void {
  const over = exceeded(checks, counts);
  if (over) throw new LimitReached(over.kind, over.retryAfter);
}
