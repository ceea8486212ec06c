// What a group is called and why: keywords, labels in the members' own words, grounding.

import { type Lang, t } from "../i18n";
import { STOPWORDS } from "../lexicon";
import { fold } from "../text";
import { type Analysis, type Lexicon, wordsOf } from "./reading";
import { MARKED_BONUS, RUN_MAX } from "./tuning";

/** Function words as written (with marks): a keyword neither begins nor ends on one. */
const FUNCTION_WORDS = new Set(STOPWORDS.map((w) => w.toLocaleLowerCase("vi")));
/** The key of the group of what relates to no other ("Chưa xếp nhóm"). */
export const UNSORTED = "unsorted";

/** The group's most telling terms, as typed with diacritics; pairs preferred, no syllable repeated. */
export function keywordsOf(
  members: readonly number[],
  analyses: readonly Analysis[],
  weights: ReadonlyMap<string, number>,
  count: number,
  lexicon: Lexicon,
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
  // A phrase of the lexicon is a whole word ("chống bạo lực"), where a pair may cut one ("chống
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
  const written = members.map((i) => (analyses[i]?.written ?? []).map((w) => w.toLocaleLowerCase("vi")));
  const said = sayings(written);
  const chosen: string[] = [];
  const used = new Set<string>();
  for (const [t] of [...score].sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]))) {
    if ((docs.get(t) ?? 0) < minDocs) continue;
    if (cutsAWord(t, said, lexicon)) continue;
    const parts = t.split(" ");
    // One syllable alone is a keyword only when two members wrote it ("khó" is half of "khó khăn").
    if (parts.length === 1 && (docs.get(t) ?? 0) < 2) continue;
    // Half the pairs of a sentence cut across two words ("huấn kỹ", "năng số"): a pair is a keyword
    // when it is a word the lexicon knows, or when two members wrote it.
    if (parts.length === 2 && (docs.get(t) ?? 0) < 2 && !lexicon.knowsPair(t)) continue;
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

/** The members' words as written (lowercase) and folded, and where each folded syllable stands. */
interface Sayings {
  written: readonly (readonly string[])[];
  folded: readonly (readonly string[])[];
  at: ReadonlyMap<string, readonly (readonly [number, number])[]>;
}

/** Folded once for the group: each candidate keyword then visits only the places it could be. */
function sayings(written: readonly (readonly string[])[]): Sayings {
  const folded = written.map((words) => words.map(fold));
  const at = new Map<string, [number, number][]>();
  folded.forEach((words, m) => {
    words.forEach((w, k) => {
      const places = at.get(w);
      if (places) places.push([m, k]);
      else at.set(w, [[m, k]]);
    });
  });
  return { written, folded, at };
}

/**
 * Whether a keyword is a piece of something longer as the members wrote it: most times it was
 * written it begins or ends on a function word ("phụ cấp cho"), or, not being a word the lexicon
 * knows, the syllable before or after it makes one with its edge ("trưởng" of "hội trưởng",
 * "phụ cấp cho chi" of "chi hội").
 */
function cutsAWord(term: string, said: Sayings, lexicon: Lexicon): boolean {
  const parts = term.split(" ");
  const n = parts.length;
  const isWord = n > 1 && parts.slice(1).every((x, j) => lexicon.knowsPair(`${parts[j]} ${x}`));
  const known = (a: string | undefined, b: string | undefined) =>
    a !== undefined && b !== undefined && lexicon.knowsPair(`${a} ${b}`);
  const isFunction = (w: string | undefined) => w !== undefined && FUNCTION_WORDS.has(w);
  let seen = 0;
  let cut = 0;
  for (const [m, k] of said.at.get(parts[0] ?? "") ?? []) {
    const folded = said.folded[m] ?? [];
    if (!parts.every((p, j) => folded[k + j] === p)) continue;
    const words = said.written[m] ?? [];
    seen += 1;
    const edgeIsFunction = !isWord && (isFunction(words[k]) || isFunction(words[k + n - 1]));
    const joins = !isWord && (known(folded[k - 1], folded[k]) || known(folded[k + n - 1], folded[k + n]));
    if (edgeIsFunction || joins) cut += 1;
  }
  return seen > 0 && cut * 2 > seen;
}

/** True when every word of `label` is written, marks and all, in the members' texts. */
export function isGrounded(label: string, written: readonly string[]): boolean {
  const said = new Set(written.flatMap(wordsOf));
  return wordsOf(label).every((w) => said.has(w));
}

/**
 * The theme concept most members of a group named (a longer form on a tie), in the words most of
 * them wrote, as one of them typed it with diacritics, else as the lexicon spells it: "Vay vốn",
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
  // with marks, the lexicon's spelling.
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
  lexicon: Lexicon,
  keywords: string[],
  lang: Lang,
  members: readonly Analysis[] = [],
): string {
  if (label !== null) return label;
  if (key === UNSORTED || key === null) return t(lang, "group.unsorted");
  const topic = lexicon.topics.get(key);
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
