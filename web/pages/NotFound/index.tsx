// An /app address that names no page: said plainly, with the way back.
import { Layout } from "../../components/Layout";
import { t } from "../../i18n";
import { Link } from "../../router";

export function NotFound() {
  return (
    <Layout title={t("app.not_found_page")}>
      <p>
        <Link href="/app">{t("app.nav_events")}</Link>
      </p>
    </Layout>
  );
}
