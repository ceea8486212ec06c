// A4 paper sheets of an event's form for members without a phone: large print, boxes to tick, the code, a QR and a serial each.
import { useState } from "preact/hooks";
import { PAPER_SHEETS } from "../../../worker/domain/event";
import { SCALE, scaleLabel } from "../../../worker/domain/form";
import { ApiProblem, api, ok } from "../../api";
import { Loading, Problem } from "../../components/Layout";
import { Qr } from "../../components/Qr";
import { formatDays, t } from "../../i18n";
import { Link } from "../../router";
import { useAsync } from "../../useAsync";

const MAX_SHEETS = PAPER_SHEETS.perBatch;

export function PaperSheets(props: { id: string }) {
  const { data: event, error } = useAsync(
    async () => ok(await api.api.events[":id"].$get({ param: { id: props.id } })),
    [props.id],
  );
  const [from, setFrom] = useState(0);
  const [count, setCount] = useState(10);
  const [problem, setProblem] = useState<string | undefined>(undefined);
  if (!event) return error ? <Problem error={error} /> : <Loading />;
  // A new batch goes on after the highest serial printed or typed in: no two sheets share a serial.
  const start = from || event.paper.nextToPrint;
  const questions = event.form?.questions ?? [];
  const serials = Array.from(
    { length: Math.max(1, Math.min(count, MAX_SHEETS)) },
    (_, i) => `${event.code}-${String(Math.min(start + i, PAPER_SHEETS.lastSerial)).padStart(4, "0")}`,
  );
  const box = (label: string, n?: number) => (
    <span class="sheet-option">
      <span class="sheet-box" aria-hidden="true" />
      {n === undefined ? "" : <b>{n} </b>}
      {label}
    </span>
  );
  return (
    <div class="poster-wrap">
      <div class="no-print poster-bar">
        <Link href={`/app/events/${event.id}`}>{t("app.back")}</Link>
        <label>
          {t("paper.from")}{" "}
          <input
            type="number"
            min={1}
            max={9999}
            value={start}
            onInput={(e) => setFrom(Math.max(1, Number(e.currentTarget.value) || 1))}
          />
        </label>
        <label>
          {t("paper.how_many")}{" "}
          <input
            type="number"
            min={1}
            max={MAX_SHEETS}
            value={count}
            onInput={(e) => setCount(Math.max(1, Number(e.currentTarget.value) || 1))}
          />
        </label>
        <button
          type="button"
          onClick={async () => {
            setProblem(undefined);
            try {
              // Recorded before the dialog opens, so the next batch starts after this one.
              await ok(
                await api.api.events[":id"]["paper-printed"].$post({
                  param: { id: props.id },
                  json: { from: start, count: serials.length },
                }),
              );
            } catch (err) {
              if (err instanceof ApiProblem) setProblem(err.message);
              else throw err;
            }
            print();
          }}
        >
          {t("app.print")}
        </button>
        <Problem error={problem} />
      </div>
      {serials.map((serial) => (
        <article class="sheet" key={serial} data-testid="paper-sheet">
          <header class="sheet-head">
            <div>
              <p class="poster-org">{t("app.poster_org")}</p>
              <p>{event.unitName}</p>
              <h1>{event.title}</h1>
              <p>{formatDays(event.startsAt, event.endsAt)}</p>
            </div>
            <div class="sheet-id">
              <Qr text={event.surveyUrl} label={event.surveyUrl} class="sheet-qr" />
              <p class="sheet-code">{event.code}</p>
            </div>
          </header>
          <p class="sheet-serial">
            {t("paper.sheet")}: <b>{serial}</b>
          </p>
          <p>{t("paper.how_to")}</p>
          <ol class="sheet-questions">
            {event.kind === "class" ? (
              <li>
                <p class="sheet-q">{t("page.role_legend")}</p>
                <div class="sheet-options">
                  {box(t("page.role_trainee"), 1)}
                  {box(t("page.role_lecturer"), 2)}
                </div>
              </li>
            ) : null}
            {questions.map((q) => (
              <li key={q.id}>
                <p class="sheet-q">
                  {q.labelVi}
                  {q.type === "multi" ? ` (${t("page.choose_many").toLowerCase()})` : ""}
                </p>
                {q.type === "rating" ? (
                  <div class="sheet-options">
                    {SCALE.map((p) => box(scaleLabel(q, p, "vi", t(`page.scale_${p}`)), Number(p)))}
                  </div>
                ) : q.type === "choice" || q.type === "multi" ? (
                  <div class="sheet-options">{(q.options ?? []).map((o, i) => box(o.labelVi, i + 1))}</div>
                ) : q.type === "unit" ? (
                  <p class="sheet-line">{t("paper.unit_line")}</p>
                ) : (
                  <div class="sheet-lines" aria-hidden="true">
                    <span />
                    <span />
                    <span />
                  </div>
                )}
              </li>
            ))}
          </ol>
          <p class="sheet-foot">{t("app.poster_anonymous")}</p>
        </article>
      ))}
    </div>
  );
}
