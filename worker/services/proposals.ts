// Workshop proposals from phones: accepting them and supports, once per clientId, inside the limits, placed as they arrive.
import { type Db, isUniqueViolation } from "../db";
import { type EventRow, findEventById } from "../db/events";
import { bumpCounters, loadLimitCounts } from "../db/limits";
import {
  addSupport,
  findProposal,
  findProposalByClientId,
  insertProposal,
  listPublicProposals,
  type ProposalRow,
  supportedBy,
} from "../db/proposals";
import { sha256Hex } from "../domain/crypto";
import { NotFound } from "../domain/errors";
import { assertOpen, retried } from "../domain/event";
import { analyse, placeArrival } from "../domain/grouping";
import { assertUnderLimits, limitsFor, type Writer } from "../domain/limits";
import { type Addressee, PUBLIC_LIST_MAX, type PublicProposal } from "../domain/proposal";
import { roomOf } from "./lessons";
import { lexiconFor } from "./lexicon";
import { underLimits } from "./limits";

export interface ProposalInput {
  clientId: string;
  text: string;
  addressee: Addressee | null;
  authorName: string | null;
  authorUnit: string | null;
}

/** Stores a proposal once per clientId; the same clientId with other words is a 422. */
export async function submitProposal(db: Db, event: EventRow, p: ProposalInput, writer: Writer, now: Date) {
  const limits = limitsFor("proposal", event, writer, now);
  const bodyHash = await sha256Hex(JSON.stringify([p.text, p.addressee, p.authorName, p.authorUnit]));
  const existing = await findProposalByClientId(db, event.id, p.clientId);
  if (existing) return retried(existing, bodyHash);
  assertOpen(event, now);
  const [counts, lexicon, room] = await Promise.all([
    loadLimitCounts(db, limits),
    lexiconFor(db, event.unitPath, "proposal"),
    roomOf(db, event),
  ]);
  assertUnderLimits(limits, counts);
  const analysis = analyse(p.text, lexicon);
  const place = placeArrival(analysis, room.read(lexicon), lexicon);
  const group = "groupId" in place ? { id: place.groupId } : place;
  try {
    const stored = await underLimits(db, limits, () =>
      insertProposal(
        db,
        {
          eventId: event.id,
          clientId: p.clientId,
          bodyHash,
          text: p.text,
          addressee: p.addressee,
          suggestedAddressee: analysis.addressee,
          authorName: p.authorName,
          authorUnit: p.authorUnit,
          group,
          now: now.toISOString(),
        },
        bumpCounters(db, limits),
      ),
    );
    return { id: stored.id, created: true };
  } catch (err) {
    if (!isUniqueViolation(err)) throw err;
    const winner = await findProposalByClientId(db, event.id, p.clientId);
    if (!winner) throw err;
    return retried(winner, bodyHash);
  }
}

/** A phone supports a proposal once; a merged original passes the support to what it was merged into. */
export async function supportProposal(
  db: Db,
  proposalId: number,
  clientId: string,
  now: Date,
  who: { writer: Writer; eventId?: number },
) {
  const notFound = () => new NotFound("proposal_not_found", "error.proposal_not_found");
  const proposal = await findProposal(db, proposalId);
  if (proposal?.hidden !== 0 || (who.eventId ?? proposal.eventId) !== proposal.eventId) {
    throw notFound();
  }
  // A support goes to what the proposal was merged into, which must be visible too (and is never named otherwise).
  const root = proposal.duplicateOf === null ? proposal : await findProposal(db, proposal.duplicateOf);
  const event = root && root.hidden === 0 ? await findEventById(db, proposal.eventId) : undefined;
  if (!root || !event) throw notFound();
  assertOpen(event, now);
  const rootId = root.id;
  const limits = limitsFor("support", event, who.writer, now, rootId);
  assertUnderLimits(limits, await loadLimitCounts(db, limits));
  const result = await underLimits(db, limits, () =>
    addSupport(db, rootId, clientId, now.toISOString(), bumpCounters(db, limits)),
  );
  return { id: rootId, ...result };
}

/** What delegates see of a proposal, on the phone page and in the public API. */
export function publicProposal(p: ProposalRow): PublicProposal {
  return {
    id: p.id,
    text: p.text,
    supports: p.supports,
    authorName: p.authorName,
    authorUnit: p.authorUnit,
    createdAt: p.createdAt,
    followStatus: p.followStatus,
    followNote: p.followNote,
  };
}

/**
 * A workshop's visible proposals, merged originals folded in, newest or most supported first:
 * up to `limit` of them and the total, so a page never cuts the list without saying so.
 */
export async function listProposals(
  db: Db,
  eventId: number,
  sort: "new" | "top",
  offset = 0,
  limit = PUBLIC_LIST_MAX,
) {
  const { rows, total } = await listPublicProposals(
    db,
    eventId,
    sort,
    Math.min(limit, PUBLIC_LIST_MAX),
    offset,
  );
  return { items: rows.map(publicProposal), total };
}

/** Which proposals this phone has supported, as delegates see them. */
export async function supportedByPhone(db: Db, eventId: number, clientId: string): Promise<Set<number>> {
  return supportedBy(db, eventId, clientId);
}
