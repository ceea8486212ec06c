// Class quality for a unit: its children ranked (a heat map of criteria), flags, trend, classes; drill down, export, print.

import { useState } from "preact/hooks";
import type { Flag } from "../../../worker/domain/scores";
import { LEVEL_RANK, LEVELS, TRAINEE_CATEGORIES } from "../../../worker/domain/terms";
import { api, ok, type UnitScores } from "../../api";
import { DateInput } from "../../components/DateInput";
import { Downloads } from "../../components/Downloads";
import { Layout, PendingPage, Problem } from "../../components/Layout";
import { NeedsRollup } from "../../components/NeedsRollup";
import { usePrintHeader } from "../../components/PrintHeader";
import { ScoreChart, ScoreTable } from "../../components/ScoreChart";
import { Table } from "../../components/Table";
import { TrendChart } from "../../components/TrendChart";
import { UnitComments } from "../../components/UnitComments";
import { formatDay, formatMonth, formatScore, formatTime, t } from "../../i18n";
import { Link } from "../../router";
import { useAsync } from "../../useAsync";

const FILTERS = ["tree", "from", "to", "programme", "category", "level", "threshold", "by"] as const;
type Filters = Partial<Record<(typeof FILTERS)[number], string>>;

function readFilters(): Filters {
  const p = new URLSearchParams(location.search);
  const f: Filters = {};
  for (const k of FILTERS) {
    const v = p.get(k);
    if (v) f[k] = v;
  }
  return f;
}

const query = (f: Filters) => {
  const p = new URLSearchParams();
  for (const k of FILTERS) if (f[k]) p.set(k, f[k] ?? "");
  const s = p.toString();
  return s ? `?${s}` : "";
};

const pct = (x: number | null) => (x === null ? "–" : `${Math.round(x * 100)}%`);
const signed = (x: number | null) => (x === null ? "–" : `${x > 0 ? "+" : ""}${formatScore(x)}`);
/** Five colour steps from weak to strong, always paired with the number itself. */
/**
 * One blue, darker for higher, in quarter-point steps from 3 to 4.5 (4.06 and 4.22 differ), so it
 * reads in greyscale print and for colour-blind eyes; cells under the threshold are also hatched.
 */
const heat = (x: number | null, threshold: number) =>
  x === null
    ? "heat-none"
    : `heat-${x < 3 ? 1 : Math.min(8, 2 + Math.floor((x - 3) / 0.25))}${x < threshold ? " below" : ""}`;

type Row = UnitScores["units"][number];
type SortKey =
  | "name"
  | "classes"
  | "responses"
  | "responseRate"
  | "overall"
  | "change"
  | "flaggedClasses"
  | string;

function sortValue(r: Row, key: SortKey): number | string {
  if (key === "name") return r.name;
  if (key in (r.means ?? {})) return r.means?.[key as keyof NonNullable<Row["means"]>] ?? -1;
  const v = r[key as keyof Row];
  return typeof v === "number" ? v : -1;
}

function Flags(props: { flags: readonly Flag[] }) {
  return (
    <>
      {props.flags.map((f) => (
        <span class={`flag flag-${f}`} key={f}>
          {t(`flag_chip.${f}`)}
        </span>
      ))}
    </>
  );
}

export function ScoresPage(props: { id: string | undefined }) {
  const [filters, setFilters] = useState<Filters>(readFilters);
  const [sort, setSort] = useState<{ key: SortKey; desc: boolean }>({ key: "overall", desc: false });
  const me = useAsync(async () => ok(await api.api.auth.me.$get()), []);
  const programmes = useAsync(async () => ok(await api.api.programmes.$get()), []);
  const id = props.id ?? (me.data ? String(me.data.unitId) : undefined);
  // The weakest 50 classes first, what an inspector reads on screen; "more" shows 50 more (exports carry all).
  const [shown, setShown] = useState(50);
  const { data: s, error } = useAsync(async () => {
    if (!id) return undefined;
    return ok(
      await api.api.units[":id"].scores.$get({ param: { id }, query: { ...filters, limit: String(shown) } }),
    );
  }, [id, JSON.stringify(filters), shown]);
  usePrintHeader(
    s
      ? `${s.unit.name} · ${t("score.period")} ${formatMonth(s.period.from)} → ${formatMonth(s.period.to)}`
      : null,
  );
  if (!s) return <PendingPage title={t("app.scores_title")} error={error ?? me.error} />;

  const set = (k: keyof Filters, v: string) => {
    const next = { ...filters, [k]: v || undefined };
    setFilters(next);
    history.replaceState(null, "", `${location.pathname}${query(next)}`);
  };
  const q = query(filters);
  const rows = [...s.units].sort((a, b) => {
    const x = sortValue(a, sort.key);
    const y = sortValue(b, sort.key);
    const c =
      typeof x === "string" && typeof y === "string" ? x.localeCompare(y, "vi") : Number(x) - Number(y);
    return sort.desc ? -c : c;
  });
  const Th = (p: { k: SortKey; label: string }) => (
    <th scope="col" aria-sort={sort.key === p.k ? (sort.desc ? "descending" : "ascending") : undefined}>
      <button
        type="button"
        class="sort"
        onClick={() => setSort({ key: p.k, desc: sort.key === p.k ? !sort.desc : p.k !== "name" })}
      >
        {p.label}
        {sort.key === p.k ? (sort.desc ? " ▼" : " ▲") : ""}
      </button>
    </th>
  );
  const totalCriteria = s.criteria.map((c) => {
    const d = s.total.distribution?.[c.id] ?? null;
    return {
      id: c.id,
      label: c.label,
      mean: s.total.means?.[c.id] ?? null,
      n: d ? Object.values(d).reduce((a, b) => a + b, 0) : 0,
      distribution: d,
    };
  });
  const exportUrl = (file: string) =>
    api.api.units[":id"][":file"].$url({
      param: { id: String(s.unit.id), file },
      query: Object.fromEntries(FILTERS.flatMap((k) => (filters[k] ? [[k, filters[k]]] : []))),
    });
  return (
    <Layout
      title={s.unit.name}
      actions={
        <>
          <Downloads
            files={[
              { url: exportUrl("scores.xlsx"), label: t("app.export_units_xlsx") },
              { url: exportUrl("scores.csv"), label: t("app.export_units_csv") },
              { url: exportUrl("classes.xlsx"), label: t("app.export_classes_xlsx") },
              { url: exportUrl("classes.csv"), label: t("app.export_classes_csv") },
            ]}
          />
          <button type="button" onClick={() => print()}>
            {t("app.print")}
          </button>
        </>
      }
    >
      <nav class="crumbs" aria-label={t("app.breadcrumb")} hidden={s.ancestors.length === 0 && s.unit.active}>
        {s.ancestors.map((a) => (
          <span key={a.id}>
            <Link href={`/app/units/${a.id}${q}`}>{a.name}</Link> ›{" "}
          </span>
        ))}
        <span aria-current="page">{s.unit.name}</span>
        {s.unit.active ? null : (
          <span class="muted"> ({t("app.unit_inactive", { d: formatDay(s.unit.validTo ?? "") })})</span>
        )}
      </nav>
      <p class="muted print-only">
        {t("score.period")}: {formatMonth(s.period.from)} → {formatMonth(s.period.to)} ·{" "}
        {t(s.tree === "now" ? "app.tree_now" : "app.tree_then")}
      </p>
      <form class="filters no-print" onSubmit={(e) => e.preventDefault()}>
        <fieldset class="segmented">
          <legend>{t("app.structure")}</legend>
          {(["now", "then"] as const).map((tr) => (
            <label key={tr}>
              <input
                type="radio"
                name="tree"
                checked={s.tree === tr}
                onChange={() => set("tree", tr === "now" ? "" : "then")}
              />
              {t(tr === "now" ? "app.tree_now" : "app.tree_then")}
            </label>
          ))}
          <p class="hint">{t("app.tree_hint")}</p>
        </fieldset>
        <label>
          {t("app.from_month")}
          <DateInput kind="month" value={s.period.from} onValue={(v) => set("from", v)} />
        </label>
        <label>
          {t("app.to_month")}
          <DateInput kind="month" value={s.period.to} onValue={(v) => set("to", v)} />
        </label>
        <label>
          {t("app.programme")}
          <select value={filters.programme ?? ""} onChange={(e) => set("programme", e.currentTarget.value)}>
            <option value="">{t("app.all")}</option>
            {(programmes.data ?? []).map((p) => (
              <option key={p.id} value={String(p.id)}>
                {p.name}
              </option>
            ))}
          </select>
        </label>
        <label>
          {t("app.trainee_category")}
          <select value={filters.category ?? ""} onChange={(e) => set("category", e.currentTarget.value)}>
            <option value="">{t("app.all")}</option>
            {TRAINEE_CATEGORIES.map((c) => (
              <option key={c} value={c}>
                {t(`category.${c}`)}
              </option>
            ))}
          </select>
        </label>
        <label>
          {t("app.breakdown_level")}
          <select value={filters.level ?? ""} onChange={(e) => set("level", e.currentTarget.value)}>
            <option value="">{t("app.direct_units")}</option>
            {LEVELS.filter((l) => LEVEL_RANK[l] > LEVEL_RANK[s.unit.level]).map((l) => (
              <option key={l} value={l}>
                {t(`level.${l}`)}
              </option>
            ))}
          </select>
        </label>
        <label>
          {t("app.threshold")}
          <input
            type="number"
            min="1"
            max="5"
            step="0.1"
            value={String(s.rules.threshold)}
            onChange={(e) => set("threshold", e.currentTarget.value)}
          />
        </label>
      </form>
      {s.merged.length > 0 ? (
        <p class="notice">
          {t("app.merged_into_this")}{" "}
          {s.merged.map((m, i) => (
            <span key={m.id}>
              {i > 0 ? ", " : ""}
              <Link href={`/app/units/${m.id}${q}`}>{m.name}</Link> (
              {t("app.until", { d: formatDay(m.validTo ?? "") })})
            </span>
          ))}
        </p>
      ) : null}
      <section class="cards">
        <div class="card">
          <h2>{t("score.overall")}</h2>
          <p class="big">{formatScore(s.total.overall)} / 5</p>
          <p class="muted">
            {t("app.change_prev", { a: formatMonth(s.previous.from), b: formatMonth(s.previous.to) })}:{" "}
            {signed(s.total.change)}
          </p>
        </div>
        <div class="card">
          <h2>{t("app.classes_and_responses")}</h2>
          <p class="big">
            {s.total.classes} · {s.total.responses}
          </p>
          <p class="muted">
            {t("score.rate")}: {pct(s.total.responseRate)}
          </p>
        </div>
        <div class="card">
          <h2>{t("app.flagged_classes")}</h2>
          <p class="big">{s.total.flaggedClasses}</p>
          <p class="muted">
            <Flags flags={s.total.flags} />
          </p>
        </div>
      </section>
      {s.total.means === null && s.total.responses > 0 ? (
        <p class="notice">{t("app.hidden_detail", { min: s.minResponses })}</p>
      ) : null}

      <section>
        <h2>{t("app.units_heading")}</h2>
        {rows.length === 0 ? (
          <p>
            {s.unit.level === "commune" && s.total.classes > 0
              ? t("app.no_units_below", { n: s.total.classes })
              : t("app.no_units_data")}
          </p>
        ) : (
          <div class="scroll">
            <Table class="list heat">
              <caption>{t("app.heat_caption", { n: s.minResponses })}</caption>
              <thead>
                <tr>
                  <Th k="name" label={t("score.unit")} />
                  <Th k="classes" label={t("score.classes")} />
                  <Th k="responses" label={t("app.responses")} />
                  <Th k="responseRate" label={t("score.rate")} />
                  {s.criteria.map((c) => (
                    <Th key={c.id} k={c.id} label={c.label} />
                  ))}
                  <Th k="overall" label={t("score.overall")} />
                  <Th k="change" label={t("app.change_short")} />
                  <Th k="flaggedClasses" label={t("score.flags")} />
                </tr>
              </thead>
              <tbody>
                {rows.map((u) => (
                  <tr key={`${u.id}${u.direct ? "-direct" : ""}`} class={u.active ? "" : "inactive"}>
                    <th scope="row">
                      {u.direct ? (
                        <span data-testid="direct-row">{t("score.direct", { unit: u.name })}</span>
                      ) : (
                        <Link href={`/app/units/${u.id}${q}`}>{u.name}</Link>
                      )}
                      {u.active ? null : (
                        <div class="muted">{t("app.until", { d: formatDay(u.validTo ?? "") })}</div>
                      )}
                    </th>
                    <td>{u.classes}</td>
                    <td>{u.responses}</td>
                    <td>{pct(u.responseRate)}</td>
                    {s.criteria.map((c) => {
                      const m = u.means?.[c.id] ?? null;
                      return (
                        <td key={c.id} class={heat(m, s.rules.threshold)}>
                          {formatScore(m)}
                        </td>
                      );
                    })}
                    <td class={heat(u.overall, s.rules.threshold)}>
                      <b>{formatScore(u.overall)}</b>
                    </td>
                    <td>{signed(u.change)}</td>
                    <td>
                      <Flags flags={u.flags} />
                      {u.flaggedClasses > 0 ? (
                        <div class="muted">{t("app.n_flagged_classes", { n: u.flaggedClasses })}</div>
                      ) : null}
                    </td>
                  </tr>
                ))}
              </tbody>
            </Table>
          </div>
        )}
      </section>

      <section class="two">
        <div>
          <h2>{t("app.criteria")}</h2>
          {s.total.means ? (
            <ScoreChart criteria={totalCriteria} />
          ) : (
            <p>{t("app.hidden_detail", { min: s.minResponses })}</p>
          )}
          <details>
            <summary>{t("app.show_table")}</summary>
            <ScoreTable criteria={totalCriteria} />
          </details>
        </div>
        <div>
          <h2>
            {t("app.trend")}{" "}
            <select
              class="inline no-print"
              aria-label={t("app.trend_by")}
              value={filters.by ?? "month"}
              onChange={(e) => set("by", e.currentTarget.value === "month" ? "" : e.currentTarget.value)}
            >
              <option value="month">{t("app.by_month")}</option>
              <option value="quarter">{t("app.by_quarter")}</option>
            </select>
          </h2>
          <TrendChart points={s.trend} threshold={s.rules.threshold} />
          <details>
            <summary>{t("app.show_table")}</summary>
            <Table class="list">
              <caption>{t("app.trend")}</caption>
              <thead>
                <tr>
                  <th scope="col">{t("score.period")}</th>
                  <th scope="col">{t("app.responses")}</th>
                  <th scope="col">{t("score.overall")}</th>
                </tr>
              </thead>
              <tbody>
                {s.trend.map((p) => (
                  <tr key={p.period}>
                    <th scope="row">{formatMonth(p.period)}</th>
                    <td>{p.responses}</td>
                    <td>{formatScore(p.overall)}</td>
                  </tr>
                ))}
              </tbody>
            </Table>
          </details>
        </div>
      </section>

      <section>
        <h2>
          {t("app.classes_heading")}{" "}
          <span class="muted">
            {s.classes.length < s.classesTotal
              ? t("app.showing_of", { n: s.classes.length, total: s.classesTotal })
              : `(${s.classesTotal})`}
          </span>
        </h2>
        <p class="hint">{t("app.classes_hint")}</p>
        <div class="scroll">
          <Table class="list">
            <thead>
              <tr>
                <th scope="col">{t("score.class")}</th>
                <th scope="col">{t("score.unit")}</th>
                <th scope="col">{t("app.responses")}</th>
                <th scope="col">{t("score.overall")}</th>
                <th scope="col">{t("app.observed")}</th>
                <th scope="col">{t("score.flags")}</th>
              </tr>
            </thead>
            <tbody>
              {s.classes.map((k) => (
                <tr key={k.id}>
                  <td>
                    <Link href={`/app/events/${k.id}/report`}>{k.title}</Link>
                    <div class="muted">
                      {formatTime(k.startsAt)} · <span class="mono">{k.code}</span>
                    </div>
                  </td>
                  <td>{k.unitName}</td>
                  <td>
                    {k.responses}/{k.expected} ({pct(k.responseRate)})
                  </td>
                  <td class={heat(k.overall, s.rules.threshold)}>{formatScore(k.overall)}</td>
                  <td>{formatScore(k.observed)}</td>
                  <td>
                    <Flags flags={k.flags} />
                  </td>
                </tr>
              ))}
            </tbody>
          </Table>
        </div>
        {s.classes.length < s.classesTotal ? (
          <button
            type="button"
            class="secondary no-print"
            onClick={() => setShown(Math.min(1000, shown + 50))}
          >
            {t("acc.more")}
          </button>
        ) : null}
      </section>
      <p class="print-only muted">{t("app.printed_at", { t: formatTime(new Date().toISOString()) })}</p>
      <Problem error={error} />
      <button
        type="button"
        class="link no-print"
        onClick={() => {
          setFilters({});
          history.replaceState(null, "", location.pathname);
        }}
      >
        {t("app.reset_filters")}
      </button>
      {id ? <UnitComments unitId={id} filters={filters} q={q} /> : null}
      {id ? <NeedsRollup unitId={id} /> : null}
    </Layout>
  );
}
