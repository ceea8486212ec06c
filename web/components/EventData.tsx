// The organiser's controls over an event's data: download everything, or delete it after typing the code.
import { useState } from "preact/hooks";
import { ApiProblem, api, ok } from "../api";
import { t } from "../i18n";
import { navigate } from "../router";
import { Problem } from "./Layout";

export function EventData(props: { id: number; code: string }) {
  const [typed, setTyped] = useState("");
  const [problem, setProblem] = useState<string | undefined>(undefined);
  return (
    <section class="event-data">
      <h2>{t("app.data_title")}</h2>
      <p class="muted">{t("app.data_help")}</p>
      <p>
        <a class="button secondary" href={`/api/events/${props.id}/export.json`} download>
          {t("app.data_export")}
        </a>
      </p>
      <form
        class="stack danger-zone"
        onSubmit={async (e) => {
          e.preventDefault();
          setProblem(undefined);
          try {
            await ok(
              await api.api.events[":id"].$delete({
                param: { id: String(props.id) },
                json: { confirm: typed },
              }),
            );
            navigate("/app");
          } catch (err) {
            if (err instanceof ApiProblem) setProblem(Object.values(err.failure.fields)[0] ?? err.message);
            else throw err;
          }
        }}
      >
        <label for="confirm-code">{t("app.data_delete_label", { code: props.code })}</label>
        <input
          id="confirm-code"
          autocomplete="off"
          value={typed}
          onInput={(e) => setTyped(e.currentTarget.value)}
          maxLength={16}
        />
        <Problem error={problem} />
        <button type="submit" class="danger" disabled={typed.trim().toUpperCase() !== props.code}>
          {t("app.data_delete")}
        </button>
      </form>
    </section>
  );
}
