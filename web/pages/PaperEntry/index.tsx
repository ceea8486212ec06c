// Typing in paper sheets at speed: keyboard only, one digit per rating, Enter saves and opens the next sheet.
import { useEffect, useRef, useState } from "preact/hooks";
import { fold } from "../../../worker/domain/text";
import { ApiProblem, api, ok } from "../../api";
import { Layout, PendingPage, Problem } from "../../components/Layout";
import { t } from "../../i18n";
import { Link } from "../../router";
import { useAsync } from "../../useAsync";

type Detail = Awaited<ReturnType<typeof loadDetail>>;
type Question = NonNullable<Detail["form"]>["questions"][number];

/** The event, and its form as the phone gets it (the unit question's list of units with it). */
async function loadDetail(id: string) {
  const event = await ok(await api.api.events[":id"].$get({ param: { id } }));
  const form = await ok(await api.api.public.events[":code"].$get({ param: { code: event.code } }));
  return { ...event, units: form.questions.find((q) => q.type === "unit")?.options ?? [] };
}

/** The role's box in `typed` (question ids are positive). */
const ROLE = 0;

const serialOf = (code: string, n: number) => `${code}-${String(n).padStart(4, "0")}`;

/**
 * What was typed for one question, as the API takes it: ratings and choices as one digit (the
 * option's number on the sheet), several choices as digits ("13": the first and the third), a
 * unit as its id from the list, a text as typed.
 */
function answerOf(q: Question, typed: string): unknown {
  const value = typed.trim();
  if (value === "") return undefined;
  const option = (digit: string) => q.options?.[Number(digit) - 1]?.value ?? digit;
  switch (q.type) {
    case "rating":
    case "unit":
      return Number(value);
    case "choice":
      return option(value);
    case "multi":
      return [...value.replace(/\D/g, "")].map(option);
    default:
      return value;
  }
}

/** The printed numbers of a question's options, as the sheet shows them beside each box. */
function OptionKey(props: { q: Question }) {
  const { q } = props;
  if (q.type === "rating") return <span class="hint">1–5</span>;
  if (q.type !== "choice" && q.type !== "multi") return null;
  return <span class="hint">{(q.options ?? []).map((o, i) => `${i + 1} ${o.labelVi}`).join(" · ")}</span>;
}

export function PaperEntry(props: { id: string }) {
  const detail = useAsync(() => loadDetail(props.id), [props.id]);
  const [entered, setEntered] = useState<number | null>(null);
  const [sheet, setSheet] = useState("");
  const [typed, setTyped] = useState<Record<number, string>>({});
  const [problem, setProblem] = useState<ApiProblem | undefined>(undefined);
  const [saved, setSaved] = useState("");
  const [busy, setBusy] = useState(false);
  const formRef = useRef<HTMLFormElement>(null);
  const latest = useRef(typed);
  latest.current = typed;
  const event = detail.data;
  const count = entered ?? event?.onPaper ?? 0;
  const [unitFilter, setUnitFilter] = useState("");
  useEffect(() => {
    // After the highest serial typed in so far, not the count: sheets come back in any order.
    if (event && sheet === "") setSheet(serialOf(event.code, event.paper.nextToType));
  }, [event, sheet]);
  const ready = event !== undefined;
  useEffect(() => {
    // The hands are on the keyboard: the first box takes them, no tabbing past the menu.
    if (ready) formRef.current?.querySelector<HTMLElement>("[data-entry]")?.focus();
  }, [ready]);
  if (!event) return <PendingPage title={t("paper.title")} error={detail.error} />;
  const questions = event.form?.questions ?? [];
  const fields = problem?.failure.fields ?? {};

  /** A digit typed where one digit is the whole answer moves on to the next box. */
  const advance = (input: HTMLInputElement) => {
    const boxes = Array.from(input.form?.querySelectorAll<HTMLElement>("[data-entry]") ?? []);
    boxes[boxes.indexOf(input) + 1]?.focus();
  };

  return (
    <Layout title={t("paper.title")} actions={<Link href={`/app/events/${event.id}`}>{t("app.back")}</Link>}>
      <p class="muted">
        {event.title} · {event.code}
      </p>
      <p class="big" role="status" data-testid="paper-count">
        {t("paper.count", { n: count })}
      </p>
      {saved ? (
        <p class="notice" role="status">
          {t("paper.saved", { sheet: saved })}
        </p>
      ) : null}
      <form
        ref={formRef}
        class="stack paper-entry"
        onSubmit={async (e) => {
          e.preventDefault();
          if (busy) return;
          setBusy(true);
          setProblem(undefined);
          const answers: Record<string, unknown> = {};
          const submitted = typed;
          for (const q of questions) {
            const a = answerOf(q, submitted[q.id] ?? "");
            if (a !== undefined) answers[String(q.id)] = a;
          }
          // A class's sheet asks first who filled it in: 1 trainee (also when left blank), 2 lecturer.
          const role = submitted[ROLE] === "2" ? "lecturer" : "trainee";
          // Past the people expected, each new sheet is confirmed: a class of 40 does not take 60 sheets by a slip.
          const send = async (confirmOverExpected: boolean) => {
            const res = await api.api.events[":id"]["paper-responses"].$post({
              param: { id: String(event.id) },
              json: { sheet, role, answers, confirmOverExpected },
            });
            try {
              return { res, stored: await ok(res) };
            } catch (err) {
              if (
                !confirmOverExpected &&
                err instanceof ApiProblem &&
                err.failure.code === "over_expected" &&
                confirm(err.failure.message)
              )
                return send(true);
              throw err;
            }
          };
          try {
            const { res, stored } = await send(false);
            setSaved(stored.sheet);
            if (res.status === 201) setEntered(count + 1);
            const next = /-(\d{4})$/.exec(stored.sheet)?.[1];
            setSheet(serialOf(event.code, Number(next ?? count) + 1));
            // A fast typist may have begun the next sheet while this one was saving: keep that.
            if (latest.current === submitted) {
              setTyped({});
              setUnitFilter("");
              formRef.current?.querySelector<HTMLElement>("[data-entry]")?.focus();
            }
          } catch (err) {
            if (err instanceof ApiProblem) setProblem(err);
            else throw err;
          } finally {
            setBusy(false);
          }
        }}
      >
        <label>
          {t("paper.sheet")}
          <input
            value={sheet}
            maxLength={20}
            autoComplete="off"
            onInput={(e) => setSheet(e.currentTarget.value)}
            aria-invalid={fields.sheet ? "true" : undefined}
          />
          {fields.sheet ? <span class="field-error">{fields.sheet}</span> : null}
        </label>
        {event.kind === "class" ? (
          <div class="field">
            <label for="role">
              {t("page.role_legend")} ({t("page.role_trainee")} 1, {t("page.role_lecturer")} 2)
            </label>
            <input
              id="role"
              data-entry=""
              autoComplete="off"
              inputMode="numeric"
              maxLength={1}
              pattern="[12]"
              value={typed[ROLE] ?? ""}
              aria-invalid={fields.role ? "true" : undefined}
              onInput={(e) => {
                const input = e.currentTarget;
                setTyped({ ...typed, [ROLE]: input.value });
                if (/^[12]$/.test(input.value)) advance(input);
              }}
            />
            <span class="hint">1 · 2</span>
            {fields.role ? <span class="field-error">{fields.role}</span> : null}
          </div>
        ) : null}
        {questions.map((q, i) => {
          const error = fields[`answers.${q.id}`];
          const set = (v: string) => setTyped({ ...typed, [q.id]: v });
          return (
            <div class="field" key={q.id}>
              <label for={`q${q.id}`}>
                {i + 1}. {q.labelVi}
              </label>
              {q.type === "unit" ? (
                <>
                  {/* Typed as written on the sheet, marks or not: the list narrows and its first match is chosen. */}
                  <input
                    type="search"
                    data-entry=""
                    autoComplete="off"
                    aria-label={`${t("paper.unit_filter")}: ${q.labelVi}`}
                    placeholder={t("paper.unit_filter")}
                    value={unitFilter}
                    onInput={(e) => {
                      const typedName = fold(e.currentTarget.value.trim());
                      setUnitFilter(e.currentTarget.value);
                      const first = event.units.find((u) => fold(u.label).includes(typedName));
                      if (typedName !== "" && first) set(String(first.value));
                    }}
                  />
                  <select
                    id={`q${q.id}`}
                    value={typed[q.id] ?? ""}
                    onChange={(e) => set(e.currentTarget.value)}
                  >
                    <option value="">{t("page.choose_unit")}</option>
                    {event.units
                      .filter(
                        (u) =>
                          String(u.value) === typed[q.id] || fold(u.label).includes(fold(unitFilter.trim())),
                      )
                      .map((u) => (
                        <option key={u.value} value={String(u.value)}>
                          {"\u00a0\u00a0".repeat("depth" in u && typeof u.depth === "number" ? u.depth : 0)}
                          {u.label}
                        </option>
                      ))}
                  </select>
                </>
              ) : (
                <input
                  id={`q${q.id}`}
                  data-entry=""
                  autoComplete="off"
                  inputMode={q.type === "text" ? "text" : "numeric"}
                  maxLength={q.type === "rating" || q.type === "choice" ? 1 : q.type === "multi" ? 20 : 2000}
                  value={typed[q.id] ?? ""}
                  aria-invalid={error ? "true" : undefined}
                  onInput={(e) => {
                    const input = e.currentTarget;
                    set(input.value);
                    if ((q.type === "rating" || q.type === "choice") && /^\d$/.test(input.value))
                      advance(input);
                  }}
                />
              )}
              <OptionKey q={q} />
              {error ? <span class="field-error">{error}</span> : null}
            </div>
          );
        })}
        <Problem error={problem?.message} />
        <div class="row-actions">
          <button type="submit" disabled={busy}>
            {t("paper.save")}
          </button>
          <Link href={`/app/events/${event.id}/sheets`}>{t("paper.print")}</Link>
        </div>
      </form>
    </Layout>
  );
}
