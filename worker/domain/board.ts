// The facilitator's board as pure logic: proposals in their groups, why each is where it is, the groups offered for the unsorted, duplicate suggestions.
import {
  type Analysis,
  analyse,
  bestGroups,
  duplicatePairs,
  groupLabel,
  hasAgenda,
  idf,
  isLessonKey,
  keywordsOf,
  type Lesson,
  type Lexicon,
  type Room,
  UNSORTED,
} from "./grouping";
import type { Lang } from "./i18n";
import type { Addressee, FollowStatus } from "./proposal";
import { fold } from "./text";

/** A proposal as the board reads it (a stored row has these and more). */
export interface BoardRow {
  id: number;
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
  supports: number;
  followStatus: FollowStatus | null;
  followNote: string | null;
  followUnitId: number | null;
  createdAt: string;
}

/** A group as stored. */
export interface BoardGroupRow {
  id: number;
  key: string | null;
  label: string | null;
  manual: number;
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
  /** Made by what the unit's earlier workshops taught (a lesson's name), not by this room. */
  taught: boolean;
  items: GroupItem[];
}

export function itemOf(p: BoardRow, withModeration: boolean, why: string[] = []): GroupItem {
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
 * Every visible proposal in exactly one group (the unsorted group takes any without one), each group
 * labelled and its keywords computed from its members each time, so they follow manual moves; with an
 * agenda, each unsorted proposal carries the two groups it reads most like.
 */
export function assembleBoard<R extends BoardRow>(
  rows: readonly R[],
  stored: readonly BoardGroupRow[],
  lexicon: Lexicon,
  lang: Lang,
  moderation: boolean,
) {
  const groups = [...stored];
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
        taught: isLessonKey(g.key),
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
  return { groups: out, visible, analyses };
}

/** How many groups are offered for a proposal the agenda's groups did not take. */
const SUGGESTED = 2;

/**
 * The facilitator's one-click choices for what is in "Chưa xếp nhóm" when she gave an agenda: the
 * two groups it reads most like (by the same frame that placed the rest). Lessons are not offered:
 * the board offers only the room's own groups.
 */
export function suggestHomes(
  out: BoardGroup[],
  groups: readonly BoardGroupRow[],
  visible: readonly BoardRow[],
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
export function reasonsFor(
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
  if (first.size > 0 || g.label === null) return [...first.values()].slice(0, 3);
  return nameWordsUsed(a, g.label);
}

/**
 * The words of a group's name a text uses, as the facilitator typed them: the longest runs of the
 * name's words the text says together ("chống sạt lở", not "chống sạt" and "sạt lở"), then single
 * words of it said apart. What the frame placed by.
 */
function nameWordsUsed(a: Analysis, label: string): string[] {
  const typed = label.split(/[^\p{L}\p{N}]+/u).filter((w) => w !== "");
  const folded = typed.map(fold);
  const runs: string[] = [];
  const inRun = new Set<number>();
  for (let k = 0; k < folded.length; ) {
    let end = k;
    while (end + 1 < folded.length && a.terms.has(`${folded[end]} ${folded[end + 1]}`)) end += 1;
    if (end > k) {
      runs.push(typed.slice(k, end + 1).join(" "));
      for (let x = k; x <= end; x++) inRun.add(x);
    }
    k = end + 1;
  }
  const single = typed.filter((_, k) => !inRun.has(k) && a.terms.has(folded[k] ?? ""));
  return [...runs, ...single].slice(0, 3);
}

/** Suggested duplicate pairs among visible, unmerged proposals, minus dismissed ones (as "low-high" ids); at most 50. */
export function suggestedDuplicates(
  visible: readonly BoardRow[],
  analyses: readonly Analysis[],
  dismissed: ReadonlySet<string>,
) {
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
export function roomFrom(
  groups: readonly BoardGroupRow[],
  placed: readonly BoardRow[],
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
