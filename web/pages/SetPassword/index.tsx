// The page a one-time link opens: the person sets their own password and is signed in.
import { useState } from "preact/hooks";
import { ApiProblem, api, ok } from "../../api";
import { Field } from "../../components/Field";
import { t } from "../../i18n";
import { forgetMe } from "../../me";
import { navigate } from "../../router";
import { useAsync } from "../../useAsync";

export function SetPassword() {
  const token = new URLSearchParams(location.search).get("token") ?? "";
  const [password, setPassword] = useState("");
  const [busy, setBusy] = useState(false);
  const [problem, setProblem] = useState<ApiProblem | undefined>(undefined);
  // Whose account the link is for: said before she chooses a password (or that the link is spent).
  const account = useAsync(
    async () => ok(await api.api.auth["set-password"].$get({ query: { token } })),
    [token],
  );
  const fields = problem?.failure.fields ?? {};
  const spent = account.error !== undefined && fields.token === undefined;
  return (
    <main class="login">
      <h1>{t("acc.set_title")}</h1>
      <p>{t("acc.set_intro")}</p>
      {account.data ? (
        <p data-testid="link-account">
          {t("acc.set_for", {
            who: [account.data.name, account.data.email].filter(Boolean).join(" · "),
            role: t(`role.${account.data.role}`),
            unit: account.data.unitName,
          })}
        </p>
      ) : null}
      {spent ? (
        <p class="problem" role="alert">
          {account.error}
        </p>
      ) : null}
      <form
        onSubmit={async (e) => {
          e.preventDefault();
          setBusy(true);
          setProblem(undefined);
          try {
            await ok(await api.api.auth["set-password"].$post({ json: { token, password } }));
            forgetMe();
            navigate("/app");
          } catch (err) {
            if (err instanceof ApiProblem) setProblem(err);
          } finally {
            setBusy(false);
          }
        }}
      >
        {fields.token ? (
          <p class="problem" role="alert">
            {fields.token}
          </p>
        ) : null}
        {/* The account's email, read-only: said once more, and given to the browser's password manager. */}
        {account.data ? (
          <Field id="link-email" label={t("acc.email")}>
            <input id="link-email" type="email" autocomplete="username" readOnly value={account.data.email} />
          </Field>
        ) : null}
        <Field id="new-password" label={t("acc.password")} error={fields.password}>
          <input
            id="new-password"
            type="password"
            autocomplete="new-password"
            required
            minLength={10}
            value={password}
            onInput={(e) => setPassword(e.currentTarget.value)}
          />
        </Field>
        <button type="submit" disabled={busy}>
          {t("acc.set_submit")}
        </button>
      </form>
    </main>
  );
}
