// Reading a text: the compiled lexicon, what a text says (terms, themes, concepts) and who it asks to act.

import { ACTION_CUES, ADDRESSEE_CUES, REQUEST_CUES, STOPWORDS, type TopicDef } from "../lexicon";
import type { Addressee } from "../proposal";
import { hasDiacritics, phrases, type Syllable } from "../text";
import {
  ACTION_WEIGHT,
  ANALYSED_MAX,
  LEAD_AT,
  OFFICER_CUE_WEIGHT,
  REQUEST_BOOST,
  SPECIFICITY,
  VERB_WEIGHT,
} from "./tuning";
import type { Vector } from "./vectors";

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

export function compile(text: string, weight: number, target: string, concept = text): Pattern | null {
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

/** The compiled lexicon of one kind of text (workshop proposals or class comments). */
export class Lexicon {
  readonly topics: ReadonlyMap<string, TopicDef>;
  private readonly themes: Map<string, Pattern[]>;
  private readonly addressees: Map<string, Pattern[]>;
  private readonly actions: Map<string, Pattern[]>;
  private readonly requests: Map<string, Pattern[]>;
  private readonly stopKeys: Set<string>;
  private readonly stopFolded: Set<string>;
  /** Adjacent syllables inside the lexicon's phrases: words known to be words ("kỹ năng"). */
  private readonly pairs: Set<string>;
  /**
   * Texts already analysed with this lexicon (it lives as long as the isolate's compiled copy):
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

  /** Whether two adjacent syllables make a word the lexicon uses, rather than cut across two. */
  knowsPair(folded: string): boolean {
    return this.pairs.has(folded);
  }

  /** Whether a syllable without its marks can only be a function word ("cho", "của"). */
  isFunctionWord(folded: string): boolean {
    return this.stopFolded.has(folded);
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
  /** The theme phrases it says, as the lexicon spells them and as typed: a group's label is made of these. */
  said: readonly Said[];
  /** Every word as typed, lower-cased. */
  written: readonly string[];
}

export interface Said {
  theme: string;
  /** The synonym set the phrase belongs to ("allowances.allowance"), or the phrase itself. */
  concept: string;
  /** The lexicon's spelling, with diacritics. */
  phrase: string;
  typed: string;
  /** Typed with diacritics. */
  marked: boolean;
}

export function analyse(text: string, lexicon: Lexicon): Analysis {
  const known = lexicon.analysed.get(text);
  if (known) return known;
  const made = analyseText(text, lexicon);
  if (lexicon.analysed.size >= ANALYSED_MAX) lexicon.analysed.clear();
  lexicon.analysed.set(text, made);
  return made;
}

function analyseText(text: string, lexicon: Lexicon): Analysis {
  const parts = phrases(text);
  const accented = hasDiacritics(text);
  const terms = new Map<string, number>();
  const surfaces = new Map<string, string>();
  const add = (term: string, surface: string) => {
    terms.set(term, (terms.get(term) ?? 0) + 1);
    if (!surfaces.has(term) || accented) surfaces.set(term, surface);
  };
  // Typed without marks a lone syllable is ambiguous ("dang" is "đăng" as often as "đảng").
  const cues = lexicon
    .matches("addressees", parts, accented)
    .filter((c) => accented || c.p.syllables.length > 1);
  // Who must act is the addressee's business: naming the commune's committee must not pull two
  // unrelated requests into one group, so the words naming an addressee are no terms.
  const requests = lexicon.matches("requests", parts, accented);
  // Nor are the words opening a request ("đề nghị", "kiến nghị"): every proposal has one.
  const named = new Set([...cues, ...requests].flatMap((c) => c.p.syllables.map((_, k) => c.at + k)));
  let offset = 0;
  for (const phrase of parts) {
    phrase.forEach((s, i) => {
      const stop = lexicon.isStop(s, accented) || named.has(offset + i);
      if (!stop && s.folded.length > 1) add(s.folded, s.surface);
      const next = phrase[i + 1];
      // A pair with a function word in it is rarely a word ("bộ không"), so only content pairs count.
      if (next && !stop && !lexicon.isStop(next, accented) && !named.has(offset + i + 1))
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
  for (const { p, at } of lexicon.matches("themes", parts, accented)) {
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
    addressee: suggestAddressee(parts, accented, requests, cues, topic, lexicon),
    said,
    written: wordsOf(text),
  };
}

/** Who should act: the addressee named right after a request wins; then cues anywhere; then the theme's usual actor. */
function suggestAddressee(
  parts: Syllable[][],
  accented: boolean,
  requests: readonly Match[],
  cues: readonly Match[],
  topic: string | null,
  lexicon: Lexicon,
): Addressee {
  for (const r of requests) {
    const end = r.at + r.p.syllables.length;
    const direct = cues.find((c) => c.at >= end && c.at <= end + 1);
    if (direct) return direct.p.target as Addressee;
  }
  const scores = new Map<Addressee, number>();
  const prior = topic === null ? undefined : lexicon.topics.get(topic)?.addressee;
  if (prior) scores.set(prior, 1);
  // Who is named where a sentence names its subject ("Cán bộ hội phải…", "Công an xã xử lý…") acts.
  const lead = cues.find(
    (c) => c.at <= LEAD_AT + (requests[0] && requests[0].at <= LEAD_AT ? requests[0].p.syllables.length : 0),
  );
  if (lead) return lead.p.target as Addressee;
  for (const c of cues) {
    const a = c.p.target as Addressee;
    scores.set(a, (scores.get(a) ?? 0) + (a === "officers" ? OFFICER_CUE_WEIGHT : 1.5));
  }
  // What is asked to be done: the request's verb and object decide who does it (the state builds,
  // funds, licenses and sanctions; the Union mobilises, trains, visits; officers study), before the
  // theme's usual actor; the first said is the request's own, the others weigh less. Typed without
  // marks a lone syllable is too many verbs ("moi" is "mời", "mỗi" and "mới").
  const actions = lexicon
    .matches("actions", parts, accented)
    .filter((c) => accented || c.p.syllables.length > 1)
    .sort((x, y) => x.at - y.at);
  actions.forEach((c, i) => {
    const a = c.p.target as Addressee;
    scores.set(a, (scores.get(a) ?? 0) + (i === 0 ? VERB_WEIGHT : ACTION_WEIGHT));
  });
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

/** The words of a text, lower-cased with their marks: what a label must be made of. */
export function wordsOf(text: string): string[] {
  return text
    .toLowerCase()
    .split(/[^\p{L}\p{N}]+/u)
    .filter((w) => w !== "");
}
