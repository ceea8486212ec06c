// Workshop proposals, supports, groups, duplicate dismissals and organisers' vocabulary terms.
import { sql } from "kysely";
import type { Addressee, FollowStatus } from "../domain/proposal";
import type { Compilable, Db } from ".";

export interface ProposalRow {
  id: number;
  eventId: number;
  clientId: string;
  bodyHash: string;
  text: string;
  originalText: string | null;
  addressee: Addressee | null;
  suggestedAddressee: Addressee;
  authorName: string | null;
  authorUnit: string | null;
  hidden: number;
  hiddenReason: string | null;
  duplicateOf: number | null;
  groupId: number | null;
  groupLocked: number;
  /** 1 once a person wrote or chose its words; until then a merge may show its family's best-written. */
  textByPerson: number;
  supports: number;
  followStatus: FollowStatus | null;
  followNote: string | null;
  followUnitId: number | null;
  followUpdatedAt: string | null;
  createdAt: string;
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

/** The newest visible proposals with the key of the group they are in (for placing a new one). */
export async function loadRecentGrouped(db: Db, eventId: number, limit: number) {
  return db
    .selectFrom("proposals as p")
    .leftJoin("proposal_groups as g", "g.id", "p.group_id")
    .select(["p.text", "g.key"])
    .where("p.event_id", "=", eventId)
    .where("p.hidden", "=", 0)
    .orderBy("p.id", "desc")
    .limit(limit)
    .execute();
}

/** How many proposals a person placed that are read to teach a workshop's groups, at most. */
export const TAUGHT_MAX = 300;

/**
 * The groups a person named and the proposals a person placed (not merged originals, which follow
 * their proposal): what teaches the board where new proposals go.
 */
export async function loadTaught(db: Db, eventId: number) {
  const [groups, placed] = await db.batch([
    db
      .selectFrom("proposal_groups")
      .select(["id", "key", "label"])
      .where("event_id", "=", eventId)
      .orderBy("id"),
    db
      .selectFrom("proposals")
      .select(["group_id as groupId", "text"])
      .where("event_id", "=", eventId)
      .where("group_locked", "=", 1)
      .where("duplicate_of", "is", null)
      .where("hidden", "=", 0)
      .orderBy("id", "desc")
      .limit(TAUGHT_MAX),
  ]);
  return { groups: groups.rows, placed: placed.rows };
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
  group: { key: string } | { id: number };
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
          .values({ event_id: p.eventId, key: p.group.key, label: null, created_at: p.now })
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

export interface GroupRow {
  id: number;
  key: string | null;
  label: string | null;
  manual: number;
}

export async function loadGroups(db: Db, eventId: number): Promise<GroupRow[]> {
  return db
    .selectFrom("proposal_groups")
    .select(["id", "key", "label", "manual"])
    .where("event_id", "=", eventId)
    .orderBy("id")
    .execute();
}

/** A facilitator's group, optionally taking proposals (and their originals) from other groups. */
export async function createGroup(
  db: Db,
  eventId: number,
  label: string,
  proposalIds: number[],
  now: string,
) {
  const insert = db
    .insertInto("proposal_groups")
    .values({ event_id: eventId, key: null, label, manual: 1, created_at: now })
    .returning("id");
  const newest = sql<number>`(SELECT max(id) FROM proposal_groups)`;
  const move =
    proposalIds.length === 0
      ? []
      : [
          db
            .updateTable("proposals")
            .set({ group_id: newest, group_locked: 1 })
            .where("event_id", "=", eventId)
            .where((eb) => eb.or([eb("id", "in", proposalIds), eb("duplicate_of", "in", proposalIds)])),
        ];
  const [created] = await db.batch([insert, ...move]);
  const row = created.rows[0];
  if (!row) throw new Error("group insert returned no id");
  return row.id;
}

/** A facilitator's named groups, empty, in one batch (the agenda's themes typed before a workshop). */
export async function createNamedGroups(db: Db, eventId: number, labels: readonly string[], now: string) {
  const [first, ...rest] = labels.map((label) =>
    db
      .insertInto("proposal_groups")
      .values({ event_id: eventId, key: null, label, manual: 1, created_at: now }),
  );
  if (first) await db.batch([first, ...rest]);
}

export async function renameGroup(db: Db, eventId: number, groupId: number, label: string): Promise<void> {
  await db
    .updateTable("proposal_groups")
    .set({ label })
    .where("id", "=", groupId)
    .where("event_id", "=", eventId)
    .execute();
}

/** Puts unlocked proposals into the groups chosen by a full regroup (by key or id); locked ones stay. */
export async function applyRegroup(
  db: Db,
  eventId: number,
  moves: readonly ({ id: number; key: string } | { id: number; groupId: number })[],
  now: string,
): Promise<void> {
  const keys = [...new Set(moves.flatMap((m) => ("key" in m ? [m.key] : [])))];
  const ensure = keys.map((key) =>
    db
      .insertInto("proposal_groups")
      .values({ event_id: eventId, key, label: null, created_at: now })
      .onConflict((oc) => oc.doNothing()),
  );
  const updates = moves.map((m) =>
    db
      .updateTable("proposals")
      .set({
        group_id:
          "key" in m
            ? sql`(SELECT id FROM proposal_groups WHERE event_id = ${eventId} AND key = ${m.key})`
            : m.groupId,
      })
      .where("id", "=", m.id)
      .where("group_locked", "=", 0),
  );
  if (ensure.length + updates.length > 0) await db.batch([...ensure, ...updates]);
}

/** Organisers' extra phrases for events of this unit path (theirs and their ancestors'). */
export async function loadVocabularyTerms(db: Db, unitPath: string, kind: "proposal" | "comment") {
  return db
    .selectFrom("vocabulary_terms as v")
    .innerJoin("units as u", "u.id", "v.unit_id")
    .select(["v.id", "v.topic", "v.phrase", "u.name as unitName"])
    .where("v.kind", "=", kind)
    .where(sql<boolean>`${unitPath} LIKE u.path || '%'`)
    .orderBy("v.id")
    .limit(2000)
    .execute();
}

export async function addVocabularyTerm(
  db: Db,
  term: {
    unitId: number;
    kind: "proposal" | "comment";
    topic: string;
    phrase: string;
    createdBy: number;
    now: string;
  },
): Promise<void> {
  await db
    .insertInto("vocabulary_terms")
    .values({
      unit_id: term.unitId,
      kind: term.kind,
      topic: term.topic,
      phrase: term.phrase,
      created_by: term.createdBy,
      created_at: term.now,
    })
    .onConflict((oc) => oc.doNothing())
    .execute();
}

export async function findVocabularyTerm(db: Db, id: number) {
  return db
    .selectFrom("vocabulary_terms")
    .select(["id", "unit_id as unitId", "kind", "topic", "phrase"])
    .where("id", "=", id)
    .executeTakeFirst();
}

export async function deleteVocabularyTerm(db: Db, id: number): Promise<void> {
  await db.deleteFrom("vocabulary_terms").where("id", "=", id).execute();
}
