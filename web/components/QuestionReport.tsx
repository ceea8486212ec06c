// Every question of a form as the report shows it: counts and shares per option as bars with a table, texts in groups, and per unit.

import { percentOf } from "../../worker/domain/report";
import type { Report } from "../api";
import { formatScore, t } from "../i18n";
import { Table } from "./Table";

type Question = Report["questions"][number];

const share = (count: number | null, n: number | null) => {
  const p = count === null || n === null ? null : percentOf(count, n);
  return p === null ? "–" : `${p}%`;
};

/** A question's options with how many chose each and their share of those who answered (null: withheld). */
export function OptionsTable(props: {
  label: string;
  n: number | null;
  options: readonly { value: string; label: string; count: number | null }[];
}) {
  return (
    <Table class="list">
      <caption>{props.label}</caption>
      <thead>
        <tr>
          <th scope="col">{t("app.option")}</th>
          <th scope="col">{t("app.count")}</th>
          <th scope="col">{t("app.share_pct")}</th>
        </tr>
      </thead>
      <tbody>
        {props.options.map((o) => (
          <tr key={o.value}>
            <th scope="row">{o.label}</th>
            <td>{o.count ?? "–"}</td>
            <td>{share(o.count, props.n)}</td>
          </tr>
        ))}
      </tbody>
    </Table>
  );
}

/** One question with options: a bar per option (its share of those who answered) and the same numbers in a table. */
function OptionsQuestion(props: { q: Question }) {
  const { q } = props;
  const options = q.options ?? [];
  return (
    <div class="question-report" data-testid="question-report">
      <h3>{q.label}</h3>
      <p class="muted">
        {t(`question_type.${q.type}`)}
        {q.n === null ? null : ` · ${t("app.answered_by", { n: q.n })}`}
      </p>
      <div class="chart" aria-hidden="true">
        {options.map((o) => (
          <div class="chart-row" key={o.value}>
            <div class="chart-label">{o.label}</div>
            <div class="chart-bar">
              <div class="chart-track">
                <span style={{ width: `${percentOf(o.count ?? 0, q.n ?? 0) ?? 0}%` }} />
              </div>
              <b>{o.count ?? "–"}</b>
            </div>
          </div>
        ))}
      </div>
      <OptionsTable label={q.label} n={q.n} options={options} />
    </div>
  );
}

/** A text question: how many wrote, then what they wrote in groups of the same request. */
function TextQuestion(props: { q: Question }) {
  const { q } = props;
  return (
    <div class="question-report" data-testid="question-report">
      <h3>{q.label}</h3>
      {q.n === null ? null : <p class="muted">{t("app.written_by", { n: q.n })}</p>}
      {q.groups?.map((g) => (
        <div class="comment-group" key={g.label} data-testid="comment-group">
          <h4>
            {g.label} ({g.items.length})
          </h4>
          <ul class="comments">
            {g.items.map((c) => (
              <li key={c.id}>{c.text}</li>
            ))}
          </ul>
        </div>
      ))}
    </div>
  );
}

/** The questions a class's criteria do not already show: choices, several choices, units, texts. */
export function QuestionReports(props: { questions: Report["questions"] }) {
  const shown = props.questions.filter((q) => q.type !== "rating");
  if (shown.length === 0) return null;
  return (
    <section>
      <h2>{t("app.questions")}</h2>
      {shown.map((q) =>
        q.type === "text" ? <TextQuestion key={q.id} q={q} /> : <OptionsQuestion key={q.id} q={q} />,
      )}
    </section>
  );
}

/** A unit's row head; the pooled row names the units it holds. */
function UnitName(props: { cell: NonNullable<Report["byUnit"]>[number] }) {
  const { cell } = props;
  return (
    <th scope="row">
      {cell.name}
      {cell.pooled && cell.pooled.length > 0 ? <span class="muted"> ({cell.pooled.join(", ")})</span> : null}
    </th>
  );
}

/** Each question's answers per unit; a unit below the threshold shows only how many answered. */
export function UnitBreakdown(props: {
  byUnit: NonNullable<Report["byUnit"]>;
  min: number;
  /** The unit question as it was asked ("Đơn vị của chị"): the column is named for it. */
  unitLabel?: string | undefined;
}) {
  const unitHeading = props.unitLabel ?? t("app.unit");
  const first = props.byUnit.find((u) => u.questions !== null)?.questions ?? [];
  return (
    <section>
      <h2>{t("app.by_unit")}</h2>
      <p class="muted">{t("app.by_unit_hint", { min: props.min })}</p>
      {first.length === 0 ? (
        <Table class="list" data-testid="unit-breakdown">
          <caption>{t("app.by_unit")}</caption>
          <thead>
            <tr>
              <th scope="col">{unitHeading}</th>
              <th scope="col">{t("app.responses")}</th>
              <th scope="col">{t("app.questions")}</th>
            </tr>
          </thead>
          <tbody>
            {props.byUnit.map((u) => (
              <tr key={u.id}>
                <UnitName cell={u} />
                <td>{u.responses}</td>
                <td class="muted">{t("app.too_few", { min: props.min })}</td>
              </tr>
            ))}
          </tbody>
        </Table>
      ) : null}
      {first.map((q) => (
        <div class="table-scroll" key={q.id}>
          <Table class="list" data-testid="unit-breakdown">
            <caption>{q.label}</caption>
            <thead>
              <tr>
                <th scope="col">{unitHeading}</th>
                <th scope="col">{t("app.responses")}</th>
                {q.type === "rating" ? <th scope="col">{t("app.mean")}</th> : null}
                {q.type === "rating"
                  ? null
                  : (q.options ?? []).map((o) => (
                      <th scope="col" key={o.value}>
                        {o.label}
                      </th>
                    ))}
              </tr>
            </thead>
            <tbody>
              {props.byUnit.map((u) => {
                const mine = u.questions?.find((x) => x.id === q.id);
                const cells = q.type === "rating" ? 1 : (q.options ?? []).length;
                return (
                  <tr key={u.id}>
                    <UnitName cell={u} />
                    <td>{u.responses}</td>
                    {mine === undefined ? (
                      <td colSpan={cells} class="muted">
                        {t("app.too_few", { min: props.min })}
                      </td>
                    ) : q.type === "rating" ? (
                      <td>{formatScore(mine.mean ?? null)}</td>
                    ) : (
                      (mine.options ?? []).map((o) => (
                        <td key={o.value}>
                          {o.count ?? "–"} ({share(o.count, mine.n)})
                        </td>
                      ))
                    )}
                  </tr>
                );
              })}
            </tbody>
          </Table>
        </div>
      ))}
    </section>
  );
}
