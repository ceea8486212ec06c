// The facilitator's frame: the groups she named or taught, and her unit's lessons; a text goes to one of them or to none.
import { fold } from "../text";
import { type Analysis, analyse, type Lexicon } from "./reading";
import {
  FRAME_CONCEPT,
  FRAME_MIN,
  FRAME_NAME,
  FRAME_PASSES,
  FRAME_THEMES,
  STRONG,
  SURE_MARGIN,
  SURE_MIN,
  WEIGHT_BY_HAND,
  WEIGHT_LESSON,
  WEIGHT_SURE,
} from "./tuning";
import { cosine, idf, type Vector } from "./vectors";

/** Where a framed text goes: a group of the room, or a lesson's group the room does not have yet. */
export type FrameRef = { id: number } | { lesson: string };

/** How sure: the room's hand, a lesson carried from an earlier workshop, or placed surely by the frame. */
type ExampleSource = "hand" | "lesson" | "sure";

export interface FrameExample {
  analysis: Analysis;
  source: ExampleSource;
}

/** One group of the frame: its name (a person's or a lesson's) and what is in it. */
export interface FrameGroup {
  ref: FrameRef;
  label: string | null;
  examples: readonly FrameExample[];
}

export interface Scored {
  ref: FrameRef;
  score: number;
}

const WEIGHT: Readonly<Record<ExampleSource, number>> = {
  hand: WEIGHT_BY_HAND,
  lesson: WEIGHT_LESSON,
  sure: WEIGHT_SURE,
};

const sameRef = (a: FrameRef, b: FrameRef) =>
  "id" in a ? "id" in b && a.id === b.id : "lesson" in b && a.lesson === b.lesson;

/**
 * A text as the frame reads it: its words (pairs weigh more, they are the words), the lexicon's
 * concepts it names and its theme, in one vector. Words common to the whole room weigh less.
 */
function featuresOf(a: Analysis, weights: ReadonlyMap<string, number>): Vector {
  const v: Vector = new Map();
  a.terms.forEach((tf, t) => {
    v.set(t, (1 + Math.log(tf)) * (weights.get(t) ?? 1) * (t.includes(" ") ? 1.5 : 1));
  });
  a.concepts.forEach((n, c) => {
    v.set(`c:${c}`, FRAME_CONCEPT * n);
  });
  return normalised(v);
}

/**
 * The lexicon's themes a text is read in, as shares summing to 1: none when no phrase says a theme
 * outright, for on a topic the lexicon does not cover its leaning words are noise.
 */
function themesOf(a: Analysis, least = STRONG): Vector {
  let sum = 0;
  let best = 0;
  for (const s of a.topicScores.values()) {
    sum += s;
    best = Math.max(best, s);
  }
  const v: Vector = new Map();
  if (best >= least && best > 0) for (const [t, s] of a.topicScores) v.set(t, s / sum);
  return v;
}

/** A group's words and themes, summed from its name and examples before they are made shares. */
interface Sums {
  words: Vector;
  themes: Vector;
  weight: number;
}

function shares(v: Vector, total: number): Vector {
  return new Map([...v].map(([k, w]) => [k, w / (total || 1)]));
}

function normalised(v: Vector): Vector {
  let norm = 0;
  v.forEach((w) => {
    norm += w * w;
  });
  norm = Math.sqrt(norm) || 1;
  v.forEach((w, k) => {
    v.set(k, w / norm);
  });
  return v;
}

function addInto(sum: Vector, v: Vector, weight: number) {
  v.forEach((w, k) => {
    sum.set(k, (sum.get(k) ?? 0) + w * weight);
  });
}

/**
 * The frame, prepared once: each group's profile is its name (worth FRAME_NAME examples) and its
 * examples, each by how sure it is, read two ways: the words they use and the lexicon's themes they
 * are read in. `context` is the room's texts: what makes a word common here.
 */
export class Frame {
  private readonly weights: ReadonlyMap<string, number>;
  private readonly base: { ref: FrameRef; sums: Sums }[];
  private profiles: { ref: FrameRef; words: Vector; themes: Vector }[];
  /** Each text's features, read once: a sure example is ranked then added, and placeAll ranks every text each pass. */
  private readonly features = new Map<Analysis, Vector>();

  constructor(groups: readonly FrameGroup[], context: readonly Analysis[], lexicon: Lexicon) {
    const labels = groups.flatMap((g) => (g.label === null ? [] : [analyse(g.label, lexicon)]));
    this.weights = idf([...context, ...labels, ...groups.flatMap((g) => g.examples.map((e) => e.analysis))]);
    this.base = groups.map((g) => {
      const sums: Sums = { words: new Map(), themes: new Map(), weight: 0 };
      // A name is a few words: whatever theme the lexicon reads in them is what the facilitator meant.
      if (g.label !== null) this.add(sums, analyse(g.label, lexicon), FRAME_NAME, 0);
      for (const e of g.examples) if (e.source !== "sure") this.add(sums, e.analysis, WEIGHT[e.source]);
      return { ref: g.ref, sums };
    });
    this.profiles = this.base.map((b) => this.profileOf(b.ref, b.sums));
    // What the frame placed before teaches a group only if the names and hands still place it there surely.
    let grew = false;
    groups.forEach((g, i) => {
      const home = this.base[i];
      // A group with no name and nothing placed by hand is what its members are: they count as they stand.
      const unnamed = g.label === null && g.examples.every((e) => e.source === "sure");
      for (const e of g.examples) {
        if (e.source !== "sure" || !home) continue;
        if (unnamed) {
          this.add(home.sums, e.analysis, WEIGHT_SURE);
          grew = true;
          continue;
        }
        const [best, next] = this.rank(e.analysis);
        if (!best || !sameRef(best.ref, g.ref) || !isSure(best, next)) continue;
        this.add(home.sums, e.analysis, WEIGHT_SURE);
        grew = true;
      }
    });
    if (grew) this.profiles = this.base.map((b) => this.profileOf(b.ref, b.sums));
  }

  private add(sums: Sums, a: Analysis, weight: number, least = STRONG) {
    addInto(sums.words, this.featuresOf(a), weight);
    const themes = themesOf(a, least);
    addInto(sums.themes, themes, weight);
    if (themes.size > 0) sums.weight += weight;
  }

  private featuresOf(a: Analysis): Vector {
    const known = this.features.get(a);
    if (known) return known;
    const v = featuresOf(a, this.weights);
    this.features.set(a, v);
    return v;
  }

  private profileOf(ref: FrameRef, sums: Sums) {
    return { ref, words: normalised(new Map(sums.words)), themes: shares(sums.themes, sums.weight) };
  }

  get size(): number {
    return this.base.length;
  }

  /**
   * Every group of the frame by how well the text fits it, best first; ties go to the older group.
   * Its words against the group's, and the share of the group's reading in the text's own theme.
   */
  rank(a: Analysis): Scored[] {
    const v = this.featuresOf(a);
    const t = themesOf(a);
    return this.profiles
      .map((p, i) => ({
        ref: p.ref,
        score: cosine(v, p.words) + FRAME_THEMES * cosineOfShares(t, p.themes),
        i,
      }))
      .sort((x, y) => y.score - x.score || x.i - y.i)
      .map(({ ref, score }) => ({ ref, score }));
  }

  /** The group a text goes to, or null when it relates to none of them. */
  place(a: Analysis): Scored | null {
    const [best] = this.rank(a);
    return best && best.score >= FRAME_MIN ? best : null;
  }

  /**
   * Places many texts at once and lets the room teach the frame: what was placed surely (well above
   * the threshold, clearly ahead of the next group) joins its group's profile, and all are placed
   * again. A group's meaning grows from the words its members use, not only from its name.
   */
  placeAll(texts: readonly Analysis[]): (Scored | null)[] {
    let placed = texts.map((a) => this.place(a));
    for (let pass = 1; pass < FRAME_PASSES; pass++) {
      const grown = this.base.map((b) => ({
        ref: b.ref,
        sums: { words: new Map(b.sums.words), themes: new Map(b.sums.themes), weight: b.sums.weight },
      }));
      texts.forEach((a) => {
        const [best, next] = this.rank(a);
        if (!best || !isSure(best, next)) return;
        const home = grown.find((g) => sameRef(g.ref, best.ref));
        if (home) this.add(home.sums, a, WEIGHT_SURE);
      });
      this.profiles = grown.map((g) => this.profileOf(g.ref, g.sums));
      placed = texts.map((a) => this.place(a));
    }
    return placed;
  }
}

/** Placed surely: well above the threshold, and clearly ahead of the next group. */
const isSure = (best: Scored, next: Scored | undefined) =>
  best.score >= SURE_MIN && best.score - (next?.score ?? 0) >= SURE_MARGIN;

/** How much of a text's reading the group shares: the overlap of two sets of shares. */
function cosineOfShares(a: Vector, b: Vector): number {
  let overlap = 0;
  let top = 0;
  a.forEach((w, k) => {
    overlap += Math.min(w, b.get(k) ?? 0);
  });
  b.forEach((w) => {
    top = Math.max(top, w);
  });
  // A group whose members the lexicon reads in scattered themes has no theme: only words decide there.
  return overlap * top;
}

/** A lesson carried from an earlier workshop of the unit: a group's name and what a person put in it. */
export interface Lesson {
  label: string;
  examples: readonly Analysis[];
}

/**
 * The frame of a room: its groups a person named or taught, then the lessons it does not have under
 * the same name (a lesson with a room group's name adds its examples to that group, below the room's).
 * With an agenda the room's groups are the whole frame: lessons only teach the groups of its names.
 */
export function frameGroups(
  room: readonly { id: number; label: string | null; examples: readonly FrameExample[] }[],
  lessons: readonly Lesson[],
  agenda = false,
): FrameGroup[] {
  const byName = new Map<string, FrameGroup>();
  const out: FrameGroup[] = room.map((g) => {
    const made: FrameGroup = { ref: { id: g.id }, label: g.label, examples: [...g.examples] };
    if (g.label !== null) byName.set(fold(g.label), made);
    return made;
  });
  for (const l of lessons) {
    const examples = l.examples.map((analysis) => ({ analysis, source: "lesson" as const }));
    const same = byName.get(fold(l.label));
    if (same) {
      (same.examples as FrameExample[]).push(...examples);
      continue;
    }
    if (agenda) continue;
    const made: FrameGroup = { ref: { lesson: l.label }, label: l.label, examples };
    byName.set(fold(l.label), made);
    out.push(made);
  }
  return out;
}
