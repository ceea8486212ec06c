// Pure domain modules: event codes, CSV neutralisation, report maths, answer checking.
import { describe, it } from "vitest";
import { checkAnswers, cleanText, type StoredQuestion } from "../../../worker/domain/answers";
import { AUDIT_ACTIONS, actionKey } from "../../../worker/domain/audit";
import { neutralise, toCsv } from "../../../worker/domain/csv";
import { keptColumns, pooledGroups } from "../../../worker/domain/disclosure";
import { CODE_ALPHABET, generateEventCode, normaliseEventCode } from "../../../worker/domain/eventCode";
import { t } from "../../../worker/domain/i18n";
import { pointsShort } from "../../../worker/domain/progress";
import { buildReport } from "../../../worker/domain/report";
import { dateText, parseDateText } from "../../../worker/domain/time";
import { routes } from "../../../worker/index";

describe("event codes", () => {
  it("are six characters from an alphabet without look-alikes", ({ expect }) => {
    for (let i = 0; i < 200; i++) expect(generateEventCode()).toMatch(/^[ACDEFHJKMNPRTUVWXY3479]{6}$/);
    for (const ch of "0O1IL2Z5S8B6GQ") expect(CODE_ALPHABET).not.toContain(ch);
  });
  it("accept what people type: lower case, spaces, a dash", ({ expect }) => {
    expect(normaliseEventCode(" ac d-34k ")).toBe("ACD34K");
    expect(normaliseEventCode("ACD34")).toBeNull();
    expect(normaliseEventCode("ACD346")).toBeNull();
  });
});

describe("CSV", () => {
  it("neutralises cells Excel would run as formulas", ({ expect }) => {
    expect(neutralise("=1+1")).toBe("'=1+1");
    expect(neutralise("@SUM")).toBe("'@SUM");
    expect(neutralise("bình thường")).toBe("bình thường");
    expect(toCsv([["a,b", 'say "hi"', 3, null]])).toBe('\uFEFF"a,b","say ""hi""",3,\r\n');
  });
});

const STANDARD_LOW = t("vi", "page.scale_1");
const STANDARD_HIGH = t("vi", "page.scale_5");

const row = (value: string, n: number, role: "trainee" | "lecturer" = "trainee") => ({
  questionId: 1,
  type: "rating" as const,
  criterion: "content",
  labelVi: "Nội dung",
  labelEn: "Content",
  position: 1,
  role,
  value,
  n,
});

describe("report", () => {
  it("below five responses says how many answered and nothing else", ({ expect }) => {
    const r = buildReport({
      lang: "vi",
      role: "trainee",
      responses: 4,
      expected: 0,
      counts: [row("5", 2), row("3", 1), row("4", 1, "lecturer")],
      comments: [{ id: 1, text: "x", questionId: 7 }],
    });
    expect(r.criteria).toEqual([
      {
        id: "content",
        label: "Nội dung",
        scale: { low: STANDARD_LOW, high: STANDARD_HIGH },
        mean: null,
        n: null,
        distribution: null,
      },
    ]);
    expect(r.overall).toBeNull();
    expect(r.responses).toBe(4);
    expect(r.responseRate).toBeNull();
    expect(r.comments).toBeNull();
    expect(r.detailHidden).toBe(true);
  });
});

describe("question-true reports", () => {
  it("each rating is charted with its own scale's words: a need is 'Không cần … Rất cần', not satisfaction", ({
    expect,
  }) => {
    const need: StoredQuestion = {
      id: 1,
      type: "rating",
      labelVi: "Chị cần bồi dưỡng nội dung này ở mức nào?",
      labelEn: "",
      required: true,
      criterion: null,
      options: ["Không cần", "Ít cần", "Cần", "Khá cần", "Rất cần"].map((labelVi, k) => ({
        value: String(k + 1),
        labelVi,
        labelEn: labelVi,
      })),
      maxLength: null,
      minChoices: null,
      maxChoices: null,
    };
    const r = buildReport({
      lang: "vi",
      role: "trainee",
      responses: 6,
      expected: 10,
      counts: [{ ...row("5", 6), criterion: null }],
      comments: [],
      questions: [need],
    });
    expect(r.criteria[0]?.scale).toEqual({ low: "Không cần", high: "Rất cần" });
  });
});

describe("disclosure", () => {
  it("trainees' scores are the trainees' only: a lecturer's answer is not averaged in; a criterion fewer than five answered shows its n, no mean, and stays out of the overall", ({
    expect,
  }) => {
    const other = (value: string, n: number) => ({
      ...row(value, n),
      criterion: "method",
      questionId: 8,
      position: 2,
    });
    const counts = [row("5", 4), row("1", 2, "lecturer"), row("3", 1), row("4", 1), other("1", 3)];
    const r = buildReport({ lang: "vi", role: "trainee", responses: 6, expected: 10, counts, comments: [] });
    expect(r.criteria.map((c) => [c.id, c.mean, c.n])).toEqual([
      ["content", 4.5, 6],
      ["method", null, 3],
    ]);
    expect(r.overall).toBe(4.5);
    // The lecturers' own report from the same counts: two of them, so their count and nothing else.
    const l = buildReport({ lang: "vi", role: "lecturer", responses: 2, expected: 0, counts, comments: [] });
    expect(l.detailHidden).toBe(true);
    expect(l.criteria.map((c) => [c.id, c.mean, c.n])).toEqual([["content", null, null]]);
  });

  it("pools small groups, and the smallest shown ones until the pool is five", ({ expect }) => {
    expect(
      [
        ...pooledGroups(
          new Map([
            ["a", 5],
            ["b", 1],
          ]),
        ),
      ].sort(),
    ).toEqual(["a", "b"]);
    expect(
      [
        ...pooledGroups(
          new Map([
            ["a", 6],
            ["b", 5],
            ["c", 2],
          ]),
        ),
      ].sort(),
    ).toEqual(["b", "c"]);
    expect(
      [
        ...pooledGroups(
          new Map([
            ["a", 6],
            ["b", 3],
            ["c", 2],
          ]),
        ),
      ].sort(),
    ).toEqual(["b", "c"]);
    expect([
      ...pooledGroups(
        new Map([
          ["a", 6],
          ["b", 5],
          ["c", 0],
        ]),
      ),
    ]).toEqual([]);
  });

  it("keeps a row table's identifying columns only while every combination holds five rows", ({ expect }) => {
    const rows = [..."aaaaabbbbb"].map((u, i) => ({ u, day: i < 9 ? "d1" : "d2" }));
    expect(keptColumns(rows, [(r) => r.u, (r) => r.day])).toBe(1);
    expect(keptColumns(rows, [(r) => r.u])).toBe(1);
    expect(keptColumns(rows.slice(0, 6), [(r) => r.u])).toBe(0);
  });
});

describe("answers", () => {
  const q = (id: number, type: "rating" | "text" | "choice", required: boolean): StoredQuestion => ({
    id,
    type,
    required,
    criterion: null,
    labelVi: "",
    labelEn: "",
    maxLength: type === "text" ? 10 : null,
    options: type === "choice" ? [{ value: "a", labelVi: "A", labelEn: "A" }] : null,
    minChoices: null,
    maxChoices: null,
  });
  const form = [q(1, "rating", true), q(2, "text", false), q(3, "choice", false)];
  it("accepts a complete set and drops blank optional answers", ({ expect }) => {
    const r = checkAnswers(form, { 1: 3, 2: "  ", 3: "a" });
    expect(r.ok && r.answers.map((a) => [a.question.id, a.valueNum, a.valueText])).toEqual([
      [1, 3, null],
      [3, null, "a"],
    ]);
  });
  it("names every bad answer", ({ expect }) => {
    const r = checkAnswers(form, { 2: "x".repeat(11), 3: "b", 9: 1 });
    expect(r.ok ? {} : r.fields).toEqual({
      "answers.1": { key: "field.answer_required" },
      "answers.2": { key: "field.too_long", params: { max: 10 } },
      "answers.3": { key: "field.unknown_option" },
      "answers.9": { key: "field.unknown_question" },
    });
  });
  it("strips control characters and normalises to NFC", ({ expect }) => {
    expect(cleanText(" ho\u0000a\u0300 ")).toBe("hoà");
  });
});

describe("CSV for every Excel locale", () => {
  it("quotes cells holding any separator, and neutralises a formula that would follow one", ({ expect }) => {
    expect(toCsv([["abc;=1+1", "x\ty", "nhiều\ndòng", "bình thường"]])).toBe(
      '\uFEFF"\'abc;=1+1","x\ty","nhiều\ndòng",bình thường\r\n',
    );
    expect(neutralise("Hà Nội - 2026")).toBe("Hà Nội - 2026");
    expect(neutralise("a, -b")).toBe("'a, -b");
  });
});

describe("dates as people in Vietnam type them", () => {
  it("reads day first whatever the browser's language, and writes back the same way", ({ expect }) => {
    expect(parseDateText("30/11/2026", "date")).toBe("2026-11-30");
    expect(parseDateText(" 1.2.2026 ", "date")).toBe("2026-02-01");
    expect(parseDateText("1-12-2026 8h30", "datetime")).toBe("2026-12-01T08:30");
    expect(parseDateText("01/12/2026 14:05", "datetime")).toBe("2026-12-01T14:05");
    expect(parseDateText("01/12/2026 8g", "datetime")).toBe("2026-12-01T08:00");
    expect(parseDateText("11/2026", "month")).toBe("2026-11");
    expect(dateText("2026-11-30", "date")).toBe("30/11/2026");
    expect(dateText("2026-12-01T08:30", "datetime")).toBe("01/12/2026 08:30");
    expect(dateText("2026-11", "month")).toBe("11/2026");
  });

  it("refuses what is not a real, complete date", ({ expect }) => {
    for (const bad of ["31/02/2026", "2026-11-30", "30/13/2026", "30/11/26", "", "hôm nay"]) {
      expect(parseDateText(bad, "date")).toBeNull();
    }
    expect(parseDateText("30/11/2026", "datetime")).toBeNull(); // the hour is needed
    expect(parseDateText("30/11/2026 24:00", "datetime")).toBeNull();
    expect(parseDateText("13/2026", "month")).toBeNull();
  });
});

describe("the audit log in words", () => {
  it("every staff write and every export declares its action where it is defined, and every action has words", ({
    expect,
  }) => {
    const staff = routes.filter(
      (r) =>
        r.path.startsWith("/api/") &&
        !r.path.startsWith("/api/public") &&
        !r.path.includes("*") &&
        r.method !== "ALL",
    );
    const declared = new Map<string, string>();
    for (const r of staff) {
      const action: unknown = Reflect.get(r.handler, "auditAction");
      if (typeof action === "string") declared.set(`${r.method} ${r.path}`, action);
    }
    const mustDeclare = [
      ...new Set(
        staff
          .filter((r) => r.method !== "GET" || /\.(csv|xlsx|json)$|:file$/.test(r.path))
          .map((r) => `${r.method} ${r.path}`),
      ),
    ];
    expect(mustDeclare.length).toBeGreaterThan(30);
    expect(mustDeclare.filter((k) => !declared.has(k))).toEqual([]);
    for (const action of declared.values()) expect(actionKey(action), action).not.toBeNull();
    // The log's filter lists each action once, in words of its own (a format said in them, not after).
    const words = Object.values(AUDIT_ACTIONS).map((a) => a.words);
    expect(new Set(words).size).toBe(words.length);
  });
});

describe("how far behind a target is", () => {
  it("is whole percentage points short of the line, never a fraction and never below nothing", ({
    expect,
  }) => {
    expect(pointsShort(0.46, 0.47)).toBe(1);
    expect(pointsShort(0.29, 0.58)).toBe(29);
    expect(pointsShort(null, 0.5)).toBe(50);
    expect(pointsShort(0.8, 0.75)).toBe(0);
    expect(pointsShort(0.75, 0.75)).toBe(0);
  });
});
