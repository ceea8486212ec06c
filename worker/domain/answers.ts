// Checks a respondent's answers against the form's questions; pure, shared by the API and the no-JS form.
import type { FieldErrors } from "../domain/errors";
import type { QuestionDef } from "./form";

export interface StoredQuestion extends QuestionDef {
  id: number;
}

export interface CheckedAnswer {
  question: StoredQuestion;
  valueNum: number | null;
  valueText: string | null;
}

export type AnswerCheck = { ok: true; answers: CheckedAnswer[] } | { ok: false; fields: FieldErrors };

export function checkAnswers(
  questions: readonly StoredQuestion[],
  raw: Readonly<Record<string, unknown>>,
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
    const blank = value === undefined || value === null || (typeof value === "string" && value.trim() === "");
    if (blank) {
      if (q.required) {
        fields[field] = { key: q.type === "rating" ? "field.answer_required" : "field.required" };
      }
      continue;
    }
    if (q.type === "rating") {
      if (typeof value !== "number" || !Number.isInteger(value) || value < 1 || value > 5) {
        fields[field] = { key: "field.rating_range" };
      } else {
        answers.push({ question: q, valueNum: value, valueText: null });
      }
    } else if (q.type === "choice") {
      if (typeof value !== "string") {
        fields[field] = { key: "field.type_string" };
      } else if (!q.options?.some((o) => o.value === value)) {
        fields[field] = { key: "field.unknown_option" };
      } else {
        answers.push({ question: q, valueNum: null, valueText: value });
      }
    } else if (typeof value !== "string") {
      fields[field] = { key: "field.type_string" };
    } else {
      const text = cleanText(value);
      const max = q.maxLength ?? 2000;
      if (text.length > max) fields[field] = { key: "field.too_long", params: { max } };
      else answers.push({ question: q, valueNum: null, valueText: text });
    }
  }
  return Object.keys(fields).length > 0 ? { ok: false, fields } : { ok: true, answers };
}

// Control characters (NUL and friends) carry no meaning in a comment and break exports.
// biome-ignore lint/suspicious/noControlCharactersInRegex: stripping them is the point
const CONTROL = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F]/g;

export function cleanText(value: string): string {
  return value.normalize("NFC").replace(CONTROL, "").trim();
}
