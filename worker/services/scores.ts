// Unit scores for inspectors and leaders: breakdown rows, the unit's own totals and trend, its classes, flags.
import type { Db } from "../db";
import { findProgramme } from "../db/programmes";
import {
  type BreakdownUnit,
  type ClassStatRow,
  loadClassStats,
  loadDashboard,
  loadUnitComments,
  type ScoreFilters,
  type SmallClassRow,
} from "../db/scores";
import { findUnitById, type Unit } from "../db/units";
import { CRITERIA, type Criterion } from "../domain/criteria";
import { type FieldErrors, Invalid } from "../domain/errors";
import { labelIn, STANDARD_FORM } from "../domain/form";
import { groupComments, UNSORTED } from "../domain/grouping";
import type { Lang } from "../domain/i18n";
import {
  addTotals,
  change,
  DEFAULT_RULES,
  emptyTotals,
  type Flag,
  type FlagRules,
  flagsFor,
  monthAt,
  monthIndex,
  previousPeriod,
  quarterOf,
  responseRate,
  type StatTotals,
  type Summary,
  scoresOf,
  subtractTotals,
  summariseShown,
} from "../domain/scores";
import {
  inScope,
  LEVEL_RANK,
  type Level,
  MIN_RESPONSES_FOR_DETAIL,
  type StaffUser,
  type TraineeCategory,
} from "../domain/terms";
import { DAY_MS, vietnamMonth } from "../domain/time";
import { pathIds } from "../domain/tree";
import { lexiconFor } from "./lexicon";
import { unitInScope } from "./scope";

export interface ScoreQuery extends ScoreFilters {
  level: Level | null;
  rules: FlagRules;
  by: "month" | "quarter";
  limit: number;
}

export interface ClassScore {
  id: number;
  code: string;
  title: string;
  startsAt: string;
  unitId: number;
  unitName: string;
  responses: number;
  expected: number;
  responseRate: number | null;
  means: Summary["means"];
  overall: number | null;
  observed: number | null;
  identicalShare: number | null;
  flags: Flag[];
}

export interface UnitScore extends Omit<BreakdownUnit, "path"> {
  /** The row of the classes the unit itself (or a level between it and these rows) ran: the table adds up to its card. */
  direct?: true;
  classes: number;
  responses: number;
  expected: number;
  responseRate: number | null;
  means: Summary["means"];
  overall: number | null;
  change: number | null;
  distribution: Summary["distribution"];
  identicalShare: number | null;
  flags: Flag[];
  flaggedClasses: number;
}

export function criterionLabels(lang: Lang): { id: Criterion; label: string }[] {
  return CRITERIA.map((id) => {
    const q = STANDARD_FORM.find((d) => d.criterion === id);
    return { id, label: q ? labelIn(lang, q) : id };
  });
}

function classScore(row: ClassStatRow, rules: FlagRules): ClassScore {
  const s = scoresOf(row);
  return {
    id: row.eventId,
    code: row.code,
    title: row.title,
    startsAt: row.startsAt,
    unitId: row.unitId,
    unitName: row.unitName,
    responses: row.responses,
    expected: row.expected,
    responseRate: responseRate(row.responses, row.expected),
    means: s.means,
    overall: s.overall,
    observed: row.observed === null ? null : Math.round(row.observed * 100) / 100,
    identicalShare: s.identicalShare,
    // A class that began less than a day ago has had no time to be answered: no rate flags yet.
    flags: flagsFor(s, row.expected, rules, row.observed).filter(
      (f) => !(f === "low_response_rate" && Date.now() - Date.parse(row.startsAt) < DAY_MS),
    ),
  };
}

/** Weakest first: more flags, then a lower overall; classes with hidden scores after scored ones. */
function byConcern(a: ClassScore, b: ClassScore): number {
  return b.flags.length - a.flags.length || (a.overall ?? 99) - (b.overall ?? 99) || a.id - b.id;
}

/** A unit's dashboard; `withRows` false leaves out the units table (and the merged units) for a card alone. */
export async function unitScores(db: Db, unit: Unit, q: ScoreQuery, withRows = true) {
  const prev = previousPeriod(q.from, q.to);
  const {
    breakdown,
    stats,
    months,
    classes: classRows,
    merged,
    small,
  } = await loadDashboard(db, unit, q, prev.from, withRows);
  const classes = classRows.map((r) => classScore(r, q.rules));

  // Classes go to the breakdown unit whose id appears in their path.
  const rowOf = new Map<number, BreakdownUnit>(breakdown.map((b) => [b.id, b]));
  const perUnit = new Map<number, { classes: number; expected: number; flagged: number }>();
  // A class under no row is the unit's own (or a level's between): counted for the row of its own.
  const own = { classes: 0, expected: 0, flagged: 0 };
  classRows.forEach((r, i) => {
    const owner = pathIds(r.path).find((id) => rowOf.has(id));
    const acc = owner === undefined ? own : (perUnit.get(owner) ?? { classes: 0, expected: 0, flagged: 0 });
    if (owner !== undefined) perUnit.set(owner, acc);
    acc.classes += 1;
    acc.expected += r.expected;
    if ((classes[i]?.flags.length ?? 0) > 0) acc.flagged += 1;
  });
  const current = new Map<number, StatTotals>();
  const previous = new Map<number, StatTotals>();
  for (const s of stats) (s.current === 1 ? current : previous).set(s.unitId, s);
  // Classes too small to show are in the unit rows; taken out here, so that no mean contains them.
  const inPeriod = small.filter((r) => r.month >= q.from);
  const earlier = small.filter((r) => r.month < q.from);
  const scored = (t: StatTotals, rows: readonly SmallClassRow[]) => rows.reduce(subtractTotals, t);
  const under = (rows: readonly SmallClassRow[], path: string) => rows.filter((r) => inScope(r.path, path));

  /** A table row: its counts, and means and change without the classes too small to show. */
  const rowScore = (
    head: Omit<BreakdownUnit, "path">,
    now: StatTotals,
    before: StatTotals | undefined,
    small: { now: readonly SmallClassRow[]; before: readonly SmallClassRow[] },
    extra: { classes: number; expected: number; flagged: number },
  ): UnitScore => {
    const s = summariseShown(now, scored(now, small.now));
    return {
      ...head,
      classes: extra.classes,
      responses: now.responses,
      expected: extra.expected,
      responseRate: responseRate(now.responses, extra.expected),
      means: s.means,
      overall: s.overall,
      change: change(s.overall, before ? summariseShown(before, scored(before, small.before)).overall : null),
      distribution: s.distribution,
      identicalShare: s.identicalShare,
      flags: extra.classes > 0 ? flagsFor(s, extra.expected, q.rules) : [],
      flaggedClasses: extra.flagged,
    };
  };
  const units: UnitScore[] = breakdown
    .map(({ path, ...head }) =>
      rowScore(
        head,
        current.get(head.id) ?? emptyTotals(),
        previous.get(head.id),
        { now: under(inPeriod, path), before: under(earlier, path) },
        perUnit.get(head.id) ?? { classes: 0, expected: 0, flagged: 0 },
      ),
    )
    // A unit that no longer exists and held nothing in the period is noise.
    .filter((u) => u.active || u.classes > 0 || u.responses > 0);

  const cur = emptyTotals();
  const before = emptyTotals();
  const trend = new Map<string, StatTotals>();
  const trendScored = new Map<string, StatTotals>();
  for (const m of months) {
    const mScored = scored(
      m,
      small.filter((r) => r.month === m.month),
    );
    if (m.month >= q.from) {
      addTotals(cur, m);
      const key = q.by === "quarter" ? quarterOf(m.month) : m.month;
      trend.set(key, addTotals(trend.get(key) ?? emptyTotals(), m));
      trendScored.set(key, addTotals(trendScored.get(key) ?? emptyTotals(), mScored));
    } else {
      addTotals(before, m);
    }
  }
  const expected = classRows.reduce((n, r) => n + r.expected, 0);
  const total = summariseShown(cur, scored(cur, inPeriod));
  // The unit's own classes (and those of any level between it and the rows) are a row of their own:
  // the card's totals minus every row's, so the table adds up to the card.
  const rowsOf = (m: ReadonlyMap<number, StatTotals>) =>
    breakdown.reduce((left, b) => {
      const t = m.get(b.id);
      return t ? subtractTotals(left, t) : left;
    }, emptyTotals());
  const ownNow = addTotals(rowsOf(current), cur);
  const underRows = (r: SmallClassRow) => breakdown.some((b) => inScope(r.path, b.path));
  if (own.classes > 0 || ownNow.responses > 0) {
    const { id, code, name, level, active, validTo } = unit;
    units.push({
      ...rowScore(
        { id, code, name, level, active, validTo },
        ownNow,
        addTotals(rowsOf(previous), before),
        { now: inPeriod.filter((r) => !underRows(r)), before: earlier.filter((r) => !underRows(r)) },
        own,
      ),
      direct: true,
    });
  }
  return {
    tree: q.tree,
    period: { from: q.from, to: q.to },
    previous: prev,
    rules: q.rules,
    minResponses: MIN_RESPONSES_FOR_DETAIL,
    total: {
      classes: classRows.length,
      responses: cur.responses,
      expected,
      responseRate: responseRate(cur.responses, expected),
      means: total.means,
      overall: total.overall,
      change: change(total.overall, summariseShown(before, scored(before, earlier)).overall),
      distribution: total.distribution,
      identicalShare: total.identicalShare,
      flags: classRows.length > 0 ? flagsFor(total, expected, q.rules) : [],
      flaggedClasses: classes.filter((c) => c.flags.length > 0).length,
    },
    units,
    trend: [...trend.entries()].map(([period, t]) => {
      const s = summariseShown(t, trendScored.get(period) ?? emptyTotals());
      return { period, responses: t.responses, overall: s.overall, means: s.means };
    }),
    classes: [...classes].sort(byConcern).slice(0, q.limit),
    classesTotal: classes.length,
    merged,
  };
}

export type UnitScores = Awaited<ReturnType<typeof unitScores>>;

/** Every class of the subtree in the period (exports have no limit). */
export async function allClassScores(db: Db, unit: Unit, q: ScoreQuery): Promise<ClassScore[]> {
  return (await loadClassStats(db, unit, q)).map((r) => classScore(r, q.rules)).sort(byConcern);
}

/** The filters a dashboard asks for, as the query string gives them (already well formed). */
export interface ScoreRequest {
  tree: "now" | "then";
  from?: string | undefined;
  to?: string | undefined;
  programme?: number | undefined;
  category?: TraineeCategory | undefined;
  level?: Level | undefined;
  threshold?: number | undefined;
  gap?: number | undefined;
  by: "month" | "quarter";
  limit: number;
}

/** Defaults (the last 12 months in Vietnam) and the checks a schema cannot make. */
export async function scoreQuery(db: Db, unit: Unit, q: ScoreRequest, now: Date): Promise<ScoreQuery> {
  const to = q.to ?? vietnamMonth(now);
  const from = q.from ?? monthAt(monthIndex(to) - 11);
  const fields: FieldErrors = {};
  if (monthIndex(to) < monthIndex(from) || monthIndex(to) - monthIndex(from) >= 120) {
    fields.to = { key: "field.period_order" };
  }
  if (q.level !== undefined && LEVEL_RANK[q.level] <= LEVEL_RANK[unit.level]) {
    fields.level = { key: "field.level_below" };
  }
  if (q.programme !== undefined) {
    const p = await findProgramme(db, q.programme);
    // Programmes visible here: run by this unit's ancestors or inside its subtree.
    if (!p || !(inScope(unit.nowPath, p.unitPath) || inScope(p.unitPath, unit.nowPath))) {
      fields.programme = { key: "field.not_found" };
    }
  }
  if (Object.keys(fields).length > 0) throw new Invalid(fields);
  return {
    tree: q.tree,
    from,
    to,
    programmeId: q.programme ?? null,
    category: q.category ?? null,
    level: q.level ?? null,
    rules: { threshold: q.threshold ?? DEFAULT_RULES.threshold, gap: q.gap ?? DEFAULT_RULES.gap },
    by: q.by,
    limit: q.limit,
  };
}

/** The unit in scope and its resolved query: what every dashboard view and export starts from. */
export async function scopedQuery(db: Db, user: StaffUser, id: number, q: ScoreRequest, now: Date) {
  const unit = await unitInScope(db, user, id);
  return { unit, query: await scoreQuery(db, unit, q, now) };
}

/** A unit's dashboard: its breadcrumb inside the caller's scope, the filters, the criteria and the scores. */
export async function unitDashboard(
  db: Db,
  user: StaffUser,
  id: number,
  req: ScoreRequest,
  lang: Lang,
  now: Date,
) {
  const { unit, query: q } = await scopedQuery(db, user, id, req, now);
  const scores = await unitScores(db, unit, q);
  const trail = pathIds(q.tree === "now" ? unit.nowPath : unit.thenPath);
  const scopeDepth = pathIds(user.unitPath).length;
  const ancestors = await Promise.all(
    trail.slice(Math.max(0, scopeDepth - 1), -1).map((a) => findUnitById(db, a)),
  );
  return {
    unit: {
      id: unit.id,
      code: unit.code,
      name: unit.name,
      level: unit.level,
      active: unit.active,
      validTo: unit.validTo,
      successorId: unit.successorId,
    },
    ancestors: ancestors.flatMap((a) => (a ? [{ id: a.id, name: a.name, level: a.level }] : [])),
    filters: { programmeId: q.programmeId, category: q.category, level: q.level, by: q.by },
    criteria: criterionLabels(lang),
    ...scores,
  };
}

/** How many of a subtree's newest written answers are grouped at most (grouping costs CPU per line). */
export const UNIT_COMMENTS_MAX = 1000;

/**
 * What trainees of a subtree's classes wrote in the period, grouped across classes with how many
 * classes each group comes from ("12 lớp đề nghị thêm thực hành"). A class with fewer than
 * MIN_RESPONSES_FOR_DETAIL responses gives none of its words; how many such classes is said.
 */
export async function unitComments(db: Db, unit: Unit, q: ScoreQuery, lang: Lang) {
  const [found, lexicon] = await Promise.all([
    loadUnitComments(db, unit, q, MIN_RESPONSES_FOR_DETAIL, UNIT_COMMENTS_MAX),
    lexiconFor(db, unit.thenPath, "comment"),
  ]);
  const classOf = new Map(found.classes.map((c) => [c.eventId, c]));
  const byId = new Map(found.rows.map((r) => [r.id, r]));
  const groups = groupComments(found.rows, lexicon, lang).map((g) => {
    const items = g.items.flatMap((i) => {
      const r = byId.get(i.id);
      const c = r ? classOf.get(r.eventId) : undefined;
      return r && c ? [{ id: r.id, text: r.text, eventId: r.eventId, code: c.code, title: c.title }] : [];
    });
    return {
      id: g.id,
      key: g.key,
      label: g.label,
      keywords: g.keywords,
      classes: new Set(items.map((i) => i.eventId)).size,
      items,
    };
  });
  return {
    min: MIN_RESPONSES_FOR_DETAIL,
    comments: found.total,
    shown: found.rows.length,
    classes: found.classes.filter((c) => c.responses >= MIN_RESPONSES_FOR_DETAIL).length,
    withheldClasses: found.classes.filter((c) => c.responses > 0 && c.responses < MIN_RESPONSES_FOR_DETAIL)
      .length,
    // Unsorted stays last; otherwise the groups most classes ask for come first.
    groups: groups.sort(
      (a, b) =>
        Number(a.key === UNSORTED) - Number(b.key === UNSORTED) ||
        b.classes - a.classes ||
        b.items.length - a.items.length ||
        a.id - b.id,
    ),
  };
}

export type UnitComments = Awaited<ReturnType<typeof unitComments>>;
