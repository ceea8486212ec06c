// Edits a survey form: reorder, relabel, add and remove questions; the standard criteria keep their keys.
import { hasOptions, type QuestionDef } from "../../worker/domain/form";
import { t } from "../i18n";

export interface EditableForm {
  title: string;
  questions: QuestionDef[];
}

export const blankQuestion = (type: QuestionDef["type"]): QuestionDef => ({
  type,
  criterion: null,
  labelVi: "",
  labelEn: "",
  required: type === "rating" || type === "unit",
  options: hasOptions(type) ? [] : null,
  maxLength: type === "text" ? 2000 : null,
  minChoices: null,
  maxChoices: null,
});

/**
 * The form as it is sent: option lines left empty while typing are dropped, and each option keeps
 * a value made from its place, so answers already given stay comparable.
 */
export function formToSend(form: EditableForm): EditableForm {
  return {
    ...form,
    questions: form.questions.map((q) => {
      if (q.options === null) return q;
      // A rating's own scale keeps its points 1–5; left empty, the standard scale is used.
      if (q.type === "rating") {
        const labels = q.options.map((o) => ({ ...o, labelVi: o.labelVi.trim() }));
        return { ...q, options: labels.every((o) => o.labelVi === "") ? null : labels };
      }
      return {
        ...q,
        options: q.options
          .filter((o) => o.labelVi.trim() !== "")
          .map((o, k) => ({ ...o, value: `o${k + 1}`, labelVi: o.labelVi.trim() })),
      };
    }),
  };
}

/** A count box for a multi question's bounds: empty means no bound. */
function Bound(props: { label: string; value: number | null; onChange: (n: number | null) => void }) {
  return (
    <label class="bound">
      {props.label}
      <input
        type="number"
        inputMode="numeric"
        min={1}
        max={20}
        value={props.value ?? ""}
        onInput={(e) => {
          const n = Number.parseInt(e.currentTarget.value, 10);
          props.onChange(Number.isInteger(n) ? n : null);
        }}
      />
    </label>
  );
}

export function FormEditor(props: {
  form: EditableForm;
  onChange: (form: EditableForm) => void;
  errors: Record<string, string>;
}) {
  const { form, onChange, errors } = props;
  const set = (i: number, patch: Partial<QuestionDef>) =>
    onChange({ ...form, questions: form.questions.map((q, j) => (j === i ? { ...q, ...patch } : q)) });
  const move = (i: number, by: number) => {
    const qs = [...form.questions];
    const [q] = qs.splice(i, 1);
    if (!q) return;
    qs.splice(i + by, 0, q);
    onChange({ ...form, questions: qs });
  };
  return (
    <fieldset class="form-editor">
      <legend>{t("app.form")}</legend>
      <p class="hint">{t("app.form_hint")}</p>
      <div class="field">
        <label for="form-title">{t("app.form_title")}</label>
        <input
          id="form-title"
          value={form.title}
          maxLength={200}
          onInput={(e) => onChange({ ...form, title: e.currentTarget.value })}
        />
      </div>
      <ol class="questions">
        {form.questions.map((q, i) => {
          const err = (f: string) => errors[`form.questions.${i}.${f}`] ?? errors[`questions.${i}.${f}`];
          return (
            <li key={i} class="question">
              <div class="question-head">
                <strong>{t(`question_type.${q.type}`)}</strong>
                <span class="row-actions">
                  <button type="button" class="small" disabled={i === 0} onClick={() => move(i, -1)}>
                    {t("app.move_up")}
                  </button>
                  <button
                    type="button"
                    class="small"
                    disabled={i === form.questions.length - 1}
                    onClick={() => move(i, 1)}
                  >
                    {t("app.move_down")}
                  </button>
                  <button
                    type="button"
                    class="small danger"
                    onClick={() => onChange({ ...form, questions: form.questions.filter((_, j) => j !== i) })}
                  >
                    {t("app.remove")}
                  </button>
                </span>
              </div>
              <label>
                {t("app.q_label_vi")}
                <input
                  value={q.labelVi}
                  maxLength={300}
                  onInput={(e) => set(i, { labelVi: e.currentTarget.value })}
                />
              </label>
              {err("labelVi") ? <span class="field-error">{err("labelVi")}</span> : null}
              <label>
                {t("app.q_label_en")}
                <input
                  value={q.labelEn}
                  maxLength={300}
                  onInput={(e) => set(i, { labelEn: e.currentTarget.value })}
                />
              </label>
              {hasOptions(q.type) ? (
                <label>
                  {t("app.q_options")}
                  {/* Lines are kept as typed (an empty one is the next option being written); formToSend drops the empty ones. */}
                  <textarea
                    rows={4}
                    value={(q.options ?? []).map((o) => o.labelVi).join("\n")}
                    onInput={(e) =>
                      set(i, {
                        options: e.currentTarget.value
                          .split("\n")
                          .slice(0, 20)
                          .map((labelVi, k) => ({ value: `o${k + 1}`, labelVi, labelEn: "" })),
                      })
                    }
                  />
                  {err("options") ? <span class="field-error">{err("options")}</span> : null}
                </label>
              ) : null}
              {q.type === "rating" ? (
                <label>
                  {t("app.q_scale")}
                  <textarea
                    rows={5}
                    value={(q.options ?? []).map((o) => o.labelVi).join("\n")}
                    onInput={(e) => {
                      const lines = e.currentTarget.value.split("\n").slice(0, 5);
                      set(i, {
                        options: lines.map((labelVi, k) => ({ value: String(k + 1), labelVi, labelEn: "" })),
                      });
                    }}
                  />
                  {err("options") ? <span class="field-error">{err("options")}</span> : null}
                </label>
              ) : null}
              {q.type === "multi" ? (
                <div class="bounds">
                  <Bound
                    label={t("app.q_min_choices")}
                    value={q.minChoices}
                    onChange={(n) => set(i, { minChoices: n })}
                  />
                  <Bound
                    label={t("app.q_max_choices")}
                    value={q.maxChoices}
                    onChange={(n) => set(i, { maxChoices: n })}
                  />
                  {err("minChoices") || err("maxChoices") ? (
                    <span class="field-error">{err("minChoices") ?? err("maxChoices")}</span>
                  ) : null}
                </div>
              ) : null}
              {q.type === "unit" ? <p class="hint">{t("app.q_unit_hint")}</p> : null}
              <label class="check">
                <input
                  type="checkbox"
                  checked={q.required}
                  onChange={(e) => set(i, { required: e.currentTarget.checked })}
                />
                {t("app.q_required")}
              </label>
            </li>
          );
        })}
      </ol>
      <div class="row-actions">
        {(["rating", "text", "choice", "multi", "unit"] as const).map((type) => (
          <button
            key={type}
            type="button"
            class="small"
            onClick={() => onChange({ ...form, questions: [...form.questions, blankQuestion(type)] })}
          >
            {t(`form.add_${type}`)}
          </button>
        ))}
      </div>
    </fieldset>
  );
}
