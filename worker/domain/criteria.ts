// The standard criteria that dashboards compare across classes, and their histogram column names.

export const CRITERIA = [
  "content",
  "method",
  "interaction",
  "organisation",
  "materials",
  "usefulness",
] as const;
export type Criterion = (typeof CRITERIA)[number];

export const RATINGS = [1, 2, 3, 4, 5] as const;
export type Rating = (typeof RATINGS)[number];

/** `content_1` … `usefulness_5`: how many answers gave that rating to that criterion. */
export type CountColumn = `${Criterion}_${Rating}`;
export const COUNT_COLUMNS: readonly CountColumn[] = CRITERIA.flatMap((c) =>
  RATINGS.map((v): CountColumn => `${c}_${v}`),
);

export type Counts = Record<CountColumn, number>;

export function isCriterion(key: string | null): key is Criterion {
  return key !== null && (CRITERIA as readonly string[]).includes(key);
}

export function emptyCounts(): Counts {
  return Object.fromEntries(COUNT_COLUMNS.map((c) => [c, 0])) as Counts;
}
