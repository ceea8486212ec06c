// What an organiser sets on a programme from its progress page: its targets (added, taken back) and its plan of classes per year.
import { useState } from "preact/hooks";
import type { Position } from "../../../worker/domain/people";
import { ApiProblem, api, ok } from "../../api";
import { useAsk } from "../../components/Ask";
import { DateInput } from "../../components/DateInput";
import { Field } from "../../components/Field";
import { Problem } from "../../components/Layout";
import { PositionSelect } from "../../components/PersonFields";
import { t } from "../../i18n";

/** A count as typed ("600.000.000", "1 200"): the dots and spaces that group thousands dropped. */
const asNumber = (s: string) => (s.trim() === "" ? null : Number(s.replace(/[.\s]/g, "")));
/** A percentage as typed, with a decimal comma or point ("70,5", "70.5"). */
const asPercent = (s: string) => (s.trim() === "" ? null : Number(s.trim().replace(",", ".")));

/** Adds a target: "share of people in position P with at least D days, by a date", with an optional starting point. */
export function TargetForm(props: { programmeId: string; endsOn: string; onSaved: () => void }) {
  const empty: { position: Position; share: string; by: string; minDays: string; baseline: string } = {
    position: "branch_head",
    share: "",
    by: props.endsOn,
    minDays: "1",
    baseline: "",
  };
  const [form, setForm] = useState(empty);
  const [problem, setProblem] = useState<ApiProblem | undefined>(undefined);
  const [saved, setSaved] = useState(false);
  const fields = problem?.failure.fields ?? {};
  const set = (k: Exclude<keyof typeof empty, "position">) => (e: { currentTarget: { value: string } }) =>
    setForm({ ...form, [k]: e.currentTarget.value });
  return (
    <form
      class="panel grid3 no-print"
      aria-labelledby="target-add"
      onSubmit={async (e) => {
        e.preventDefault();
        setProblem(undefined);
        setSaved(false);
        try {
          const share = asPercent(form.share);
          await ok(
            await api.api.programmes[":id"].targets.$post({
              param: { id: props.programmeId },
              json: {
                position: form.position,
                share: share === null ? Number.NaN : share / 100,
                by: form.by,
                minDays: asNumber(form.minDays) ?? 1,
                baseline: asNumber(form.baseline),
              },
            }),
          );
          setSaved(true);
          setForm(empty);
          props.onSaved();
        } catch (err) {
          if (err instanceof ApiProblem) setProblem(err);
          else throw err;
        }
      }}
    >
      <h2 id="target-add">{t("prog.add_target")}</h2>
      <Field id="tg-position" label={t("people.col_position")} error={fields.position}>
        <PositionSelect
          id="tg-position"
          value={form.position}
          onChange={(position) => setForm({ ...form, position })}
        />
      </Field>
      <Field id="tg-share" label={t("prog.f_share")} error={fields.share}>
        <input id="tg-share" inputMode="numeric" required value={form.share} onInput={set("share")} />
      </Field>
      <Field id="tg-by" label={t("prog.f_by")} error={fields.by}>
        <DateInput
          kind="date"
          id="tg-by"
          required
          value={form.by}
          onValue={(by) => setForm({ ...form, by })}
        />
      </Field>
      <Field id="tg-days" label={t("prog.f_min_days")} error={fields.minDays}>
        <input id="tg-days" inputMode="numeric" value={form.minDays} onInput={set("minDays")} />
      </Field>
      <Field
        id="tg-baseline"
        label={t("prog.f_baseline")}
        hint={t("prog.f_baseline_hint")}
        error={fields.baseline}
      >
        <input id="tg-baseline" inputMode="numeric" value={form.baseline} onInput={set("baseline")} />
      </Field>
      <button type="submit">{t("prog.add_target")}</button>
      {saved ? (
        <p class="notice" role="status">
          {t("prog.target_added")}
        </p>
      ) : null}
      {problem && Object.keys(fields).length === 0 ? <Problem error={problem.message} /> : null}
    </form>
  );
}

/** Takes a target back, after the house's confirmation (which starts on "Hủy"). */
export function RemoveTarget(props: {
  programmeId: string;
  targetId: number;
  who: string;
  onRemoved: () => void;
}) {
  const ask = useAsk();
  const [error, setError] = useState<string | undefined>(undefined);
  return (
    <p class="no-print">
      <button
        type="button"
        class="secondary"
        onClick={async () => {
          const yes = await ask.confirm({
            title: t("prog.remove_target"),
            message: t("prog.remove_confirm", { who: props.who }),
            confirm: t("prog.remove_target"),
            danger: true,
          });
          if (!yes) return;
          try {
            await ok(
              await api.api.programmes[":id"].targets[":targetId"].$delete({
                param: { id: props.programmeId, targetId: String(props.targetId) },
              }),
            );
            props.onRemoved();
          } catch (err) {
            setError(err instanceof ApiProblem ? err.message : String(err));
          }
        }}
      >
        {t("prog.remove_target")}
      </button>
      {error ? <Problem error={error} /> : null}
      {ask.dialog}
    </p>
  );
}

interface PlanRow {
  year: number;
  classes: string;
  trainees: string;
  budget: string;
}

/** The plan of classes a year, each year of the programme one row; empty rows are not planned. */
export function PlanForm(props: {
  programmeId: string;
  startsOn: string;
  endsOn: string;
  plan: readonly {
    year: number;
    planned: number | null;
    plannedTrainees: number | null;
    budget: number | null;
  }[];
  onSaved: () => void;
}) {
  const first = Number(props.startsOn.slice(0, 4));
  const last = Number(props.endsOn.slice(0, 4));
  const [rows, setRows] = useState<PlanRow[]>(() =>
    Array.from({ length: Math.min(30, last - first + 1) }, (_, i) => {
      const year = first + i;
      const p = props.plan.find((y) => y.year === year);
      return {
        year,
        classes: p?.planned == null ? "" : String(p.planned),
        trainees: p?.plannedTrainees == null ? "" : String(p.plannedTrainees),
        budget: p?.budget == null ? "" : String(p.budget),
      };
    }),
  );
  const [problem, setProblem] = useState<ApiProblem | undefined>(undefined);
  const [saved, setSaved] = useState(false);
  const fields = problem?.failure.fields ?? {};
  const planned = rows.filter((r) => r.classes.trim() !== "" || r.trainees.trim() !== "");
  const errorOf = (r: PlanRow, k: string) => {
    const i = planned.indexOf(r);
    return i < 0 ? undefined : fields[`years.${i}.${k}`];
  };
  const set = (i: number, k: "classes" | "trainees" | "budget", v: string) =>
    setRows(rows.map((r, j) => (j === i ? { ...r, [k]: v } : r)));
  return (
    <form
      class="panel no-print"
      aria-labelledby="plan-edit"
      onSubmit={async (e) => {
        e.preventDefault();
        setProblem(undefined);
        setSaved(false);
        try {
          await ok(
            await api.api.programmes[":id"].plan.$put({
              param: { id: props.programmeId },
              json: {
                years: planned.map((r) => ({
                  year: r.year,
                  classes: asNumber(r.classes) ?? 0,
                  trainees: asNumber(r.trainees) ?? 0,
                  budget: asNumber(r.budget),
                })),
              },
            }),
          );
          setSaved(true);
          props.onSaved();
        } catch (err) {
          if (err instanceof ApiProblem) setProblem(err);
          else throw err;
        }
      }}
    >
      <h2 id="plan-edit">{t("prog.plan_title")}</h2>
      <div class="plan-rows">
        {rows.map((r, i) => (
          <fieldset key={r.year}>
            <legend>{r.year}</legend>
            <Field id={`plan-${r.year}-classes`} label={t("prog.f_classes")} error={errorOf(r, "classes")}>
              <input
                id={`plan-${r.year}-classes`}
                inputMode="numeric"
                value={r.classes}
                onInput={(e) => set(i, "classes", e.currentTarget.value)}
              />
            </Field>
            <Field id={`plan-${r.year}-trainees`} label={t("prog.f_trainees")} error={errorOf(r, "trainees")}>
              <input
                id={`plan-${r.year}-trainees`}
                inputMode="numeric"
                value={r.trainees}
                onInput={(e) => set(i, "trainees", e.currentTarget.value)}
              />
            </Field>
            <Field id={`plan-${r.year}-budget`} label={t("prog.f_budget")} error={errorOf(r, "budget")}>
              <input
                id={`plan-${r.year}-budget`}
                inputMode="numeric"
                value={r.budget}
                onInput={(e) => set(i, "budget", e.currentTarget.value)}
              />
            </Field>
          </fieldset>
        ))}
      </div>
      <button type="submit">{t("prog.save_plan")}</button>
      {saved ? (
        <p class="notice" role="status">
          {t("prog.plan_saved")}
        </p>
      ) : null}
      {problem && Object.keys(fields).length === 0 ? <Problem error={problem.message} /> : null}
    </form>
  );
}
