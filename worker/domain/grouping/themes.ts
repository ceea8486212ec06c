// Cold grouping, with no frame: the lexicon's themes read in the workshop's context, then clusters of shared words.
import type { Lang } from "../i18n";
import { groupLabel, keywordsOf, UNSORTED } from "./labels";
import { type Analysis, analyse, type Lexicon } from "./reading";
import {
  ATTACH_MIN,
  CLUSTER_MIN,
  ESTABLISHED,
  FRAGMENT_MAX,
  FRAGMENTS_KEPT,
  JOIN_ALONE,
  JOIN_SMALL,
  NEAR_BEST,
  REHOME_MARGIN,
  STRONG,
} from "./tuning";
import { centroidOf, cosine, idf, type Vector, vectorOf } from "./vectors";

/** The group whose centroid is closest to a text without a theme, if any is close enough. */
function nearestGroup(v: Vector, centroids: ReadonlyMap<string, Vector>): string | null {
  let bestKey: string | null = null;
  let best = ATTACH_MIN;
  for (const [key, c] of centroids) {
    const s = cosine(v, c);
    if (s >= best) {
      best = s;
      bestKey = key;
    }
  }
  return bestKey;
}

/**
 * The group a new text joins as it arrives: its theme, else the closest existing group (by the
 * members' centroid), else "unsorted". Existing texts come with the group key they are in.
 */
export function assignGroup(
  a: Analysis,
  others: readonly { analysis: Analysis; key: string | null }[],
): string {
  if (a.topic !== null) return a.topic;
  const weights = idf([a, ...others.map((o) => o.analysis)]);
  const byKey = new Map<string, Vector[]>();
  for (const o of others) {
    if (o.key === null || o.key === UNSORTED) continue;
    byKey.set(o.key, [...(byKey.get(o.key) ?? []), vectorOf(o.analysis, weights)]);
  }
  const centroids = new Map([...byKey].map(([key, vs]) => [key, centroidOf(vs)]));
  return nearestGroup(vectorOf(a, weights), centroids) ?? UNSORTED;
}

export interface GroupOut {
  /** A theme key, "kw:<term>" for a keyword group, or "unsorted". */
  key: string;
  members: number[];
  keywords: string[];
}

/**
 * The theme a text is read in, within its workshop: when no other text takes its best theme, and
 * a theme the workshop does talk about reads it nearly as well, that one. "Bình xét gia đình văn
 * hóa" is about clean villages at a workshop on the environment, about assessment at one on
 * officers. `support` counts the texts taking each theme as their best, this one included.
 */
function themeInContext(a: Analysis, support: ReadonlyMap<string, number>): string | null {
  if (a.topic === null) return null;
  let chosen = a.topic;
  let most = support.get(a.topic) ?? 0;
  if (most >= ESTABLISHED) return chosen;
  const best = a.topicScores.get(a.topic) ?? 0;
  for (const [key, score] of a.topicScores) {
    const n = support.get(key) ?? 0;
    if (score >= NEAR_BEST * best && n >= ESTABLISHED && n > most) {
      chosen = key;
      most = n;
    }
  }
  return chosen;
}

/**
 * The theme a text arriving at a workshop is read in: as `themeInContext`, a theme group the
 * workshop already has counting as established (its members are not read on each arrival).
 */
export function arrivalTheme(a: Analysis, groupKeys: Iterable<string | null>): string | null {
  const support = new Map<string, number>();
  for (const key of groupKeys) if (key !== null) support.set(key, ESTABLISHED);
  return themeInContext(a, support);
}

/** How many texts take each theme as their best: what the workshop is about. */
function themeSupport(analyses: Iterable<Analysis>): Map<string, number> {
  const support = new Map<string, number>();
  for (const a of analyses) if (a.topic !== null) support.set(a.topic, (support.get(a.topic) ?? 0) + 1);
  return support;
}

/**
 * Texts that only lean to their theme join the group whose surely placed members' wording is
 * clearly closer to theirs, if one is: the workshop's own words decide what the lexicon left open.
 */
function rehome(byKey: Map<string, number[]>, leaning: ReadonlySet<number>, vectors: readonly Vector[]) {
  if (leaning.size === 0) return;
  const sure = new Map(
    [...byKey].map(([k, m]) => [
      k,
      centroidOf(m.filter((i) => !leaning.has(i)).map((i) => vectors[i] ?? new Map())),
    ]),
  );
  for (const [own, members] of [...byKey]) {
    for (const i of members.filter((j) => leaning.has(j))) {
      const v = vectors[i] ?? new Map();
      let home = own;
      let best = cosine(v, sure.get(own) ?? new Map()) + REHOME_MARGIN;
      for (const [key, c] of sure) {
        const score = cosine(v, c);
        if (score > best) {
          best = score;
          home = key;
        }
      }
      if (home === own) continue;
      byKey.set(
        own,
        (byKey.get(own) ?? []).filter((j) => j !== i),
      );
      byKey.get(home)?.push(i);
    }
  }
  for (const [key, members] of byKey) if (members.length === 0) byKey.delete(key);
}

/** Groups texts; returns groups in a stable order (by theme order, then size) with member indexes. */
export function groupTexts(analyses: readonly Analysis[], lexicon: Lexicon): GroupOut[] {
  const weights = idf(analyses);
  const vectors = analyses.map((a) => vectorOf(a, weights));
  const support = themeSupport(analyses);
  const byKey = new Map<string, number[]>();
  const loose: number[] = [];
  const leaning = new Set<number>();
  analyses.forEach((a, i) => {
    const topic = themeInContext(a, support);
    if (topic === null) loose.push(i);
    else {
      if ((a.topicScores.get(topic) ?? 0) < STRONG) leaning.add(i);
      byKey.set(topic, [...(byKey.get(topic) ?? []), i]);
    }
  });
  const centroids = new Map(
    [...byKey].map(([k, m]) => [k, centroidOf(m.map((i) => vectors[i] ?? new Map()))]),
  );
  rehome(byKey, leaning, vectors);
  const stillLoose: number[] = [];
  for (const i of loose) {
    const home = nearestGroup(vectors[i] ?? new Map(), centroids);
    if (home === null) stillLoose.push(i);
    else byKey.get(home)?.push(i);
  }
  // Single-link clustering of what is left: small sets, so quadratic is fine.
  const clusters: number[][] = [];
  for (const i of stillLoose) {
    const vi = vectors[i] ?? new Map();
    const home = clusters.find((c) => c.some((j) => cosine(vi, vectors[j] ?? new Map()) >= CLUSTER_MIN));
    if (home) home.push(i);
    else clusters.push([i]);
  }
  const unsorted: number[] = [];
  for (const c of clusters) {
    if (c.length < 2) {
      unsorted.push(...c);
      continue;
    }
    const top = keywordsOf(c, analyses, weights, 1, lexicon)[0] ?? String(c[0]);
    byKey.set(`kw:${top}`, c);
  }
  unsorted.push(...withoutFragments(byKey, vectors));
  if (unsorted.length > 0) byKey.set(UNSORTED, unsorted);
  const order = [...lexicon.topics.keys()];
  return [...byKey]
    .map(([key, members]) => ({ key, members, keywords: keywordsOf(members, analyses, weights, 4, lexicon) }))
    .sort((a, b) => rank(a.key, order) - rank(b.key, order) || b.members.length - a.members.length);
}

/**
 * Cold grouping without fragments: a group of one or two whose words read like a bigger group's
 * joins it; a text still alone relates to nothing said here and goes to "Chưa xếp nhóm". Returns
 * those. Smallest first, so a pair can take in a text before it is itself weighed.
 */
function withoutFragments(byKey: Map<string, number[]>, vectors: readonly Vector[]): number[] {
  const alone: number[] = [];
  const small = [...byKey]
    .filter(([, m]) => m.length <= FRAGMENT_MAX)
    .sort((a, b) => a[1].length - b[1].length);
  for (const [key, members] of small) {
    const v = centroidOf(members.map((i) => vectors[i] ?? new Map()));
    let home: string | null = null;
    let best = members.length === 1 ? JOIN_ALONE : JOIN_SMALL;
    for (const [other, m] of byKey) {
      if (other === key || m.length <= members.length) continue;
      const score = cosine(v, centroidOf(m.map((i) => vectors[i] ?? new Map())));
      if (score >= best) {
        best = score;
        home = other;
      }
    }
    if (home !== null) byKey.get(home)?.push(...members);
    else if (members.length === 1 || byKey.size > FRAGMENTS_KEPT) alone.push(...members);
    else continue;
    byKey.delete(key);
  }
  return alone;
}

function rank(key: string, order: readonly string[]): number {
  if (key === UNSORTED) return Number.MAX_SAFE_INTEGER;
  const i = order.indexOf(key);
  return i === -1 ? order.length : i;
}

/** Survey comments grouped by theme, for a class report or across a unit's classes. */
export function groupComments(
  comments: readonly { id: number; text: string }[],
  lexicon: Lexicon,
  lang: Lang,
) {
  const analyses = comments.map((c) => analyse(c.text, lexicon));
  return groupTexts(analyses, lexicon).map((g, i) => ({
    id: i + 1,
    key: g.key,
    label: groupLabel(
      g.key,
      null,
      lexicon,
      g.keywords,
      lang,
      g.members.flatMap((m) => analyses[m] ?? []),
    ),
    keywords: g.keywords,
    items: g.members.flatMap((m) => {
      const c = comments[m];
      return c ? [{ id: c.id, text: c.text }] : [];
    }),
  }));
}
