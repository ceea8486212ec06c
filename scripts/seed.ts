// Demo data for an empty local D1: a unit tree, staff accounts, and classes with realistic responses.

import { REBUILD_ALL_SQL } from "../worker/db/stats";
import { hashPassword } from "../worker/domain/crypto";
import { normaliseEventCode } from "../worker/domain/eventCode";
import { STANDARD_FORM, STANDARD_FORM_TITLE } from "../worker/domain/form";
import { analyse, Lexicon, placeAll } from "../worker/domain/grouping";
import { PROPOSAL_TOPICS } from "../worker/domain/lexicon";
import { ANSWERED } from "../worker/domain/report";
import { executeFile, q, query, type Target } from "./lib";
import { historySql, type SeededUnit, unitSql } from "./seed-history";
import { peopleSql } from "./seed-people";

export const DEMO_PASSWORD = "gopy-demo-2026";
export const DEMO_ACCOUNTS = [
  { email: "admin@gopy.local", role: "admin", unit: "TW", note: "toàn quốc / national" },
  { email: "tochuc@gopy.local", role: "organiser", unit: "HN", note: "Hà Nội" },
  { email: "kiemtra@gopy.local", role: "inspector", unit: "TN", note: "Thái Nguyên" },
  { email: "lanhdao@gopy.local", role: "leader", unit: "TW", note: "toàn quốc / national" },
] as const;

interface DemoClass {
  code: string;
  title: string;
  unit: string;
  lecturers: string;
  category: string;
  daysAgo: number;
  open: boolean;
  expected: number;
  responses: number;
  mean: number;
}

export const DEMO_CLASSES: DemoClass[] = [
  {
    code: "HNC734",
    title: "Lớp bồi dưỡng kỹ năng chuyển đổi số cho chi hội trưởng",
    unit: "HN-BM",
    lecturers: "ThS. Nguyễn Thu Hà",
    category: "branch_head",
    daysAgo: 0,
    open: true,
    expected: 45,
    responses: 28,
    mean: 4.2,
  },
  {
    code: "HN4CAT",
    title: "Tập huấn cán bộ chuyên trách mới năm 2026",
    unit: "HN-HK",
    lecturers: "Bà Trần Thị Mai",
    category: "full_time_officer",
    daysAgo: 0,
    open: true,
    expected: 30,
    responses: 0,
    mean: 4,
  },
  {
    code: "TNA479",
    title: "Tập huấn nghiệp vụ công tác Hội cho chủ tịch Hội cơ sở",
    unit: "TN-PDP",
    lecturers: "TS. Hoàng Văn Nam, ThS. Lý Thị Hồng",
    category: "commune_chair",
    daysAgo: 12,
    open: false,
    expected: 60,
    responses: 52,
    mean: 3.7,
  },
  {
    code: "PTH397",
    title: "Lớp bồi dưỡng kiến thức về bình đẳng giới",
    unit: "PT-VT",
    lecturers: "Bà Đỗ Thị Lan",
    category: "mixed",
    daysAgo: 30,
    open: false,
    expected: 35,
    responses: 14,
    mean: 3.0,
  },
  {
    code: "VKD943",
    title: "Tập huấn kỹ năng tuyên truyền trên mạng xã hội",
    unit: "VL-AH",
    lecturers: "Ông Phạm Minh Tuấn",
    category: "branch_head",
    daysAgo: 1,
    open: true,
    expected: 30,
    responses: 3,
    mean: 4.4,
  },
];

/** What trainees write in the demo (the benchmark's classes write the same). */
export const DEMO_COMMENTS = [
  "Nên tăng thời gian thực hành, giảm bớt phần lý thuyết.",
  "Đề nghị tổ chức thêm lớp hướng dẫn sử dụng phần mềm quản lý hội viên.",
  "Tài liệu nên in màu và gửi trước cho học viên đọc.",
  "nen keo dai them 1 ngay nua vi noi dung nhieu",
  "Giảng viên nhiệt tình, dễ hiểu, mong có thêm ví dụ thực tế ở cơ sở.",
  "Hội trường hơi nóng, đề nghị bố trí phòng có điều hòa.",
  "Mong được chia sẻ kinh nghiệm của các chi hội làm tốt.",
  "Thời gian học buổi chiều nên kết thúc sớm hơn để chị em về kịp đón con.",
  "Đề nghị có thêm chuyên đề về phòng chống bạo lực gia đình.",
  "cần hướng dẫn lập nhóm Zalo chi hội và đăng tin tuyên truyền",
  "Nên chia nhóm nhỏ để thảo luận, nhiều chị còn ngại phát biểu.",
  "Hỗ trợ kinh phí đi lại cho học viên ở xa.",
  "Nội dung thiết thực, áp dụng được ngay vào công việc.",
  "Đề nghị gửi bài giảng điện tử qua Zalo sau lớp học.",
  "Nen to chuc lop vao thang 3 hoac thang 9, tranh mua vu.",
  "Cần thêm thời gian hỏi đáp với giảng viên.",
];

export const DEMO_WORKSHOP = {
  code: "TDHN47",
  title: "Tọa đàm nâng cao chất lượng đội ngũ cán bộ Hội cơ sở",
  question: "Cần làm gì để đội ngũ cán bộ Hội cơ sở đủ sức đáp ứng nhiệm vụ trong giai đoạn mới?",
  unit: "HN",
  expected: 60,
};

/** Written for the demo (not taken from the evaluation sets): [text, addressee chosen or null, name, unit]. */
const DEMO_PROPOSALS: [string, string | null, string | null, string | null][] = [
  [
    "Đề nghị nâng mức phụ cấp cho chi hội trưởng, hiện nay quá thấp so với công việc.",
    "authorities",
    null,
    null,
  ],
  ["nang phu cap chi hoi truong de chi em yen tam cong tac", null, null, null],
  [
    "Cấp ủy xã quan tâm quy hoạch, tạo nguồn cán bộ nữ trẻ cho Hội cơ sở.",
    "party_committee",
    "Nguyễn Thị Lan",
    "Phường Bạch Mai",
  ],
  ["Mở lớp hướng dẫn chi hội trưởng lớn tuổi dùng Zalo để lập nhóm chi hội.", null, null, null],
  ["Tập huấn kỹ năng số, nhận diện tin giả trên mạng xã hội cho cán bộ Hội.", "union", null, null],
  [
    "Lớp bồi dưỡng nên giảm lý thuyết, tăng thực hành và xử lý tình huống.",
    "union",
    "Trần Thu Hương",
    "Phường Hoàn Kiếm",
  ],
  [
    "Mỗi cán bộ Hội phải tự học, tự trau dồi kiến thức, không trông chờ vào lớp tập huấn.",
    "officers",
    null,
    null,
  ],
  ["Đổi mới hình thức sinh hoạt chi hội cho phong phú để thu hút hội viên trẻ.", null, null, null],
  ["Đề nghị UBND xã bố trí kinh phí hoạt động cho chi hội phụ nữ.", null, null, null],
  ["Sau mỗi lớp học cần khảo sát ý kiến học viên để điều chỉnh nội dung.", "union", null, null],
  ["Định kỳ kiểm tra, đánh giá kết quả áp dụng kiến thức của học viên sau đào tạo.", null, null, null],
  ["Cử chủ tịch Hội cấp xã đi học lý luận chính trị trung cấp đúng lộ trình.", "party_committee", null, null],
  ["Cán bộ Hội phải gương mẫu, nói đi đôi với làm thì chị em mới tin.", "officers", null, null],
  ["Hỗ trợ đóng bảo hiểm y tế cho cán bộ Hội không chuyên trách.", "authorities", null, null],
  ["Phần mềm quản lý hội viên cần đơn giản hơn, giảm sổ sách giấy tờ.", null, null, null],
  ["Thành lập câu lạc bộ khởi nghiệp để tập hợp phụ nữ trẻ.", "union", null, null],
  ["Biên soạn sổ tay nghiệp vụ ngắn gọn, dễ hiểu cho chi hội trưởng mới.", "union", null, null],
  ["Chủ động học hỏi kinh nghiệm từ các chị đi trước và từ hội viên.", "officers", null, null],
  ["Luân chuyển cán bộ Hội huyện, tỉnh về cơ sở để rèn luyện thực tiễn.", "party_committee", null, null],
  ["de nghi co che do ho tro tien di lai cho hoc vien o xa", null, null, null],
  ["Đề nghị giữ nguyên nội dung như năm trước", null, null, null],
];

/** Small deterministic PRNG so every fresh database gets the same demo. */
function prng(seed: number) {
  let s = seed >>> 0;
  return () => {
    s = (s + 0x6d2b79f5) >>> 0;
    let t = s;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export async function seedDemo(target: Target): Promise<void> {
  // A demo code a phone cannot open (a letter outside the codes' alphabet) fails here, not on a phone.
  for (const { code } of [...DEMO_CLASSES, DEMO_WORKSHOP, DEMO_SURVEY]) {
    if (normaliseEventCode(code) !== code) throw new Error(`demo event code ${code} is not a valid code`);
  }
  const now = new Date();
  const iso = (d: Date) => d.toISOString();
  const tree = unitSql();
  const sql: string[] = [...tree.sql];
  const unitIds = tree.units;
  sql.push(
    `INSERT INTO programmes (id, unit_id, name, starts_on, ends_on, categories, created_at) VALUES (1, ${unitIds.get("TW")?.id}, 'Đề án bồi dưỡng cán bộ Hội các cấp giai đoạn 2019-2025', '2019-01-01', '2025-12-31', '["branch_head","commune_chair"]', ${q(iso(now))}), (2, ${unitIds.get("TW")?.id}, 'Chương trình chuyển đổi số trong công tác Hội 2026', '2026-01-01', '2026-12-31', '["branch_head","commune_chair","full_time_officer","mixed"]', ${q(iso(now))});`,
  );
  for (const a of DEMO_ACCOUNTS) {
    sql.push(
      `INSERT INTO users (email, name, password_hash, role, unit_id, created_at) VALUES (${q(a.email)}, ${q(a.email.split("@")[0] ?? "")}, ${q(await hashPassword(DEMO_PASSWORD))}, ${q(a.role)}, ${unitIds.get(a.unit)?.id}, ${q(iso(now))});`,
    );
  }
  const rand = prng(2026);
  let questionId = 0;
  let responseId = 0;
  DEMO_CLASSES.forEach((c, i) => {
    const eventId = i + 1;
    const formId = i + 1;
    const start = new Date(now.getTime() - c.daysAgo * 86400_000);
    start.setUTCHours(1, 0, 0, 0); // 08:00 in Vietnam
    const end = new Date(start.getTime() + (c.open ? 32 : 9) * 3600_000);
    const closes = new Date(end.getTime() + 86400_000);
    sql.push(
      `INSERT INTO forms (id, title, version, created_at) VALUES (${formId}, ${q(STANDARD_FORM_TITLE)}, 1, ${q(iso(start))});`,
    );
    const qids: { id: number; type: string }[] = [];
    STANDARD_FORM.forEach((qd, pos) => {
      questionId++;
      qids.push({ id: questionId, type: qd.type });
      sql.push(
        `INSERT INTO questions (id, form_id, position, type, criterion, label_vi, label_en, required, options, max_length) VALUES (${questionId}, ${formId}, ${pos + 1}, ${q(qd.type)}, ${q(qd.criterion)}, ${q(qd.labelVi)}, ${q(qd.labelEn)}, ${qd.required ? 1 : 0}, NULL, ${qd.maxLength ?? "NULL"});`,
      );
    });
    sql.push(
      `INSERT INTO events (id, code, kind, title, unit_id, starts_at, ends_at, closes_at, expected_participants, lecturers, trainee_category, form_id, status, closed_at, response_count, created_at) VALUES (${eventId}, ${q(c.code)}, 'class', ${q(c.title)}, ${unitIds.get(c.unit)?.id}, ${q(iso(start))}, ${q(iso(end))}, ${q(iso(c.open ? new Date(Math.max(closes.getTime(), now.getTime() + 2 * 86400_000)) : closes))}, ${c.expected}, ${q(c.lecturers)}, ${q(c.category)}, ${formId}, ${q(c.open ? "open" : "closed")}, ${c.open ? "NULL" : q(iso(closes))}, ${c.responses}, ${q(iso(start))});`,
    );
    const bias = [0.1, -0.1, -0.3, 0.2, -0.2, 0.15];
    for (let r = 0; r < c.responses; r++) {
      responseId++;
      const role = r % 12 === 11 ? "lecturer" : "trainee";
      const at = new Date(Math.min(now.getTime(), end.getTime() - 3600_000 + r * 45_000));
      sql.push(
        `INSERT INTO responses (id, event_id, client_id, role, form_id, body_hash, created_at) VALUES (${responseId}, ${eventId}, 'demo-${eventId}-${r}', ${q(role)}, ${formId}, 'demo', ${q(iso(at))});`,
      );
      qids.forEach((qq, k) => {
        if (qq.type === "rating") {
          const v = Math.max(1, Math.min(5, Math.round(c.mean + (bias[k] ?? 0) + (rand() - 0.5) * 2.2)));
          sql.push(
            `INSERT INTO answers (response_id, question_id, value_num) VALUES (${responseId}, ${qq.id}, ${v});`,
          );
        } else if (rand() < 0.45) {
          const text = DEMO_COMMENTS[Math.floor(rand() * DEMO_COMMENTS.length)] ?? "";
          sql.push(
            `INSERT INTO comments (event_id, response_id, question_id, text) VALUES (${eventId}, ${responseId}, ${qq.id}, ${q(text)});`,
          );
        }
      });
    }
  });
  seedWorkshop(sql, unitIds, DEMO_CLASSES.length + 1, now, rand);
  const surveyId = DEMO_CLASSES.length + 2;
  seedNeedsSurvey(
    sql,
    unitIds,
    { eventId: surveyId, formId: 50, firstQuestionId: 900, firstResponseId: responseId + 1 },
    now,
    rand,
  );
  const history = historySql(unitIds, {
    rand,
    firstEventId: 100,
    firstResponseId: responseId + 1000,
    formId: 100,
    firstQuestionId: 1000,
    programmes: { before: 1, after: 2 },
    comments: DEMO_COMMENTS,
    now,
  });
  sql.push(...history.sql);
  sql.push(
    ...peopleSql(
      unitIds,
      rand,
      now,
      DEMO_CLASSES.map((_, i) => i + 1),
    ).sql,
  );
  // The running aggregates, exactly as submissions would have built them.
  sql.push(
    `INSERT INTO answer_counts (event_id, question_id, role, value, n) SELECT r.event_id, a.question_id, r.role, CAST(a.value_num AS TEXT), count(*) FROM answers a JOIN responses r ON r.id = a.response_id WHERE r.event_id <> ${surveyId} GROUP BY r.event_id, a.question_id, r.role, a.value_num;`,
    // The dashboards' aggregates, as the submissions would have kept them.
    ...REBUILD_ALL_SQL.map((s) => `${s};`),
  );
  executeFile(sql.join("\n"), target);
}

/** The province's needs survey of its commune officers, some of its answers typed in from paper. */
export const DEMO_SURVEY = {
  code: "KHNC47",
  title: "Khảo sát nhu cầu bồi dưỡng cán bộ Hội cơ sở năm 2027",
  unit: "HN",
  responses: 24,
};

/** Of the demo survey's answers, how many came on paper. */
const PAPER_SHEETS = 4;

const NEEDS_TOPICS: [string, string, number][] = [
  ["digital", "Chuyển đổi số, dùng phần mềm quản lý hội viên", 0.7],
  ["skills", "Kỹ năng tuyên truyền, vận động hội viên", 0.55],
  ["law", "Pháp luật về hôn nhân, gia đình, phòng chống bạo lực", 0.35],
  ["finance", "Quản lý quỹ, tổ tiết kiệm, vốn vay", 0.4],
  ["livelihood", "Hỗ trợ phụ nữ khởi nghiệp, sinh kế", 0.3],
];

/**
 * The province's needs survey (issue 16's example): every question type, answered from three
 * communes, with its counts built as submissions build them.
 */
function seedNeedsSurvey(
  sql: string[],
  unitIds: Map<string, { id: number }>,
  ids: { eventId: number; formId: number; firstQuestionId: number; firstResponseId: number },
  now: Date,
  rand: () => number,
): void {
  const s = DEMO_SURVEY;
  const start = new Date(now.getTime() - 5 * 86400_000);
  const end = new Date(now.getTime() + 9 * 86400_000);
  const opt = (value: string, labelVi: string) => ({ value, labelVi, labelEn: labelVi });
  const questions = [
    { type: "unit", labelVi: "Đơn vị của chị", labelEn: "Your unit", options: null, min: null, max: null },
    {
      type: "multi",
      labelVi: "Chị muốn được bồi dưỡng những nội dung nào? (chọn tối đa 3)",
      labelEn: "Which topics would you like training in? (up to 3)",
      options: NEEDS_TOPICS.map(([v, l]) => opt(v, l)),
      min: 1,
      max: 3,
    },
    {
      type: "choice",
      labelVi: "Hình thức học phù hợp nhất",
      labelEn: "The most suitable format",
      options: [
        opt("direct", "Trực tiếp tại huyện, tỉnh"),
        opt("online", "Trực tuyến"),
        opt("mixed", "Kết hợp"),
      ],
      min: null,
      max: null,
    },
    {
      type: "rating",
      labelVi: "Mức độ cần thiết của việc bồi dưỡng",
      labelEn: "How much it is needed",
      // The survey's own scale, not the post-course one.
      options: ["Không cần", "Ít cần", "Cần", "Khá cần", "Rất cần"].map((l, k) => opt(String(k + 1), l)),
      min: null,
      max: null,
    },
    {
      type: "text",
      labelVi: "Đề xuất khác",
      labelEn: "Other suggestions",
      options: null,
      min: null,
      max: null,
    },
  ];
  // Hà Nội keeps the form as a template: the survey copied it, and the unit page adds up by it.
  const defs = questions.map((qd) => ({
    type: qd.type,
    criterion: null,
    labelVi: qd.labelVi,
    labelEn: qd.labelEn,
    required: qd.type !== "text",
    options: qd.options,
    maxLength: qd.type === "text" ? 1000 : null,
    minChoices: qd.min,
    maxChoices: qd.max,
  }));
  sql.push(
    `INSERT INTO templates (id, unit_id, title, questions, created_at, updated_at) VALUES (1, ${unitIds.get(s.unit)?.id}, ${q("Phiếu khảo sát nhu cầu bồi dưỡng cán bộ Hội cơ sở")}, ${q(JSON.stringify(defs))}, ${q(start.toISOString())}, ${q(start.toISOString())});`,
    `INSERT INTO forms (id, title, version, created_at) VALUES (${ids.formId}, ${q(s.title)}, 1, ${q(start.toISOString())});`,
  );
  questions.forEach((qd, i) => {
    sql.push(
      `INSERT INTO questions (id, form_id, position, type, criterion, label_vi, label_en, required, options, max_length, min_choices, max_choices) VALUES (${ids.firstQuestionId + i}, ${ids.formId}, ${i + 1}, ${q(qd.type)}, NULL, ${q(qd.labelVi)}, ${q(qd.labelEn)}, ${qd.type === "text" ? 0 : 1}, ${qd.options ? q(JSON.stringify(qd.options)) : "NULL"}, ${qd.type === "text" ? 1000 : "NULL"}, ${qd.min ?? "NULL"}, ${qd.max ?? "NULL"});`,
    );
  });
  sql.push(
    `INSERT INTO events (id, code, kind, title, unit_id, starts_at, ends_at, closes_at, expected_participants, form_id, status, response_count, paper_count, template_id, created_at) VALUES (${ids.eventId}, ${q(s.code)}, 'survey', ${q(s.title)}, ${unitIds.get(s.unit)?.id}, ${q(start.toISOString())}, ${q(end.toISOString())}, ${q(end.toISOString())}, 40, ${ids.formId}, 'open', ${s.responses}, ${PAPER_SHEETS}, 1, ${q(start.toISOString())});`,
  );
  const communes = ["HN-BM", "HN-HK", "HN-BV"].map((c) => unitIds.get(c)?.id ?? 0);
  const counts = new Map<string, number>();
  const bump = (key: string) => counts.set(key, (counts.get(key) ?? 0) + 1);
  const qid = (i: number) => ids.firstQuestionId + i;
  const texts = [
    "Tài liệu in chữ to, dễ đọc.",
    "Nên tổ chức vào cuối tuần.",
    "Có người hướng dẫn cầm tay chỉ việc.",
  ];
  for (let r = 0; r < s.responses; r++) {
    const id = ids.firstResponseId + r;
    // Bạch Mai answers most; Ba Vì only three times, below the threshold of its own column.
    const unit = communes[r < 13 ? 0 : r < 21 ? 1 : 2] ?? 0;
    const chosen = NEEDS_TOPICS.filter(([, , p]) => rand() < p)
      .slice(0, 3)
      .map(([v]) => v);
    const topics = chosen.length > 0 ? chosen : ["digital"];
    const format = rand() < 0.5 ? "direct" : rand() < 0.6 ? "mixed" : "online";
    const need = Math.max(3, Math.min(5, Math.round(4.3 + (rand() - 0.5) * 2)));
    const at = new Date(start.getTime() + r * 3 * 3600_000);
    // The last few came on paper and were typed in by the organiser.
    const paper = r >= s.responses - PAPER_SHEETS;
    const sheet = `${s.code}-${String(r - (s.responses - PAPER_SHEETS) + 1).padStart(4, "0")}`;
    sql.push(
      `INSERT INTO responses (id, event_id, client_id, role, form_id, body_hash, created_at, entered_by) VALUES (${id}, ${ids.eventId}, ${q(paper ? `paper:${sheet}` : `demo-needs-${r}`)}, 'trainee', ${ids.formId}, 'demo', ${q(at.toISOString())}, ${paper ? "(SELECT id FROM users WHERE email = 'tochuc@gopy.local')" : "NULL"});`,
      `INSERT INTO answers (response_id, question_id, value_num, value_text) VALUES (${id}, ${qid(0)}, ${unit}, NULL), (${id}, ${qid(1)}, NULL, ${q(JSON.stringify(topics))}), (${id}, ${qid(2)}, NULL, ${q(format)}), (${id}, ${qid(3)}, ${need}, NULL);`,
    );
    if (r % 5 === 0) {
      sql.push(
        `INSERT INTO comments (event_id, response_id, question_id, text) VALUES (${ids.eventId}, ${id}, ${qid(4)}, ${q(texts[(r / 5) % texts.length] ?? "")});`,
      );
    }
    const values: [number, string][] = [
      [qid(0), String(unit)],
      [qid(1), ANSWERED],
      ...topics.map((t): [number, string] => [qid(1), t]),
      [qid(2), format],
      [qid(3), String(need)],
    ];
    for (const [question, value] of values) {
      bump(`${question}|${value}`);
      bump(`${unit}|${question}|${value}`);
    }
  }
  for (const [key, n] of counts) {
    const parts = key.split("|");
    if (parts.length === 2) {
      sql.push(
        `INSERT INTO answer_counts (event_id, question_id, role, value, n) VALUES (${ids.eventId}, ${parts[0]}, 'trainee', ${q(parts[1] ?? "")}, ${n});`,
      );
    } else {
      sql.push(
        `INSERT INTO answer_unit_counts (event_id, unit_id, question_id, value, n) VALUES (${ids.eventId}, ${parts[0]}, ${parts[1]}, ${q(parts[2] ?? "")}, ${n});`,
      );
    }
  }
}

function seedWorkshop(
  sql: string[],
  unitIds: Map<string, SeededUnit>,
  eventId: number,
  now: Date,
  rand: () => number,
): void {
  const w = DEMO_WORKSHOP;
  const start = new Date(now.getTime() - 2 * 3600_000);
  const end = new Date(now.getTime() + 6 * 3600_000);
  const closes = new Date(end.getTime() + 7 * 86400_000);
  sql.push(
    `INSERT INTO events (id, code, kind, title, unit_id, starts_at, ends_at, closes_at, expected_participants, question, status, response_count, created_at) VALUES (${eventId}, ${q(w.code)}, 'workshop', ${q(w.title)}, ${unitIds.get(w.unit)?.id}, ${q(start.toISOString())}, ${q(end.toISOString())}, ${q(closes.toISOString())}, ${w.expected}, ${q(w.question)}, 'open', ${DEMO_PROPOSALS.length}, ${q(start.toISOString())});`,
  );
  const lexicon = new Lexicon(PROPOSAL_TOPICS);
  const analyses = DEMO_PROPOSALS.map(([text]) => analyse(text, lexicon));
  // Placed as the Worker's regroup places them (a fresh workshop: no agenda, no lessons).
  const groupOf = new Map<number, number>();
  const keys = new Map<string, number>();
  placeAll(analyses, { groups: [], members: [], lessons: [] }, lexicon).forEach((place, i) => {
    const key = "key" in place ? place.key : String(place.groupId);
    let gid = keys.get(key);
    if (gid === undefined) {
      gid = eventId * 100 + keys.size;
      keys.set(key, gid);
      sql.push(
        `INSERT INTO proposal_groups (id, event_id, key, created_at) VALUES (${gid}, ${eventId}, ${q(key)}, ${q(start.toISOString())});`,
      );
    }
    groupOf.set(i, gid);
  });
  const follow = ["received", "accepted", "in_progress", null, null];
  DEMO_PROPOSALS.forEach(([text, addressee, name, unit], i) => {
    const id = eventId * 1000 + i;
    const supports = Math.floor(rand() * 9);
    const status = i < 5 ? follow[i] : null;
    sql.push(
      `INSERT INTO proposals (id, event_id, client_id, body_hash, text, addressee, suggested_addressee, author_name, author_unit, group_id, support_count, follow_status, created_at) VALUES (${id}, ${eventId}, 'demo-p-${i}', 'demo', ${q(text)}, ${addressee ? q(addressee) : "NULL"}, ${q(analyses[i]?.addressee ?? "union")}, ${name ? q(name) : "NULL"}, ${unit ? q(unit) : "NULL"}, ${groupOf.get(i) ?? "NULL"}, ${supports}, ${status ? q(status) : "NULL"}, ${q(new Date(start.getTime() + i * 240_000).toISOString())});`,
    );
    for (let k = 0; k < supports; k++) {
      sql.push(
        `INSERT INTO supports (proposal_id, client_id, created_at) VALUES (${id}, 'demo-phone-${k}', ${q(now.toISOString())});`,
      );
    }
  });
}

export function isEmpty(target: Target): boolean {
  const rows = query<{ n: number }>("SELECT count(*) AS n FROM units", target);
  return (rows[0]?.n ?? 0) === 0;
}
