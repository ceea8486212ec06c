// Turns a class's running histograms into the report of the brief; pure so the maths is unit-tested.

import type { StoredQuestion } from "./answers";
import { canShow, pooledGroups } from "./disclosure";
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
  /** The words of its scale's two ends ("Không cần" … "Rất cần"), as the question asked them. */
  scale: { low: string; high: string };
  /** Null when fewer than the threshold answered it. */
  mean: number | null;
  /** How many answered it; null below the threshold of responses, where only their count is said. */
  n: number | null;
  distribution: Distribution | null;
}

export interface Report {
  responses: number;
  expected: number;
  responseRate: number | null;
  overall: number | null;
  criteria: CriterionScore[];
  comments: { id: number; text: string; questionId: number }[] | null;
  /** True when everything but the count is withheld for having too few responses. */
  detailHidden: boolean;
  minResponses: number;
}

const round2 = (x: number) => Math.round(x * 100) / 100;

/** A count's share of those who answered, in whole percent: the one rounding of shares on every screen and export. */
export function percentOf(count: number, n: number): number | null {
  return n > 0 ? Math.round((100 * count) / n) : null;
}

/**
 * One role's report: the trainees' (the class's scores) or the lecturers' (beside them). Counts of
 * the other role are left out here, so no caller can average the two.
 */
export function buildReport(input: {
  lang: Lang;
  role: RespondentRole;
  /** That role's counted responses. */
  responses: number;
  expected: number;
  counts: readonly CountRow[];
  comments: readonly { id: number; text: string; questionId: number }[];
  /** The form's questions, for each rating's own scale words; without them the standard words. */
  questions?: readonly StoredQuestion[];
}): Report {
  const questionOf = new Map((input.questions ?? []).map((q) => [q.id, q]));
  const ends = (questionId: number) => {
    const q = questionOf.get(questionId);
    const word = (v: "1" | "5") =>
      q ? scaleLabel(q, v, input.lang, t(input.lang, `page.scale_${v}`)) : t(input.lang, `page.scale_${v}`);
    return { low: word("1"), high: word("5") };
  };
  const detail = canShow(input.responses);
  const byCriterion = new Map<
    string,
    {
      label: string;
      scale: { low: string; high: string };
      position: number;
      n: number;
      sum: number;
      dist: Distribution;
    }
  >();
  for (const row of input.counts) {
    if (row.type !== "rating" || row.role !== input.role) continue;
    const rating = Number(row.value);
    if (!Number.isInteger(rating) || rating < 1 || rating > 5) continue;
    const id = row.criterion ?? `q${row.questionId}`;
    let c = byCriterion.get(id);
    if (!c) {
      c = {
        label: labelIn(input.lang, row),
        scale: ends(row.questionId),
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
    .map(([id, c]) => {
      // A criterion is shown from the threshold of people who answered it, and only in a report that shows any.
      const visible = detail && canShow(c.n);
      return {
        id,
        label: c.label,
        scale: c.scale,
        mean: visible ? round2(c.sum / c.n) : null,
        n: detail ? c.n : null,
        distribution: visible ? c.dist : null,
      };
    });
  // The overall takes only criteria shown, or it would give back a hidden one's mean.
  const means = detail ? [...byCriterion.values()].flatMap((c) => (canShow(c.n) ? [c.sum / c.n] : [])) : [];
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
  /** People who answered it; null in a report below the threshold, which says only how many responded. */
  n: number | null;
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

/**
 * A unit's column of the breakdown: its respondents, and its answers once there are enough. The
 * column of id 0 pools the units too small to show (and those that would give them back).
 */
export interface UnitCell {
  id: number;
  name: string;
  responses: number;
  questions: QuestionReport[] | null;
  /** For the pooled column: the units it holds. */
  pooled?: string[];
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
 * wrote. Shares are left to the reader: count / n. Without `detail` (too few responses) only the
 * labels remain; with it, a question fewer than the threshold answered shows its n and nothing else.
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
    const total = [...counts.entries()].reduce((s, [v, n]) => (v === ANSWERED ? s : s + n), 0);
    const answered = q.type === "multi" ? (counts.get(ANSWERED) ?? 0) : total;
    const visible = detail && canShow(answered);
    const count = (value: string) => (visible ? (counts.get(value) ?? 0) : null);
    const base = { id: q.id, type: q.type, label: labelIn(lang, q), n: detail ? answered : null };
    switch (q.type) {
      case "rating": {
        const sum = [...counts.entries()].reduce((s, [v, n]) => s + Number(v) * n, 0);
        return {
          ...base,
          mean: visible ? round2(sum / total) : null,
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
          options: (q.options ?? []).map((o) => ({
            value: o.value,
            label: labelIn(lang, o),
            count: count(o.value),
          })),
        };
      case "unit":
        // Which units answered is itself an answer: not even their names below the threshold.
        return {
          ...base,
          options: visible
            ? [...counts.entries()]
                .map(([v, n]) => ({ value: v, label: data.unitNames.get(Number(v)) ?? v, count: n }))
                .sort((a, b) => a.label.localeCompare(b.label, "vi"))
            : [],
        };
      default: {
        // text: how many wrote, and what they wrote grouped.
        const groups = detail ? data.textGroups?.get(q.id) : undefined;
        return { ...base, n: detail ? (data.texts.get(q.id) ?? 0) : null, ...(groups ? { groups } : {}) };
      }
    }
  });
}

/** Pooled column's id: no unit has it. */
export const POOLED_UNITS = 0;

/**
 * Every other question per unit the `unit` question names. A unit's answers are shown only from
 * the threshold up; the smaller ones (and the people who named no unit) are pooled, with as many
 * shown units as it takes to make the pool as large as the threshold, so the report's totals minus
 * the shown columns never give back a small group. The pool's figures are exactly that difference.
 */
export function unitBreakdown(
  lang: Lang,
  questions: readonly StoredQuestion[],
  data: {
    /** Counted responses: the report's total. */
    responses: number;
    /** The report's counts over everyone (answer_counts, roles summed). */
    totals: readonly { questionId: number; value: string; n: number }[];
    rows: readonly { unitId: number; questionId: number; value: string; n: number }[];
    unitNames: ReadonlyMap<number, string>;
    pooledName: string;
  },
): UnitCell[] {
  const unitQuestion = questions.find((q) => q.type === "unit");
  if (!unitQuestion || !canShow(data.responses)) return [];
  const others = questions.filter((q) => q.id !== unitQuestion.id && q.type !== "text");
  const byUnit = new Map<number, { questionId: number; value: string; n: number }[]>();
  for (const r of data.rows) byUnit.set(r.unitId, [...(byUnit.get(r.unitId) ?? []), r]);
  const sizes = new Map<number, number>(
    [...byUnit.entries()].map(([id, counts]) => [
      id,
      counts.find((c) => c.questionId === unitQuestion.id)?.n ?? 0,
    ]),
  );
  const named = [...sizes.values()].reduce((a, b) => a + b, 0);
  // Respondents who named no unit are a group of the total like any other.
  const groups = new Map<number, number>([...sizes, [POOLED_UNITS, data.responses - named]]);
  const pooled = pooledGroups(groups);
  const nameOf = (id: number) => data.unitNames.get(id) ?? String(id);
  const cells: UnitCell[] = [...byUnit.entries()]
    .filter(([id]) => !pooled.has(id))
    .map(([id, counts]) => ({
      id,
      name: nameOf(id),
      responses: sizes.get(id) ?? 0,
      questions: questionReports(lang, others, { counts, texts: new Map(), unitNames: data.unitNames }, true),
    }))
    .sort((a, b) => a.name.localeCompare(b.name, "vi"));
  if (pooled.size === 0) return cells;
  // The pool is the total minus every shown column: what a reader could compute anyway.
  const shownIds = new Set(cells.map((c) => c.id));
  const rest = new Map<string, { questionId: number; value: string; n: number }>();
  const add = (r: { questionId: number; value: string; n: number }, sign: 1 | -1) => {
    const key = `${r.questionId}|${r.value}`;
    const at = rest.get(key) ?? { questionId: r.questionId, value: r.value, n: 0 };
    at.n += sign * r.n;
    rest.set(key, at);
  };
  for (const r of data.totals) add(r, 1);
  for (const r of data.rows) if (shownIds.has(r.unitId)) add(r, -1);
  const poolSize = [...pooled].reduce((s, id) => s + (groups.get(id) ?? 0), 0);
  return [
    ...cells,
    {
      id: POOLED_UNITS,
      name: data.pooledName,
      responses: poolSize,
      questions: questionReports(
        lang,
        others,
        { counts: [...rest.values()].filter((r) => r.n > 0), texts: new Map(), unitNames: data.unitNames },
        true,
      ),
      pooled: [...pooled]
        .filter((id) => id !== POOLED_UNITS)
        .map(nameOf)
        .sort((a, b) => a.localeCompare(b, "vi")),
    },
  ];
}
