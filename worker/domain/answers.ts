// Checks a respondent's answers against the form's questions; pure, shared by the API and the no-JS form.
import type { FieldError, FieldErrors } from "../domain/errors";
import type { QuestionDef } from "./form";

export interface StoredQuestion extends QuestionDef {
  id: number;
}

export interface CheckedAnswer {
  question: StoredQuestion;
  /** A rating, or the unit a `unit` question names. */
  valueNum: number | null;
  /** A choice's option, a text, or a multi answer's options as a JSON array. */
  valueText: string | null;
  /** A multi answer's options, in the order the question lists them; null for other types. */
  values: readonly string[] | null;
}

export type AnswerCheck = { ok: true; answers: CheckedAnswer[] } | { ok: false; fields: FieldErrors };

/**
 * `units`: the ids a `unit` question may name (the event unit's subtree); only needed, and only
 * loaded by the caller, when the form has such a question.
 */
export function checkAnswers(
  questions: readonly StoredQuestion[],
  raw: Readonly<Record<string, unknown>>,
  units: ReadonlySet<number> = new Set(),
): AnswerCheck {
  const fields: FieldErrors = {};
  const byId = new Map(questions.map((q) => [String(q.id), q]));
  for (const key of Object.keys(raw)) {
    if (!byId.has(key)) fields[`answers.${key}`] = { key: "field.unknown_question" };
  }
  const answers: CheckedAnswer[] = [];
  for (const q of questions) {
    const field = `answers.${q.id}`;
    const value = raw[String(q.id)];
    const blank =
      value === undefined ||
      value === null ||
      (typeof value === "string" && value.trim() === "") ||
      (Array.isArray(value) && value.length === 0);
    if (blank) {
      if (q.required) {
        fields[field] = { key: q.type === "rating" ? "field.answer_required" : "field.required" };
      }
      continue;
    }
    const checked = checkOne(q, value, units);
    if ("key" in checked) fields[field] = checked;
    else answers.push(checked);
  }
  return Object.keys(fields).length > 0 ? { ok: false, fields } : { ok: true, answers };
}

function checkOne(q: StoredQuestion, value: unknown, units: ReadonlySet<number>): CheckedAnswer | FieldError {
  const answer = (valueNum: number | null, valueText: string | null, values: string[] | null = null) => ({
    question: q,
    valueNum,
    valueText,
    values,
  });
  switch (q.type) {
    case "rating":
      if (typeof value !== "number" || !Number.isInteger(value) || value < 1 || value > 5)
        return { key: "field.rating_range" };
      return answer(value, null);
    case "unit":
      if (typeof value !== "number" || !Number.isInteger(value)) return { key: "field.type_integer" };
      if (!units.has(value)) return { key: "field.unknown_unit" };
      return answer(value, null);
    case "choice":
      if (typeof value !== "string") return { key: "field.type_string" };
      if (!q.options?.some((o) => o.value === value)) return { key: "field.unknown_option" };
      return answer(null, value);
    case "multi": {
      if (!Array.isArray(value)) return { key: "field.type_array" };
      if (!value.every((v): v is string => typeof v === "string")) return { key: "field.type_string" };
      const known = (q.options ?? []).map((o) => o.value);
      if (!value.every((v) => known.includes(v))) return { key: "field.unknown_option" };
      if (new Set(value).size < value.length) return { key: "field.duplicate_choice" };
      if (q.minChoices !== null && value.length < q.minChoices)
        return { key: "field.too_few_choices", params: { min: q.minChoices } };
      if (q.maxChoices !== null && value.length > q.maxChoices)
        return { key: "field.too_many_choices", params: { max: q.maxChoices } };
      const values = known.filter((v) => value.includes(v));
      return answer(null, JSON.stringify(values), values);
    }
    case "text": {
      if (typeof value !== "string") return { key: "field.type_string" };
      const text = cleanText(value);
      const max = q.maxLength ?? 2000;
      if (text.length > max) return { key: "field.too_long", params: { max } };
      return answer(null, text);
    }
  }
}

// Control characters (NUL and friends) carry no meaning in a comment and break exports.
// biome-ignore lint/suspicious/noControlCharactersInRegex: stripping them is the point
const CONTROL = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F]/g;

export function cleanText(value: string): string {
  return value.normalize("NFC").replace(CONTROL, "").trim();
}
