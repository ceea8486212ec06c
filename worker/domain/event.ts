// Rules every event follows: when it takes answers, and how a retried write is told from a different one.
import { Closed, Mismatch } from "./errors";

/**
 * A phone's id for one write: what the phone page generates, and all the API accepts. The paper
 * prefix is refused too, though paper sheets have their own namespace (see `paperClientId`).
 */
export const CLIENT_ID_PATTERN = /^(?!paper-)[A-Za-z0-9_-]{8,64}$/i;

/** A paper sheet's id among an event's responses: the colon keeps it out of any phone's reach. */
export const paperClientId = (serial: string) => `paper:${serial}`;

/** Paper sheets: four-digit serials, printed up to this many at a time. */
export const PAPER_SHEETS = { lastSerial: 9999, perBatch: 200 } as const;

export function isOpen(event: { status: "open" | "closed"; closesAt: string }, now: Date): boolean {
  return event.status === "open" && new Date(event.closesAt) > now;
}

export function assertOpen(event: { status: "open" | "closed"; closesAt: string }, now: Date): void {
  if (!isOpen(event, now)) throw new Closed();
}

/** A write already stored under this clientId: the same content is a retry, other content a mismatch. */
export function retried(existing: { id: number; bodyHash: string }, bodyHash: string) {
  if (existing.bodyHash !== bodyHash) throw new Mismatch();
  return { id: existing.id, created: false };
}
