// Lexicon list: what each actor does, when a proposal names nobody.
import type { Addressee } from "../proposal";

/**
 * What each actor does, when the proposal names nobody: the Union mobilises, explains, trains and
 * advises; the state builds, funds, exempts, inspects and sanctions. Weaker than a name.
 */
export const ACTION_CUES: Readonly<Partial<Record<Addressee, readonly string[]>>> = {
  union: [
    "vận động",
    "tuyên truyền",
    "hướng dẫn",
    "tập huấn",
    "tư vấn",
    "phát động",
    "nhân rộng",
    "câu lạc bộ",
    "nói chuyện chuyên đề",
    "cảnh báo",
    "trao học bổng",
    "tặng quà",
    "kết nối",
  ],
  authorities: [
    "đầu tư",
    "xây dựng công trình",
    "xây mới",
    "lắp đặt",
    "cấp thẻ",
    "cấp giấy",
    "cấp kinh phí",
    "miễn phí",
    "miễn thuế",
    "miễn học phí",
    "giảm thuế",
    "xử lý nghiêm",
    "phủ sóng",
    "ban hành",
    "công an",
    "ngân hàng",
    "trạm y tế",
    "bệnh viện",
    "bưu điện",
  ],
};
