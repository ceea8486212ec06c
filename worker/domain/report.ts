// Turns a class's running histograms into the report of the brief; pure so the maths is unit-tested.

import type { Lang } from "./i18n";
import { overallOf } from "./scores";
import { MIN_RESPONSES_FOR_DETAIL, type RespondentRole } from "./terms";

export interface CountRow {
  questionId: number;
  criterion: string | null;
  labelVi: string;
  labelEn: string;
  position: number;
  role: RespondentRole;
  value: string;
  n: number;
}

export type Distribution = Record<"1" | "2" | "3" | "4" | "5", number>;

export interface CriterionScore {
  id: string;
  label: string;
  mean: number | null;
  n: number;
  distribution: Distribution | null;
}

export interface Report {
  responses: number;
  expected: number;
  responseRate: number | null;
  overall: number | null;
  criteria: CriterionScore[];
  comments: { id: number; text: string }[] | null;
  /** True when details (distributions, comments) are withheld for having too few responses. */
  detailHidden: boolean;
  minResponses: number;
}

const round2 = (x: number) => Math.round(x * 100) / 100;

export function buildReport(input: {
  lang: Lang;
  responses: number;
  expected: number;
  counts: readonly CountRow[];
  comments: readonly { id: number; text: string }[];
}): Report {
  const detail = input.responses >= MIN_RESPONSES_FOR_DETAIL;
  const byCriterion = new Map<
    string,
    { label: string; position: number; n: number; sum: number; dist: Distribution }
  >();
  for (const row of input.counts) {
    const rating = Number(row.value);
    if (!Number.isInteger(rating) || rating < 1 || rating > 5) continue;
    const id = row.criterion ?? `q${row.questionId}`;
    let c = byCriterion.get(id);
    if (!c) {
      c = {
        label: input.lang === "en" ? row.labelEn : row.labelVi,
        position: row.position,
        n: 0,
        sum: 0,
        dist: { "1": 0, "2": 0, "3": 0, "4": 0, "5": 0 },
      };
      byCriterion.set(id, c);
    }
    c.n += row.n;
    c.sum += rating * row.n;
    const key = String(rating) as keyof Distribution;
    c.dist[key] += row.n;
  }
  const criteria = [...byCriterion.entries()]
    .sort((a, b) => a[1].position - b[1].position)
    .map(([id, c]) => ({
      id,
      label: c.label,
      mean: c.n > 0 ? round2(c.sum / c.n) : null,
      n: c.n,
      distribution: detail ? c.dist : null,
    }));
  const means = [...byCriterion.values()].flatMap((c) => (c.n > 0 ? [c.sum / c.n] : []));
  return {
    responses: input.responses,
    expected: input.expected,
    responseRate: input.expected > 0 ? round2(input.responses / input.expected) : null,
    overall: overallOf(means),
    criteria,
    comments: detail ? [...input.comments] : null,
    detailHidden: !detail,
    minResponses: MIN_RESPONSES_FOR_DETAIL,
  };
}
