// A unit's survey templates: the forms its classes start from, made and edited here, each edit a new version.
import { useState } from "preact/hooks";
import { STANDARD_FORM, STANDARD_FORM_TITLE } from "../../../worker/domain/form";
import { ApiProblem, api, ok } from "../../api";
import { Field } from "../../components/Field";
import { type EditableForm, FormEditor, formToSend } from "../../components/FormEditor";
import { Layout, Problem } from "../../components/Layout";
import { Table } from "../../components/Table";
import { UnitSelect } from "../../components/UnitSelect";
import { formatTime, t } from "../../i18n";
import { useAsync } from "../../useAsync";

export function TemplatesPage() {
  const list = useAsync(async () => ok(await api.api.templates.$get()), []);
  const units = useAsync(async () => (await ok(await api.api.units.$get())).filter((u) => u.active), []);
  // null: a new template; a number: the template being edited.
  const [editing, setEditing] = useState<number | null | undefined>(undefined);
  const [form, setForm] = useState<EditableForm>({ title: "", questions: [] });
  const [unitId, setUnitId] = useState("");
  const [problem, setProblem] = useState<ApiProblem | undefined>(undefined);
  const [saved, setSaved] = useState(false);
  const fields = problem?.failure.fields ?? {};
  const unitList = units.data ?? [];
  return (
    <Layout
      title={t("tpl.title")}
      actions={
        <button
          type="button"
          onClick={() => {
            setEditing(null);
            setSaved(false);
            setForm({
              title: `${STANDARD_FORM_TITLE} (bản của đơn vị)`,
              questions: STANDARD_FORM.map((q) => ({ ...q })),
            });
          }}
        >
          {t("tpl.new")}
        </button>
      }
    >
      <p class="muted">{t("tpl.help")}</p>
      <Problem error={list.error} />
      <Table class="list">
        <thead>
          <tr>
            <th scope="col">{t("tpl.name")}</th>
            <th scope="col">{t("acc.unit")}</th>
            <th scope="col">{t("tpl.version")}</th>
            <th scope="col">
              <span class="sr-only">{t("tpl.edit")}</span>
            </th>
          </tr>
        </thead>
        <tbody>
          {(list.data?.items ?? []).map((tp) => (
            <tr key={tp.id ?? "standard"} data-testid="template">
              <td>
                {tp.title}
                <div class="muted">{t("tpl.questions", { n: tp.questions.length })}</div>
              </td>
              <td>{tp.builtIn ? t("tpl.built_in") : tp.unitName}</td>
              <td>
                {tp.version}
                {tp.updatedAt ? <div class="muted">{formatTime(tp.updatedAt)}</div> : null}
              </td>
              <td>
                {tp.editable && tp.id !== null ? (
                  <button
                    type="button"
                    class="small secondary"
                    onClick={() => {
                      setEditing(tp.id);
                      setSaved(false);
                      setForm({ title: tp.title, questions: tp.questions.map((q) => ({ ...q })) });
                    }}
                  >
                    {t("tpl.edit")}
                  </button>
                ) : null}
              </td>
            </tr>
          ))}
        </tbody>
      </Table>
      {editing !== undefined ? (
        <form
          class="stack panel"
          onSubmit={async (e) => {
            e.preventDefault();
            setProblem(undefined);
            setSaved(false);
            try {
              if (editing === null) {
                const created = await ok(
                  await api.api.templates.$post({
                    json: { ...formToSend(form), unitId: Number(unitId || unitList[0]?.id || 0) },
                  }),
                );
                setEditing(created.id);
              } else {
                await ok(
                  await api.api.templates[":id"].$patch({
                    param: { id: String(editing) },
                    json: formToSend(form),
                  }),
                );
              }
              setSaved(true);
              await list.reload();
            } catch (err) {
              if (err instanceof ApiProblem) setProblem(err);
              else throw err;
            }
          }}
        >
          <h2>{editing === null ? t("tpl.new") : t("tpl.edit")}</h2>
          {editing === null ? (
            <Field id="tpl-unit" label={t("acc.unit")} error={fields.unitId}>
              <UnitSelect
                id="tpl-unit"
                value={unitId || String(unitList[0]?.id ?? "")}
                onChange={setUnitId}
                units={unitList}
              />
            </Field>
          ) : (
            <p class="hint">{t("tpl.versions_hint")}</p>
          )}
          <FormEditor form={form} onChange={setForm} errors={fields} />
          <Problem error={problem && Object.keys(fields).length === 0 ? problem.message : undefined} />
          {saved ? (
            <p class="notice" role="status">
              {t("acc.saved")}
            </p>
          ) : null}
          <button type="submit">{t("acc.save")}</button>
        </form>
      ) : null}
    </Layout>
  );
}
