// Term vectors of analysed texts: IDF weights, TF-IDF vectors, cosine, centroids.
import type { Analysis } from "./reading";
export type Vector = Map<string, number>;

export function idf(docs: readonly Analysis[]): Map<string, number> {
  const df = new Map<string, number>();
  // forEach and an in-place rewrite: a room's frame runs this over hundreds of texts per arrival.
  for (const d of docs) {
    d.terms.forEach((_, t) => {
      df.set(t, (df.get(t) ?? 0) + 1);
    });
  }
  const n = docs.length;
  df.forEach((f, t) => {
    df.set(t, Math.log((1 + n) / (1 + f)) + 1);
  });
  return df;
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

export function centroidOf(vectors: readonly Vector[]): Vector {
  const c: Vector = new Map();
  for (const v of vectors) for (const [t, w] of v) c.set(t, (c.get(t) ?? 0) + w);
  let norm = 0;
  for (const w of c.values()) norm += w * w;
  norm = Math.sqrt(norm) || 1;
  for (const [t, w] of c) c.set(t, w / norm);
  return c;
}

export function unit(v: Vector): Vector {
  let norm = 0;
  for (const w of v.values()) norm += w * w;
  norm = Math.sqrt(norm) || 1;
  return new Map([...v].map(([k, w]) => [k, w / norm]));
}
