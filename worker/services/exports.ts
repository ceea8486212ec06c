// The tables staff download: a class report, a workshop's proposals, a unit's scores and its classes.
import type { Db } from "../db";
import { loadResponsesWithAnswers } from "../db/eventData";
import { loadQuestions } from "../db/events";
import { listAllUnitNames, listUnitsInScope, type Unit } from "../db/units";
import type { StoredQuestion } from "../domain/answers";
import { type Cell, dateCell, type Table } from "../domain/csv";
import { OTHER_UNIT } from "../domain/disclosure";
import { labelIn } from "../domain/form";
import { type Lang, type MessageKey, t } from "../domain/i18n";
import { percentOf, type Report } from "../domain/report";
import type { Flag } from "../domain/scores";
import { MIN_RESPONSES_FOR_DETAIL, type StaffUser } from "../domain/terms";
import { boardRows } from "./board";
import { classReport, shownRows } from "./events";
import { eventInScope, workshopInScope } from "./scope";
import { allClassScores, criterionLabels, type ScoreQuery, unitComments, unitScores } from "./scores";

export async function reportTable(db: Db, user: StaffUser, id: number, lang: Lang): Promise<Table> {
  const event = await eventInScope(db, user, id);
  const r = await classReport(db, event, lang);
  const en = lang === "en";
  const onForm = new Set(r.questions.filter((q) => q.type === "text").map((q) => q.id));
  const others = (r.comments ?? []).filter((c) => !onForm.has(c.questionId));
  const rows: Cell[][] = [
    [event.kind === "survey" ? (en ? "Survey" : "Khảo sát") : en ? "Class" : "Lớp", event.title],
    [en ? "Code" : "Mã", event.code],
    [event.kind === "class" ? t(lang, "app.trainee_responses") : en ? "Responses" : "Số phiếu", r.responses],
    [en ? "Expected" : "Dự kiến", r.expected],
    [en ? "Overall (1-5)" : "Điểm chung (1-5)", r.overall],
    [],
    ...criteriaRows(r.criteria, en),
    // The lecturers' answers beside the trainees', with their own count and threshold.
    ...(r.lecturers
      ? [
          [],
          [t(lang, "app.lecturers_apart"), r.lecturers.responses],
          ...(r.lecturers.detailHidden
            ? [[t(lang, "app.too_few", { min: MIN_RESPONSES_FOR_DETAIL })]]
            : [
                [en ? "Overall (1-5)" : "Điểm chung (1-5)", r.lecturers.overall],
                ...criteriaRows(r.lecturers.criteria, en),
                ...(r.lecturers.comments ?? []).map((cm) => [null, cm.text]),
              ]),
        ]
      : []),
    // Every question with options: a line per option with its count and share of those who answered.
    ...r.questions
      .filter((q) => q.type !== "rating" && q.type !== "text")
      .flatMap((q): Cell[][] => [
        [],
        [q.label, `n = ${q.n ?? "–"}`],
        [en ? "Option" : "Lựa chọn", en ? "Count" : "Số người chọn", en ? "Share (%)" : "Tỷ lệ (%)"],
        ...(q.options ?? []).map((o) => [
          o.label,
          o.count,
          o.count === null || q.n === null ? null : percentOf(o.count, q.n),
        ]),
      ]),
    ...(r.byUnit ?? []).flatMap((u): Cell[][] => [
      [],
      [
        en ? "Unit" : "Đơn vị",
        u.pooled ? `${u.name} (${u.pooled.join(", ")})` : u.name,
        en ? "Responses" : "Số phiếu",
        u.responses,
      ],
      ...(u.questions === null
        ? [[t(lang, "app.too_few", { min: MIN_RESPONSES_FOR_DETAIL })]]
        : u.questions.flatMap((q) =>
            q.type === "rating"
              ? [[q.label, q.mean ?? null]]
              : (q.options ?? []).map((o) => [q.label, o.label, o.count]),
          )),
    ]),
    // Every text question: its groups with their size, each answer on its own line below.
    ...r.questions
      .filter((q) => q.type === "text")
      .flatMap((q): Cell[][] => [
        [],
        [q.label, `n = ${q.n ?? "–"}`],
        ...(q.groups ?? []).flatMap((g): Cell[][] => [
          [`${g.label} (${g.items.length})`],
          ...g.items.map((i) => [null, i.text]),
        ]),
      ]),
    ...(others.length > 0 ? [[], [t(lang, "app.other_texts")], ...others.map((cm) => [cm.text])] : []),
  ];
  return { name: `bao-cao-${event.code}`, sheet: en ? "Report" : "Báo cáo", rows };
}

/** A report's criteria as a table: mean, n and the 1-5 counts. */
function criteriaRows(criteria: Report["criteria"], en: boolean): Cell[][] {
  return [
    [en ? "Criterion" : "Tiêu chí", en ? "Mean" : "Điểm TB", "n", "1", "2", "3", "4", "5"],
    ...criteria.map((cr) => [
      cr.label,
      cr.mean,
      cr.n,
      ...(cr.distribution ? (["1", "2", "3", "4", "5"] as const).map((k) => cr.distribution?.[k] ?? 0) : []),
    ]),
  ];
}

/**
 * Every response a row, every question of the current form a column, in words (option labels,
 * unit names): from the threshold up only, as the raw answers are everywhere, with each row's
 * unit, role, day and how it came shown only as far as no small group stands out (see shownRows).
 */
export async function answersTable(db: Db, user: StaffUser, id: number, lang: Lang): Promise<Table> {
  const event = await eventInScope(db, user, id);
  const en = lang === "en";
  const [questions, responses] = await Promise.all([
    event.formId === null ? [] : loadQuestions(db, event.formId),
    loadResponsesWithAnswers(db, event.id),
  ]);
  const name = `tra-loi-${event.code}`;
  const sheet = en ? "Answers" : "Câu trả lời";
  const shown = shownRows(questions, responses);
  if (shown.length === 0) {
    return { name, sheet, rows: [[t(lang, "app.too_few", { min: MIN_RESPONSES_FOR_DETAIL })]] };
  }
  const units = questions.some((q) => q.type === "unit")
    ? new Map((await listUnitsInScope(db, { tree: "now", path: event.unitPath })).map((u) => [u.id, u.name]))
    : new Map<number, string>();
  const optionLabel = (q: StoredQuestion, value: string) => {
    const o = q.options?.find((x) => x.value === value);
    return o ? labelIn(lang, o) : value;
  };
  const cell = (q: StoredQuestion, value: number | string | undefined): Cell => {
    if (value === undefined) return null;
    if (q.type === "unit")
      return value === OTHER_UNIT ? t(lang, "report.other_units") : (units.get(Number(value)) ?? value);
    if (q.type === "choice") return optionLabel(q, String(value));
    if (q.type === "multi")
      return listOf(String(value))
        .map((v) => optionLabel(q, v))
        .join("; ");
    return value;
  };
  const yes = en ? "yes" : "có";
  const withheld = "–";
  const flag = (v: boolean | null) => (v === null ? withheld : v ? yes : "");
  const body: Cell[][] = shown.map((r) => [
    // The day as a real date (Vietnam midnight), or the dash where it is withheld.
    r.day === null ? withheld : dateCell(`${r.day}T00:00:00+07:00`, "day"),
    r.role === null ? withheld : t(lang, r.role === "lecturer" ? "page.role_lecturer" : "page.role_trainee"),
    flag(r.paper),
    flag(r.tooFast),
    ...questions.map((q) => cell(q, r.answers[String(q.id)])),
  ]);
  const rows: Cell[][] = [
    [
      en ? "Day" : "Ngày",
      en ? "Role" : "Vai trò",
      en ? "On paper" : "Phiếu giấy",
      en ? "Too fast (not counted)" : "Quá nhanh (không tính)",
      ...questions.map((q) => labelIn(lang, q)),
    ],
    ...body,
  ];
  return { name, sheet, rows };
}

/** A multi answer's options as stored (a JSON list); anything else reads as no option. */
function listOf(stored: string): string[] {
  try {
    const parsed: unknown = JSON.parse(stored);
    return Array.isArray(parsed) ? parsed.filter((v): v is string => typeof v === "string") : [];
  } catch {
    return [];
  }
}

export async function proposalsTable(db: Db, user: StaffUser, id: number, lang: Lang): Promise<Table> {
  const event = await workshopInScope(db, user, id);
  const en = lang === "en";
  const header = [
    en ? "Group" : "Nhóm",
    en ? "Proposal" : "Đề xuất",
    en ? "Who should act" : "Ai thực hiện",
    en ? "Suggested" : "Gợi ý",
    en ? "Supports" : "Ủng hộ",
    en ? "Merged into" : "Gộp vào",
    en ? "Name" : "Họ tên",
    en ? "Unit" : "Đơn vị",
    en ? "Follow-up" : "Xử lý",
    en ? "Responsible unit" : "Đơn vị chịu trách nhiệm",
    en ? "Note" : "Ghi chú",
    en ? "Sent at (Vietnam time)" : "Thời gian gửi (giờ Việt Nam)",
  ];
  const [board, units] = await Promise.all([boardRows(db, event, lang), listAllUnitNames(db)]);
  const rows: Cell[][] = board.map(({ group, item: i }) => [
    group,
    i.text,
    t(lang, `addressee.${i.addressee}`),
    i.addresseeSuggested ? (en ? "yes" : "có") : "",
    i.supports,
    i.duplicateOf,
    i.authorName,
    i.authorUnit,
    i.followStatus === null ? "" : t(lang, `follow.${i.followStatus}`),
    i.followUnitId === null ? "" : (units.get(i.followUnitId) ?? ""),
    i.followNote,
    dateCell(i.createdAt),
  ]);
  return { name: `de-xuat-${event.code}`, sheet: en ? "Proposals" : "Đề xuất", rows: [header, ...rows] };
}

/** A unit's breakdown rows ("scores") or every class of its subtree ("classes"), for the period asked. */
export async function unitTable(
  db: Db,
  unit: Unit,
  q: ScoreQuery,
  what: "scores" | "classes" | "comments",
  lang: Lang,
): Promise<Table> {
  const tr = (k: MessageKey, p?: Record<string, string | number>) => t(lang, k, p);
  const labels = criterionLabels(lang);
  const flagText = (flags: readonly Flag[]) => flags.map((f) => tr(`flag.${f}`)).join("; ");
  const hidden = tr("score.hidden", { n: MIN_RESPONSES_FOR_DETAIL });
  const title = [unit.name, `${tr("score.period")}: ${q.from} → ${q.to}`];
  const name = `${{ scores: "diem", classes: "lop", comments: "kien-nghi" }[what]}-${unit.code}-${q.from}-${q.to}`;
  if (what === "comments") {
    const c = await unitComments(db, unit, q, lang);
    const rows: Cell[][] = [
      title,
      [
        tr("app.unit_comments_counts", {
          shown: c.shown,
          comments: c.comments,
          classes: c.classes,
          withheld: c.withheldClasses,
          min: c.min,
        }),
      ],
      [tr("app.group"), tr("app.group_classes"), tr("app.comment"), tr("score.code"), tr("score.class")],
      ...c.groups.flatMap((g) => g.items.map((i): Cell[] => [g.label, g.classes, i.text, i.code, i.title])),
    ];
    return { name, sheet: lang === "en" ? "Recommendations" : "Kiến nghị", rows };
  }
  if (what === "scores") {
    const s = await unitScores(db, unit, { ...q, limit: 0 });
    const rows: Cell[][] = [
      title,
      [
        tr("score.unit"),
        tr("score.level"),
        tr("score.classes"),
        tr("score.responses"),
        tr("score.expected"),
        tr("score.rate"),
        ...labels.map((l) => l.label),
        tr("score.overall"),
        tr("score.change"),
        tr("score.identical"),
        tr("score.flags"),
        tr("score.flagged"),
      ],
      ...s.units.map((u) => [
        u.direct ? tr("score.direct", { unit: u.name }) : u.name,
        tr(`level.${u.level}`),
        u.classes,
        u.responses,
        u.expected,
        u.responseRate,
        ...labels.map((l) => u.means?.[l.id] ?? null),
        u.overall ?? (u.responses > 0 ? hidden : null),
        u.change,
        u.identicalShare,
        flagText(u.flags),
        u.flaggedClasses,
      ]),
    ];
    return { name, sheet: lang === "en" ? "Units" : "Đơn vị", rows };
  }
  const classes = await allClassScores(db, unit, q);
  const rows: Cell[][] = [
    title,
    [
      tr("score.class"),
      tr("score.code"),
      tr("score.unit"),
      tr("score.date"),
      tr("score.responses"),
      tr("score.expected"),
      tr("score.rate"),
      ...labels.map((l) => l.label),
      tr("score.overall"),
      tr("score.observed"),
      tr("score.identical"),
      tr("score.flags"),
    ],
    ...classes.map((k) => [
      k.title,
      k.code,
      k.unitName,
      dateCell(k.startsAt, "day"),
      k.responses,
      k.expected,
      k.responseRate,
      ...labels.map((l) => k.means?.[l.id] ?? null),
      k.overall ?? (k.responses > 0 ? hidden : null),
      k.observed,
      k.identicalShare,
      flagText(k.flags),
    ]),
  ];
  return { name, sheet: lang === "en" ? "Classes" : "Lớp", rows };
}
