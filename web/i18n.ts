// Staff app message catalogue, Vietnamese first; times are always shown in Asia/Ho_Chi_Minh.

export type Lang = "vi" | "en";

const vi = {
  app_name: "Góp ý",
  sign_in: "Đăng nhập",
  sign_out: "Đăng xuất",
  email: "Email",
  password: "Mật khẩu",
  signing_in: "Đang đăng nhập…",
  events: "Lớp học và hội nghị",
  new_class: "Tạo lớp mới",
  no_events: "Chưa có lớp nào trong phạm vi của bạn.",
  title: "Tên lớp",
  unit: "Đơn vị tổ chức",
  starts_at: "Bắt đầu",
  ends_at: "Kết thúc",
  closes_at: "Khảo sát tự đóng lúc",
  closes_at_hint: "Để trống: 24 giờ sau khi lớp kết thúc.",
  expected: "Số học viên dự kiến",
  lecturers: "Giảng viên / báo cáo viên",
  trainee_category: "Đối tượng học viên",
  cat_none: "— Không chọn —",
  cat_branch_head: "Chi hội trưởng",
  cat_commune_chair: "Chủ tịch Hội cơ sở",
  cat_full_time_officer: "Cán bộ chuyên trách",
  cat_mixed: "Nhiều đối tượng",
  create: "Tạo lớp",
  creating: "Đang tạo…",
  cancel: "Hủy",
  save: "Lưu",
  saved: "Đã lưu.",
  form: "Phiếu khảo sát",
  form_title: "Tên phiếu",
  form_hint:
    "Bản sao của phiếu chuẩn. Sửa được trước khi có phiếu trả lời; sau đó mỗi lần sửa tạo phiên bản mới.",
  form_version: "Phiên bản {v}",
  q_label_vi: "Câu hỏi (tiếng Việt)",
  q_label_en: "Câu hỏi (tiếng Anh, không bắt buộc)",
  q_required: "Bắt buộc",
  q_type_rating: "Chấm điểm 1–5",
  q_type_text: "Ý kiến tự do",
  q_type_choice: "Chọn một",
  q_options: "Các lựa chọn (mỗi dòng một lựa chọn)",
  add_rating: "+ Tiêu chí chấm điểm",
  add_text: "+ Câu hỏi ý kiến",
  add_choice: "+ Câu hỏi chọn một",
  move_up: "Lên",
  move_down: "Xuống",
  remove: "Xóa",
  edit_form: "Sửa phiếu",
  edit_form_versioned:
    "Lớp đã có phiếu trả lời: lưu sẽ tạo phiên bản mới của phiếu; điểm vẫn so sánh được theo tiêu chí.",
  responses: "Phiếu đã nhận",
  of_expected: "{n} / {e} phiếu",
  response_rate: "Tỉ lệ phản hồi",
  status_open: "Đang nhận ý kiến",
  status_closed: "Đã đóng",
  code: "Mã lớp",
  survey_link: "Đường dẫn khảo sát",
  poster: "In áp phích QR",
  report: "Xem báo cáo",
  close_survey: "Đóng khảo sát",
  close_confirm: "Đóng khảo sát? Học viên sẽ không gửi thêm ý kiến được.",
  live: "Tự cập nhật mỗi 5 giây",
  poster_scan: "Quét mã QR bằng Zalo hoặc máy ảnh điện thoại",
  poster_or: "hoặc mở {url} và nhập mã",
  poster_anonymous: "Phiếu ẩn danh · khoảng 2 phút",
  print: "In",
  back: "← Quay lại",
  overall: "Điểm chung",
  criteria: "Điểm theo tiêu chí",
  mean: "Điểm TB",
  distribution: "Phân bố 1–5",
  criterion: "Tiêu chí",
  n: "Số lượt",
  recommendations: "Kiến nghị, đề xuất của học viên",
  no_comments: "Chưa có kiến nghị nào.",
  hidden_detail: "Cần ít nhất {min} phiếu để hiện phân bố và kiến nghị (bảo vệ tính ẩn danh).",
  export_csv: "Tải CSV (Excel)",
  table_alt: "Bảng số liệu",
  loading: "Đang tải…",
  error: "Có lỗi: {m}",
  scale_1: "Rất không hài lòng",
  scale_5: "Rất hài lòng",
  lang_switch: "English",
  kind_class: "Lớp",
  kind_workshop: "Hội nghị",
  date_range: "{a} – {b}",
  report_of: "Báo cáo khảo sát",
  printed_at: "In lúc {t}",
} as const;

export type Key = keyof typeof vi;

const en: Record<Key, string> = {
  app_name: "Góp ý",
  sign_in: "Sign in",
  sign_out: "Sign out",
  email: "Email",
  password: "Password",
  signing_in: "Signing in…",
  events: "Classes and workshops",
  new_class: "New class",
  no_events: "No class in your scope yet.",
  title: "Class title",
  unit: "Organising unit",
  starts_at: "Starts",
  ends_at: "Ends",
  closes_at: "Survey closes at",
  closes_at_hint: "Leave empty: 24 hours after the class ends.",
  expected: "Expected trainees",
  lecturers: "Lecturers",
  trainee_category: "Trainee category",
  cat_none: "— None —",
  cat_branch_head: "Branch heads",
  cat_commune_chair: "Commune union chairs",
  cat_full_time_officer: "Full-time officers",
  cat_mixed: "Mixed",
  create: "Create class",
  creating: "Creating…",
  cancel: "Cancel",
  save: "Save",
  saved: "Saved.",
  form: "Survey form",
  form_title: "Form title",
  form_hint:
    "A copy of the standard form. Editable until the first response; after that each edit makes a new version.",
  form_version: "Version {v}",
  q_label_vi: "Question (Vietnamese)",
  q_label_en: "Question (English, optional)",
  q_required: "Required",
  q_type_rating: "Rating 1–5",
  q_type_text: "Free text",
  q_type_choice: "Single choice",
  q_options: "Options (one per line)",
  add_rating: "+ Rating criterion",
  add_text: "+ Free-text question",
  add_choice: "+ Single-choice question",
  move_up: "Up",
  move_down: "Down",
  remove: "Remove",
  edit_form: "Edit form",
  edit_form_versioned:
    "This class has responses: saving creates a new form version; scores stay comparable by criterion.",
  responses: "Responses",
  of_expected: "{n} of {e} responses",
  response_rate: "Response rate",
  status_open: "Open",
  status_closed: "Closed",
  code: "Class code",
  survey_link: "Survey link",
  poster: "Print QR poster",
  report: "View report",
  close_survey: "Close survey",
  close_confirm: "Close the survey? Trainees will no longer be able to answer.",
  live: "Updates every 5 seconds",
  poster_scan: "Scan the QR code with Zalo or your phone camera",
  poster_or: "or open {url} and type the code",
  poster_anonymous: "Anonymous · about 2 minutes",
  print: "Print",
  back: "← Back",
  overall: "Overall",
  criteria: "Scores by criterion",
  mean: "Mean",
  distribution: "1–5 distribution",
  criterion: "Criterion",
  n: "Answers",
  recommendations: "Trainees' recommendations",
  no_comments: "No recommendations yet.",
  hidden_detail: "At least {min} responses are needed to show distributions and recommendations (anonymity).",
  export_csv: "Download CSV (Excel)",
  table_alt: "Data table",
  loading: "Loading…",
  error: "Error: {m}",
  scale_1: "Very dissatisfied",
  scale_5: "Very satisfied",
  lang_switch: "Tiếng Việt",
  kind_class: "Class",
  kind_workshop: "Workshop",
  date_range: "{a} – {b}",
  report_of: "Survey report",
  printed_at: "Printed {t}",
};

function initialLang(): Lang {
  try {
    return localStorage.getItem("gy:lang") === "en" ? "en" : "vi";
  } catch {
    return "vi";
  }
}

export const lang = { value: initialLang() };

export function switchLang(): void {
  try {
    localStorage.setItem("gy:lang", lang.value === "vi" ? "en" : "vi");
  } catch {}
  location.reload();
}

export function t(key: Key, params?: Record<string, string | number>): string {
  const text = (lang.value === "en" ? en : vi)[key];
  return params ? text.replace(/\{(\w+)\}/g, (m, k: string) => String(params[k] ?? m)) : text;
}

const TZ = "Asia/Ho_Chi_Minh";

export function formatTime(iso: string): string {
  return new Intl.DateTimeFormat(lang.value === "en" ? "en-GB" : "vi-VN", {
    timeZone: TZ,
    dateStyle: "short",
    timeStyle: "short",
  }).format(new Date(iso));
}

/** `datetime-local` values are wall-clock times in Vietnam (UTC+7, no daylight saving). */
export function vnLocalToIso(local: string): string {
  return new Date(`${local}:00+07:00`).toISOString();
}

export function isoToVnLocal(iso: string): string {
  return new Date(new Date(iso).getTime() + 7 * 3600_000).toISOString().slice(0, 16);
}

export function formatScore(x: number | null): string {
  return x === null
    ? "–"
    : x.toLocaleString(lang.value === "en" ? "en-GB" : "vi-VN", {
        minimumFractionDigits: 2,
        maximumFractionDigits: 2,
      });
}
