// Lexicon list: phrases that belong to several themes on purpose; the text's other phrases decide between them.

/**
 * "vay vốn" is a member's livelihood in an officer workshop and credit in a livelihoods one; each
 * theme listed here counts the phrase, and the rest of the text decides. A phrase in two themes
 * that is not declared here is a mistake (the lexicon's integrity test says which).
 */
export const SHARED_PHRASES: Readonly<
  Record<"proposal" | "comment", Readonly<Record<string, readonly string[]>>>
> = {
  proposal: {
    "hòa giải": ["training", "legal_aid"],
    "pháp luật": ["training", "legal_aid"],
    "thu chi": ["training", "savings_groups"],
    "hội phí": ["training", "members"],
    zalo: ["digital", "online_selling"],
    facebook: ["digital", "online_selling"],
    tiktok: ["digital", "online_selling"],
    livestream: ["digital", "online_selling"],
    "điện thoại thông minh": ["digital", "digital_skills"],
    "điện thoại": ["digital", "digital_skills"],
    smartphone: ["digital", "digital_skills"],
    "sổ sách": ["digital", "savings_groups"],
    vneid: ["digital", "digital_skills"],
    "dịch vụ công": ["digital", "digital_skills"],
    "dịch vụ công trực tuyến": ["digital", "digital_skills"],
    "định danh điện tử": ["digital", "digital_skills"],
    "trực tuyến": ["digital", "online_selling"],
    online: ["digital", "online_selling"],
    "máy tính": ["digital", "digital_skills"],
    internet: ["digital", "digital_skills"],
    wifi: ["digital", "digital_skills"],
    "lắp mạng": ["digital", "allowances"],
    "kỹ năng số": ["digital", "digital_skills"],
    "lừa đảo": ["digital", "online_fraud"],
    mạng: ["digital", "digital_skills"],
    "uy tín": ["political", "cadre_planning"],
    "khu công nghiệp": ["members", "vocational_training"],
    "khởi nghiệp": ["members", "startups"],
    "đi làm ăn xa": ["members", "migration_trafficking"],
    "tổ hợp tác": ["members", "cooperatives"],
    "tổ tiết kiệm": ["members", "savings_groups"],
    "vay vốn": ["members", "credit"],
    "nuôi dạy con": ["members", "gender_equality"],
    "tiếng dân tộc": ["members", "ethnic_languages"],
    "song ngữ": ["members", "ethnic_languages"],
    "bảo hiểm": ["allowances", "insurance"],
    "bảo hiểm xã hội": ["allowances", "insurance"],
    "bảo hiểm y tế": ["allowances", "insurance"],
    "đầu ra": ["evaluation", "markets"],
    "chứng nhận": ["evaluation", "markets"],
    "giấy chứng nhận": ["evaluation", "land_inheritance"],
    "kèm cặp": ["self_study", "startups"],
  },
  comment: {
    "nhiệt tình": ["lecturer", "positive_only"],
  },
};
