// Deterministic, explainable grouping of short Vietnamese texts: concept themes first, TF-IDF for the rest.
import { type Lang, t } from "./i18n";
import type { Addressee } from "./proposal";
import { fold, hasDiacritics, phrases, type Syllable } from "./text";
import { ACTION_CUES, ADDRESSEE_CUES, REQUEST_CUES, STOPWORDS, type TopicDef } from "./vocabulary";

/** A phrase compiled to syllables; `topic` is a theme key or an addressee. */
interface Pattern {
  syllables: Syllable[];
  weight: number;
  target: string;
  /** The synonym set this phrase belongs to (the phrase itself when it has none). */
  concept: string;
}

/** A pattern found in a text, at a syllable offset. */
interface Match {
  p: Pattern;
  at: number;
}

export interface ExtraTerm {
  topic: string;
  phrase: string;
}

function compile(text: string, weight: number, target: string, concept = text): Pattern | null {
  const syllables = phrases(text).flat();
  return syllables.length === 0 ? null : { syllables, weight, target, concept };
}

function byFirst(patterns: Pattern[]): Map<string, Pattern[]> {
  const map = new Map<string, Pattern[]>();
  for (const p of patterns) {
    const first = p.syllables[0];
    if (first === undefined) continue;
    const list = map.get(first.folded) ?? [];
    list.push(p);
    map.set(first.folded, list);
  }
  // Longest first, so "lý luận chính trị" wins over "chính trị".
  for (const list of map.values()) list.sort((a, b) => b.syllables.length - a.syllables.length);
  return map;
}

const toneless = (key: string) => key.replace(/\d$/, "");

/**
 * Same syllable: tone-exact when both carry diacritics, folded when the text was typed without them.
 * A tone mark forgotten in an otherwise accented text ("phụ câp") is forgiven inside a longer phrase
 * only: alone, a level-tone syllable is its own word ("thương" is not "thưởng", "cho" not "chợ").
 */
function sameSyllable(text: Syllable, pattern: Syllable, accented: boolean, inPhrase: boolean): boolean {
  if (text.folded !== pattern.folded) return false;
  if (!accented) return true;
  if (text.key === pattern.key) return true;
  return inPhrase && !/\d$/.test(text.key) && toneless(pattern.key) === text.key;
}

const samePhrase = (a: Pattern, b: Pattern) => a.syllables.every((s, k) => s.key === b.syllables[k]?.key);

/** The compiled vocabulary of one kind of text (workshop proposals or class comments). */
export class Vocabulary {
  readonly topics: ReadonlyMap<string, TopicDef>;
  private readonly themes: Map<string, Pattern[]>;
  private readonly addressees: Map<string, Pattern[]>;
  private readonly actions: Map<string, Pattern[]>;
  private readonly requests: Map<string, Pattern[]>;
  private readonly stopKeys: Set<string>;
  private readonly stopFolded: Set<string>;
  /** Adjacent syllables inside the vocabulary's phrases: words known to be words ("kỹ năng"). */
  private readonly pairs: Set<string>;
  /**
   * Texts already analysed with this vocabulary (it lives as long as the isolate's compiled copy):
   * a workshop's newest proposals are compared with every new one, so each is analysed once.
   */
  readonly analysed = new Map<string, Analysis>();

  constructor(topics: readonly TopicDef[], extra: readonly ExtraTerm[] = []) {
    this.topics = new Map(topics.map((t) => [t.key, t]));
    const themePatterns: Pattern[] = [];
    for (const t of topics) {
      for (const [concept, list] of Object.entries(t.concepts ?? {})) {
        for (const s of list) {
          const p = compile(s, 2, t.key, `${t.key}.${concept}`);
          if (p) themePatterns.push(p);
        }
      }
      for (const s of t.strong ?? []) {
        const p = compile(s, 2, t.key);
        if (p) themePatterns.push(p);
      }
      for (const s of t.weak) {
        const p = compile(s, 1, t.key);
        if (p) themePatterns.push(p);
      }
    }
    for (const e of extra) {
      const p = this.topics.has(e.topic) ? compile(e.phrase, 2, e.topic) : null;
      if (p) themePatterns.push(p);
    }
    this.themes = byFirst(themePatterns);
    const cues: Pattern[] = [];
    for (const [addressee, list] of Object.entries(ADDRESSEE_CUES)) {
      for (const s of list) {
        const p = compile(s, 1, addressee);
        if (p) cues.push(p);
      }
    }
    this.addressees = byFirst(cues);
    this.actions = byFirst(
      Object.entries(ACTION_CUES).flatMap(([addressee, list]) =>
        (list ?? []).flatMap((s) => compile(s, 1, addressee) ?? []),
      ),
    );
    this.requests = byFirst(REQUEST_CUES.flatMap((s) => compile(s, 1, "request") ?? []));
    const stops = STOPWORDS.flatMap((s) => phrases(s).flat());
    this.stopKeys = new Set(stops.map((s) => s.key));
    // Without diacritics a syllable is dropped only if no reading of it is a content word we know of.
    const contentFolded = new Set(
      [...themePatterns, ...cues].flatMap((p) =>
        p.syllables.filter((s) => !this.stopKeys.has(s.key)).map((s) => s.folded),
      ),
    );
    this.stopFolded = new Set(stops.map((s) => s.folded).filter((f) => !contentFolded.has(f)));
    this.pairs = new Set(
      [...themePatterns, ...cues].flatMap((p) =>
        p.syllables.slice(1).map((x, k) => `${p.syllables[k]?.folded} ${x.folded}`),
      ),
    );
  }

  /** Whether two adjacent syllables make a word the vocabulary uses, rather than cut across two. */
  knowsPair(folded: string): boolean {
    return this.pairs.has(folded);
  }

  isStop(s: Syllable, accented: boolean): boolean {
    return accented && s.key !== s.folded ? this.stopKeys.has(s.key) : this.stopFolded.has(s.folded);
  }

  /** Non-overlapping longest matches of a pattern table over the phrases of a text. */
  matches(
    kind: "themes" | "addressees" | "actions" | "requests",
    text: Syllable[][],
    accented: boolean,
  ): Match[] {
    const table =
      kind === "themes"
        ? this.themes
        : kind === "addressees"
          ? this.addressees
          : kind === "actions"
            ? this.actions
            : this.requests;
    const found: Match[] = [];
    let offset = 0;
    for (const phrase of text) {
      for (let i = 0; i < phrase.length; ) {
        const head = phrase[i];
        const candidates = head === undefined ? undefined : table.get(head.folded);
        const hit = candidates?.find((p) =>
          p.syllables.every((ps, k) => {
            const ts = phrase[i + k];
            return ts !== undefined && sameSyllable(ts, ps, accented, p.syllables.length > 1);
          }),
        );
        if (hit) {
          // The same phrase in several themes ("vay vốn": members' livelihoods and credit) counts for
          // each of them; the text's other phrases decide between them.
          const credited = new Set<string>();
          for (const p of candidates ?? []) {
            if (credited.has(p.target)) continue;
            if (p === hit || (p.syllables.length === hit.syllables.length && samePhrase(p, hit))) {
              credited.add(p.target);
              found.push({ p, at: offset + i });
            }
          }
          i += hit.syllables.length;
        } else {
          i += 1;
        }
      }
      offset += phrase.length + 1;
    }
    return found;
  }
}

export interface Analysis {
  /** Folded unigram and adjacent-pair terms with counts. */
  terms: Map<string, number>;
  /** Term → as typed, to show keywords with their diacritics. */
  surfaces: Map<string, string>;
  topicScores: Map<string, number>;
  topic: string | null;
  /** Matched concepts with weights: what two near-duplicates share even in other words. */
  concepts: Vector;
  addressee: Addressee;
  /** The theme phrases it says, as the vocabulary spells them and as typed: a group's label is made of these. */
  said: readonly Said[];
  /** Every word as typed, lower-cased. */
  written: readonly string[];
}

export interface Said {
  theme: string;
  /** The synonym set the phrase belongs to ("allowances.allowance"), or the phrase itself. */
  concept: string;
  /** The vocabulary's spelling, with diacritics. */
  phrase: string;
  typed: string;
  /** Typed with diacritics. */
  marked: boolean;
}

const REQUEST_BOOST = 1.5;
const SPECIFICITY = 0.25;

/** Analyses never change once made: callers read them, never write. */
const ANALYSED_MAX = 5000;

export function analyse(text: string, vocab: Vocabulary): Analysis {
  const known = vocab.analysed.get(text);
  if (known) return known;
  const made = analyseText(text, vocab);
  if (vocab.analysed.size >= ANALYSED_MAX) vocab.analysed.clear();
  vocab.analysed.set(text, made);
  return made;
}

function analyseText(text: string, vocab: Vocabulary): Analysis {
  const parts = phrases(text);
  const accented = hasDiacritics(text);
  const terms = new Map<string, number>();
  const surfaces = new Map<string, string>();
  const add = (term: string, surface: string) => {
    terms.set(term, (terms.get(term) ?? 0) + 1);
    if (!surfaces.has(term) || accented) surfaces.set(term, surface);
  };
  // Typed without marks a lone syllable is ambiguous ("dang" is "đăng" as often as "đảng").
  const cues = vocab
    .matches("addressees", parts, accented)
    .filter((c) => accented || c.p.syllables.length > 1);
  // Who must act is the addressee's business: naming the commune's committee must not pull two
  // unrelated requests into one group, so the words naming an addressee are no terms.
  const requests = vocab.matches("requests", parts, accented);
  // Nor are the words opening a request ("đề nghị", "kiến nghị"): every proposal has one.
  const named = new Set([...cues, ...requests].flatMap((c) => c.p.syllables.map((_, k) => c.at + k)));
  let offset = 0;
  for (const phrase of parts) {
    phrase.forEach((s, i) => {
      const stop = vocab.isStop(s, accented) || named.has(offset + i);
      if (!stop && s.folded.length > 1) add(s.folded, s.surface);
      const next = phrase[i + 1];
      // A pair with a function word in it is rarely a word ("bộ không"), so only content pairs count.
      if (next && !stop && !vocab.isStop(next, accented) && !named.has(offset + i + 1))
        add(`${s.folded} ${next.folded}`, `${s.surface} ${next.surface}`);
    });
    offset += phrase.length + 1;
  }
  const requestAt = requests[0]?.at ?? Number.POSITIVE_INFINITY;
  const topicScores = new Map<string, number>();
  const concepts: Vector = new Map();
  // Syllables at the offsets matches() counts (phrases one apart).
  const flat = parts.flatMap((phrase) => [...phrase, null]);
  const said: Said[] = [];
  for (const { p, at } of vocab.matches("themes", parts, accented)) {
    // A longer phrase is a more specific request ("an toàn thực phẩm" over "kiểm tra").
    const w = p.weight * (1 + SPECIFICITY * (p.syllables.length - 1)) * (at > requestAt ? REQUEST_BOOST : 1);
    topicScores.set(p.target, (topicScores.get(p.target) ?? 0) + w);
    if (p.weight > 1) {
      concepts.set(p.concept, (concepts.get(p.concept) ?? 0) + 1);
      said.push({
        theme: p.target,
        concept: p.concept,
        phrase: p.syllables.map((x) => x.surface).join(" "),
        typed: flat
          .slice(at, at + p.syllables.length)
          .map((x) => x?.surface ?? "")
          .join(" "),
        marked: accented,
      });
    }
  }
  let topic: string | null = null;
  let best = 0;
  for (const [key, score] of topicScores) {
    if (score > best) {
      best = score;
      topic = key;
    }
  }
  return {
    terms,
    surfaces,
    topicScores,
    topic,
    concepts,
    addressee: suggestAddressee(parts, accented, requests, cues, topic, vocab),
    said,
    written: wordsOf(text),
  };
}

const OFFICER_CUE_WEIGHT = 2;
const ACTION_WEIGHT = 1.2;

/** Who should act: the addressee named right after a request wins; then cues anywhere; then the theme's usual actor. */
function suggestAddressee(
  parts: Syllable[][],
  accented: boolean,
  requests: readonly Match[],
  cues: readonly Match[],
  topic: string | null,
  vocab: Vocabulary,
): Addressee {
  for (const r of requests) {
    const end = r.at + r.p.syllables.length;
    const direct = cues.find((c) => c.at >= end && c.at <= end + 1);
    if (direct) return direct.p.target as Addressee;
  }
  const scores = new Map<Addressee, number>();
  const prior = topic === null ? undefined : vocab.topics.get(topic)?.addressee;
  if (prior) scores.set(prior, 1);
  for (const c of cues) {
    const a = c.p.target as Addressee;
    scores.set(a, (scores.get(a) ?? 0) + (a === "officers" ? OFFICER_CUE_WEIGHT : 1.5));
  }
  // What is asked to be done, when no one is named: above the theme's usual actor, below a name.
  if (cues.length === 0) {
    for (const c of vocab.matches("actions", parts, accented)) {
      const a = c.p.target as Addressee;
      scores.set(a, (scores.get(a) ?? 0) + ACTION_WEIGHT);
    }
  }
  let chosen: Addressee = "union";
  let best = 0;
  for (const [a, s] of scores) {
    if (s > best) {
      best = s;
      chosen = a;
    }
  }
  return chosen;
}

export type Vector = Map<string, number>;

export function idf(docs: readonly Analysis[]): Map<string, number> {
  const df = new Map<string, number>();
  for (const d of docs) for (const t of d.terms.keys()) df.set(t, (df.get(t) ?? 0) + 1);
  const n = docs.length;
  return new Map([...df].map(([t, f]) => [t, Math.log((1 + n) / (1 + f)) + 1]));
}

/** Unit-length TF-IDF vector; adjacent pairs weigh more than single syllables (they are the words). */
export function vectorOf(a: Analysis, weights: ReadonlyMap<string, number>): Vector {
  const v: Vector = new Map();
  let norm = 0;
  for (const [t, tf] of a.terms) {
    const w = (1 + Math.log(tf)) * (weights.get(t) ?? 1) * (t.includes(" ") ? 1.5 : 1);
    v.set(t, w);
    norm += w * w;
  }
  norm = Math.sqrt(norm) || 1;
  for (const [t, w] of v) v.set(t, w / norm);
  return v;
}

export function cosine(a: Vector, b: Vector): number {
  const [small, large] = a.size < b.size ? [a, b] : [b, a];
  let dot = 0;
  // forEach makes no [key, value] pair per entry: this runs thousands of times per regroup.
  small.forEach((w, t) => {
    dot += w * (large.get(t) ?? 0);
  });
  return dot;
}

function centroidOf(vectors: readonly Vector[]): Vector {
  const c: Vector = new Map();
  for (const v of vectors) for (const [t, w] of v) c.set(t, (c.get(t) ?? 0) + w);
  let norm = 0;
  for (const w of c.values()) norm += w * w;
  norm = Math.sqrt(norm) || 1;
  for (const [t, w] of c) c.set(t, w / norm);
  return c;
}

function unit(v: Vector): Vector {
  let norm = 0;
  for (const w of v.values()) norm += w * w;
  norm = Math.sqrt(norm) || 1;
  return new Map([...v].map(([k, w]) => [k, w / norm]));
}

/** Below this a text without a theme is not attached to a theme's group. */
const ATTACH_MIN = 0.12;
/** Texts without a theme join each other above this similarity. */
const CLUSTER_MIN = 0.3;
export const UNSORTED = "unsorted";
/** How many recent texts a new one without a theme is compared with (bounds the CPU per arrival). */
export const NEAREST_AMONG = 100;

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

/** A group a person named or taught by moving proposals into it: its name and those proposals. */
export interface Taught {
  id: number;
  label: string | null;
  examples: readonly Analysis[];
}

/**
 * The taught groups of a workshop from its groups and the proposals a person placed: those with a
 * name a person gave or with placed proposals. The unsorted group teaches nothing.
 */
export function taughtFrom(
  groups: readonly { id: number; key: string | null; label: string | null }[],
  placed: readonly { groupId: number | null; text: string }[],
  vocab: Vocabulary,
): Taught[] {
  return groups
    .filter((g) => g.key !== UNSORTED)
    .map((g) => ({
      id: g.id,
      label: g.label,
      examples: placed.filter((p) => p.groupId === g.id).map((p) => analyse(p.text, vocab)),
    }))
    .filter((g) => g.label !== null || g.examples.length > 0);
}

/** A text joins a taught group at this score (1 is a concept of the label, in its theme). */
export const TAUGHT_MIN = 0.5;
const CONCEPT_ELSEWHERE = 0.6;
const LABEL_PAIR = 1;
const SAME_THEME = 0.6;
const LABEL_WORDS = 0.8;
/** Likeness to a taught example (as duplicates are scored) that counts as fully fitting. */
const EXAMPLE_FULL = 0.9;

/** How well a text fits a label a person typed, 0 to 1: a concept, the theme, or the label's words. */
/** A label a person typed, taken apart once: its concepts, its theme, its word pairs and words. */
interface LabelParts {
  concepts: readonly string[];
  topic: string | null;
  pairs: readonly string[];
  single: readonly string[];
}

function labelParts(label: Analysis): LabelParts {
  const words = [...label.terms.keys()];
  return {
    concepts: [...label.concepts.keys()],
    topic: label.topic,
    pairs: words.filter((w) => w.includes(" ")),
    single: words.filter((w) => !w.includes(" ")),
  };
}

function labelScore(a: Analysis, label: LabelParts): number {
  const concept = label.concepts.some((k) => a.concepts.has(k));
  let found = 0;
  for (const w of label.single) if (a.terms.has(w)) found += 1;
  // A text about another theme shares the label's broad words by chance ("đào tạo"), not its
  // request, unless it says every word of the label, in whatever order ("vay vốn" for "Vốn vay").
  if (label.topic !== null && a.topic !== null && label.topic !== a.topic) {
    const all = label.single.length > 1 && found === label.single.length ? LABEL_WORDS : 0;
    return Math.max(all, concept ? CONCEPT_ELSEWHERE : 0);
  }
  if (concept) return 1;
  if (label.pairs.some((w) => a.terms.has(w))) return LABEL_PAIR;
  const said = label.single.length === 0 ? 0 : (LABEL_WORDS * found) / label.single.length;
  return Math.max(said, a.topic !== null && label.topic === a.topic ? SAME_THEME : 0);
}

/**
 * Places texts in the taught groups, if one fits well enough: the facilitator's agenda themes and the
 * groups they moved proposals into come before the automatic themes. Labels and examples are prepared
 * once, so a regroup of hundreds against hundreds of examples stays cheap. Ties go to the older group.
 */
export function taughtMatcher(taught: readonly Taught[], vocab: Vocabulary): (a: Analysis) => number | null {
  const groups = [...taught]
    .sort((x, y) => x.id - y.id)
    .map((g) => ({
      id: g.id,
      label: g.label === null ? null : labelParts(analyse(g.label, vocab)),
      examples: g.examples.map(likenessOf),
    }));
  return (a) => {
    if (groups.length === 0) return null;
    // The new text's vectors are made, not kept: only the examples are compared again and again.
    const words = vectorOf(a, UNIFORM);
    const concepts = unit(a.concepts);
    let best = 0;
    let chosen: number | null = null;
    for (const g of groups) {
      let score = g.label === null ? 0 : labelScore(a, g.label);
      for (const e of g.examples) {
        // Likeness as near-duplicates are scored: paraphrases share concepts more than words.
        const w = cosine(words, e.words);
        const like =
          concepts.size === 0 || e.concepts.size === 0
            ? w
            : WORDING_SHARE * w + (1 - WORDING_SHARE) * cosine(concepts, e.concepts);
        score = Math.max(score, Math.min(1, like / EXAMPLE_FULL));
      }
      if (score >= TAUGHT_MIN && score > best) {
        best = score;
        chosen = g.id;
      }
    }
    return chosen;
  };
}

/**
 * A text's wording (every word weighing the same: a few examples say nothing of how common a word
 * is) and concepts, as unit vectors; made once per analysis, which never changes.
 */
const likenessVectors = new WeakMap<Analysis, { words: Vector; concepts: Vector }>();
const UNIFORM: ReadonlyMap<string, number> = new Map();

function likenessOf(a: Analysis): { words: Vector; concepts: Vector } {
  const known = likenessVectors.get(a);
  if (known) return known;
  const made = { words: vectorOf(a, UNIFORM), concepts: unit(a.concepts) };
  likenessVectors.set(a, made);
  return made;
}

export interface GroupOut {
  /** A theme key, "kw:<term>" for a keyword group, or "unsorted". */
  key: string;
  members: number[];
  keywords: string[];
}

/** A theme scoring at least this share of a text's best is as good a reading of it. */
const NEAR_BEST = 0.75;
/** A theme fewer texts than this take as their best is a stray reading in this workshop. */
const ESTABLISHED = 2;

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

/** A theme scored below this rests on leaning words only ("chi hội", "hỗ trợ"), no phrase that says it. */
const STRONG = 2;
/** How much closer another group's wording must be to take a text away from the theme it leans to. */
const REHOME_MARGIN = 0.1;

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
export function groupTexts(analyses: readonly Analysis[], vocab: Vocabulary): GroupOut[] {
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
    const top = keywordsOf(c, analyses, weights, 1, vocab)[0] ?? String(c[0]);
    byKey.set(`kw:${top}`, c);
  }
  if (unsorted.length > 0) byKey.set(UNSORTED, unsorted);
  const order = [...vocab.topics.keys()];
  return [...byKey]
    .map(([key, members]) => ({ key, members, keywords: keywordsOf(members, analyses, weights, 4, vocab) }))
    .sort((a, b) => rank(a.key, order) - rank(b.key, order) || b.members.length - a.members.length);
}

function rank(key: string, order: readonly string[]): number {
  if (key === UNSORTED) return Number.MAX_SAFE_INTEGER;
  const i = order.indexOf(key);
  return i === -1 ? order.length : i;
}

/** The longest run of words looked for in the members' texts when choosing keywords. */
const RUN_MAX = 4;

/** The group's most telling terms, as typed with diacritics; pairs preferred, no syllable repeated. */
export function keywordsOf(
  members: readonly number[],
  analyses: readonly Analysis[],
  weights: ReadonlyMap<string, number>,
  count: number,
  vocab: Vocabulary,
): string[] {
  const score = new Map<string, number>();
  const surface = new Map<string, Map<string, number>>();
  for (const i of members) {
    const a = analyses[i];
    if (!a) continue;
    for (const [t, tf] of a.terms) {
      score.set(t, (score.get(t) ?? 0) + tf * (weights.get(t) ?? 1) * (t.includes(" ") ? 1.6 : 1));
      const s = a.surfaces.get(t);
      if (s !== undefined) {
        const forms = surface.get(t) ?? new Map<string, number>();
        forms.set(s, (forms.get(s) ?? 0) + (s === t ? 0.1 : 1));
        surface.set(t, forms);
      }
    }
  }
  // A term used by a single text says little about a group of many.
  const minDocs = members.length >= 4 ? 2 : 1;
  const runs = new Map<string, { n: number; forms: Map<string, number> }>();
  const docs = new Map<string, number>();
  for (const i of members)
    for (const t of analyses[i]?.terms.keys() ?? []) docs.set(t, (docs.get(t) ?? 0) + 1);
  // A phrase of the vocabulary is a whole word ("chống bạo lực"), where a pair may cut one ("chống
  // bạo"): those the members said come first, with the pairs inside them.
  for (const i of members) {
    const seen = new Set<string>();
    for (const x of analyses[i]?.said ?? []) {
      const t = fold(x.phrase);
      // Only as a member typed it with marks: a keyword is in the members' own words.
      if (!t.includes(" ") || seen.has(t) || !x.marked) continue;
      seen.add(t);
      docs.set(t, (docs.get(t) ?? 0) + 1);
      const forms = surface.get(t) ?? new Map<string, number>();
      forms.set(x.typed, (forms.get(x.typed) ?? 0) + 1);
      surface.set(t, forms);
    }
  }
  // A run of three or four words two members both wrote ("nhân giống mắc ca") is one thing said,
  // where its pairs would cut it ("giống mắc", "mắc ca"); each of its pairs must be a content pair.
  for (const i of members.length < 2 ? [] : members) {
    const a = analyses[i];
    if (!a) continue;
    const seen = new Set<string>();
    const folded = a.written.map(fold);
    for (let n = RUN_MAX; n >= 3; n--) {
      for (let k = 0; k + n <= folded.length; k++) {
        const words = folded.slice(k, k + n);
        if (!words.slice(1).every((x, j) => a.terms.has(`${words[j]} ${x}`))) continue;
        const t = words.join(" ");
        if (seen.has(t)) continue;
        seen.add(t);
        const typed = a.written.slice(k, k + n).join(" ");
        const run = runs.get(t) ?? { n: 0, forms: new Map<string, number>() };
        run.n += 1;
        run.forms.set(typed, (run.forms.get(typed) ?? 0) + (typed === t ? 0.1 : 1));
        runs.set(t, run);
      }
    }
  }
  for (const [t, run] of runs) {
    if (run.n < 2) continue;
    docs.set(t, Math.max(docs.get(t) ?? 0, run.n));
    const forms = surface.get(t) ?? new Map<string, number>();
    for (const [typed, w] of run.forms) forms.set(typed, (forms.get(typed) ?? 0) + w);
    surface.set(t, forms);
  }
  for (const t of surface.keys()) {
    if (score.has(t)) continue;
    // Worth more than any pair inside it, so the whole word is chosen and its pairs are then skipped.
    const syllables = t.split(" ");
    score.set(
      t,
      syllables.slice(1).reduce((sum, x, k) => sum + (score.get(`${syllables[k]} ${x}`) ?? 0), 0),
    );
  }
  const chosen: string[] = [];
  const used = new Set<string>();
  for (const [t] of [...score].sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]))) {
    if ((docs.get(t) ?? 0) < minDocs) continue;
    const parts = t.split(" ");
    // Half the pairs of a sentence cut across two words ("huấn kỹ", "năng số"): a pair is a keyword
    // when it is a word the vocabulary knows, or when two members wrote it.
    if (parts.length === 2 && (docs.get(t) ?? 0) < 2 && !vocab.knowsPair(t)) continue;
    if (parts.some((p) => used.has(p))) continue;
    chosen.push(t);
    for (const p of parts) used.add(p);
    if (chosen.length === count) break;
  }
  return chosen.map((t) => {
    const forms = [...(surface.get(t) ?? new Map<string, number>())].sort((a, b) => b[1] - a[1]);
    return forms[0]?.[0] ?? t;
  });
}

export interface DuplicatePair {
  a: number;
  b: number;
  score: number;
}

/** Near-duplicate suggestions: wording and concepts shared, in the same theme. */
export const DUPLICATE_MIN = 0.55;
/** Paraphrases share few words, so the concepts they name weigh more than the wording. */
const WORDING_SHARE = 0.4;
/**
 * Yet two requests sharing no wording at all are rarely the same one: sharing one broad concept
 * ("học hỏi kinh nghiệm", "xếp loại") made most wrong suggestions. Below this, no suggestion.
 */
const WORDING_MIN = 0.2;
/** A request reworded entirely still names two of the same concepts ("phụ cấp" and "nâng mức"). */
const REWORDED_CONCEPTS = 2;
/** Or the shorter one's words are at least this share of the longer one's. */
const CONTAINED = 0.5;

/**
 * How much of the shorter text's wording the longer one says: "Nâng phụ cấp chi hội trưởng" is half
 * contained in a long request for the same, though their cosine is low.
 */
function containment(a: Analysis, b: Analysis, weights: ReadonlyMap<string, number>): number {
  const mass = (x: Analysis) => {
    let m = 0;
    for (const t of x.terms.keys()) m += weights.get(t) ?? 1;
    return m;
  };
  let shared = 0;
  for (const t of a.terms.keys()) if (b.terms.has(t)) shared += weights.get(t) ?? 1;
  return shared / (Math.min(mass(a), mass(b)) || 1);
}

export function duplicatePairs(analyses: readonly Analysis[], min = DUPLICATE_MIN): DuplicatePair[] {
  const weights = idf(analyses);
  const vectors = analyses.map((a) => vectorOf(a, weights));
  const concepts = analyses.map((a) => unit(a.concepts));
  const pairs: DuplicatePair[] = [];
  for (let i = 0; i < analyses.length; i++) {
    for (let j = i + 1; j < analyses.length; j++) {
      const a = analyses[i];
      const b = analyses[j];
      if (!a || !b || a.topic !== b.topic) continue;
      const wording = cosine(vectors[i] ?? new Map(), vectors[j] ?? new Map());
      const sharedConcepts = [...a.concepts.keys()].filter((c) => b.concepts.has(c)).length;
      if (
        wording < WORDING_MIN &&
        sharedConcepts < REWORDED_CONCEPTS &&
        containment(a, b, weights) < CONTAINED
      )
        continue;
      const score =
        WORDING_SHARE * wording +
        (1 - WORDING_SHARE) * cosine(concepts[i] ?? new Map(), concepts[j] ?? new Map());
      if (score >= min) pairs.push({ a: i, b: j, score });
    }
  }
  return pairs.sort((x, y) => y.score - x.score);
}

/** The words of a text, lower-cased with their marks: what a label must be made of. */
function wordsOf(text: string): string[] {
  return text
    .toLowerCase()
    .split(/[^\p{L}\p{N}]+/u)
    .filter((w) => w !== "");
}

/** True when every word of `label` is written, marks and all, in the members' texts. */
export function isGrounded(label: string, written: readonly string[]): boolean {
  const said = new Set(written.flatMap(wordsOf));
  return wordsOf(label).every((w) => said.has(w));
}

/** What writing a concept with its marks adds to how many members named it, when labels are chosen. */
const MARKED_BONUS = 0.5;

/**
 * The theme concept most members of a group named (a longer form on a tie), in the words most of
 * them wrote, as one of them typed it with diacritics, else as the vocabulary spells it: "Vay vốn",
 * not the name of a theme.
 */
function mostSaid(theme: string, members: readonly Analysis[]): string | null {
  // Tallied by concept: "phụ cấp" and "phụ cấp chi hội trưởng" are one request said two ways.
  const tally = new Map<string, { n: number; phrases: Set<string>; typed: Set<string> }>();
  for (const a of members) {
    const seen = new Set<string>();
    for (const x of a.said) {
      if (x.theme !== theme) continue;
      const entry = tally.get(x.concept) ?? { n: 0, phrases: new Set<string>(), typed: new Set<string>() };
      if (!seen.has(x.concept)) entry.n += 1;
      seen.add(x.concept);
      entry.phrases.add(x.phrase);
      if (x.marked) entry.typed.add(x.typed);
      tally.set(x.concept, entry);
    }
  }
  const texts = members.map((a) => ` ${fold(a.written.join(" "))} `);
  const reach = (form: string) => texts.filter((t) => t.includes(` ${fold(form)} `)).length;
  // As a member wrote it with its marks, the form most members' texts say; only when none wrote it
  // with marks, the vocabulary's spelling.
  const shown = (e: { phrases: Set<string>; typed: Set<string> }) =>
    [...(e.typed.size > 0 ? e.typed : e.phrases)].sort(
      (a, b) => reach(b) - reach(a) || b.split(" ").length - a.split(" ").length || a.localeCompare(b, "vi"),
    )[0] ?? "";
  // A concept some member wrote with its marks wins a tie with one only ever typed without them.
  const weight = (e: { n: number; typed: Set<string> }) => e.n + (e.typed.size > 0 ? MARKED_BONUS : 0);
  const ranked = [...tally.values()]
    .map((e) => ({ ...e, form: shown(e) }))
    .sort(
      (x, y) =>
        weight(y) - weight(x) ||
        y.form.split(" ").length - x.form.split(" ").length ||
        x.form.localeCompare(y.form, "vi"),
    );
  const [first, second] = ranked;
  if (!first) return null;
  // A second concept several members named says more than one alone ("Lập nhóm, phần mềm").
  return second && second.n >= 2 ? `${first.form}, ${second.form}` : first.form;
}

const capitalised = (s: string) => s.charAt(0).toLocaleUpperCase("vi") + s.slice(1);

/**
 * A person's name for the group; else the theme's name when the members wrote its words; else the
 * theme phrase they wrote most; else their most telling words. With no members' analyses given,
 * the theme's name or the keywords.
 */
export function groupLabel(
  key: string | null,
  label: string | null,
  vocab: Vocabulary,
  keywords: string[],
  lang: Lang,
  members: readonly Analysis[] = [],
): string {
  if (label !== null) return label;
  if (key === UNSORTED || key === null) return t(lang, "group.unsorted");
  const topic = vocab.topics.get(key);
  const name = topic ? (lang === "en" ? topic.en : topic.vi) : null;
  if (members.length === 0) return name ?? capitalised(keywords.slice(0, 3).join(", "));
  if (
    topic &&
    isGrounded(
      topic.vi,
      members.flatMap((a) => a.written),
    )
  )
    return name ?? topic.vi;
  const phrase = topic ? mostSaid(key, members) : null;
  if (phrase) return capitalised(phrase);
  if (keywords.length > 0) return capitalised(keywords.slice(0, 3).join(", "));
  return name ?? "";
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
    label: groupLabel(
      g.key,
      null,
      vocab,
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
