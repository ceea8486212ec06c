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
  },
];

/** A form as an editor sends it: English labels may be empty, options and lengths are filled in. */
export interface FormInput {
  title: string;
  questions: readonly QuestionDef[];
}

/**
 * Fills defaults and checks what a schema cannot: a choice question needs two options. Errors
 * name `${prefix}questions.N.options`, as the body that carried the form has it.
 */
export function questionDefsOf(form: FormInput, prefix: string): QuestionDef[] {
  const fields: FieldErrors = {};
  const defs = form.questions.map((q, i) => {
    if (q.type === "choice" && (q.options === null || q.options.length < 2)) {
      fields[`${prefix}questions.${i}.options`] = { key: "field.required" };
    }
    return {
      type: q.type,
      criterion: q.criterion,
      labelVi: q.labelVi,
      labelEn: q.labelEn || q.labelVi,
      required: q.required,
      options:
        q.type === "choice"
          ? (q.options ?? []).map((o) => ({ ...o, labelEn: o.labelEn || o.labelVi }))
          : null,
      maxLength: q.type === "text" ? (q.maxLength ?? COMMENT_MAX) : null,
    };
  });
  if (Object.keys(fields).length > 0) throw new Invalid(fields);
  return defs;
}
