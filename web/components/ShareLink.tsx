// Handing the survey link on where people share: copied for a Zalo group, or the phone's own share sheet.
import { useState } from "preact/hooks";
import { t } from "../i18n";

export function ShareLink(props: { url: string; title: string }) {
  const [copied, setCopied] = useState(false);
  const canShare = typeof navigator.share === "function";
  return (
    <div class="row-actions no-print">
      <button
        type="button"
        class="secondary"
        onClick={async () => {
          await navigator.clipboard.writeText(props.url);
          setCopied(true);
        }}
      >
        {t("app.copy_link")}
      </button>
      {canShare ? (
        <button
          type="button"
          class="secondary"
          onClick={async () => {
            try {
              await navigator.share({ title: props.title, url: props.url });
            } catch {
              // Closed without sharing: nothing to do.
            }
          }}
        >
          {t("app.share")}
        </button>
      ) : null}
      {copied ? <span role="status">{t("app.copied")}</span> : null}
    </div>
  );
}
