// Page frame for signed-in staff: brand, navigation, language switch, sign-out.
import type { ComponentChildren } from "preact";
import { useState } from "preact/hooks";
import { api } from "../api";
import { switchLang, t } from "../i18n";
import { forgetMe, isAdmin, isOrganiser, useMe } from "../me";
import { Link, navigate } from "../router";

export function Layout(props: { title: string; children: ComponentChildren; actions?: ComponentChildren }) {
  const me = useMe();
  // Only what this account may use; the server refuses the rest anyway.
  const admin = isAdmin(me);
  // On a phone the menu folds behind one button, so the page starts on the first screen.
  const [open, setOpen] = useState(false);
  return (
    <>
      <header class="top no-print">
        <Link href="/app" class="brand">
          {t("page.title_suffix")}
        </Link>
        <button
          type="button"
          class="menu-toggle"
          aria-expanded={open ? "true" : "false"}
          aria-controls="staff-nav"
          onClick={() => setOpen(!open)}
        >
          {open ? t("app.menu_close") : t("app.menu")}
        </button>
        <nav id="staff-nav" class={open ? "open" : undefined} aria-label={t("app.menu")}>
          <Link href="/app">{t("app.nav_events")}</Link>
          <Link href="/app/units">{t("app.nav_scores")}</Link>
          <Link href="/app/programmes">{t("app.nav_programmes")}</Link>
          <Link href="/app/people">{t("app.nav_people")}</Link>
          {isOrganiser(me) ? <Link href="/app/templates">{t("app.nav_templates")}</Link> : null}
          {isOrganiser(me) ? <Link href="/app/lexicon">{t("app.nav_lexicon")}</Link> : null}
          {admin ? <Link href="/app/units/admin">{t("app.nav_units")}</Link> : null}
          {admin ? <Link href="/app/users">{t("app.nav_accounts")}</Link> : null}
          {admin ? <Link href="/app/audit">{t("app.nav_audit")}</Link> : null}
          {me ? (
            <a href="/app/account" class="who" data-testid="who">
              {me.name || me.email} · {t(`role.${me.role}`)} · {me.unitName}
            </a>
          ) : null}
          <button type="button" class="link" onClick={switchLang}>
            {t("page.lang_switch")}
          </button>
          <button
            type="button"
            class="link"
            onClick={async () => {
              await api.api.auth.logout.$post();
              forgetMe();
              navigate("/app/login");
            }}
          >
            {t("app.sign_out")}
          </button>
        </nav>
      </header>
      <main class="page">
        <div class="page-head">
          <h1>{props.title}</h1>
          {props.actions ? <div class="actions no-print">{props.actions}</div> : null}
        </div>
        {props.children}
      </main>
    </>
  );
}

export function Problem(props: { error: string | undefined }) {
  return props.error ? (
    <p class="problem" role="alert">
      {t("app.error", { m: props.error })}
    </p>
  ) : null;
}

export function Loading() {
  return <p aria-busy="true">{t("app.loading")}</p>;
}

/** What a page shows until its data arrives, or why it did not. */
export function PendingPage(props: { title: string; error: string | undefined }) {
  return (
    <Layout title={props.title}>
      <Problem error={props.error} />
      {props.error ? null : <Loading />}
    </Layout>
  );
}
