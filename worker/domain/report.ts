// Turns a class's running histograms into the report of the brief; pure so the maths is unit-tested.

import type { StoredQuestion } from "./answers";
import { labelIn, scaleLabel } from "./form";
import { type Lang, t } from "./i18n";
import { overallOf } from "./scores";
import { MIN_RESPONSES_FOR_DETAIL, type QuestionType, type RespondentRole } from "./terms";

/**
 * The count row a multi answer adds besides one per chosen option, so the report knows how many
 * people answered (option values are [a-z0-9_], never this).
 */
export const ANSWERED = "*";

export interface CountRow {
  questionId: number;
  type: QuestionType;
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
  comments: { id: number; text: string; questionId: number }[] | null;
  /** True when details (distributions, comments) are withheld for having too few responses. */
  detailHidden: boolean;
  minResponses: number;
}

const round2 = (x: number) => Math.round(x * 100) / 100;

/** A count's share of those who answered, in whole percent: the one rounding of shares on every screen and export. */
export function percentOf(count: number, n: number): number | null {
  return n > 0 ? Math.round((100 * count) / n) : null;
}

export function buildReport(input: {
  lang: Lang;
  responses: number;
  expected: number;
  counts: readonly CountRow[];
  comments: readonly { id: number; text: string; questionId: number }[];
}): Report {
  const detail = input.responses >= MIN_RESPONSES_FOR_DETAIL;
  const byCriterion = new Map<
    string,
    { label: string; position: number; n: number; sum: number; dist: Distribution }
  >();
  for (const row of input.counts) {
    if (row.type !== "rating") continue;
    const rating = Number(row.value);
    if (!Number.isInteger(rating) || rating < 1 || rating > 5) continue;
    const id = row.criterion ?? `q${row.questionId}`;
    let c = byCriterion.get(id);
    if (!c) {
      c = {
        label: labelIn(input.lang, row),
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

/** One question of any type as the report shows it; option counts are null below the threshold. */
export interface QuestionReport {
  id: number;
  type: QuestionType;
  label: string;
  /** People who answered it. */
  n: number;
  mean?: number | null;
  options?: { value: string; label: string; count: number | null }[];
  /** A text question's answers grouped by what they say (from the threshold up). */
  groups?: TextGroup[];
}

export interface TextGroup {
  label: string;
  keywords: string[];
  items: { id: number; text: string }[];
}

/** A unit's column of the breakdown: its respondents, and its answers once there are enough. */
export interface UnitCell {
  id: number;
  name: string;
  responses: number;
  questions: QuestionReport[] | null;
}

/** What `questionReports` needs besides the form: counts by question, text answers, unit names. */
export interface QuestionCounts {
  counts: readonly { questionId: number; value: string; n: number }[];
  texts: ReadonlyMap<number, number>;
  unitNames: ReadonlyMap<number, string>;
  /** Each text question's answers, grouped; absent in a unit's column. */
  textGroups?: ReadonlyMap<number, TextGroup[]>;
}

/**
 * Every question of the form in order: ratings with their mean and 1–5 counts, choice, multi and
 * unit questions with a count per option (unit: per unit answered), text questions with how many
 * wrote. Shares are left to the reader: count / n.
 */
export function questionReports(
  lang: Lang,
  questions: readonly StoredQuestion[],
  data: QuestionCounts,
  detail: boolean,
): QuestionReport[] {
  const byQuestion = new Map<number, Map<string, number>>();
  for (const c of data.counts) {
    const m = byQuestion.get(c.questionId) ?? new Map<string, number>();
    m.set(c.value, (m.get(c.value) ?? 0) + c.n);
    byQuestion.set(c.questionId, m);
  }
  return questions.map((q) => {
    const counts = byQuestion.get(q.id) ?? new Map<string, number>();
    const count = (value: string) => (detail ? (counts.get(value) ?? 0) : null);
    const base = { id: q.id, type: q.type, label: labelIn(lang, q) };
    const total = [...counts.entries()].reduce((s, [v, n]) => (v === ANSWERED ? s : s + n), 0);
    switch (q.type) {
      case "rating": {
        const sum = [...counts.entries()].reduce((s, [v, n]) => s + Number(v) * n, 0);
        return {
          ...base,
          n: total,
          mean: total > 0 ? round2(sum / total) : null,
          options: (["1", "2", "3", "4", "5"] as const).map((v) => ({
            value: v,
            label: scaleLabel(q, v, lang, t(lang, `page.scale_${v}`)),
            count: count(v),
          })),
        };
      }
      case "choice":
      case "multi":
        return {
          ...base,
          n: q.type === "multi" ? (counts.get(ANSWERED) ?? 0) : total,
          options: (q.options ?? []).map((o) => ({
            value: o.value,
            label: labelIn(lang, o),
            count: count(o.value),
          })),
        };
      case "unit":
        return {
          ...base,
          n: total,
          options: [...counts.entries()]
            .map(([v, n]) => ({
              value: v,
              label: data.unitNames.get(Number(v)) ?? v,
              count: detail ? n : null,
            }))
            .sort((a, b) => a.label.localeCompare(b.label, "vi")),
        };
      default: {
        // text: how many wrote, and what they wrote grouped.
        const groups = detail ? data.textGroups?.get(q.id) : undefined;
        return { ...base, n: data.texts.get(q.id) ?? 0, ...(groups ? { groups } : {}) };
      }
    }
  });
}

/**
 * Every other question per unit the `unit` question names; a unit's answers are shown only from
 * the threshold up, so nobody in a small unit is singled out.
 */
export function unitBreakdown(
  lang: Lang,
  questions: readonly StoredQuestion[],
  rows: readonly { unitId: number; questionId: number; value: string; n: number }[],
  unitNames: ReadonlyMap<number, string>,
): UnitCell[] {
  const unitQuestion = questions.find((q) => q.type === "unit");
  if (!unitQuestion) return [];
  const others = questions.filter((q) => q.id !== unitQuestion.id && q.type !== "text");
  const byUnit = new Map<number, { questionId: number; value: string; n: number }[]>();
  for (const r of rows) byUnit.set(r.unitId, [...(byUnit.get(r.unitId) ?? []), r]);
  return [...byUnit.entries()]
    .map(([id, counts]) => {
      const responses = counts.find((c) => c.questionId === unitQuestion.id)?.n ?? 0;
      const name = unitNames.get(id) ?? String(id);
      const enough = responses >= MIN_RESPONSES_FOR_DETAIL;
      return {
        id,
        name,
        responses,
        questions: enough
          ? questionReports(lang, others, { counts, texts: new Map(), unitNames }, true)
          : null,
      };
    })
    .sort((a, b) => a.name.localeCompare(b.name, "vi"));
}
