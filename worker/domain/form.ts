// The standard post-course form of the brief, and the question shape shared by forms and the API.
import { type FieldErrors, Invalid } from "./errors";
import type { QuestionType } from "./terms";

export interface ChoiceOption {
  value: string;
  labelVi: string;
  labelEn: string;
}

export interface QuestionDef {
  type: QuestionType;
  /** Stable key that keeps scores comparable across form versions; null for ad-hoc questions. */
  criterion: string | null;
  labelVi: string;
  labelEn: string;
  required: boolean;
  options: ChoiceOption[] | null;
  maxLength: number | null;
  /** A multi question's least and most options per answer; null: no bound. */
  minChoices: number | null;
  maxChoices: number | null;
}

/** A unit a `unit` question offers: its name, and how deep under the event's unit (for indenting). */
export interface UnitChoice {
  id: number;
  name: string;
  depth: number;
}

/** Question types whose answers are one or several of the question's options. */
export const hasOptions = (type: QuestionType): boolean => type === "choice" || type === "multi";

/** The values of a rating's scale; a rating's own labels are options with exactly these values. */
export const SCALE = ["1", "2", "3", "4", "5"] as const;

/** A question's or option's label in the reader's language. */
export const labelIn = (lang: "vi" | "en", x: { labelVi: string; labelEn: string }): string =>
  lang === "en" ? x.labelEn : x.labelVi;

/** A rating's label for a point of the scale: its own when the form gives them, else `standard`. */
export function scaleLabel(
  q: { type: QuestionType; options: readonly ChoiceOption[] | null },
  point: (typeof SCALE)[number],
  lang: "vi" | "en",
  standard: string,
): string {
  const own = q.type === "rating" ? q.options?.find((o) => o.value === point) : undefined;
  return own ? labelIn(lang, own) : standard;
}

export const COMMENT_MAX = 2000;
export const STANDARD_FORM_TITLE = "Phiếu đánh giá sau khóa học";

const rating = (criterion: string, labelVi: string, labelEn: string): QuestionDef => ({
  type: "rating",
  criterion,
  labelVi,
  labelEn,
  required: true,
  options: null,
  maxLength: null,
  minChoices: null,
  maxChoices: null,
});

export const STANDARD_FORM: readonly QuestionDef[] = [
  rating("content", "Nội dung bài giảng", "Lecture content"),
  rating("method", "Phương pháp giảng dạy", "Teaching method"),
  rating("interaction", "Sự tương tác của học viên", "Trainee interaction"),
  rating("organisation", "Cách thức tổ chức lớp học", "Class organisation"),
  rating("materials", "Tài liệu", "Materials"),
  rating("usefulness", "Mức độ áp dụng vào công việc", "Usefulness for the job"),
  {
    type: "text",
    criterion: "recommendation",
    labelVi: "Kiến nghị, đề xuất",
    labelEn: "Recommendations and proposals",
    required: false,
    options: null,
    maxLength: COMMENT_MAX,
    minChoices: null,
    maxChoices: null,
  },
];

/** A form as an editor sends it: English labels may be empty, options and lengths are filled in. */
export interface FormInput {
  title: string;
  questions: readonly (Omit<QuestionDef, "minChoices" | "maxChoices"> &
    Partial<Pick<QuestionDef, "minChoices" | "maxChoices">>)[];
}

/**
 * Fills defaults and checks what a schema cannot: a choice or multi question needs two options
 * with distinct values, and a multi question's bounds must fit them. Errors name
 * `${prefix}questions.N.<field>`, as the body that carried the form has it.
 */
export function questionDefsOf(form: FormInput, prefix: string): QuestionDef[] {
  const fields: FieldErrors = {};
  const defs = form.questions.map((q, i) => {
    const at = `${prefix}questions.${i}`;
    const options = hasOptions(q.type) ? (q.options ?? []) : [];
    if (hasOptions(q.type)) {
      if (options.length < 2) fields[`${at}.options`] = { key: "field.options_required" };
      else if (new Set(options.map((o) => o.value)).size < options.length)
        fields[`${at}.options`] = { key: "field.duplicate_option" };
    }
    // A rating may name its five points ("Không cần" … "Rất cần"): all five, or none.
    const scale = q.type === "rating" && q.options !== null && q.options.length > 0 ? q.options : null;
    if (scale !== null && (scale.length !== SCALE.length || scale.some((o, k) => o.value !== SCALE[k])))
      fields[`${at}.options`] = { key: "field.scale_labels" };
    const multi = q.type === "multi";
    const min = multi ? (q.minChoices ?? null) : null;
    const max = multi ? (q.maxChoices ?? null) : null;
    if (min !== null && (min < 1 || min > options.length))
      fields[`${at}.minChoices`] = { key: "field.choices_range", params: { max: options.length } };
    if (max !== null && (max < 1 || max > options.length || (min !== null && max < min)))
      fields[`${at}.maxChoices`] = { key: "field.choices_range", params: { max: options.length } };
    return {
      type: q.type,
      criterion: q.criterion,
      labelVi: q.labelVi,
      labelEn: q.labelEn || q.labelVi,
      required: q.required,
      options: hasOptions(q.type)
        ? options.map((o) => ({ ...o, labelEn: o.labelEn || o.labelVi }))
        : scale === null
          ? null
          : scale.map((o) => ({ ...o, labelEn: o.labelEn || o.labelVi })),
      maxLength: q.type === "text" ? (q.maxLength ?? COMMENT_MAX) : null,
      minChoices: min,
      maxChoices: max,
    };
  });
  if (Object.keys(fields).length > 0) throw new Invalid(fields);
  return defs;
}

/**
 * Whether a form still has its template's shape: the same questions in the same order, of the
 * same types, with the same option values (labels may be reworded). The needs roll-up adds up
 * surveys of one template question by question, so only such a form may say it came from it.
 */
export function hasTemplateShape(form: readonly QuestionDef[], template: readonly QuestionDef[]): boolean {
  const shape = (q: QuestionDef) => JSON.stringify([q.type, (q.options ?? []).map((o) => o.value)]);
  return (
    form.length === template.length && form.every((q, i) => template[i] && shape(q) === shape(template[i]))
  );
}
