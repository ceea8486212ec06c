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
import { Forbidden, Invalid, NotFound } from "../domain/errors";
import {
  type Analysis,
  analyse,
  bestGroups,
  duplicatePairs,
  groupComments,
  groupLabel,
  hasAgenda,
  idf,
  keywordsOf,
  type Lesson,
  type Lexicon,
  placeAll,
  type Room,
  UNSORTED,
} from "../domain/grouping";
import type { Lang } from "../domain/i18n";
import { type Addressee, type FollowStatus, familyWords } from "../domain/proposal";
import { canSee, type EventKind, MIN_RESPONSES_FOR_DETAIL, type StaffUser } from "../domain/terms";
import { fold } from "../domain/text";
import { lessonsFor } from "./lessons";
import { lexiconFor } from "./lexicon";
import { eventInScope, workshopInScope } from "./scope";

export interface GroupItem {
  id: number;
  text: string;
  originalText: string | null;
  addressee: Addressee;
  addresseeSuggested: boolean;
  supports: number;
  duplicateOf: number | null;
  authorName: string | null;
  authorUnit: string | null;
  createdAt: string;
  followStatus: FollowStatus | null;
  followNote: string | null;
  followUnitId: number | null;
  hidden?: boolean;
  hiddenReason?: string | null;
  /** Why it is in its group: the theme's phrases it says, or the group's words it uses. */
  why: string[];
  /** A person put it there; regrouping leaves it. */
  placed: boolean;
  /** For a proposal in "Chưa xếp nhóm" of a workshop with an agenda: its best two groups, to move it in one click. */
  suggest?: { id: number; label: string }[];
}

export interface BoardGroup {
  id: number;
  key: string | null;
  label: string;
  keywords: string[];
  manual: boolean;
  items: GroupItem[];
}

function itemOf(p: ProposalRow, withModeration: boolean, why: string[] = []): GroupItem {
  return {
    why,
    placed: p.groupLocked === 1 && p.duplicateOf === null,
    id: p.id,
    text: p.text,
    originalText: p.originalText,
    addressee: p.addressee ?? p.suggestedAddressee,
    addresseeSuggested: p.addressee === null,
    supports: p.supports,
    duplicateOf: p.duplicateOf,
    authorName: p.authorName,
    authorUnit: p.authorUnit,
    createdAt: p.createdAt,
    followStatus: p.followStatus,
    followNote: p.followNote,
    followUnitId: p.followUnitId,
    ...(withModeration ? { hidden: p.hidden === 1, hiddenReason: p.hiddenReason } : {}),
  };
}

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
  const visible = rows.filter((r) => r.hidden === 0);
  const analyses = visible.map((r) => analyse(r.text, lexicon));
  const weights = idf(analyses);
  const known = new Set(groups.map((g) => g.id));
  const members = new Map<number, number[]>();
  let unsorted = groups.find((g) => g.key === UNSORTED);
  visible.forEach((r, i) => {
    const gid = r.groupId !== null && known.has(r.groupId) ? r.groupId : (unsorted?.id ?? 0);
    members.set(gid, [...(members.get(gid) ?? []), i]);
  });
  if (!unsorted && members.has(0)) {
    unsorted = { id: 0, key: UNSORTED, label: null, manual: 0 };
    groups.push(unsorted);
  }
  const out: BoardGroup[] = groups
    .map((g) => {
      const m = members.get(g.id) ?? [];
      const keywords = keywordsOf(m, analyses, weights, 4, lexicon);
      return {
        id: g.id,
        key: g.key,
        label: groupLabel(
          g.key,
          g.label,
          lexicon,
          keywords,
          lang,
          m.flatMap((i) => analyses[i] ?? []),
        ),
        keywords,
        manual: g.manual === 1,
        items: m
          .flatMap((i) => {
            const r = visible[i];
            const a = analyses[i];
            return r && a ? [itemOf(r, moderation, reasonsFor(a, g, keywords, lexicon))] : [];
          })
          .sort((a, b) => b.supports - a.supports || a.id - b.id),
      };
    })
    // Empty automatic groups are noise; a facilitator's empty group is kept for them to fill.
    .filter((g) => g.items.length > 0 || g.manual)
    .sort(
      (a, b) =>
        (a.key === UNSORTED ? 1 : 0) - (b.key === UNSORTED ? 1 : 0) ||
        b.items.length - a.items.length ||
        a.id - b.id,
    );
  suggestHomes(out, groups, visible, analyses, lexicon);
  return { groups: out, rows, visible, analyses, lexicon };
}

/** How many groups are offered for a proposal the agenda's groups did not take. */
const SUGGESTED = 2;

/**
 * The facilitator's one-click choices for what is in "Chưa xếp nhóm" when she gave an agenda: the
 * two groups it reads most like (by the same frame that placed the rest). Lessons are not offered:
 * the board offers only the room's own groups.
 */
function suggestHomes(
  out: BoardGroup[],
  groups: readonly { id: number; key: string | null; label: string | null; manual: number }[],
  visible: readonly ProposalRow[],
  analyses: readonly Analysis[],
  lexicon: Lexicon,
) {
  const unsorted = out.find((g) => g.key === UNSORTED);
  if (!unsorted || unsorted.items.length === 0) return;
  const byId = new Map(visible.map((r, i) => [r.id, i]));
  const members = visible.flatMap((r, i) => {
    const a = analyses[i];
    return a && r.groupId !== null && r.duplicateOf === null && r.groupId !== unsorted.id
      ? [{ analysis: a, groupId: r.groupId, key: null, byHand: r.groupLocked === 1 }]
      : [];
  });
  const room: Room = {
    groups: groups.map((g) => ({ id: g.id, key: g.key, label: g.label, manual: g.manual === 1 })),
    members,
    lessons: [],
  };
  if (!hasAgenda(room)) return;
  const labelOf = new Map(out.map((g) => [g.id, g.label]));
  const texts = unsorted.items.flatMap((item) => analyses[byId.get(item.id) ?? -1] ?? []);
  const best = bestGroups(texts, room, lexicon, SUGGESTED);
  unsorted.items.forEach((item, i) => {
    item.suggest = (best[i] ?? []).flatMap((id) => {
      const label = labelOf.get(id);
      return label === undefined ? [] : [{ id, label }];
    });
  });
}

/**
 * Why a text is in a group, in its own words: the theme's phrases it says when the group is that
 * theme; else the words of the group's name, or of the keywords of a group of shared words, it uses.
 */
function reasonsFor(
  a: Analysis,
  g: { key: string | null; label: string | null },
  keywords: readonly string[],
  lexicon: Lexicon,
): string[] {
  if (g.key !== null && lexicon.topics.has(g.key)) {
    return [...new Set(a.said.filter((x) => x.theme === g.key).map((x) => x.typed))].slice(0, 3);
  }
  // A person's name for the group says why; else, for a group of shared words, those words.
  const said = g.label !== null ? g.label.split(/[,;·]/) : g.key?.startsWith("kw:") ? keywords : [];
  const words = said
    .map((w) => w.trim())
    // Said as it stands, or every word of it in another order ("vay vốn" for "Vốn vay").
    .filter(
      (w) =>
        w !== "" &&
        (a.terms.has(fold(w)) ||
          fold(w)
            .split(" ")
            .every((x) => a.terms.has(x))),
    );
  const first = new Map<string, string>();
  for (const w of words) if (!first.has(fold(w))) first.set(fold(w), w);
  return [...first.values()].slice(0, 3);
}

/** Suggested duplicate pairs among visible, unmerged proposals, minus those a facilitator dismissed. */
async function duplicateSuggestions(
  db: Db,
  eventId: number,
  visible: readonly ProposalRow[],
  analyses: readonly Analysis[],
) {
  const dismissed = await loadDismissals(db, eventId);
  const candidates = visible.map((r, i) => ({ r, a: analyses[i] })).filter((x) => x.r.duplicateOf === null);
  const pairs = duplicatePairs(candidates.flatMap((x) => (x.a ? [x.a] : [])));
  const out: { a: number; b: number; score: number }[] = [];
  for (const p of pairs) {
    const a = candidates[p.a]?.r.id;
    const b = candidates[p.b]?.r.id;
    if (a === undefined || b === undefined) continue;
    const [low, high] = a < b ? [a, b] : [b, a];
    if (!dismissed.has(`${low}-${high}`))
      out.push({ a: low, b: high, score: Math.round(p.score * 100) / 100 });
    if (out.length >= 50) break;
  }
  return out;
}

/** The room as a regroup sees it: the groups, and the proposals a person placed, which stay. */
function roomFrom(
  groups: readonly { id: number; key: string | null; label: string | null; manual: number }[],
  placed: readonly ProposalRow[],
  lessons: readonly Lesson[],
  lexicon: Lexicon,
): Room {
  return {
    groups: groups.map((g) => ({ id: g.id, key: g.key, label: g.label, manual: g.manual === 1 })),
    members: placed.map((r) => ({
      analysis: analyse(r.text, lexicon),
      groupId: r.groupId,
      key: groups.find((g) => g.id === r.groupId)?.key ?? null,
      byHand: true,
    })),
    lessons,
  };
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
    if (event.responseCount < MIN_RESPONSES_FOR_DETAIL) {
      return { kind: event.kind, hiddenBelow: MIN_RESPONSES_FOR_DETAIL, groups: [] };
    }
    const [comments, lexicon] = await Promise.all([
      loadComments(db, event.id, 2000),
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
