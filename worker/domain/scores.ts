// Turns aggregate rows into the scores, changes and flags inspectors act on; pure, so the rules are unit-tested.
import { type Counts, CRITERIA, type Criterion, emptyCounts, RATINGS } from "./criteria";
import { canShow } from "./disclosure";
import { MIN_RESPONSES_FOR_DETAIL } from "./terms";

export interface StatTotals extends Counts {
  responses: number;
  straight: number;
}

export type Flag =
  | "low_score"
  | "low_response_rate"
  | "few_responses"
  | "identical_answers"
  | "observer_gap"
  | "over_expected";
export const FLAGS: readonly Flag[] = [
  "low_score",
  "low_response_rate",
  "few_responses",
  "identical_answers",
  "observer_gap",
];

export interface FlagRules {
  /** Overall below this (of 5) is weak; the brief's default 3.5. */
  threshold: number;
  /** Trainees' overall and the observer's differ by at least this much. */
  gap: number;
}

export const DEFAULT_RULES: FlagRules = { threshold: 3.5, gap: 1 };
export const LOW_RESPONSE_RATE = 0.5;
/** Share of responses giving one rating to every question above which the answers look unread. */
export const IDENTICAL_SHARE = 0.3;

export type Distribution = Record<"1" | "2" | "3" | "4" | "5", number>;

export interface Summary {
  responses: number;
  /** Null below the 5-response threshold: no breakdown is shown for so few people. */
  means: Record<Criterion, number | null> | null;
  overall: number | null;
  distribution: Record<Criterion, Distribution> | null;
  identicalShare: number | null;
}

const round2 = (x: number) => Math.round(x * 100) / 100;

export function emptyTotals(): StatTotals {
  return { responses: 0, straight: 0, ...emptyCounts() };
}

export function addTotals(into: StatTotals, row: StatTotals): StatTotals {
  into.responses += row.responses;
  into.straight += row.straight;
  for (const c of CRITERIA) for (const v of RATINGS) into[`${c}_${v}`] += row[`${c}_${v}`];
  return into;
}

/** Takes a set of responses out of totals (a class too small to show, out of its unit's). */
export function subtractTotals(from: StatTotals, row: StatTotals): StatTotals {
  const out = addTotals(emptyTotals(), from);
  out.responses -= row.responses;
  out.straight -= row.straight;
  for (const c of CRITERIA) for (const v of RATINGS) out[`${c}_${v}`] -= row[`${c}_${v}`];
  return out;
}

/**
 * What a dashboard shows of totals: the means and distribution of the responses it may use
 * (`scored`: without the classes too small to show), beside the count of every response.
 */
export function summariseShown(all: StatTotals, scored: StatTotals): Summary {
  return { ...summarise(scored), responses: all.responses };
}

/**
 * The one rounding rule of every screen: the overall is the mean of the criterion means taken
 * unrounded, rounded once at the end (rounding each mean first moved 3.194 to 3.20 on the report).
 */
export function overallOf(criterionMeans: readonly number[]): number | null {
  return criterionMeans.length > 0
    ? round2(criterionMeans.reduce((a, b) => a + b, 0) / criterionMeans.length)
    : null;
}

/** Per criterion, how many answers and their sum: all its mean needs (a class line is read this way). */
export type CriterionSums = Record<`${Criterion}_n` | `${Criterion}_sum`, number>;

export interface SumTotals extends CriterionSums {
  responses: number;
  straight: number;
}

export type Scores = Omit<Summary, "distribution">;

// Key names made once: a key built by concatenation is hashed again on every lookup (a thousand classes a view).
const SUM_KEYS = CRITERIA.map((c) => [c, `${c}_n`, `${c}_sum`] as const);

/**
 * Means are over all answers; overall is the mean of the criterion means (as on the class
 * report). The one place every summary takes its numbers from.
 */
export function scoresOf(t: SumTotals): Scores {
  if (!canShow(t.responses)) {
    return { responses: t.responses, means: null, overall: null, identicalShare: null };
  }
  const means: Partial<Record<Criterion, number | null>> = {};
  const present: number[] = [];
  for (const [c, nKey, sumKey] of SUM_KEYS) {
    const n = t[nKey];
    // A criterion fewer people answered is hidden, and so left out of the overall that would give it back.
    const mean = canShow(n) ? t[sumKey] / n : null;
    means[c] = mean === null ? null : round2(mean);
    if (mean !== null) present.push(mean);
  }
  return {
    responses: t.responses,
    means: complete(means, null),
    overall: overallOf(present),
    identicalShare: round2(t.straight / t.responses),
  };
}

/** Each criterion's answer count and sum from its histogram columns. */
export function sumsOf(t: Counts): CriterionSums {
  const sums: Partial<CriterionSums> = {};
  for (const c of CRITERIA) {
    let n = 0;
    let sum = 0;
    for (const v of RATINGS) {
      n += t[`${c}_${v}`];
      sum += v * t[`${c}_${v}`];
    }
    sums[`${c}_n`] = n;
    sums[`${c}_sum`] = sum;
  }
  return sums as CriterionSums;
}

/** Scores and the distribution of every criterion (units, totals, trends). */
export function summarise(t: StatTotals): Summary {
  const scores = scoresOf({ responses: t.responses, straight: t.straight, ...sumsOf(t) });
  if (scores.means === null) return { ...scores, distribution: null };
  const distribution: Partial<Record<Criterion, Distribution>> = {};
  for (const c of CRITERIA) {
    distribution[c] = {
      "1": t[`${c}_1`],
      "2": t[`${c}_2`],
      "3": t[`${c}_3`],
      "4": t[`${c}_4`],
      "5": t[`${c}_5`],
    };
  }
  return { ...scores, distribution: complete(distribution, { "1": 0, "2": 0, "3": 0, "4": 0, "5": 0 }) };
}

function complete<T>(partial: Partial<Record<Criterion, T>>, fallback: T): Record<Criterion, T> {
  return {
    content: partial.content ?? fallback,
    method: partial.method ?? fallback,
    interaction: partial.interaction ?? fallback,
    organisation: partial.organisation ?? fallback,
    materials: partial.materials ?? fallback,
    usefulness: partial.usefulness ?? fallback,
  };
}

export function responseRate(responses: number, expected: number): number | null {
  return expected > 0 ? round2(responses / expected) : null;
}

export function change(current: number | null, previous: number | null): number | null {
  return current === null || previous === null ? null : round2(current - previous);
}

/** The flags of a class or a unit; `observed` is the observers' mean (classes only). */
export function flagsFor(
  s: Scores,
  expected: number,
  rules: FlagRules,
  observed: number | null = null,
): Flag[] {
  const flags: Flag[] = [];
  if (s.overall !== null && s.overall < rules.threshold) flags.push("low_score");
  const rate = responseRate(s.responses, expected);
  if (rate !== null && rate < LOW_RESPONSE_RATE) flags.push("low_response_rate");
  if (s.responses < MIN_RESPONSES_FOR_DETAIL) flags.push("few_responses");
  // More than expected: a wrong expected number, or answers from people who were not there.
  if (expected > 0 && s.responses > expected) flags.push("over_expected");
  if (s.identicalShare !== null && s.identicalShare >= IDENTICAL_SHARE) flags.push("identical_answers");
  if (observed !== null && s.overall !== null && Math.abs(observed - s.overall) >= rules.gap) {
    flags.push("observer_gap");
  }
  return flags;
}

/** Months from..to inclusive ('YYYY-MM'); the previous period is as long and ends just before. */
export function previousPeriod(from: string, to: string): { from: string; to: string } {
  const n = monthIndex(to) - monthIndex(from) + 1;
  return { from: monthAt(monthIndex(from) - n), to: monthAt(monthIndex(from) - 1) };
}

export function monthIndex(m: string): number {
  return Number(m.slice(0, 4)) * 12 + Number(m.slice(5, 7)) - 1;
}

export function monthAt(i: number): string {
  return `${String(Math.floor(i / 12)).padStart(4, "0")}-${String((i % 12) + 1).padStart(2, "0")}`;
}

export function quarterOf(month: string): string {
  return `${month.slice(0, 4)}-Q${Math.floor((Number(month.slice(5, 7)) - 1) / 3) + 1}`;
}

/** Ratings per response at least this many and all equal: the respondent answered without reading. */
export const STRAIGHT_MIN_RATINGS = 3;

/** One rating given to every rating question (a straight line down the form). */
export function isStraight(
  answers: readonly { question: { type: string }; valueNum: number | null }[],
): boolean {
  const ratings = answers.filter((a) => a.question.type === "rating").map((a) => a.valueNum);
  return ratings.length >= STRAIGHT_MIN_RATINGS && ratings.every((v) => v === ratings[0]);
}
