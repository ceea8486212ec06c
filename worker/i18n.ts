// Server-side message catalogue (API errors and the phone pages), Vietnamese first.

export type Lang = "vi" | "en";

const vi = {
  // API errors
  "error.not_found": "Không tìm thấy.",
  "error.event_not_found": "Không tìm thấy lớp hoặc hội nghị với mã này.",
  "error.event_closed": "Khảo sát đã đóng, không nhận thêm ý kiến.",
  "error.invalid_body": "Dữ liệu gửi lên không hợp lệ.",
  "error.invalid_json": "Nội dung gửi lên không phải JSON hợp lệ.",
  "error.body_too_large": "Nội dung gửi lên quá lớn.",
  "error.unauthenticated": "Vui lòng đăng nhập.",
  "error.bad_credentials": "Email hoặc mật khẩu không đúng.",
  "error.forbidden": "Bạn không có quyền thực hiện thao tác này.",
  "error.out_of_scope": "Đơn vị này nằm ngoài phạm vi của bạn.",
  "error.client_id_reused": "Mã thiết bị này đã được dùng cho một câu trả lời khác.",
  "error.form_locked": "Không sửa được phiếu này.",
  "error.cross_origin": "Yêu cầu từ trang khác bị từ chối.",
  "error.internal": "Có lỗi ở máy chủ. Vui lòng thử lại sau.",
  // field errors
  "field.required": "Bắt buộc.",
  "field.answer_required": "Vui lòng chọn một mức đánh giá.",
  "field.invalid": "Giá trị không hợp lệ.",
  "field.type_string": "Phải là chuỗi ký tự.",
  "field.type_integer": "Phải là số nguyên.",
  "field.type_object": "Phải là một đối tượng.",
  "field.type_array": "Phải là một danh sách.",
  "field.rating_range": "Phải là số nguyên từ 1 đến 5.",
  "field.too_long": "Quá dài (tối đa {max} ký tự).",
  "field.too_short": "Quá ngắn.",
  "field.too_many": "Quá nhiều mục (tối đa {max}).",
  "field.unknown_question": "Câu hỏi không có trong phiếu.",
  "field.unknown_option": "Lựa chọn không có trong danh sách.",
  "field.unknown_field": "Trường không được hỗ trợ.",
  "field.date": "Phải là thời điểm ISO 8601 (ví dụ 2026-03-15T08:00:00+07:00).",
  "field.ends_before_start": "Thời điểm kết thúc phải sau thời điểm bắt đầu.",
  "field.positive": "Phải là số từ 1 đến 10.000.",
  "field.unit_not_found": "Không tìm thấy đơn vị.",
  "field.email": "Email không hợp lệ.",
  // phone pages
  "page.lang_switch": "English",
  "page.title_suffix": "Góp ý",
  "page.home_title": "Góp ý sau lớp học",
  "page.home_intro": "Nhập mã gồm 6 ký tự in trên áp phích hoặc do ban tổ chức đọc.",
  "page.code_label": "Mã lớp",
  "page.code_button": "Mở phiếu",
  "page.staff_link": "Cán bộ đăng nhập",
  "page.not_found_title": "Không tìm thấy mã này",
  "page.not_found_text": "Hãy kiểm tra lại mã (6 ký tự) rồi nhập lại.",
  "page.closed_title": "Khảo sát đã đóng",
  "page.closed_text": "Cảm ơn bạn. Lớp này đã ngừng nhận ý kiến.",
  "page.intro": "Phiếu ẩn danh. Chọn mức đánh giá cho từng tiêu chí, rồi bấm Gửi.",
  "page.role_legend": "Bạn là",
  "page.role_trainee": "Học viên",
  "page.role_lecturer": "Giảng viên",
  "page.scale_1": "Rất không hài lòng",
  "page.scale_2": "Không hài lòng",
  "page.scale_3": "Bình thường",
  "page.scale_4": "Hài lòng",
  "page.scale_5": "Rất hài lòng",
  "page.required_mark": "(bắt buộc)",
  "page.optional_mark": "(không bắt buộc)",
  "page.submit": "Gửi ý kiến",
  "page.sending": "Đang gửi…",
  "page.retrying": "Mạng yếu. Câu trả lời đã lưu trên máy, đang gửi lại…",
  "page.offline": "Chưa có mạng. Câu trả lời đã lưu trên máy và sẽ tự gửi khi có mạng.",
  "page.fix_errors": "Vui lòng trả lời các câu còn thiếu (đánh dấu đỏ).",
  "page.thanks_title": "Cảm ơn bạn!",
  "page.thanks_text": "Ý kiến của bạn đã được ghi nhận.",
  "page.already_title": "Bạn đã trả lời rồi",
  "page.already_text": "Mỗi điện thoại chỉ gửi một phiếu cho lớp này. Cảm ơn bạn!",
  "page.chars_max": "Tối đa {max} ký tự",
  "page.workshop_soon": "Trang gửi kiến nghị cho hội nghị này sẽ sớm có.",
} as const;

export type MessageKey = keyof typeof vi;

export function isMessageKey(s: string): s is MessageKey {
  return Object.hasOwn(vi, s);
}

const en: Record<MessageKey, string> = {
  "error.not_found": "Not found.",
  "error.event_not_found": "No class or workshop has this code.",
  "error.event_closed": "This survey is closed and no longer accepts answers.",
  "error.invalid_body": "The request body is invalid.",
  "error.invalid_json": "The request body is not valid JSON.",
  "error.body_too_large": "The request body is too large.",
  "error.unauthenticated": "Please sign in.",
  "error.bad_credentials": "Wrong email or password.",
  "error.forbidden": "You are not allowed to do this.",
  "error.out_of_scope": "This unit is outside your scope.",
  "error.client_id_reused": "This clientId was already used for a different answer.",
  "error.form_locked": "This form cannot be edited.",
  "error.cross_origin": "Requests from another site are refused.",
  "error.internal": "Server error. Please try again later.",
  "field.required": "Required.",
  "field.answer_required": "Please choose a rating.",
  "field.invalid": "Invalid value.",
  "field.type_string": "Must be a string.",
  "field.type_integer": "Must be an integer.",
  "field.type_object": "Must be an object.",
  "field.type_array": "Must be a list.",
  "field.rating_range": "Must be an integer from 1 to 5.",
  "field.too_long": "Too long (at most {max} characters).",
  "field.too_short": "Too short.",
  "field.too_many": "Too many items (at most {max}).",
  "field.unknown_question": "This question is not on the form.",
  "field.unknown_option": "Not one of the options.",
  "field.unknown_field": "Unsupported field.",
  "field.date": "Must be an ISO 8601 time (e.g. 2026-03-15T08:00:00+07:00).",
  "field.ends_before_start": "The end must be after the start.",
  "field.positive": "Must be a number from 1 to 10,000.",
  "field.unit_not_found": "Unit not found.",
  "field.email": "Invalid email.",
  "page.lang_switch": "Tiếng Việt",
  "page.title_suffix": "Góp ý",
  "page.home_title": "Feedback after class",
  "page.home_intro": "Enter the 6-character code printed on the poster or read out by the organisers.",
  "page.code_label": "Class code",
  "page.code_button": "Open the survey",
  "page.staff_link": "Staff sign-in",
  "page.not_found_title": "No survey has this code",
  "page.not_found_text": "Check the code (6 characters) and type it again.",
  "page.closed_title": "This survey is closed",
  "page.closed_text": "Thank you. This class no longer accepts answers.",
  "page.intro": "Anonymous. Choose a rating for each criterion, then press Send.",
  "page.role_legend": "You are a",
  "page.role_trainee": "Trainee",
  "page.role_lecturer": "Lecturer",
  "page.scale_1": "Very dissatisfied",
  "page.scale_2": "Dissatisfied",
  "page.scale_3": "Neutral",
  "page.scale_4": "Satisfied",
  "page.scale_5": "Very satisfied",
  "page.required_mark": "(required)",
  "page.optional_mark": "(optional)",
  "page.submit": "Send",
  "page.sending": "Sending…",
  "page.retrying": "Weak network. Your answers are saved on this phone; sending again…",
  "page.offline": "No network. Your answers are saved on this phone and will be sent when it returns.",
  "page.fix_errors": "Please answer the questions marked in red.",
  "page.thanks_title": "Thank you!",
  "page.thanks_text": "Your feedback has been recorded.",
  "page.already_title": "You have already answered",
  "page.already_text": "Each phone sends one answer for this class. Thank you!",
  "page.chars_max": "At most {max} characters",
  "page.workshop_soon": "The proposal page for this workshop is coming soon.",
};

const catalogues: Record<Lang, Record<MessageKey, string>> = { vi, en };

export function t(lang: Lang, key: MessageKey, params?: Record<string, string | number>): string {
  const text = catalogues[lang][key];
  if (!params) return text;
  return text.replace(/\{(\w+)\}/g, (m, name: string) => String(params[name] ?? m));
}

/** Vietnamese unless the client clearly prefers English. */
export function langFromAcceptLanguage(header: string | undefined): Lang {
  if (!header) return "vi";
  const first = header.split(",")[0]?.trim().toLowerCase() ?? "";
  return first.startsWith("en") ? "en" : "vi";
}
