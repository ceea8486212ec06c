// Workshop proposals, the supports phones give them, and the duplicate pairs a facilitator dismissed.
import { sql } from "kysely";
import type { BoardRow } from "../domain/board";
import type { Addressee, FollowStatus } from "../domain/proposal";
import type { Compilable, Db } from ".";

/** A stored proposal: what the board reads, and where it came from. */
export interface ProposalRow extends BoardRow {
  eventId: number;
  clientId: string;
  bodyHash: string;
  /** 1 once a person wrote or chose its words; until then a merge may show its family's best-written. */
  textByPerson: number;
  followUpdatedAt: string | null;
}

function selectProposals(db: Db) {
  return db
    .selectFrom("proposals")
    .select([
      "id",
      "event_id as eventId",
      "client_id as clientId",
      "body_hash as bodyHash",
      "text",
      "original_text as originalText",
      "addressee",
      "suggested_addressee as suggestedAddressee",
      "author_name as authorName",
      "author_unit as authorUnit",
      "hidden",
      "hidden_reason as hiddenReason",
      "duplicate_of as duplicateOf",
      "group_id as groupId",
      "group_locked as groupLocked",
      "text_by_person as textByPerson",
      "support_count as supports",
      "follow_status as followStatus",
      "follow_note as followNote",
      "follow_unit_id as followUnitId",
      "follow_updated_at as followUpdatedAt",
      "created_at as createdAt",
    ]);
}

export async function findProposal(db: Db, id: number): Promise<ProposalRow | undefined> {
  return selectProposals(db).where("id", "=", id).executeTakeFirst();
}

/** These proposals and everything merged into them: a family's words to choose from. */
export async function loadFamilies(db: Db, eventId: number, ids: readonly number[]): Promise<ProposalRow[]> {
  if (ids.length === 0) return [];
  return selectProposals(db)
    .where("event_id", "=", eventId)
    .where((eb) => eb.or([eb("id", "in", [...ids]), eb("duplicate_of", "in", [...ids])]))
    .orderBy("id")
    .execute();
}

/** The words a merged proposal is shown with, chosen from its family; its delegate's own are kept once. */
export function showWords(db: Db, id: number, words: { text: string; originalText: string | null }) {
  return db
    .updateTable("proposals")
    .set({ text: words.text, original_text: words.originalText })
    .where("id", "=", id)
    .where("text_by_person", "=", 0);
}

export async function findProposalByClientId(db: Db, eventId: number, clientId: string) {
  return selectProposals(db)
    .where("event_id", "=", eventId)
    .where("client_id", "=", clientId)
    .executeTakeFirst();
}

/** Every proposal of an event, hidden ones included (the board shows them struck out). */
export async function loadEventProposals(db: Db, eventId: number, limit = 2000): Promise<ProposalRow[]> {
  return selectProposals(db).where("event_id", "=", eventId).orderBy("id").limit(limit).execute();
}

/**
 * What delegates see: visible, merged originals folded into the proposal they were merged into;
 * the first `limit` in this order, and how many there are in all (one batch).
 */
export async function listPublicProposals(
  db: Db,
  eventId: number,
  sort: "new" | "top",
  limit: number,
  offset = 0,
) {
  const visible = db
    .selectFrom("proposals")
    .where("event_id", "=", eventId)
    .where("hidden", "=", 0)
    .where("duplicate_of", "is", null);
  let q = selectProposals(db)
    .where("event_id", "=", eventId)
    .where("hidden", "=", 0)
    .where("duplicate_of", "is", null);
  q = sort === "top" ? q.orderBy("support_count", "desc").orderBy("id", "desc") : q.orderBy("id", "desc");
  const [rows, total] = await db.batch([
    q.limit(limit).offset(offset),
    visible.select((eb) => eb.fn.countAll<number>().as("n")),
  ]);
  return { rows: rows.rows, total: total.rows[0]?.n ?? 0 };
}

export interface NewProposal {
  eventId: number;
  clientId: string;
  bodyHash: string;
  text: string;
  addressee: Addressee | null;
  suggestedAddressee: Addressee;
  authorName: string | null;
  authorUnit: string | null;
  /** An automatic group by its key (made on first use), or a group a person named or taught. */
  group: { key: string; label: string | null } | { id: number };
  now: string;
}

/** The proposal, its automatic group (created on first use) and the event's count, in one batch. */
export async function insertProposal(
  db: Db,
  p: NewProposal,
  alongside: readonly Compilable[] = [],
): Promise<{ id: number }> {
  // A group chosen by id already exists; reading it keeps the batch's shape.
  const ensureGroup =
    "key" in p.group
      ? db
          .insertInto("proposal_groups")
          .values({ event_id: p.eventId, key: p.group.key, label: p.group.label, created_at: p.now })
          .onConflict((oc) => oc.doNothing())
      : db.selectFrom("proposal_groups").select("id").where("id", "=", p.group.id);
  const groupId =
    "key" in p.group
      ? sql<number>`(SELECT id FROM proposal_groups WHERE event_id = ${p.eventId} AND key = ${p.group.key})`
      : p.group.id;
  const insert = db
    .insertInto("proposals")
    .values({
      event_id: p.eventId,
      client_id: p.clientId,
      body_hash: p.bodyHash,
      text: p.text,
      addressee: p.addressee,
      suggested_addressee: p.suggestedAddressee,
      author_name: p.authorName,
      author_unit: p.authorUnit,
      group_id: groupId,
      created_at: p.now,
    })
    .returning("id");
  const count = db
    .updateTable("events")
    .set({ response_count: sql`response_count + 1` })
    .where("id", "=", p.eventId);
  const results = await db.batch([ensureGroup, insert, count, ...alongside]);
  const row = results[1].rows[0];
  if (!row) throw new Error("proposal insert returned no id");
  return { id: row.id };
}

const familySupportCount = (rootId: number) =>
  sql<number>`(SELECT COUNT(DISTINCT client_id) FROM supports WHERE proposal_id IN (SELECT id FROM proposals WHERE id = ${rootId} OR duplicate_of = ${rootId}))`;

/** One support per phone; on a merged family a phone counts once whichever member it supported. */
export async function addSupport(
  db: Db,
  rootId: number,
  clientId: string,
  now: string,
  alongside: readonly Compilable[] = [],
) {
  const insert = db
    .insertInto("supports")
    .values({ proposal_id: rootId, client_id: clientId, created_at: now })
    .onConflict((oc) => oc.doNothing());
  const recount = db
    .updateTable("proposals")
    .set({ support_count: familySupportCount(rootId) })
    .where("id", "=", rootId)
    .returning("support_count");
  const [inserted, counted] = await db.batch([insert, recount, ...alongside]);
  return { created: inserted.changes > 0, supports: counted.rows[0]?.support_count ?? 0 };
}

/** Ids of an event's proposals this phone has supported, resolved to what delegates see. */
export async function supportedBy(db: Db, eventId: number, clientId: string): Promise<Set<number>> {
  const rows = await db
    .selectFrom("supports as s")
    .innerJoin("proposals as p", "p.id", "s.proposal_id")
    .select(["p.id", "p.duplicate_of as duplicateOf"])
    .where("p.event_id", "=", eventId)
    .where("s.client_id", "=", clientId)
    .execute();
  return new Set(rows.map((r) => r.duplicateOf ?? r.id));
}

export interface ProposalPatch {
  text?: string;
  originalText?: string;
  hidden?: boolean;
  hiddenReason?: string | null;
  groupId?: number;
  followStatus?: FollowStatus | null;
  followNote?: string | null;
  followUnitId?: number | null;
  now: string;
}

export async function updateProposal(db: Db, eventId: number, id: number, p: ProposalPatch): Promise<void> {
  await db
    .updateTable("proposals")
    .set({
      ...(p.text === undefined ? {} : { text: p.text, text_by_person: 1 }),
      ...(p.originalText === undefined ? {} : { original_text: p.originalText }),
      ...(p.hidden === undefined
        ? {}
        : { hidden: p.hidden ? 1 : 0, hidden_reason: p.hidden ? (p.hiddenReason ?? null) : null }),
      ...(p.groupId === undefined ? {} : { group_id: p.groupId, group_locked: 1 }),
      ...(p.followStatus === undefined && p.followNote === undefined && p.followUnitId === undefined
        ? {}
        : {
            ...(p.followStatus === undefined ? {} : { follow_status: p.followStatus }),
            ...(p.followNote === undefined ? {} : { follow_note: p.followNote }),
            ...(p.followUnitId === undefined ? {} : { follow_unit_id: p.followUnitId }),
            follow_updated_at: p.now,
          }),
    })
    .where("id", "=", id)
    .where("event_id", "=", eventId)
    .execute();
  // Originals follow their merged proposal into its group.
  if (p.groupId !== undefined) {
    await db
      .updateTable("proposals")
      .set({ group_id: p.groupId, group_locked: 1 })
      .where("duplicate_of", "=", id)
      .execute();
  }
}

/** Each original counts its own phones again once it is part of a family (its supports stay its own). */
const ownSupportCount = sql<number>`(SELECT COUNT(DISTINCT client_id) FROM supports WHERE proposal_id = proposals.id)`;

/**
 * Marks the sources (and anything already merged into them) as originals of the target, moves them
 * into its group and recounts unique supporting phones, all in one batch: the target over its
 * whole family, each original over its own supports (a source merged earlier had its family's).
 */
export async function mergeProposals(
  db: Db,
  eventId: number,
  targetId: number,
  sourceIds: number[],
  alongside: readonly Compilable[] = [],
) {
  const targetGroup = sql<number | null>`(SELECT group_id FROM proposals WHERE id = ${targetId})`;
  const link = db
    .updateTable("proposals")
    .set({ duplicate_of: targetId, group_id: targetGroup, group_locked: 1 })
    .where("event_id", "=", eventId)
    .where((eb) => eb.or([eb("id", "in", sourceIds), eb("duplicate_of", "in", sourceIds)]));
  const recountOriginals = db
    .updateTable("proposals")
    .set({ support_count: ownSupportCount })
    .where("duplicate_of", "=", targetId);
  const recount = db
    .updateTable("proposals")
    .set({ support_count: familySupportCount(targetId) })
    .where("id", "=", targetId);
  await db.batch([link, recountOriginals, recount, ...alongside]);
}

/** Takes one original back out of its merged proposal. */
export async function unmergeProposal(
  db: Db,
  eventId: number,
  id: number,
  rootId: number,
  alongside: readonly Compilable[] = [],
) {
  const unlink = db
    .updateTable("proposals")
    .set({ duplicate_of: null })
    .where("id", "=", id)
    .where("event_id", "=", eventId);
  const recountRoot = db
    .updateTable("proposals")
    .set({ support_count: familySupportCount(rootId) })
    .where("id", "=", rootId);
  const recountSelf = db
    .updateTable("proposals")
    .set({ support_count: familySupportCount(id) })
    .where("id", "=", id);
  await db.batch([unlink, recountRoot, recountSelf, ...alongside]);
}

export async function dismissPair(db: Db, eventId: number, a: number, b: number): Promise<void> {
  const [low, high] = a < b ? [a, b] : [b, a];
  await db
    .insertInto("duplicate_dismissals")
    .values({ event_id: eventId, a_id: low, b_id: high })
    .onConflict((oc) => oc.doNothing())
    .execute();
}

export async function loadDismissals(db: Db, eventId: number): Promise<Set<string>> {
  const rows = await db
    .selectFrom("duplicate_dismissals")
    .select(["a_id", "b_id"])
    .where("event_id", "=", eventId)
    .execute();
  return new Set(rows.map((r) => `${r.a_id}-${r.b_id}`));
}
