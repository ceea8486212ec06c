// Dự giờ on the class report: the trainees' means beside each observer's scores, and the inspector's own form.
import { useState } from "preact/hooks";
import { CRITERIA } from "../../worker/domain/criteria";
import { vietnamDay } from "../../worker/domain/time";
import { ApiProblem, api, ok, type Report } from "../api";
import { formatDay, formatScore, t } from "../i18n";
import { useAsync } from "../useAsync";
import { DateInput } from "./DateInput";
import { Table } from "./Table";

export function ObservationSection(props: {
  eventId: string;
  criteria: Report["criteria"];
  canObserve: boolean;
}) {
  const { data, reload } = useAsync(
    async () => ok(await api.api.events[":id"].observations.$get({ param: { id: props.eventId } })),
    [props.eventId],
  );
  const [fields, setFields] = useState<Record<string, string>>({});
  const [saved, setSaved] = useState(false);
  if (!data) return null;
  const mine = data.observations.find((o) => o.mine);
  const trainee = (id: string) => props.criteria.find((c) => c.id === id)?.mean ?? null;
  return (
    <section>
      <h2>{t("app.observation")}</h2>
      {data.observations.length === 0 ? <p class="muted">{t("app.no_observation")}</p> : null}
      <Table class="list">
        <caption>{t("app.observation_caption")}</caption>
        <thead>
          <tr>
            <th scope="col">{t("app.criterion")}</th>
            <th scope="col">{t("app.trainees")}</th>
            {data.observations.map((o) => (
              <th scope="col" key={o.userId}>
                {t("app.observer", { name: o.observer })}
                <div class="muted">{formatDay(o.observedOn)}</div>
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {data.criteria.map((c) => (
            <tr key={c.id}>
              <th scope="row">{c.label}</th>
              <td>{formatScore(trainee(c.id))}</td>
              {data.observations.map((o) => (
                <td key={o.userId}>{o.scores[c.id] ?? "–"}</td>
              ))}
            </tr>
          ))}
        </tbody>
      </Table>
      {data.observations
        .filter((o) => o.note)
        .map((o) => (
          <blockquote key={o.userId}>
            <b>{o.observer}:</b> {o.note}
          </blockquote>
        ))}
      {props.canObserve ? (
        <form
          key={mine?.updatedAt ?? "new"}
          class="panel no-print"
          onSubmit={async (e) => {
            e.preventDefault();
            const f = new FormData(e.currentTarget);
            const scores: Partial<Record<(typeof CRITERIA)[number], number | null>> = {};
            for (const c of CRITERIA) {
              const v = f.get(c);
              scores[c] = v ? Number(v) : null;
            }
            setSaved(false);
            try {
              // Awaited: "Đã lưu" only once the server has taken it, its refusal shown otherwise.
              await ok(
                await api.api.events[":id"].observation.$put({
                  param: { id: props.eventId },
                  json: {
                    scores,
                    note: String(f.get("note") ?? ""),
                    observedOn: String(f.get("observedOn") ?? ""),
                  },
                }),
              );
              setFields({});
              setSaved(true);
              await reload();
            } catch (err) {
              if (err instanceof ApiProblem) setFields({ _: err.failure.message, ...err.failure.fields });
            }
          }}
        >
          <h3>{t(mine ? "app.edit_observation" : "app.record_observation")}</h3>
          <div class="obs-grid">
            {data.criteria.map((c) => (
              <label key={c.id}>
                {c.label}
                {/* A select has no defaultValue in the DOM: the saved score is the option marked selected. */}
                <select name={c.id}>
                  <option value="" selected={mine?.scores[c.id] == null}>
                    –
                  </option>
                  {[1, 2, 3, 4, 5].map((v) => (
                    <option key={v} value={String(v)} selected={mine?.scores[c.id] === v}>
                      {v}
                    </option>
                  ))}
                </select>
              </label>
            ))}
          </div>
          <label>
            {t("app.observed_on")}
            <DateInput
              kind="date"
              name="observedOn"
              required
              defaultValue={mine?.observedOn ?? vietnamDay(new Date())}
            />
          </label>
          <label>
            {t("app.observation_note")}
            <textarea name="note" rows={3} maxLength={2000} defaultValue={mine?.note ?? ""} />
          </label>
          {Object.keys(fields).length > 0 ? (
            <div class="problem" role="alert">
              <ul>
                {Object.entries(fields).map(([k, m]) => (
                  <li key={k}>{m}</li>
                ))}
              </ul>
            </div>
          ) : null}
          {saved ? (
            <p class="notice" role="status">
              {t("app.saved")}
            </p>
          ) : null}
          <button type="submit">{t("app.save_observation")}</button>
        </form>
      ) : null}
    </section>
  );
}
