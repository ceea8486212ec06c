// What the surveys below a unit that used one template ask for most: options by count, as bars and a table.
import { useState } from "preact/hooks";
import { api, ok } from "../api";
import { t } from "../i18n";
import { useAsync } from "../useAsync";
import { OptionsTable } from "./QuestionReport";

export function NeedsRollup(props: { unitId: string }) {
  const [template, setTemplate] = useState("");
  const needs = useAsync(
    async () =>
      ok(
        await api.api.units[":id"].needs.$get({
          param: { id: props.unitId },
          query: template ? { template } : {},
        }),
      ),
    [props.unitId, template],
  );
  const data = needs.data;
  if (!data || data.templates.length === 0) return null;
  return (
    <section data-testid="needs">
      <h2>{t("needs.title")}</h2>
      <p class="muted">{t("needs.hint", { min: data.minResponses })}</p>
      <label>
        {t("needs.template")}{" "}
        <select value={String(data.template?.id ?? "")} onChange={(e) => setTemplate(e.currentTarget.value)}>
          {data.templates.map((tp) => (
            <option key={tp.id} value={String(tp.id)}>
              {t("needs.template_option", { title: tp.title, surveys: tp.surveys, responses: tp.responses })}
            </option>
          ))}
        </select>
      </label>
      {data.questions.map((q) => (
        <div class="question-report" key={q.position}>
          <h3>{q.label}</h3>
          <p class="muted">{t("app.answered_by", { n: q.n })}</p>
          <OptionsTable label={q.label} n={q.n} options={q.options} />
        </div>
      ))}
    </section>
  );
}
