// Staff sign-in.
import { useState } from "preact/hooks";
import { ApiProblem, api, ok } from "../../api";
import { Field } from "../../components/Field";
import { switchLang, t } from "../../i18n";
import { forgetMe } from "../../me";
import { navigate } from "../../router";

export function Login() {
  const [email, setEmail] = useState("");
  const [password, setPassword] = useState("");
  const [busy, setBusy] = useState(false);
  const [problem, setProblem] = useState<ApiProblem | undefined>(undefined);
  return (
    <main class="login">
      <h1>{t("page.title_suffix")}</h1>
      <form
        onSubmit={async (e) => {
          e.preventDefault();
          setBusy(true);
          setProblem(undefined);
          try {
            await ok(await api.api.auth.login.$post({ json: { email, password } }));
            const next = new URLSearchParams(location.search).get("next");
            forgetMe();
            navigate(next?.startsWith("/app") ? next : "/app");
          } catch (err) {
            if (err instanceof ApiProblem) setProblem(err);
          } finally {
            setBusy(false);
          }
        }}
      >
        <Field id="email" label={t("app.email")} error={problem?.failure.fields.email}>
          <input
            id="email"
            type="email"
            autocomplete="username"
            required
            value={email}
            onInput={(e) => setEmail(e.currentTarget.value)}
          />
        </Field>
        <Field id="password" label={t("app.password")} error={problem?.failure.fields.password}>
          <input
            id="password"
            type="password"
            autocomplete="current-password"
            required
            value={password}
            onInput={(e) => setPassword(e.currentTarget.value)}
          />
        </Field>
        {problem && Object.keys(problem.failure.fields).length === 0 ? (
          <p class="problem" role="alert">
            {problem.message}
          </p>
        ) : null}
        <button type="submit" disabled={busy}>
          {busy ? t("app.signing_in") : t("app.sign_in")}
        </button>
      </form>
      <button type="button" class="link" onClick={switchLang}>
        {t("page.lang_switch")}
      </button>
    </main>
  );
}
