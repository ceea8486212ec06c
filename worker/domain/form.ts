// The standard post-course form of the brief, and the question shape shared by forms and the API.
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
