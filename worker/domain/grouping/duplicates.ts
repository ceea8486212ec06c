// Near-duplicate suggestions: two texts asking for the same thing, in other words or the same.
import type { Analysis } from "./reading";
import { CONTAINED, DUPLICATE_MIN, REWORDED_CONCEPTS, WORDING_MIN, WORDING_SHARE } from "./tuning";
import { cosine, idf, unit, vectorOf } from "./vectors";
export interface DuplicatePair {
  a: number;
  b: number;
  score: number;
}

/**
 * How much of the shorter text's wording the longer one says: "Nâng phụ cấp chi hội trưởng" is half
 * contained in a long request for the same, though their cosine is low.
 */
export function containment(a: Analysis, b: Analysis, weights: ReadonlyMap<string, number>): number {
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
