// Organiser creates a class (with an editable copy of the standard form), a workshop, or a survey that is not a class.
import { useState } from "preact/hooks";
import { STANDARD_FORM, STANDARD_FORM_TITLE } from "../../../worker/domain/form";
import { TRAINEE_CATEGORIES, type TraineeCategory } from "../../../worker/domain/terms";
import { ApiProblem, api, ok } from "../../api";
import { DateInput } from "../../components/DateInput";
import { Field } from "../../components/Field";
import { blankQuestion, type EditableForm, FormEditor, formToSend } from "../../components/FormEditor";
import { Layout, Problem } from "../../components/Layout";
import { isoToVnLocal, t, vnLocalToIso } from "../../i18n";
import { navigate } from "../../router";
import { useAsync } from "../../useAsync";

const indent: Record<string, number> = { central: 0, province: 1, district: 2, commune: 3 };

function todayAt(hour: number): string {
  const d = isoToVnLocal(new Date().toISOString()).slice(0, 10);
  return `${d}T${String(hour).padStart(2, "0")}:00`;
}

/** A needs survey starts by asking the respondent's unit, then what the organiser adds. */
const SURVEY_START: EditableForm = {
  title: "",
  questions: [
    { ...blankQuestion("unit"), labelVi: "Đơn vị của bạn", labelEn: "Your unit" },
    blankQuestion("multi"),
  ],
};

export function NewEvent() {
  const asked = new URLSearchParams(location.search).get("kind");
  const kind = asked === "workshop" || asked === "survey" ? asked : "class";
  const workshop = kind === "workshop";
  const survey = kind === "survey";
  const [question, setQuestion] = useState("");
  // Only units that still exist can hold a new class; merged ones stay in the tree for history.
  const units = useAsync(async () => (await ok(await api.api.units.$get())).filter((u) => u.active), []);
  const programmes = useAsync(async () => ok(await api.api.programmes.$get()), []);
  const templates = useAsync(async () => ok(await api.api.templates.$get()), []);
  const [programmeId, setProgrammeId] = useState("");
  // The template the form was started from, so a unit's page can add up its surveys' answers.
  const [templateId, setTemplateId] = useState<number | null>(null);
  const [title, setTitle] = useState("");
  const [unitId, setUnitId] = useState("");
  const [startsAt, setStartsAt] = useState(todayAt(8));
  const [endsAt, setEndsAt] = useState(todayAt(17));
  const [closesAt, setClosesAt] = useState("");
  const [expected, setExpected] = useState("40");
  const [lecturers, setLecturers] = useState("");
  const [category, setCategory] = useState<TraineeCategory | "">("");
  const [form, setForm] = useState<EditableForm>(
    survey ? SURVEY_START : { title: STANDARD_FORM_TITLE, questions: STANDARD_FORM.map((q) => ({ ...q })) },
  );
  const [busy, setBusy] = useState(false);
  const [problem, setProblem] = useState<ApiProblem | undefined>(undefined);
  const fields = problem?.failure.fields ?? {};
  const chosenUnit = unitId || String(units.data?.[0]?.id ?? "");

  return (
    <Layout title={t(workshop ? "app.new_workshop" : survey ? "app.new_survey" : "app.new_class")}>
      <Problem error={units.error} />
      <form
        class="stack"
        onSubmit={async (e) => {
          e.preventDefault();
          setBusy(true);
          setProblem(undefined);
          try {
            const created = await ok(
              await api.api.events.$post({
                json: {
                  kind,
                  title,
                  unitId: Number(chosenUnit),
                  startsAt: vnLocalToIso(startsAt),
                  endsAt: vnLocalToIso(endsAt),
                  ...(closesAt ? { closesAt: vnLocalToIso(closesAt) } : {}),
                  expectedParticipants: Number(expected),
                  ...(workshop
                    ? { question }
                    : survey
                      ? { form: formToSend({ ...form, title: form.title || title }), templateId }
                      : {
                          lecturers,
                          traineeCategory: category || null,
                          programmeId: programmeId ? Number(programmeId) : null,
                          form: formToSend(form),
                          templateId,
                        }),
                },
              }),
            );
            navigate(`/app/events/${created.id}`);
          } catch (err) {
            if (err instanceof ApiProblem) setProblem(err);
            else throw err;
          } finally {
            setBusy(false);
          }
        }}
      >
        <Field
          id="title"
          label={t(workshop ? "app.workshop_title" : survey ? "app.survey_title" : "app.title")}
          error={fields.title}
        >
          <input
            id="title"
            required
            maxLength={200}
            value={title}
            onInput={(e) => setTitle(e.currentTarget.value)}
          />
        </Field>
        <Field id="unit" label={t("app.unit")} error={fields.unitId}>
          <select id="unit" value={chosenUnit} onChange={(e) => setUnitId(e.currentTarget.value)}>
            {(units.data ?? []).map((u) => (
              <option key={u.id} value={u.id}>
                {"\u00a0\u00a0".repeat(indent[u.level] ?? 0)}
                {u.name}
              </option>
            ))}
          </select>
        </Field>
        <div class="grid3">
          <Field id="starts" label={t("app.starts_at")} error={fields.startsAt}>
            <DateInput kind="datetime" id="starts" required value={startsAt} onValue={setStartsAt} />
          </Field>
          <Field id="ends" label={t("app.ends_at")} error={fields.endsAt}>
            <DateInput kind="datetime" id="ends" required value={endsAt} onValue={setEndsAt} />
          </Field>
          <Field
            id="closes"
            label={t("app.closes_at")}
            error={fields.closesAt}
            hint={t("app.closes_at_hint")}
          >
            <DateInput kind="datetime" id="closes" value={closesAt} onValue={setClosesAt} />
          </Field>
        </div>
        {workshop ? (
          <Field id="question" label={t("app.workshop_question")} error={fields.question}>
            <textarea
              id="question"
              maxLength={500}
              rows={3}
              value={question}
              onInput={(e) => setQuestion(e.currentTarget.value)}
            />
          </Field>
        ) : null}
        <div class="grid3">
          <Field
            id="expected"
            label={t(
              workshop ? "app.expected_delegates" : survey ? "app.expected_respondents" : "app.expected",
            )}
            error={fields.expectedParticipants}
          >
            <input
              id="expected"
              type="number"
              min={1}
              max={10000}
              required
              value={expected}
              onInput={(e) => setExpected(e.currentTarget.value)}
            />
          </Field>
          {workshop || survey ? null : (
            <Field id="lecturers" label={t("app.lecturers")} error={fields.lecturers}>
              <input
                id="lecturers"
                maxLength={300}
                value={lecturers}
                onInput={(e) => setLecturers(e.currentTarget.value)}
              />
            </Field>
          )}
          {workshop || survey ? null : (
            <Field id="category" label={t("app.trainee_category")} error={fields.traineeCategory}>
              <select
                id="category"
                value={category}
                onChange={(e) => {
                  const v = e.currentTarget.value;
                  setCategory(TRAINEE_CATEGORIES.find((c) => c === v) ?? "");
                }}
              >
                <option value="">{t("category.none")}</option>
                {TRAINEE_CATEGORIES.map((c) => (
                  <option key={c} value={c}>
                    {t(`category.${c}`)}
                  </option>
                ))}
              </select>
            </Field>
          )}
          {survey ? null : (
            <Field id="programme" label={t("app.programme")} error={fields.programmeId}>
              <select
                id="programme"
                value={programmeId}
                onChange={(e) => setProgrammeId(e.currentTarget.value)}
              >
                <option value="">{t("category.none")}</option>
                {(programmes.data ?? []).map((p) => (
                  <option key={p.id} value={String(p.id)}>
                    {p.name} ({p.startsOn.slice(0, 4)}–{p.endsOn.slice(0, 4)})
                  </option>
                ))}
              </select>
            </Field>
          )}
        </div>
        {workshop ? null : (
          <Field id="template" label={t("tpl.choose")} hint={t("tpl.choose_hint")}>
            <select
              id="template"
              onChange={(e) => {
                const picked = e.currentTarget.value;
                if (picked === "") {
                  setTemplateId(null);
                  return setForm(SURVEY_START);
                }
                const chosen = templates.data?.items[Number(picked)];
                setTemplateId(chosen?.id ?? null);
                if (chosen)
                  setForm({ title: chosen.title, questions: chosen.questions.map((q) => ({ ...q })) });
              }}
            >
              {survey ? <option value="">{t("tpl.survey_start")}</option> : null}
              {(templates.data?.items ?? []).map((tp, i) => (
                <option key={tp.id ?? "standard"} value={i}>
                  {tp.title}
                  {tp.unitName ? ` · ${tp.unitName}` : ""}
                </option>
              ))}
            </select>
          </Field>
        )}
        {fields.form ? <Problem error={`${t("app.form")}: ${fields.form}`} /> : null}
        {workshop ? null : <FormEditor form={form} onChange={setForm} errors={fields} />}
        <Problem error={problem?.message} />
        <div class="row-actions">
          <button type="submit" disabled={busy}>
            {busy ? t("app.creating") : t(survey ? "app.create_survey" : "app.create")}
          </button>
          <button type="button" class="secondary" onClick={() => history.back()}>
            {t("app.cancel")}
          </button>
        </div>
      </form>
    </Layout>
  );
}
