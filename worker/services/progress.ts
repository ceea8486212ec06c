// A programme's targets, plan and progress: each indicator against its target and the straight line to its date, by unit, classes held against planned.
import type { Db } from "../db";
import { findProgramme, type Programme } from "../db/programmes";
import {
  classesByYear,
  countedBy,
  daysOnRegister,
  deleteTarget,
  insertTarget,
  listTargets,
  loadPlan,
  type PlanYear,
  peopleTrained,
  replacePlan,
  type TargetCount,
  type TargetRow,
  targetsCounted,
  workshopsOf,
} from "../db/progress";
import { scopeUnitId } from "../db/subtree";
import { findUnitById, listChildUnits } from "../db/units";
import { type Cell, dateCell, type Table } from "../domain/csv";
import { type FieldErrors, Invalid, NotFound } from "../domain/errors";
import type { Lang } from "../domain/i18n";
import { t } from "../domain/i18n";
import { type Position, positionKey } from "../domain/people";
import { expectedShare, rateOf } from "../domain/progress";
import { FOLLOW_STATUSES } from "../domain/proposal";
import { DEFAULT_RULES } from "../domain/scores";
import { canSee, inScope, ORGANISERS, type Scope, type StaffUser, scopeOf } from "../domain/terms";
import { vietnamDay } from "../domain/time";
import { pathIds } from "../domain/tree";
import { unitInScope } from "./scope";
import { criterionLabels, type ScoreQuery, unitScores } from "./scores";

/** The dashboards' query for a programme's classes from its start to `at` (at most ten years, as they allow). */
function qualityQuery(tree: "now" | "then", startsOn: string, at: string, programmeId: number): ScoreQuery {
  const to = at.slice(0, 7);
  const tenYears = `${Number(to.slice(0, 4)) - 9}-${to.slice(5, 7)}`;
  const from = startsOn.slice(0, 7) < tenYears ? tenYears : startsOn.slice(0, 7);
  return {
    tree,
    from,
    to,
    programmeId,
    category: null,
    level: null,
    rules: DEFAULT_RULES,
    by: "month",
    // Every class: the inspections are counted from them.
    limit: 100_000,
  };
}

/** A programme the caller reads: run by her unit, one above it, or one below it. */
export async function programmeFor(db: Db, user: StaffUser, id: number): Promise<Programme> {
  const p = await findProgramme(db, id);
  if (!p || !(inScope(user.unitPath, p.unitPath) || inScope(p.unitPath, user.unitPath))) throw new NotFound();
  return p;
}

/** A programme the caller may set targets and a plan for: run by her unit or one below it. */
async function programmeToEdit(db: Db, user: StaffUser, id: number): Promise<Programme> {
  const p = await programmeFor(db, user, id);
  if (!canSee(user, { nowPath: p.unitPath, thenPath: p.unitPath })) throw new NotFound();
  return p;
}

export async function addTarget(
  db: Db,
  user: StaffUser,
  id: number,
  t: { position: Position; share: number; by: string; minDays: number; baseline: number | null },
  now: Date,
): Promise<number> {
  const p = await programmeToEdit(db, user, id);
  if (t.by < p.startsOn) throw new Invalid({ by: { key: "progress.by_before_start" } });
  return insertTarget(db, p.id, t, now.toISOString());
}

export async function removeTarget(db: Db, user: StaffUser, id: number, targetId: number): Promise<void> {
  const p = await programmeToEdit(db, user, id);
  if (!(await deleteTarget(db, p.id, targetId))) throw new NotFound();
}

export async function setPlan(
  db: Db,
  user: StaffUser,
  id: number,
  years: readonly PlanYear[],
): Promise<void> {
  const p = await programmeToEdit(db, user, id);
  const first = Number(p.startsOn.slice(0, 4));
  const last = Number(p.endsOn.slice(0, 4));
  const fields: FieldErrors = {};
  const seen = new Set<number>();
  years.forEach((y, i) => {
    if (y.year < first || y.year > last) fields[`years.${i}.year`] = { key: "progress.year_outside" };
    else if (seen.has(y.year)) fields[`years.${i}.year`] = { key: "progress.year_twice" };
    seen.add(y.year);
  });
  if (Object.keys(fields).length > 0) throw new Invalid(fields);
  await replacePlan(db, p.id, years);
}

/**
 * Every target's people and trained on the scope's unit and each unit one level below, and the
 * people trained at all: from the summary rows (two statements), or, on a day they do not answer,
 * from one pass over the register.
 */
async function targetCounts(
  db: Db,
  f: { scope: Scope; programmeId: number; at: string },
  targets: readonly TargetRow[],
  counted: boolean,
): Promise<{ counts: TargetCount[]; trainedPeople: number }> {
  if (counted) {
    const [counts, trainedPeople] = await Promise.all([
      targetsCounted(db, f),
      peopleTrained(db, f.scope, f.programmeId, f.at),
    ]);
    return { counts, trainedPeople };
  }
  const rows = await daysOnRegister(db, f.scope, f.programmeId, f.at);
  const own = scopeUnitId(f.scope);
  const counts = targets.flatMap((t) => {
    const mine = rows.filter((r) => r.position === t.position);
    const line = (unitId: number, of: typeof mine): TargetCount => ({
      targetId: t.id,
      unitId,
      people: of.reduce((n, r) => n + r.people, 0),
      trained: of.reduce((n, r) => n + (r.days >= t.minDays ? r.people : 0), 0),
    });
    const children = [...new Set(mine.map((r) => r.unitId))].filter((id) => id !== 0);
    return [
      line(own, mine),
      ...children.map((id) =>
        line(
          id,
          mine.filter((r) => r.unitId === id),
        ),
      ),
    ];
  });
  return { counts, trainedPeople: rows.reduce((n, r) => n + (r.days > 0 ? r.people : 0), 0) };
}

/** The scope unit's own people: the total less its children's (one row, or none when there are none). */
function ownRow<T>(
  total: { people: number; trained: number },
  children: readonly { people: number; trained: number }[],
  row: (people: number, trained: number) => T,
): T[] {
  // A unit with no units below it: the card says it all.
  if (children.length === 0) return [];
  const people = total.people - children.reduce((n, c) => n + c.people, 0);
  const trained = total.trained - children.reduce((n, c) => n + c.trained, 0);
  return people > 0 || trained > 0 ? [row(people, trained)] : [];
}

/**
 * Where a programme stands on `at` (today by default) in a unit's subtree: each indicator's
 * people and trained (distinct persons), rate, the rate expected by then and whether it is on
 * track; the same for each unit one level down, the furthest behind first; classes held by year
 * against the plan.
 */
export async function progressOf(
  db: Db,
  user: StaffUser,
  id: number,
  q: { unit?: number | undefined; tree?: "now" | "then" | undefined; at?: string | undefined },
  lang: Lang,
  now: Date,
) {
  const p = await programmeFor(db, user, id);
  const at = q.at ?? vietnamDay(now);
  if (q.at !== undefined && q.at < p.startsOn) throw new Invalid({ at: { key: "progress.before_start" } });
  const base = scopeOf(user);
  const tree = q.tree ?? base.tree;
  const unit = q.unit === undefined ? null : await unitInScope(db, user, q.unit);
  const asked = unit ?? (await findUnitById(db, user.unitId));
  if (!asked) throw new NotFound();
  // A programme counts the people of its own units: a view from above its unit narrows to it.
  const narrowed =
    inScope(p.unitPath, asked.nowPath) && p.unitPath !== asked.nowPath
      ? await findUnitById(db, p.unitId)
      : undefined;
  const scopeUnit = narrowed ?? asked;
  const scope =
    narrowed || unit
      ? { tree, path: tree === "now" ? scopeUnit.nowPath : scopeUnit.thenPath }
      : { tree, path: base.path };
  const [targets, plan, years, below, counted, workshops, quality] = await Promise.all([
    listTargets(db, p.id),
    loadPlan(db, p.id),
    classesByYear(db, scope, p.id, at),
    listChildUnits(db, scope),
    countedBy(db, p.id, at),
    workshopsOf(db, scope, p.id, at),
    // Quality from the surveys of its classes: the dashboards' own reading, over the programme's months.
    unitScores(db, scopeUnit, qualityQuery(tree, p.startsOn, at, p.id), false),
  ]);
  const observed = quality.classes.filter((c) => c.observed !== null);
  const nameOf = new Map(below.map((u) => [u.id, u.name]));
  // The hand-entered baseline is the programme unit's: counted in a view of it or above it.
  const withBaseline = pathIds(p.unitPath).includes(scopeUnit.id);
  const ownName = t(lang, "progress.own_unit", { name: scopeUnit.name });
  const { counts, trainedPeople } = await targetCounts(
    db,
    { scope, programmeId: p.id, at },
    targets,
    counted,
  );
  const read = targets.map((t) => {
    const mine = counts.filter((c) => c.targetId === t.id);
    const total = mine.find((c) => c.unitId === scopeUnitId(scope)) ?? { people: 0, trained: 0 };
    const byUnit = mine.filter((u) => nameOf.has(u.unitId));
    const expectedRate = expectedShare(t.share, p.startsOn, t.by, at);
    const line = (people: number, trained: number) => {
      const rate = rateOf(trained, people);
      return { people, trained, rate, expectedRate, onTrack: rate !== null && rate >= expectedRate };
    };
    return {
      target: {
        id: t.id,
        position: t.position,
        share: t.share,
        by: t.by,
        minDays: t.minDays,
        baseline: t.baseline,
        baselineCounted: withBaseline && t.baseline !== null,
        // Those trained before the programme (by hand) count once the view takes in its unit;
        // never more than the people there are.
        ...line(
          total.people,
          withBaseline && t.baseline !== null
            ? Math.min(total.people, total.trained + t.baseline)
            : total.trained,
        ),
      },
      units: [
        ...byUnit.map((u) => ({
          unitId: u.unitId,
          name: nameOf.get(u.unitId) ?? "",
          ...line(u.people, u.trained),
        })),
        // People of the unit itself (a province's full-time officers): a row of their own, so the
        // table adds up to the card.
        ...ownRow(total, byUnit, (people, trained) => ({
          unitId: scopeUnit.id,
          name: ownName,
          ...line(people, trained),
        })),
      ],
    };
  });
  const yearOf = Number(at.slice(0, 4));
  const byYear = [...new Set([...plan.map((y) => y.year), ...years.map((y) => y.year)])]
    .sort()
    .map((year) => {
      const held = years.find((y) => y.year === year);
      const planned = plan.find((y) => y.year === year);
      return {
        year,
        held: held?.held ?? 0,
        planned: planned?.classes ?? null,
        plannedTrainees: planned?.trainees ?? null,
        budget: planned?.budget ?? null,
        personTimes: held?.personTimes ?? 0,
      };
    });
  return {
    programme: { id: p.id, name: p.name, startsOn: p.startsOn, endsOn: p.endsOn, unitName: p.unitName },
    // Whether the caller may set its targets and plan (the page shows the forms).
    canEdit:
      (ORGANISERS as readonly string[]).includes(user.role) &&
      canSee(user, { nowPath: p.unitPath, thenPath: p.unitPath }),
    unit: { id: scopeUnit.id, name: scopeUnit.name },
    at,
    tree,
    targets: read.map((r) => r.target),
    // Each unit one level down, per indicator, the furthest behind its expected rate first.
    units: read.map((r) => ({
      targetId: r.target.id,
      items: [...r.units].sort(
        (a, b) =>
          (a.rate ?? 0) - a.expectedRate - ((b.rate ?? 0) - b.expectedRate) ||
          a.name.localeCompare(b.name, "vi"),
      ),
    })),
    quality: {
      criteria: criterionLabels(lang),
      responses: quality.total.responses,
      responseRate: quality.total.responseRate,
      means: quality.total.means,
      overall: quality.total.overall,
      flags: quality.total.flags,
      flaggedClasses: quality.total.flaggedClasses,
    },
    // Inspections: the classes an inspector observed (dự giờ), and the units they were held at.
    inspections: {
      classesObserved: observed.length,
      unitsVisited: new Set(observed.map((c) => c.unitId)).size,
    },
    // The workshops linked to it, with where their proposals' follow-up stands.
    workshops: workshops.map((w) => ({
      id: w.id,
      title: w.title,
      startsAt: w.startsAt,
      unitName: w.unitName,
      proposals: w.proposals,
      follow: {
        none: w.none,
        received: w.received,
        accepted: w.accepted,
        in_progress: w.in_progress,
        done: w.done,
        declined: w.declined,
      },
    })),
    classes: {
      held: byYear.reduce((s, y) => s + y.held, 0),
      // Distinct people of the subtree who completed at least one of its classes (by their own unit).
      people: trainedPeople,
      planned: plan.filter((y) => y.year <= yearOf).reduce((s, y) => s + y.classes, 0),
      byYear,
    },
  };
}

/**
 * The review's tables (báo cáo sơ kết / tổng kết) on one sheet, in the Union's order: results
 * against each target, by unit; classes and trainees by year; quality; inspections.
 */
export async function progressTable(
  db: Db,
  user: StaffUser,
  id: number,
  q: { unit?: number | undefined; tree?: "now" | "then" | undefined; at?: string | undefined },
  lang: Lang,
  now: Date,
): Promise<Table> {
  const r = await progressOf(db, user, id, q, lang, now);
  const en = lang === "en";
  const share = (x: number | null) => (x === null ? null : Math.round(x * 100));
  const rows: Cell[][] = [
    [r.programme.name],
    [
      r.unit.name,
      `${r.programme.startsOn} – ${r.programme.endsOn}`,
      t(lang, "progress.as_of"),
      dateCell(`${r.at}T00:00:00+07:00`, "day"),
    ],
    [],
    [t(lang, "progress.results")],
    [
      t(lang, "people.col_position"),
      t(lang, "progress.min_days"),
      t(lang, "progress.target_pct"),
      t(lang, "progress.by"),
      t(lang, "progress.people"),
      t(lang, "progress.trained"),
      t(lang, "progress.rate_pct"),
      t(lang, "progress.expected_pct"),
      t(lang, "progress.on_track"),
      t(lang, "progress.baseline"),
    ],
    ...r.targets.map((x) => [
      t(lang, positionKey(x.position)),
      x.minDays,
      share(x.share),
      dateCell(`${x.by}T00:00:00+07:00`, "day"),
      x.people,
      x.trained,
      share(x.rate),
      share(x.expectedRate),
      x.onTrack ? (en ? "yes" : "có") : en ? "no" : "không",
      x.baselineCounted ? x.baseline : null,
    ]),
    ...r.targets.flatMap((x): Cell[][] => [
      [],
      [t(lang, "progress.by_unit", { who: t(lang, positionKey(x.position)) })],
      [
        t(lang, "people.col_unit"),
        t(lang, "progress.people"),
        t(lang, "progress.trained"),
        t(lang, "progress.rate_pct"),
        t(lang, "progress.expected_pct"),
      ],
      ...(r.units.find((u) => u.targetId === x.id)?.items ?? []).map((u) => [
        u.name,
        u.people,
        u.trained,
        share(u.rate),
        share(u.expectedRate),
      ]),
      // The hand-entered starting point has no units: its own row, so the table adds up.
      ...(x.baselineCounted ? [[t(lang, "progress.baseline_row"), null, x.baseline]] : []),
    ]),
    [],
    [t(lang, "progress.classes")],
    [
      t(lang, "progress.year"),
      t(lang, "progress.held"),
      t(lang, "progress.planned"),
      t(lang, "progress.planned_trainees"),
      t(lang, "progress.budget"),
      t(lang, "progress.person_times"),
    ],
    ...r.classes.byYear.map((y) => [y.year, y.held, y.planned, y.plannedTrainees, y.budget, y.personTimes]),
    [t(lang, "progress.people_distinct"), r.classes.people],
    [],
    [
      t(lang, "progress.quality"),
      r.quality.overall,
      r.quality.responses,
      share(r.quality.responseRate),
      r.quality.flaggedClasses,
    ],
    ...r.quality.criteria.map((c) => [c.label, r.quality.means?.[c.id] ?? null]),
    [],
    [t(lang, "progress.inspections"), r.inspections.classesObserved, r.inspections.unitsVisited],
    [],
    [t(lang, "progress.workshops")],
    [
      t(lang, "progress.workshop"),
      t(lang, "people.col_unit"),
      t(lang, "progress.day"),
      t(lang, "progress.proposals"),
      t(lang, "progress.follow_none"),
      ...FOLLOW_STATUSES.map((s) => t(lang, `follow.${s}`)),
    ],
    ...r.workshops.map((w) => [
      w.title,
      w.unitName,
      dateCell(w.startsAt, "day"),
      w.proposals,
      w.follow.none,
      ...FOLLOW_STATUSES.map((s) => w.follow[s]),
    ]),
  ];
  return { name: `tien-do-${id}`, sheet: t(lang, "progress.sheet"), rows };
}
