// The training schemes a person sees, and each one's progress: indicators against their targets and the straight line to their dates, units furthest behind first, classes held against planned.
import { positionKey } from "../../../worker/domain/people";
import { pointsShort } from "../../../worker/domain/progress";
import { api, ok } from "../../api";
import { Downloads } from "../../components/Downloads";
import { Layout, PendingPage } from "../../components/Layout";
import { usePrintHeader } from "../../components/PrintHeader";
import { Table } from "../../components/Table";
import { UnitComments } from "../../components/UnitComments";
import { formatDay, formatScore, t } from "../../i18n";
import { Link } from "../../router";
import { useAsync } from "../../useAsync";
import { PlanForm, RemoveTarget, TargetForm } from "./Targets";
import { WorkshopsPanel } from "./Workshops";

const pct = (x: number | null) => (x === null ? "–" : `${Math.round(x * 100)}%`);

export function ProgrammesPage() {
  const list = useAsync(async () => ok(await api.api.programmes.$get()), []);
  if (!list.data) return <PendingPage title={t("prog.title")} error={list.error} />;
  return (
    <Layout title={t("prog.title")}>
      <ul class="plain">
        {list.data.map((p) => (
          <li key={p.id}>
            <Link href={`/app/programmes/${p.id}`}>{p.name}</Link>{" "}
            <span class="muted">
              · {p.unitName} · {formatDay(p.startsOn)} – {formatDay(p.endsOn)}
            </span>
          </li>
        ))}
      </ul>
    </Layout>
  );
}

export function ProgressPage(props: { id: string }) {
  const unit = new URLSearchParams(location.search).get("unit") ?? undefined;
  const {
    data: p,
    error,
    reload,
  } = useAsync(
    async () =>
      ok(
        await api.api.programmes[":id"].progress.$get({
          param: { id: props.id },
          query: unit ? { unit } : {},
        }),
      ),
    [props.id, unit],
  );
  usePrintHeader(
    p ? `${p.programme.name} · ${p.unit.name} · ${t("prog.as_of", { d: formatDay(p.at) })}` : null,
  );
  if (!p) return <PendingPage title={t("prog.title")} error={error} />;
  const behind = p.targets.flatMap((target) => [
    ...(target.onTrack
      ? []
      : [
          {
            who: t(positionKey(target.position)),
            unit: p.unit.name,
            rate: target.rate,
            expected: target.expectedRate,
          },
        ]),
    ...(p.units.find((u) => u.targetId === target.id)?.items ?? [])
      .filter((u) => !u.onTrack)
      .map((u) => ({
        who: t(positionKey(target.position)),
        unit: u.name,
        rate: u.rate,
        expected: u.expectedRate,
      })),
  ]);
  return (
    <Layout
      title={p.programme.name}
      actions={
        <>
          <Downloads
            files={[
              {
                url: api.api.programmes[":id"]["progress.xlsx"].$url({
                  param: { id: props.id },
                  query: unit ? { unit } : {},
                }),
                label: t("app.export_xlsx"),
              },
            ]}
          />
          <button type="button" onClick={() => print()}>
            {t("prog.print")}
          </button>
        </>
      }
    >
      <p class="muted">
        {t("prog.review")} · {p.unit.name} · {formatDay(p.programme.startsOn)} –{" "}
        {formatDay(p.programme.endsOn)} · {t("prog.as_of", { d: formatDay(p.at) })}
      </p>
      {p.targets.length === 0 ? <p class="notice">{t("prog.no_targets")}</p> : null}
      {p.targets.map((target) => {
        const units = p.units.find((u) => u.targetId === target.id)?.items ?? [];
        return (
          <section key={target.id} class="panel" data-testid="target">
            <h2>
              {t("prog.target", {
                who: t(positionKey(target.position)),
                days: target.minDays,
                share: pct(target.share),
                by: formatDay(target.by),
              })}
            </h2>
            <p class="big">
              {pct(target.rate)}{" "}
              <span class="muted">{t("prog.of", { trained: target.trained, people: target.people })}</span>
            </p>
            {/* The bar: done, the line's expectation by now, the target; each also said in words. */}
            <div class="progress-bar" aria-hidden="true">
              <span class="done" style={{ width: pct(target.rate ?? 0) }} />
              <span class="expected" style={{ left: pct(target.expectedRate) }} />
              <span class="goal" style={{ left: pct(target.share) }} />
            </div>
            {target.baseline !== null ? (
              <p class="muted">
                {t(target.baselineCounted ? "prog.baseline_counted" : "prog.baseline_above", {
                  n: target.baseline,
                })}
              </p>
            ) : null}
            <p data-testid="target-status" class={target.onTrack ? "ok" : "problem"}>
              {target.onTrack
                ? t("prog.on_track", { expected: pct(target.expectedRate) })
                : t("prog.behind", {
                    expected: pct(target.expectedRate),
                    gap: pointsShort(target.rate, target.expectedRate),
                  })}
            </p>
            {units.length > 0 ? (
              <Table class="list">
                <caption>{t("prog.by_unit")}</caption>
                <thead>
                  <tr>
                    <th scope="col">{t("people.col_unit")}</th>
                    <th scope="col">{t("prog.rate")}</th>
                    <th scope="col">{t("prog.trained")}</th>
                    <th scope="col">{t("prog.people")}</th>
                    <th scope="col">{t("prog.status")}</th>
                    <th scope="col">{t("prog.untrained")}</th>
                  </tr>
                </thead>
                <tbody>
                  {units.map((u) => (
                    <tr key={u.unitId}>
                      <th scope="row">
                        <a href={`/app/programmes/${p.programme.id}?unit=${u.unitId}`}>{u.name}</a>
                      </th>
                      <td>{pct(u.rate)}</td>
                      <td>{u.trained}</td>
                      <td>{u.people}</td>
                      <td data-testid="unit-status">
                        {u.onTrack
                          ? t("prog.ok")
                          : t("prog.late_by", { gap: pointsShort(u.rate, u.expectedRate) })}
                      </td>
                      <td>
                        <a
                          href={`/app/people?unit=${u.unitId}&position=${target.position}&programme=${p.programme.id}&trained=no`}
                        >
                          {t("prog.untrained_n", { n: u.people - u.trained })}
                        </a>
                      </td>
                    </tr>
                  ))}
                  {target.baselineCounted && target.baseline !== null ? (
                    // The hand-entered starting point has no units: its own row, so the table adds up to the card.
                    <tr>
                      <th scope="row">{t("prog.baseline_row")}</th>
                      <td>–</td>
                      <td>{target.baseline}</td>
                      <td>–</td>
                      <td />
                      <td />
                    </tr>
                  ) : null}
                </tbody>
              </Table>
            ) : null}
            {p.canEdit ? (
              <RemoveTarget
                programmeId={props.id}
                targetId={target.id}
                who={t("prog.target", {
                  who: t(positionKey(target.position)),
                  days: target.minDays,
                  share: pct(target.share),
                  by: formatDay(target.by),
                })}
                onRemoved={() => void reload()}
              />
            ) : null}
          </section>
        );
      })}
      {p.canEdit ? (
        <TargetForm programmeId={props.id} endsOn={p.programme.endsOn} onSaved={() => void reload()} />
      ) : null}
      <section class="panel">
        <h2>{t("prog.classes", { held: p.classes.held, planned: p.classes.planned })}</h2>
        <p>{t("prog.people_trained", { n: p.classes.people })}</p>
        <Table class="list">
          <thead>
            <tr>
              <th scope="col">{t("prog.year")}</th>
              <th scope="col">{t("prog.held")}</th>
              <th scope="col">{t("prog.planned")}</th>
              <th scope="col">{t("prog.planned_trainees")}</th>
              <th scope="col">{t("prog.person_times")}</th>
            </tr>
          </thead>
          <tbody>
            {p.classes.byYear.map((y) => (
              <tr key={y.year}>
                <th scope="row">{y.year}</th>
                <td>{y.held}</td>
                <td>{y.planned ?? "–"}</td>
                <td>{y.plannedTrainees ?? "–"}</td>
                <td>{y.personTimes}</td>
              </tr>
            ))}
          </tbody>
        </Table>
      </section>
      {p.canEdit ? (
        <PlanForm
          programmeId={props.id}
          startsOn={p.programme.startsOn}
          endsOn={p.programme.endsOn}
          plan={p.classes.byYear}
          onSaved={() => void reload()}
        />
      ) : null}
      <section class="panel" data-testid="quality">
        <h2>{t("prog.quality")}</h2>
        <p>
          {t("prog.quality_line", {
            overall: formatScore(p.quality.overall),
            responses: p.quality.responses,
            rate: pct(p.quality.responseRate),
            flagged: p.quality.flaggedClasses,
          })}
        </p>
        <p>
          {t("prog.inspections", {
            classes: p.inspections.classesObserved,
            units: p.inspections.unitsVisited,
          })}
        </p>
        {p.quality.means ? (
          <Table class="list">
            <thead>
              <tr>
                <th scope="col">{t("app.criterion")}</th>
                <th scope="col">{t("app.mean")}</th>
              </tr>
            </thead>
            <tbody>
              {p.quality.criteria.map((c) => (
                <tr key={c.id}>
                  <th scope="row">{c.label}</th>
                  <td>{formatScore(p.quality.means?.[c.id] ?? null)}</td>
                </tr>
              ))}
            </tbody>
          </Table>
        ) : null}
      </section>
      {/* The trainees' recommendations from the programme's classes, grouped across classes. */}
      <UnitComments
        unitId={String(p.unit.id)}
        filters={{
          programme: String(p.programme.id),
          from: p.programme.startsOn.slice(0, 7),
          to: p.at.slice(0, 7),
        }}
        q={`?programme=${p.programme.id}&from=${p.programme.startsOn.slice(0, 7)}&to=${p.at.slice(0, 7)}`}
      />
      <WorkshopsPanel workshops={p.workshops} />
      <section class="panel" data-testid="behind">
        <h2>{t("prog.behind_list")}</h2>
        {behind.length === 0 ? (
          <p>{t("prog.none_behind")}</p>
        ) : (
          <ul>
            {behind.map((b) => (
              <li key={`${b.who}-${b.unit}`}>
                {t("prog.behind_item", {
                  who: b.who,
                  unit: b.unit,
                  rate: pct(b.rate),
                  expected: pct(b.expected),
                })}
              </li>
            ))}
          </ul>
        )}
      </section>
    </Layout>
  );
}
