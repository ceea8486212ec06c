// Survey templates: the standard form built in at the root, and the forms units keep for their classes.
import type { Db } from "../db";
import {
  findTemplate,
  insertTemplate,
  listTemplates,
  surveysByTemplate,
  type TemplateRow,
  templateTotals,
  updateTemplate,
} from "../db/templates";
import { findUnitById } from "../db/units";
import { Forbidden, Invalid, NotFound } from "../domain/errors";
import {
  type FormInput,
  hasOptions,
  labelIn,
  questionDefsOf,
  STANDARD_FORM,
  STANDARD_FORM_TITLE,
} from "../domain/form";
import type { Lang } from "../domain/i18n";
import { ANSWERED } from "../domain/report";
import { canSee, inScope, MIN_RESPONSES_FOR_DETAIL, type StaffUser } from "../domain/terms";
import { unitInScope } from "./scope";

const notFound = () => new NotFound("template_not_found", "error.not_found");

/** A template as the API gives it; `editable` when it belongs to the caller's own subtree. */
function shaped(t: TemplateRow, user: StaffUser) {
  return {
    id: t.id,
    builtIn: false,
    unitId: t.unitId,
    unitName: t.unitName,
    title: t.title,
    version: t.version,
    updatedAt: t.updatedAt,
    editable: inScope(t.unitPath, user.unitPath),
    questions: t.questions,
  };
}

/** What a caller may start a class from: the standard form, then their units' templates (above and below). */
export async function templatesFor(db: Db, user: StaffUser) {
  const stored = (await listTemplates(db, user.unitPath)).map((t) => shaped(t, user));
  const standard = {
    id: null,
    builtIn: true,
    unitId: null,
    unitName: null,
    title: STANDARD_FORM_TITLE,
    version: 1,
    updatedAt: null,
    editable: false,
    questions: [...STANDARD_FORM],
  };
  return { items: [standard, ...stored], total: stored.length + 1, next: null };
}

export async function createTemplate(
  db: Db,
  user: StaffUser,
  input: FormInput & { unitId: number },
  now: Date,
): Promise<{ id: number }> {
  const unit = await findUnitById(db, input.unitId);
  if (!unit || !canSee(user, unit)) throw new Invalid({ unitId: { key: "field.out_of_scope" } });
  const questions = questionDefsOf(input, "");
  const id = await insertTemplate(db, {
    unitId: unit.id,
    title: input.title,
    questions,
    createdBy: user.id,
    now: now.toISOString(),
  });
  return { id };
}

/** A new version of a template of the caller's subtree; classes made from it keep their copies. */
export async function changeTemplate(
  db: Db,
  user: StaffUser,
  id: number,
  input: { title?: string | undefined; questions?: FormInput["questions"] | undefined },
  now: Date,
) {
  const t = await findTemplate(db, id);
  if (!t) throw notFound();
  // Templates of the units above are offered, not editable from below.
  if (!inScope(t.unitPath, user.unitPath)) {
    if (inScope(user.unitPath, t.unitPath))
      throw new Forbidden("template_readonly", "error.template_readonly");
    throw notFound();
  }
  const questions =
    input.questions === undefined
      ? undefined
      : questionDefsOf({ title: input.title ?? t.title, questions: input.questions }, "");
  await updateTemplate(db, id, {
    ...(input.title === undefined ? {} : { title: input.title }),
    ...(questions === undefined ? {} : { questions }),
    now: now.toISOString(),
  });
  const after = await findTemplate(db, id);
  if (!after) throw notFound();
  return shaped(after, user);
}

/**
 * What the surveys below a unit that used one template ask for most: each choice or several-choice
 * question of the template with its options by count, summed over the surveys of the unit's
 * subtree that have at least the threshold of responses (the others are left out, as everywhere).
 */
export async function needsOf(
  db: Db,
  user: StaffUser,
  unitId: number,
  templateId: number | undefined,
  lang: Lang,
) {
  const unit = await unitInScope(db, user, unitId);
  const templates = await surveysByTemplate(db, unit.nowPath, MIN_RESPONSES_FOR_DETAIL);
  const chosen = templates.find((t) => t.id === templateId) ?? templates[0];
  if (!chosen)
    return {
      unitName: unit.name,
      templates,
      template: null,
      questions: [],
      minResponses: MIN_RESPONSES_FOR_DETAIL,
    };
  if (templateId !== undefined && chosen.id !== templateId) throw notFound();
  const [template, totals] = await Promise.all([
    findTemplate(db, chosen.id),
    templateTotals(db, chosen.id, unit.nowPath, MIN_RESPONSES_FOR_DETAIL),
  ]);
  const questions = (template?.questions ?? []).flatMap((q, i) => {
    if (!hasOptions(q.type)) return [];
    const mine = totals.filter((r) => r.position === i + 1);
    const count = (value: string) => Number(mine.find((r) => r.value === value)?.n ?? 0);
    const options = (q.options ?? [])
      .map((o) => ({ value: o.value, label: labelIn(lang, o), count: count(o.value) }))
      .sort((a, b) => b.count - a.count);
    const n = q.type === "multi" ? count(ANSWERED) : options.reduce((s, o) => s + o.count, 0);
    return [{ position: i + 1, type: q.type, label: labelIn(lang, q), n, options }];
  });
  return {
    unitName: unit.name,
    templates,
    template: chosen,
    questions,
    minResponses: MIN_RESPONSES_FOR_DETAIL,
  };
}
