// A person's own account: who they are, a new password, signing out on every device.
import { useState } from "preact/hooks";
import { ApiProblem, api, ok } from "../../api";
import { Field } from "../../components/Field";
import { Layout } from "../../components/Layout";
import { t } from "../../i18n";
import { forgetMe, useMe } from "../../me";
import { navigate } from "../../router";

export function AccountPage() {
  const me = useMe();
  const [current, setCurrent] = useState("");
  const [next, setNext] = useState("");
  const [done, setDone] = useState(false);
  const [problem, setProblem] = useState<ApiProblem | undefined>(undefined);
  const fields = problem?.failure.fields ?? {};
  return (
    <Layout title={t("acc.me_title")}>
      {me ? (
        <p class="lead">
          {me.name || me.email} · {me.email} · {t(`role.${me.role}`)} · {me.unitName}
        </p>
      ) : null}
      <form
        class="stack panel"
        onSubmit={async (e) => {
          e.preventDefault();
          setProblem(undefined);
          setDone(false);
          try {
            await ok(await api.api.auth.password.$post({ json: { current, next } }));
            setDone(true);
            setCurrent("");
            setNext("");
          } catch (err) {
            if (err instanceof ApiProblem) setProblem(err);
          }
        }}
      >
        <h2>{t("acc.change")}</h2>
        <Field id="current" label={t("acc.current")} error={fields.current}>
          <input
            id="current"
            type="password"
            autocomplete="current-password"
            required
            value={current}
            onInput={(e) => setCurrent(e.currentTarget.value)}
          />
        </Field>
        <Field id="next" label={t("acc.password")} error={fields.next}>
          <input
            id="next"
            type="password"
            autocomplete="new-password"
            required
            minLength={10}
            value={next}
            onInput={(e) => setNext(e.currentTarget.value)}
          />
        </Field>
        {done ? (
          <p class="notice" role="status">
            {t("acc.changed")}
          </p>
        ) : null}
        <button type="submit">{t("acc.change")}</button>
      </form>
      <button
        type="button"
        class="secondary"
        onClick={async () => {
          await ok(await api.api.auth["logout-all"].$post());
          forgetMe();
          navigate("/app/login");
        }}
      >
        {t("acc.sign_out_all")}
      </button>
    </Layout>
  );
}
