// Workshop logic over the database: accepting proposals and supports, and building the grouped board.
import type { DB } from "./db";
import { type EventRow, findEventById } from "./db/events";
import { bumpCounters, loadLimitCounts } from "./db/limits";
import {
  addSupport,
  applyRegroup,
  findProposal,
  findProposalByClientId,
  insertProposal,
  loadDismissals,
  loadEventProposals,
  loadGroups,
  loadRecentGrouped,
  loadVocabularyTerms,
  type ProposalRow,
} from "./db/proposals";
import { isUniqueViolation } from "./db/responses";
import {
  type Analysis,
  analyse,
  assignGroup,
  duplicatePairs,
  groupTexts,
  idf,
  keywordsOf,
  NEAREST_AMONG,
  UNSORTED,
  Vocabulary,
} from "./domain/grouping";
import { type LimitCheck, limitsFor, type Writer } from "./domain/limits";
import { sha256Hex } from "./domain/password";
import type { Addressee, FollowStatus } from "./domain/proposal";
import { COMMENT_TOPICS, PROPOSAL_TOPICS } from "./domain/vocabulary";
import { ApiError, assertUnderLimits } from "./errors";
import { type Lang, t } from "./i18n";
import { assertOpen, sameOrConflict } from "./submission";

/** Compiled vocabularies per isolate, keyed by their extra terms: compiling costs more than using. */
const compiled = new Map<string, Vocabulary>();

export async function vocabularyFor(
  db: DB,
  unitPath: string,
  kind: "proposal" | "comment",
): Promise<Vocabulary> {
  const extra = await loadVocabularyTerms(db, unitPath, kind);
  const key = `${kind}\u0000${extra.map((e) => `${e.topic}:${e.phrase}`).join("\u0000")}`;
  const cached = compiled.get(key);
  if (cached) return cached;
  const vocab = new Vocabulary(kind === "proposal" ? PROPOSAL_TOPICS : COMMENT_TOPICS, extra);
  if (compiled.size >= 32) compiled.clear();
  compiled.set(key, vocab);
  return vocab;
}

export interface ProposalInput {
  clientId: string;
  text: string;
  addressee: Addressee | null;
  authorName: string | null;
  authorUnit: string | null;
}

/** Stores a proposal once per clientId; the same clientId with other words is a 422. */
export async function submitProposal(
  d1: D1Database,
  db: DB,
  event: EventRow,
  p: ProposalInput,
  now: Date,
  limits: readonly LimitCheck[],
) {
  const bodyHash = await sha256Hex(JSON.stringify([p.text, p.addressee, p.authorName, p.authorUnit]));
  const existing = await findProposalByClientId(db, event.id, p.clientId);
  if (existing) return sameOrConflict(existing, bodyHash);
  assertOpen(event, now);
  const [counts, vocab] = await Promise.all([
    loadLimitCounts(db, limits),
    vocabularyFor(db, event.unitPath, "proposal"),
  ]);
  assertUnderLimits(limits, counts);
  const analysis = analyse(p.text, vocab);
  // Without a theme, compare with the newest proposals only: analysing them all would put the
  // handler over its CPU budget once a workshop has a few hundred.
  const groupKey =
    analysis.topic ??
    assignGroup(
      analysis,
      (await loadRecentGrouped(db, event.id, NEAREST_AMONG)).map((r) => ({
        analysis: analyse(r.text, vocab),
        key: r.key,
      })),
    );
  try {
    const stored = await insertProposal(
      d1,
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
        groupKey,
        now: now.toISOString(),
      },
      bumpCounters(db, limits),
    );
    return { id: stored.id, created: true, rowsWritten: stored.rowsWritten };
  } catch (err) {
    if (!isUniqueViolation(err)) throw err;
    const winner = await findProposalByClientId(db, event.id, p.clientId);
    if (!winner) throw err;
    return sameOrConflict(winner, bodyHash);
  }
}

/** A phone supports a proposal once; a merged original passes the support to what it was merged into. */
export async function supportProposal(
  d1: D1Database,
  db: DB,
  proposalId: number,
  clientId: string,
  now: Date,
  who: { writer: Writer; eventId?: number },
) {
  const proposal = await findProposal(db, proposalId);
  const visible = proposal && proposal.hidden === 0 && (who.eventId ?? proposal.eventId) === proposal.eventId;
  const event = visible ? await findEventById(db, proposal.eventId) : undefined;
  if (!proposal || !event) throw new ApiError(404, "proposal_not_found", "error.proposal_not_found");
  assertOpen(event, now);
  const limits = limitsFor("support", event.id, who.writer, now);
  assertUnderLimits(limits, await loadLimitCounts(db, limits));
  const rootId = proposal.duplicateOf ?? proposal.id;
  const result = await addSupport(d1, db, rootId, clientId, now.toISOString(), bumpCounters(db, limits));
  return { id: rootId, ...result };
}

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
}

export interface BoardGroup {
  id: number;
  key: string | null;
  label: string;
  keywords: string[];
  manual: boolean;
  items: GroupItem[];
}

function itemOf(p: ProposalRow, withModeration: boolean): GroupItem {
  return {
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

/** A person's name for the group, else its theme's, else its keywords. */
function groupLabel(
  key: string | null,
  label: string | null,
  vocab: Vocabulary,
  keywords: string[],
  lang: Lang,
): string {
  if (label !== null) return label;
  if (key === UNSORTED || key === null) return t(lang, "group.unsorted");
  const topic = vocab.topics.get(key);
  if (topic) return lang === "en" ? topic.en : topic.vi;
  return keywords.slice(0, 3).join(", ");
}

/**
 * Every visible proposal in exactly one group (the unsorted group takes any without one). Keywords are
 * computed from the members each time, so they follow manual moves.
 */
export async function buildBoard(db: DB, event: EventRow, lang: Lang, moderation: boolean) {
  const [rows, groups, vocab] = await Promise.all([
    loadEventProposals(db, event.id),
    loadGroups(db, event.id),
    vocabularyFor(db, event.unitPath, "proposal"),
  ]);
  const visible = rows.filter((r) => r.hidden === 0);
  const analyses = visible.map((r) => analyse(r.text, vocab));
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
      const keywords = keywordsOf(m, analyses, weights, 4);
      return {
        id: g.id,
        key: g.key,
        label: groupLabel(g.key, g.label, vocab, keywords, lang),
        keywords,
        manual: g.manual === 1,
        items: m
          .map((i) => visible[i])
          .filter((r): r is ProposalRow => r !== undefined)
          .map((r) => itemOf(r, moderation))
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
  return { groups: out, rows, visible, analyses, vocab };
}

/** Suggested duplicate pairs among visible, unmerged proposals, minus those a facilitator dismissed. */
export async function duplicateSuggestions(
  db: DB,
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

/** Full regroup: unlocked proposals move to the groups the grouping picks now; manual decisions stay. */
export async function regroup(d1: D1Database, db: DB, event: EventRow, now: Date) {
  const [rows, vocab] = await Promise.all([
    loadEventProposals(db, event.id),
    vocabularyFor(db, event.unitPath, "proposal"),
  ]);
  const free = rows.filter((r) => r.hidden === 0 && r.groupLocked === 0 && r.duplicateOf === null);
  const analyses = free.map((r) => analyse(r.text, vocab));
  const moves = groupTexts(analyses, vocab).flatMap((g) =>
    g.members.flatMap((i) => {
      const r = free[i];
      return r ? [{ id: r.id, key: g.key }] : [];
    }),
  );
  await applyRegroup(d1, db, event.id, moves, now.toISOString());
  return moves.length;
}

/** Survey comments grouped by theme, for a class report or across a unit's classes. */
export function groupComments(
  comments: readonly { id: number; text: string }[],
  vocab: Vocabulary,
  lang: Lang,
) {
  const analyses = comments.map((c) => analyse(c.text, vocab));
  return groupTexts(analyses, vocab).map((g, i) => ({
    id: i + 1,
    key: g.key,
    label: groupLabel(g.key, null, vocab, g.keywords, lang),
    keywords: g.keywords,
    items: g.members.flatMap((m) => {
      const c = comments[m];
      return c ? [{ id: c.id, text: c.text }] : [];
    }),
  }));
}
