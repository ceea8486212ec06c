// Edits a survey form: reorder, relabel, add and remove questions; the standard criteria keep their keys.
import type { QuestionDef } from "../../worker/domain/form";
import { t } from "../i18n";

export interface EditableForm {
  title: string;
  questions: QuestionDef[];
}

const blank = (type: QuestionDef["type"]): QuestionDef => ({
  type,
  criterion: null,
  labelVi: "",
  labelEn: "",
  required: type === "rating",
  options: type === "choice" ? [] : null,
  maxLength: type === "text" ? 2000 : null,
});

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
              {q.type === "choice" ? (
                <label>
                  {t("app.q_options")}
                  <textarea
                    rows={3}
                    value={(q.options ?? []).map((o) => o.labelVi).join("\n")}
                    onInput={(e) =>
                      set(i, {
                        options: e.currentTarget.value
                          .split("\n")
                          .map((s) => s.trim())
                          .filter(Boolean)
                          .slice(0, 20)
                          .map((labelVi, k) => ({ value: `o${k + 1}`, labelVi, labelEn: "" })),
                      })
                    }
                  />
                  {err("options") ? <span class="field-error">{err("options")}</span> : null}
                </label>
              ) : null}
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
        {(["rating", "text", "choice"] as const).map((type) => (
          <button
            key={type}
            type="button"
            class="small"
            onClick={() => onChange({ ...form, questions: [...form.questions, blank(type)] })}
          >
            {t(`form.add_${type}`)}
          </button>
        ))}
      </div>
    </fieldset>
  );
}
