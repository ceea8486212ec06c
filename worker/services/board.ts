// The facilitator's board and the leaders' view of a workshop: groups, moderation, merges, follow-up.
import type { Db } from "../db";
import type { EventRow } from "../db/events";
import { applyRegroup, createGroup, createNamedGroups, loadGroups, renameGroup } from "../db/groups";
import {
  dismissPair,
  findProposal,
  loadDismissals,
  loadEventProposals,
  loadFamilies,
  mergeProposals,
  type ProposalPatch,
  type ProposalRow,
  showWords,
  unmergeProposal,
  updateProposal,
} from "../db/proposals";
import { loadComments } from "../db/responses";
import { findUnitById } from "../db/units";
import { assembleBoard, type GroupItem, roomFrom, suggestedDuplicates } from "../domain/board";
import { canShow } from "../domain/disclosure";
import { Forbidden, Invalid, NotFound } from "../domain/errors";
import { type Analysis, analyse, groupComments, placeAll } from "../domain/grouping";
import type { Lang } from "../domain/i18n";
import { familyWords } from "../domain/proposal";
import { canSee, type EventKind, MIN_RESPONSES_FOR_DETAIL, type StaffUser } from "../domain/terms";
import { fold } from "../domain/text";
import { lessonsFor } from "./lessons";
import { lexiconFor } from "./lexicon";
import { eventInScope, workshopInScope } from "./scope";

/**
 * Every visible proposal in exactly one group (the unsorted group takes any without one). Keywords are
 * computed from the members each time, so they follow manual moves.
 */
async function buildBoard(db: Db, event: EventRow, lang: Lang, moderation: boolean) {
  const [rows, groups, lexicon] = await Promise.all([
    loadEventProposals(db, event.id),
    loadGroups(db, event.id),
    lexiconFor(db, event.unitPath, "proposal"),
  ]);
  const { groups: out, visible, analyses } = assembleBoard(rows, groups, lexicon, lang, moderation);
  return { groups: out, rows, visible, analyses, lexicon };
}

/** Suggested duplicate pairs among visible, unmerged proposals, minus those a facilitator dismissed. */
async function duplicateSuggestions(
  db: Db,
  eventId: number,
  visible: readonly ProposalRow[],
  analyses: readonly Analysis[],
) {
  return suggestedDuplicates(visible, analyses, await loadDismissals(db, eventId));
}

/** Full regroup: unlocked proposals move to the groups the placing picks now; manual decisions stay. */
async function regroup(db: Db, event: EventRow, now: Date) {
  const [rows, lexicon, groups] = await Promise.all([
    loadEventProposals(db, event.id),
    lexiconFor(db, event.unitPath, "proposal"),
    loadGroups(db, event.id),
  ]);
  const placed = rows.filter((r) => r.hidden === 0 && r.groupLocked === 1 && r.duplicateOf === null);
  const free = rows.filter((r) => r.hidden === 0 && r.groupLocked === 0 && r.duplicateOf === null);
  const room = roomFrom(groups, placed, await lessonsFor(db, event, lexicon), lexicon);
  const places = placeAll(
    free.map((r) => analyse(r.text, lexicon)),
    room,
    lexicon,
  );
  const moves = free.flatMap((r, i) => {
    const p = places[i];
    return p ? [{ id: r.id, ...p }] : [];
  });
  await applyRegroup(db, event.id, moves, now.toISOString());
  return free.length;
}

// ---- What staff do on the board ---------------------------------------------------------------

async function proposalOf(db: Db, event: EventRow, id: number, field = "id"): Promise<ProposalRow> {
  const p = await findProposal(db, id);
  if (!p) {
    throw new NotFound("proposal_not_found", "error.proposal_not_found", {
      [field]: { key: "error.proposal_not_found" },
    });
  }
  if (p.eventId !== event.id) throw new Invalid({ [field]: { key: "field.proposal_other_event" } });
  return p;
}

async function groupOf(db: Db, eventId: number, gid: number, field = "groupId") {
  const g = (await loadGroups(db, eventId)).find((x) => x.id === gid);
  if (!g) {
    throw new NotFound("group_not_found", "error.group_not_found", {
      [field]: { key: "error.group_not_found" },
    });
  }
  return g;
}

/** One shape for every kind, so clients get one type: a survey's items are {id, text} only. */
export interface GroupsView {
  kind: EventKind;
  hiddenBelow: number | null;
  groups: {
    id: number;
    key: string | null;
    label: string;
    keywords: string[];
    items: (GroupItem | { id: number; text: string })[];
  }[];
}

/** A workshop's proposals by group; a class's or survey's comments by theme (hidden below the threshold). */
export async function eventGroups(db: Db, user: StaffUser, id: number, lang: Lang): Promise<GroupsView> {
  const event = await eventInScope(db, user, id);
  if (event.kind !== "workshop") {
    // The trainees' comments, as the report's: a lecturer's are in the report's own section.
    if (!canShow(event.responseCount - event.lecturerCount)) {
      return { kind: event.kind, hiddenBelow: MIN_RESPONSES_FOR_DETAIL, groups: [] };
    }
    const [comments, lexicon] = await Promise.all([
      loadComments(db, event.id, "trainee", 2000),
      lexiconFor(db, event.unitPath, "comment"),
    ]);
    return { kind: event.kind, hiddenBelow: null, groups: groupComments(comments, lexicon, lang) };
  }
  const { groups } = await buildBoard(db, event, lang, false);
  return { kind: event.kind, hiddenBelow: null, groups };
}

/** The facilitator's board: groups with moderation flags, hidden proposals, suggested duplicates. */
export async function boardOf(db: Db, user: StaffUser, id: number, lang: Lang) {
  const event = await workshopInScope(db, user, id);
  const { groups, rows, visible, analyses } = await buildBoard(db, event, lang, true);
  const hidden = rows
    .filter((r) => r.hidden === 1)
    .map((r) => ({ id: r.id, text: r.text, hiddenReason: r.hiddenReason, createdAt: r.createdAt }));
  return {
    groups,
    hidden,
    suggestions: await duplicateSuggestions(db, event.id, visible, analyses),
    lessonsShared: event.shareLessons === 1,
  };
}

export type ProposalChange = Omit<ProposalPatch, "originalText" | "now">;

/** Moderation (organisers, admins) and follow-up (leaders too) of one proposal. */
export async function changeProposal(
  db: Db,
  user: StaffUser,
  ids: { id: number; pid: number },
  change: ProposalChange,
  now: Date,
): Promise<void> {
  const event = await workshopInScope(db, user, ids.id);
  const p = await proposalOf(db, event, ids.pid, "pid");
  const moderating = change.text !== undefined || change.hidden !== undefined || change.groupId !== undefined;
  if (moderating && user.role === "leader") throw new Forbidden();
  if (change.groupId !== undefined) await groupOf(db, event.id, change.groupId);
  if (change.followUnitId !== undefined && change.followUnitId !== null) {
    const unit = await findUnitById(db, change.followUnitId);
    if (!unit || !canSee(user, unit)) {
      throw new Invalid({ followUnitId: { key: "field.unit_not_found" } });
    }
  }
  await updateProposal(db, event.id, p.id, {
    ...change,
    // The delegate's words are kept the first time a facilitator corrects them.
    ...(change.text !== undefined && change.text !== p.text && p.originalText === null
      ? { originalText: p.text }
      : {}),
    now: now.toISOString(),
  });
}

/** Merges duplicates into a target (into what the target already belongs to); returns the family's supports. */
export async function mergeInto(
  db: Db,
  user: StaffUser,
  id: number,
  m: { targetId: number; sourceIds: readonly number[] },
) {
  const event = await workshopInScope(db, user, id);
  if (m.sourceIds.includes(m.targetId)) throw new Invalid({ sourceIds: { key: "field.merge_self" } });
  const target = await proposalOf(db, event, m.targetId, "targetId");
  const rootId = target.duplicateOf ?? target.id;
  for (const [i, sid] of m.sourceIds.entries()) await proposalOf(db, event, sid, `sourceIds.${i}`);
  const sources = m.sourceIds.filter((s) => s !== rootId);
  if (sources.length > 0) {
    const family = await loadFamilies(db, event.id, [rootId, ...sources]);
    const root = family.find((p) => p.id === rootId) ?? target;
    const words = familyWords(root, family);
    await mergeProposals(db, event.id, rootId, sources, words ? [showWords(db, rootId, words)] : []);
  }
  const merged = await proposalOf(db, event, rootId);
  return { id: rootId, supports: merged.supports };
}

/** Takes one original back out of what it was merged into. */
export async function unmerge(db: Db, user: StaffUser, ids: { id: number; pid: number }): Promise<void> {
  const event = await workshopInScope(db, user, ids.id);
  const p = await proposalOf(db, event, ids.pid, "pid");
  if (p.duplicateOf === null) return;
  const rootId = p.duplicateOf;
  // The family's words are chosen again without the one taken out.
  const family = (await loadFamilies(db, event.id, [rootId])).filter((x) => x.id !== p.id);
  const root = family.find((x) => x.id === rootId);
  const words = root ? familyWords(root, family) : null;
  await unmergeProposal(db, event.id, p.id, rootId, words ? [showWords(db, rootId, words)] : []);
}

/** The facilitator says two suggested proposals are not duplicates. */
export async function dismissDuplicate(db: Db, user: StaffUser, id: number, a: number, b: number) {
  const event = await workshopInScope(db, user, id);
  await proposalOf(db, event, a, "a");
  await proposalOf(db, event, b, "b");
  await dismissPair(db, event.id, a, b);
}

/** A facilitator's own group, optionally taking proposals (with their originals) from others. */
export async function addGroup(
  db: Db,
  user: StaffUser,
  id: number,
  g: { label: string; proposalIds: readonly number[] },
  now: Date,
): Promise<number> {
  const event = await workshopInScope(db, user, id);
  for (const [i, pid] of g.proposalIds.entries()) await proposalOf(db, event, pid, `proposalIds.${i}`);
  const gid = await createGroup(db, event.id, g.label, [...g.proposalIds], now.toISOString());
  // A named group with nothing in it is a seed: what was sent already and fits it joins it now.
  if (g.proposalIds.length === 0) await regroup(db, event, now);
  return gid;
}

/**
 * The agenda's themes as empty named groups (a name the workshop already has is skipped), then a
 * regroup so the proposals already sent that fit them join them. Returns how many groups were made.
 */
export async function seedAgenda(
  db: Db,
  user: StaffUser,
  id: number,
  labels: readonly string[],
  now: Date,
): Promise<number> {
  const event = await workshopInScope(db, user, id);
  const seen = new Set((await loadGroups(db, event.id)).flatMap((g) => (g.label ? [fold(g.label)] : [])));
  const fresh: string[] = [];
  for (const label of labels) {
    if (seen.has(fold(label))) continue;
    seen.add(fold(label));
    fresh.push(label);
  }
  await createNamedGroups(db, event.id, fresh, now.toISOString());
  if (fresh.length > 0) await regroup(db, event, now);
  return fresh.length;
}

export async function relabelGroup(
  db: Db,
  user: StaffUser,
  ids: { id: number; gid: number },
  label: string,
): Promise<void> {
  const event = await workshopInScope(db, user, ids.id);
  await groupOf(db, event.id, ids.gid, "gid");
  await renameGroup(db, event.id, ids.gid, label);
}

/** Regroups what no person has placed; returns how many proposals were considered. */
export async function regroupWorkshop(db: Db, user: StaffUser, id: number, now: Date): Promise<number> {
  return regroup(db, await workshopInScope(db, user, id), now);
}

/** Every visible proposal in board order with its group's label, for the exports. */
export async function boardRows(db: Db, event: EventRow, lang: Lang) {
  const { groups } = await buildBoard(db, event, lang, false);
  return groups.flatMap((g) => g.items.map((item) => ({ group: g.label, item })));
}
