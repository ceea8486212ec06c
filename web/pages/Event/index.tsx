// One class for its organiser: code and link, live count against the expected number, form edits, closing.
import { useEffect, useState } from "preact/hooks";
import { addressCap } from "../../../worker/domain/limits";
import { ApiProblem, api, ok } from "../../api";
import { useAsk } from "../../components/Ask";
import { AttendanceSection } from "../../components/Attendance";
import { EventData } from "../../components/EventData";
import { type EditableForm, FormEditor, formToSend } from "../../components/FormEditor";
import { Layout, PendingPage, Problem } from "../../components/Layout";
import { Qr } from "../../components/Qr";
import { ShareLink } from "../../components/ShareLink";
import { formatTime, t } from "../../i18n";
import { isOrganiser } from "../../me";
import { Link } from "../../router";
import { useAsync } from "../../useAsync";

export function EventPage(props: { id: string }) {
  const {
    data: event,
    error,
    reload,
  } = useAsync(async () => ok(await api.api.events[":id"].$get({ param: { id: props.id } })), [props.id]);
  const me = useAsync(async () => ok(await api.api.auth.me.$get()), []);
  const [editing, setEditing] = useState<EditableForm | undefined>(undefined);
  const [problem, setProblem] = useState<ApiProblem | undefined>(undefined);
  const [saved, setSaved] = useState(false);
  const ask = useAsk();

  // Watch responses arrive while the class fills in the survey.
  useEffect(() => {
    if (event?.status !== "open") return;
    const timer = setInterval(() => void reload(), 5000);
    return () => clearInterval(timer);
  }, [event?.status, reload]);

  if (!event) return <PendingPage title={t("app.loading")} error={error} />;
  const pct = Math.min(100, Math.round((100 * event.responses) / Math.max(1, event.expectedParticipants)));
  return (
    <Layout
      title={event.title}
      actions={
        <>
          <Link href={`/app/events/${event.id}/poster`} class="button">
            {t("app.poster")}
          </Link>
          {event.kind === "workshop" ? (
            <>
              <Link href={`/app/events/${event.id}/board`} class="button">
                {t("app.board")}
              </Link>
              <Link href={`/app/events/${event.id}/projector`} class="button">
                {t("app.projector")}
              </Link>
              <Link href={`/app/events/${event.id}/summary`} class="button">
                {t("app.summary")}
              </Link>
            </>
          ) : (
            <>
              <Link href={`/app/events/${event.id}/report`} class="button">
                {t("app.report")}
              </Link>
              <Link href={`/app/events/${event.id}/sheets`} class="button">
                {t("paper.print")}
              </Link>
              <Link href={`/app/events/${event.id}/paper`} class="button">
                {t("paper.title")}
              </Link>
            </>
          )}
        </>
      }
    >
      {event.question ? <p class="lead">{event.question}</p> : null}
      <p class="muted">
        {event.unitName} ·{" "}
        {t("app.date_range", { a: formatTime(event.startsAt), b: formatTime(event.endsAt) })}
        {event.lecturers ? ` · ${event.lecturers}` : ""}
      </p>
      <section class="cards">
        <div class="card">
          <h2>{event.kind === "workshop" ? t("app.proposals") : t("app.responses")}</h2>
          <p class="big" aria-live="polite" data-testid="response-count">
            {t("app.of_expected", { n: event.responses, e: event.expectedParticipants })}
          </p>
          <div
            class="progress"
            role="progressbar"
            aria-valuenow={pct}
            aria-valuemin={0}
            aria-valuemax={100}
            aria-label={t("score.rate")}
          >
            <span style={{ width: `${pct}%` }} />
          </div>
          {event.lecturerResponses > 0 ? (
            <p class="muted">{t("app.of_which_lecturers", { n: event.lecturerResponses })}</p>
          ) : null}
          {event.tooFast > 0 ? <p class="notice">{t("app.too_fast_note", { n: event.tooFast })}</p> : null}
          {event.kind !== "workshop" && event.responses > event.expectedParticipants ? (
            <form
              class="notice"
              onSubmit={async (e) => {
                e.preventDefault();
                const value = Number(new FormData(e.currentTarget).get("expected"));
                setProblem(undefined);
                try {
                  await ok(
                    await api.api.events[":id"].$patch({
                      param: { id: String(event.id) },
                      json: { expectedParticipants: value },
                    }),
                  );
                  await reload();
                } catch (err) {
                  if (err instanceof ApiProblem) setProblem(err);
                  else throw err;
                }
              }}
            >
              <p role="status">
                {t("app.over_expected_note", {
                  n: event.responses,
                  e: event.expectedParticipants,
                  cap: addressCap(event.expectedParticipants),
                })}
                {event.onPaper > 0 ? ` (${t("paper.of_which", { n: event.onPaper })})` : ""}
              </p>
              <label>
                {t("app.expected")}{" "}
                <input
                  name="expected"
                  type="number"
                  min={1}
                  max={10000}
                  required
                  defaultValue={String(event.responses)}
                />
              </label>{" "}
              <button type="submit">{t("app.save")}</button>
              <Problem error={problem?.message} />
            </form>
          ) : null}
          <p class="muted">
            {event.status === "open"
              ? `${t("status.open")} · ${t("app.live")} · ${t("app.closes_at")} ${formatTime(event.closesAt)}`
              : // Closed by hand says when; closed by its time says that time.
                `${t("status.closed")} · ${
                  event.closedAt !== null && Date.parse(event.closedAt) < Date.parse(event.closesAt)
                    ? t("app.closed_by_hand", { at: formatTime(event.closedAt) })
                    : `${t("app.closed_on_time")} ${formatTime(event.closesAt)}`
                }`}
          </p>
          <Problem error={error} />
          {event.status === "open" ? (
            <button
              type="button"
              class="danger"
              onClick={async () => {
                const yes = await ask.confirm({
                  title: t("app.close_survey"),
                  message: t("app.close_confirm"),
                  confirm: t("app.close_survey"),
                  danger: true,
                });
                if (!yes) return;
                await ok(await api.api.events[":id"].close.$post({ param: { id: String(event.id) } }));
                await reload();
              }}
            >
              {t("app.close_survey")}
            </button>
          ) : null}
        </div>
        <div class="card qr-card">
          <Qr text={event.surveyUrl} label={event.surveyUrl} class="qr-small" />
          <div>
            <h2>{t("page.code_label")}</h2>
            <p class="code-big">{event.code}</p>
            <p>
              {t("app.survey_link")}: <a href={event.surveyUrl}>{event.surveyUrl}</a>
            </p>
            <ShareLink url={event.surveyUrl} title={event.title} />
          </div>
        </div>
      </section>
      {event.form ? (
        <section>
          <h2>
            {t("app.form")}: {event.form.title}{" "}
            <span class="muted">({t("app.form_version", { v: event.form.version })})</span>
          </h2>
          {editing ? (
            <form
              class="stack"
              onSubmit={async (e) => {
                e.preventDefault();
                setProblem(undefined);
                try {
                  await ok(
                    await api.api.events[":id"].form.$put({
                      param: { id: String(event.id) },
                      json: formToSend(editing),
                    }),
                  );
                  setEditing(undefined);
                  setSaved(true);
                  await reload();
                } catch (err) {
                  if (err instanceof ApiProblem) setProblem(err);
                  else throw err;
                }
              }}
            >
              {event.responses > 0 ? <p class="notice">{t("app.edit_form_versioned")}</p> : null}
              <FormEditor form={editing} onChange={setEditing} errors={problem?.failure.fields ?? {}} />
              <Problem error={problem?.message} />
              <div class="row-actions">
                <button type="submit">{t("app.save")}</button>
                <button type="button" class="secondary" onClick={() => setEditing(undefined)}>
                  {t("app.cancel")}
                </button>
              </div>
            </form>
          ) : (
            <>
              <ol class="form-preview">
                {event.form.questions.map((q) => (
                  <li key={q.id}>
                    {q.labelVi}
                    {q.required ? " *" : ""}
                  </li>
                ))}
              </ol>
              {saved ? <p role="status">{t("app.saved")}</p> : null}
              <button
                type="button"
                class="secondary"
                onClick={() => {
                  setSaved(false);
                  setEditing({
                    title: event.form?.title ?? "",
                    questions: (event.form?.questions ?? []).map(({ id: _, ...q }) => q),
                  });
                }}
              >
                {t("app.edit_form")}
              </button>
            </>
          )}
        </section>
      ) : null}
      {event.kind === "class" ? (
        <AttendanceSection
          eventId={event.id}
          unitId={event.unitId}
          expected={event.expectedParticipants}
          canEdit={isOrganiser(me.data)}
        />
      ) : null}
      {me.data && (me.data.role === "admin" || me.data.role === "organiser") ? (
        <EventData id={event.id} code={event.code} />
      ) : null}
      {ask.dialog}
    </Layout>
  );
}
