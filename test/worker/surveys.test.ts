// Surveys that are not a class, and every question type through the API: answered, refused, reported, per unit.
import { env } from "cloudflare:workers";
import { beforeAll, describe, it } from "vitest";
import { verifyAggregates } from "../../worker/db/stats";
import { t } from "../../worker/domain/i18n";
import { call, createClass, createTree, createUnit, db, openPhone, signIn, submit, unique } from "./helpers";

let tree: Awaited<ReturnType<typeof createTree>>;
let organiser: Awaited<ReturnType<typeof signIn>>;
let communes: { id: number; path: string; name: string }[];

const option = (value: string, labelVi: string) => ({ value, labelVi, labelEn: "" });
const question = (type: string, labelVi: string, extra: Record<string, unknown> = {}) => ({
  type,
  criterion: null,
  labelVi,
  labelEn: "",
  required: false,
  options: null,
  maxLength: null,
  ...extra,
});

/** The Hà Nội needs survey of the issue: what commune chairs want to be trained in. */
const NEEDS_FORM = {
  title: "Khảo sát nhu cầu bồi dưỡng năm 2027",
  questions: [
    question("unit", "Đơn vị của chị", { required: true }),
    question("multi", "Chị muốn được bồi dưỡng nội dung nào?", {
      required: true,
      options: [
        option("digital", "Chuyển đổi số"),
        option("skills", "Kỹ năng vận động hội viên"),
        option("law", "Pháp luật"),
        option("finance", "Quản lý tài chính hội"),
      ],
      minChoices: 1,
      maxChoices: 3,
    }),
    question("choice", "Hình thức phù hợp", {
      required: true,
      options: [option("direct", "Trực tiếp"), option("online", "Trực tuyến")],
    }),
    question("rating", "Mức độ cần thiết", { required: true }),
    question("text", "Đề xuất khác", { maxLength: 500 }),
  ],
};

async function needsSurvey(overrides: Record<string, unknown> = {}) {
  return createClass(organiser, tree.hanoi, {
    kind: "survey",
    title: "Khảo sát nhu cầu bồi dưỡng năm 2027",
    expectedParticipants: 30,
    form: NEEDS_FORM,
    ...overrides,
  });
}

interface Form {
  kind: string;
  questions: {
    id: number;
    type: string;
    options: { value: string | number; label: string; depth?: number }[] | null;
    minChoices?: number | null;
    maxChoices?: number | null;
  }[];
}

async function formOf(code: string): Promise<Form> {
  return (await call(`/api/public/events/${code}`)).json();
}

const ids = (form: Form) => {
  const [unit, multi, choice, rating, text] = form.questions.map((q) => String(q.id));
  return {
    unit: unit ?? "",
    multi: multi ?? "",
    choice: choice ?? "",
    rating: rating ?? "",
    text: text ?? "",
  };
};

async function send(code: string, answers: Record<string, unknown>) {
  const phone = await openPhone(code);
  return submit(code, { clientId: unique("needs-"), role: "trainee", answers, elapsedMs: 120_000 }, phone);
}

beforeAll(async () => {
  tree = await createTree();
  organiser = await signIn("organiser", tree.hanoi);
  communes = [tree.bachMai, await createUnit("Hội LHPN xã Sóc Sơn", "commune", tree.hanoi)];
});

describe("a survey that is not a class", () => {
  it("a province surveys its commune chairs: the phone gets every question type, units from its own subtree", async ({
    expect,
  }) => {
    const survey = await needsSurvey();
    const form = await formOf(survey.code);
    expect(form.kind).toBe("survey");
    expect(form.questions.map((q) => q.type)).toEqual(["unit", "multi", "choice", "rating", "text"]);
    const units = form.questions[0]?.options ?? [];
    expect(units.map((u) => u.label)).toEqual(
      expect.arrayContaining([tree.hanoi.name, tree.bachMai.name, "Hội LHPN xã Sóc Sơn"]),
    );
    expect(units.map((u) => u.label)).not.toContain(tree.phanDinhPhung.name);
    expect(units.find((u) => u.value === tree.hanoi.id)?.depth).toBe(0);
    expect(units.find((u) => u.value === tree.bachMai.id)?.depth).toBe(1);
    expect(form.questions[1]).toMatchObject({ minChoices: 1, maxChoices: 3 });
    // The phone page offers boxes to tick and a list of units, without JavaScript.
    const page = await (await call(`/s/${survey.code}`)).text();
    expect(page.match(/type="checkbox" name="a\d+"/g)).toHaveLength(4);
    expect(page).toContain(`<option value="${tree.bachMai.id}"`);
  });

  it("every type is counted at submission and reported; a unit under five answers is pooled with the others it would give away", async ({
    expect,
  }) => {
    const survey = await needsSurvey();
    const q = ids(await formOf(survey.code));
    const [bachMai, socSon] = communes;
    // Five chairs of Bạch Mai, two of Sóc Sơn.
    for (let i = 0; i < 7; i++) {
      const res = await send(survey.code, {
        [q.unit]: (i < 5 ? bachMai : socSon)?.id,
        [q.multi]: i % 2 === 0 ? ["law", "digital"] : ["digital"],
        [q.choice]: i < 3 ? "online" : "direct",
        [q.rating]: 4 + (i % 2),
        ...(i === 0 ? { [q.text]: "Cần tài liệu in khổ lớn" } : {}),
      });
      expect(res.status, await res.clone().text()).toBe(201);
    }
    const report = await (
      await call(`/api/events/${survey.id}/report`, { headers: organiser.headers })
    ).json<{
      responses: number;
      questions: {
        id: number;
        type: string;
        n: number;
        mean?: number;
        options?: { value: string; count: number }[];
      }[];
      byUnit: {
        id: number;
        responses: number;
        questions: { id: number; options?: { value: string; count: number }[] }[] | null;
      }[];
    }>();
    expect(report.responses).toBe(7);
    const byId = new Map(report.questions.map((x) => [String(x.id), x]));
    // Options in the form's order, even the one nobody chose; a multi's n counts people, not ticks.
    expect(byId.get(q.multi)).toMatchObject({
      n: 7,
      options: [
        { value: "digital", count: 7 },
        { value: "skills", count: 0 },
        { value: "law", count: 4 },
        { value: "finance", count: 0 },
      ],
    });
    expect(byId.get(q.choice)?.options).toEqual([
      expect.objectContaining({ value: "direct", count: 4 }),
      expect.objectContaining({ value: "online", count: 3 }),
    ]);
    expect(byId.get(q.rating)).toMatchObject({ n: 7, mean: 4.43 });
    expect(byId.get(q.text)).toMatchObject({ type: "text", n: 1 });
    expect(byId.get(q.unit)?.options).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ value: String(bachMai?.id), count: 5 }),
        expect.objectContaining({ value: String(socSon?.id), count: 2 }),
      ]),
    );
    // Two answers are too few to show, and Bạch Mai's five beside the total would give them back:
    // both go to one pooled column, whose figures are the totals'.
    expect(report.byUnit.map((u) => [u.id, u.responses])).toEqual([[0, 7]]);
    expect(report.byUnit[0]?.questions?.find((x) => String(x.id) === q.choice)?.options).toEqual([
      expect.objectContaining({ value: "direct", count: 4 }),
      expect.objectContaining({ value: "online", count: 3 }),
    ]);
    // The export holds every option with its count and share, and the units.
    const csv = await (
      await call(`/api/events/${survey.id}/report.csv`, { headers: organiser.headers })
    ).text();
    expect(csv).toContain("Chuyển đổi số,7,100");
    expect(csv).toContain("Pháp luật,4,57");
    expect(csv).toContain("Kỹ năng vận động hội viên,0,0");
    expect(csv).toContain(`Đơn vị,"Đơn vị khác (`);
    expect(csv).not.toContain(`Đơn vị,${bachMai?.name},Số phiếu,5`);
    // The raw answers in words, a row each, organisers only.
    const answersCsv = await (
      await call(`/api/events/${survey.id}/answers.csv`, { headers: organiser.headers })
    ).text();
    const lines = answersCsv
      .replace(/^\uFEFF/, "")
      .trim()
      .split("\r\n");
    expect(lines).toHaveLength(8);
    expect(lines[0]).toContain("Chị muốn được bồi dưỡng nội dung nào?");
    // Her commune is pooled, so her row does not name it.
    expect(lines.find((l) => l.includes("Cần tài liệu"))).toContain(
      `Đơn vị khác,"Chuyển đổi số; Pháp luật",Trực tuyến,4,Cần tài liệu in khổ lớn`,
    );
    const xlsx = await call(`/api/events/${survey.id}/answers.xlsx`, { headers: organiser.headers });
    expect(xlsx.headers.get("Content-Type")).toContain("spreadsheetml");
    const inspector = await signIn("inspector", tree.hanoi);
    expect((await call(`/api/events/${survey.id}/answers.csv`, { headers: inspector.headers })).status).toBe(
      403,
    );
    // Every running count, per event and per unit, is what the raw answers give (as db:verify checks).
    expect((await verifyAggregates(env.DB)).filter((r) => r.n > 0)).toEqual([]);
  });

  it("two open questions: each one's answers are grouped on their own, in the report and its export, from five responses", async ({
    expect,
  }) => {
    const survey = await needsSurvey({
      form: {
        title: "Góp ý sau hội nghị",
        questions: [
          question("text", "Chị cần thêm tài liệu gì?", { maxLength: 500 }),
          question("text", "Kiến nghị với Hội cấp trên", { maxLength: 500 }),
        ],
      },
    });
    const [needs, asks] = (await formOf(survey.code)).questions.map((x) => String(x.id));
    const reportOf = async () =>
      (await call(`/api/events/${survey.id}/report`, { headers: organiser.headers })).json<{
        questions: { id: number; n: number; groups?: { label: string; items: { text: string }[] }[] }[];
      }>();
    const wrote = [
      ["Cần thêm tài liệu hướng dẫn chuyển đổi số", "Tăng phụ cấp cho chi hội trưởng"],
      ["Tài liệu về chuyển đổi số cho hội viên", "Đề nghị tăng phụ cấp chi hội trưởng"],
      ["Sổ tay pháp luật về phòng chống bạo lực gia đình", ""],
      ["Tai lieu chuyen doi so", "Tăng kinh phí hoạt động cho chi hội"],
      ["", "Tổ chức thêm lớp tập huấn kỹ năng"],
    ];
    for (const [i, [a, b]] of wrote.entries()) {
      expect((await send(survey.code, { [needs ?? ""]: a, [asks ?? ""]: b })).status).toBe(201);
      // Below five responses nothing written is shown, grouped or not.
      if (i === 3) expect((await reportOf()).questions.every((x) => x.groups === undefined)).toBe(true);
    }
    const report = await reportOf();
    const texts = (id: string | undefined) =>
      report.questions
        .find((x) => String(x.id) === id)
        ?.groups?.flatMap((g) => g.items.map((item) => item.text))
        .sort();
    // Every answer in exactly one group of its own question, none of the other's.
    expect(texts(needs)).toEqual(
      wrote
        .map(([a]) => a ?? "")
        .filter((x) => x !== "")
        .sort(),
    );
    expect(texts(asks)).toEqual(
      wrote
        .map(([, b]) => b ?? "")
        .filter((x) => x !== "")
        .sort(),
    );
    const needsGroups = report.questions.find((x) => String(x.id) === needs)?.groups ?? [];
    // The three about digital documents, one typed without marks, are together.
    const unmarked = needsGroups.find((g) => g.items.some((item) => item.text === "Tai lieu chuyen doi so"));
    expect(unmarked?.items.map((item) => item.text)).toEqual(
      expect.arrayContaining([wrote[0]?.[0], wrote[1]?.[0]]),
    );
    const csv = await (
      await call(`/api/events/${survey.id}/report.csv`, { headers: organiser.headers })
    ).text();
    expect(csv).toContain("Chị cần thêm tài liệu gì?,n = 4");
    expect(csv).toContain("Kiến nghị với Hội cấp trên,n = 4");
    expect(csv).toContain(",Tai lieu chuyen doi so");
  });

  it("a chair without JavaScript ticks two boxes and picks her commune; a missing tick comes back with her choices kept", async ({
    expect,
  }) => {
    const survey = await needsSurvey();
    const q = ids(await formOf(survey.code));
    const page = await call(`/s/${survey.code}`);
    const cookie = page.headers
      .getSetCookie()
      .map((c) => c.split(";")[0])
      .join("; ");
    const clientId = (await page.text()).match(/name="clientId" value="([^"]+)"/)?.[1] ?? "";
    const post = (fields: [string, string][]) =>
      call(`/s/${survey.code}`, {
        method: "POST",
        headers: { "Content-Type": "application/x-www-form-urlencoded", Cookie: cookie },
        body: new URLSearchParams([["clientId", clientId], ["role", "trainee"], ...fields]),
        redirect: "manual",
      });
    const unit: [string, string] = [`a${q.unit}`, String(tree.bachMai.id)];
    const ticks: [string, string][] = [
      [`a${q.multi}`, "law"],
      [`a${q.multi}`, "digital"],
    ];
    // The form of choices forgotten: the page comes back with the boxes and the commune as she left them.
    const missing = await post([unit, ...ticks, [`a${q.rating}`, "5"]]);
    expect(missing.status).toBe(400);
    const again = await missing.text();
    expect(again).toContain(`name="a${q.multi}" value="law" checked`);
    expect(again).toContain(`name="a${q.multi}" value="digital" checked`);
    expect(again).toContain(`<option value="${tree.bachMai.id}" selected`);
    const sent = await post([unit, ...ticks, [`a${q.rating}`, "5"], [`a${q.choice}`, "direct"]]);
    expect(sent.status).toBe(303);
    const stored = await db()
      .selectFrom("answers")
      .innerJoin("responses", "responses.id", "answers.response_id")
      .select(["answers.question_id as questionId", "answers.value_num as num", "answers.value_text as text"])
      .where("responses.client_id", "=", clientId)
      .execute();
    expect(stored).toEqual(
      expect.arrayContaining([
        { questionId: Number(q.multi), num: null, text: '["digital","law"]' },
        { questionId: Number(q.unit), num: tree.bachMai.id, text: null },
      ]),
    );
  });

  it("bad answers are refused naming the answer and saying why, and nothing of them is stored", async ({
    expect,
  }) => {
    const survey = await needsSurvey();
    const q = ids(await formOf(survey.code));
    const good = { [q.unit]: tree.bachMai.id, [q.multi]: ["digital"], [q.choice]: "direct", [q.rating]: 3 };
    const cases: [Record<string, unknown>, string, string][] = [
      [{ [q.multi]: ["digital", "astrology"] }, q.multi, t("vi", "field.unknown_option")],
      [{ [q.multi]: ["law", "law"] }, q.multi, t("vi", "field.duplicate_choice")],
      [
        { [q.multi]: ["law", "digital", "skills", "finance"] },
        q.multi,
        t("vi", "field.too_many_choices", { max: 3 }),
      ],
      [{ [q.multi]: [] }, q.multi, t("vi", "field.required")],
      [{ [q.multi]: "digital" }, q.multi, t("vi", "field.type_array")],
      [{ [q.unit]: tree.phanDinhPhung.id }, q.unit, t("vi", "field.unknown_unit")],
      [{ [q.unit]: String(tree.bachMai.id) }, q.unit, t("vi", "field.type_integer")],
    ];
    for (const [change, field, message] of cases) {
      const res = await send(survey.code, { ...good, ...change });
      expect(res.status, JSON.stringify(change)).toBe(400);
      const body = await res.json<{ error: { fields: Record<string, string> } }>();
      expect(body.error.fields, JSON.stringify(change)).toEqual({ [`answers.${field}`]: message });
    }
    const stored = await db()
      .selectFrom("responses")
      .select((eb) => eb.fn.countAll<number>().as("n"))
      .where("event_id", "=", survey.id)
      .executeTakeFirstOrThrow();
    expect(stored.n).toBe(0);
    expect((await send(survey.code, good)).status).toBe(201);
  });

  it("a rating can name its own five points; the phone, the API and the report use them", async ({
    expect,
  }) => {
    const scale = ["Không cần", "Ít cần", "Cần", "Khá cần", "Rất cần"].map((labelVi, k) => ({
      value: String(k + 1),
      labelVi,
      labelEn: "",
    }));
    const survey = await needsSurvey({
      form: {
        title: "Phiếu",
        questions: [question("rating", "Mức độ cần thiết", { required: true, options: scale })],
      },
    });
    const form = await formOf(survey.code);
    expect(form.questions[0]?.options?.map((o) => o.label)).toEqual(scale.map((o) => o.labelVi));
    const page = await (await call(`/s/${survey.code}`)).text();
    expect(page).toContain("<b>5</b> Rất cần");
    expect(page).not.toContain("Rất hài lòng");
    const id = String(form.questions[0]?.id);
    for (let i = 0; i < 5; i++) expect((await send(survey.code, { [id]: 5 - (i % 2) })).status).toBe(201);
    const report = await (
      await call(`/api/events/${survey.id}/report`, { headers: organiser.headers })
    ).json<{
      questions: { options?: { label: string; count: number }[] }[];
    }>();
    expect(report.questions[0]?.options?.map((o) => [o.label, o.count])).toEqual([
      ["Không cần", 0],
      ["Ít cần", 0],
      ["Cần", 0],
      ["Khá cần", 2],
      ["Rất cần", 3],
    ]);
  });

  it("the editor is told what is wrong with a survey's form, naming the question", async ({ expect }) => {
    const refused = async (overrides: Record<string, unknown>) => {
      const now = Date.now();
      const res = await call("/api/events", {
        method: "POST",
        headers: { ...organiser.headers, "Content-Type": "application/json" },
        body: JSON.stringify({
          kind: "survey",
          title: "Khảo sát",
          unitId: tree.hanoi.id,
          startsAt: new Date(now).toISOString(),
          endsAt: new Date(now + 86400_000).toISOString(),
          expectedParticipants: 10,
          ...overrides,
        }),
      });
      expect(res.status).toBe(400);
      return Object.keys((await res.json<{ error: { fields: Record<string, unknown> } }>()).error.fields);
    };
    expect(await refused({})).toEqual(["form"]);
    const multi = (extra: Record<string, unknown>) => ({
      form: { title: "Phiếu", questions: [question("multi", "Nội dung", extra)] },
    });
    const two = [option("a", "A"), option("b", "B")];
    expect(await refused(multi({ options: [option("a", "A")] }))).toEqual(["form.questions.0.options"]);
    expect(await refused(multi({ options: [option("a", "A"), option("a", "B")] }))).toEqual([
      "form.questions.0.options",
    ]);
    expect(await refused(multi({ options: two, minChoices: 2, maxChoices: 1 }))).toEqual([
      "form.questions.0.maxChoices",
    ]);
    expect(await refused(multi({ options: two, minChoices: 3 }))).toEqual(["form.questions.0.minChoices"]);
    // A scale of four labels, or out of order, is named on the question.
    const rating = (options: unknown) => ({
      form: { title: "Phiếu", questions: [question("rating", "Mức độ", { options })] },
    });
    expect(await refused(rating(["1", "2", "3", "4"].map((v) => option(v, v))))).toEqual([
      "form.questions.0.options",
    ]);
  });
});

describe("paper sheets for members without a phone", () => {
  it("an organiser types in sheets: each serial counts once, again gives the same id, other answers are refused", async ({
    expect,
  }) => {
    const survey = await needsSurvey();
    const q = ids(await formOf(survey.code));
    const sheet = (serial: string, answers: Record<string, unknown>) =>
      call(`/api/events/${survey.id}/paper-responses`, {
        method: "POST",
        headers: { ...organiser.headers, "Content-Type": "application/json" },
        body: JSON.stringify({ sheet: serial, answers }),
      });
    const answers = (n: number) => ({
      [q.unit]: tree.bachMai.id,
      [q.multi]: ["digital"],
      [q.choice]: "direct",
      [q.rating]: n,
    });
    // Typed in a few seconds each, as a fast typist does: never set aside as too fast.
    const ids1: number[] = [];
    for (let i = 1; i <= 3; i++) {
      const res = await sheet(`${survey.code}-000${i}`, answers(3 + (i % 3)));
      expect(res.status).toBe(201);
      ids1.push((await res.json<{ id: number }>()).id);
    }
    const again = await sheet(`${survey.code.toLowerCase()}-0002`, answers(5));
    expect(again.status).toBe(200);
    expect((await again.json<{ id: number }>()).id).toBe(ids1[1]);
    const other = await sheet(`${survey.code}-0002`, answers(1));
    expect(other.status).toBe(422);
    expect(Object.keys((await other.json<{ error: { fields: object } }>()).error.fields)).toEqual(["sheet"]);
    for (const bad of ["0004", `${survey.code}-4`, `ABCDEF-0004`, `${survey.code}_0004`]) {
      const res = await sheet(bad, answers(4));
      expect(res.status, bad).toBe(400);
      expect(Object.keys((await res.json<{ error: { fields: object } }>()).error.fields), bad).toEqual([
        "sheet",
      ]);
    }
    // A bad answer on paper is refused like a phone's, naming it.
    const wrong = await sheet(`${survey.code}-0005`, { ...answers(4), [q.multi]: ["digital", "digital"] });
    expect(wrong.status).toBe(400);
    const detail = await (await call(`/api/events/${survey.id}`, { headers: organiser.headers })).json<{
      responses: number;
      tooFast: number;
      onPaper: number;
    }>();
    expect(detail).toMatchObject({ responses: 3, tooFast: 0, onPaper: 3 });
    const stored = await db()
      .selectFrom("responses")
      .select(["entered_by as enteredBy"])
      .where("event_id", "=", survey.id)
      .execute();
    expect(stored).toHaveLength(3);
    expect(new Set(stored.map((r) => r.enteredBy)).size).toBe(1);
    expect(stored[0]?.enteredBy).not.toBeNull();
    const audit = await db()
      .selectFrom("audit_log")
      .select(["action", "target"])
      .where("action", "=", "paper_entry")
      .where("target", "=", `${survey.code}-0001`)
      .execute();
    expect(audit).toHaveLength(1);
  });

  it("a closed survey takes no more sheets, and a leader cannot type them in", async ({ expect }) => {
    const survey = await needsSurvey();
    const q = ids(await formOf(survey.code));
    const leader = await signIn("leader", tree.hanoi);
    const body = JSON.stringify({
      sheet: `${survey.code}-0001`,
      answers: { [q.unit]: tree.bachMai.id, [q.multi]: ["law"], [q.choice]: "online", [q.rating]: 4 },
    });
    const post = (headers: Record<string, string>) =>
      call(`/api/events/${survey.id}/paper-responses`, {
        method: "POST",
        headers: { ...headers, "Content-Type": "application/json" },
        body,
      });
    expect((await post(leader.headers)).status).toBe(403);
    await call(`/api/events/${survey.id}/close`, { method: "POST", headers: organiser.headers });
    expect((await post(organiser.headers)).status).toBe(410);
  });
});

/** Hà Nội's needs form saved as a template, as an organiser saves it. */
async function needsTemplate(): Promise<{ id: number }> {
  const res = await call("/api/templates", {
    method: "POST",
    headers: { ...organiser.headers, "Content-Type": "application/json" },
    body: JSON.stringify({ unitId: tree.hanoi.id, ...NEEDS_FORM, title: unique("Mẫu nhu cầu ") }),
  });
  return res.json();
}

describe("paper serials go on", () => {
  it("after 7 sheets typed in and 10 printed, the next batch starts at 0011 and the next sheet to type is 0008", async ({
    expect,
  }) => {
    const survey = await needsSurvey();
    const q = ids(await formOf(survey.code));
    const detail = async () =>
      (
        await (
          await call(`/api/events/${survey.id}`, { headers: organiser.headers })
        ).json<{
          paper: { nextToType: number; nextToPrint: number };
        }>()
      ).paper;
    expect(await detail()).toEqual({ nextToType: 1, nextToPrint: 1 });
    const printed = (body: unknown) =>
      call(`/api/events/${survey.id}/paper-printed`, {
        method: "POST",
        headers: { ...organiser.headers, "Content-Type": "application/json" },
        body: JSON.stringify(body),
      });
    expect((await printed({ from: 1, count: 10 })).status).toBe(200);
    // Typed in out of order, as sheets come back: the highest serial counts, not how many.
    for (const n of [1, 2, 3, 7]) {
      const res = await call(`/api/events/${survey.id}/paper-responses`, {
        method: "POST",
        headers: { ...organiser.headers, "Content-Type": "application/json" },
        body: JSON.stringify({
          sheet: `${survey.code}-000${n}`,
          answers: { [q.unit]: tree.bachMai.id, [q.multi]: ["digital"], [q.choice]: "direct", [q.rating]: 4 },
        }),
      });
      expect(res.status).toBe(201);
    }
    expect(await detail()).toEqual({ nextToType: 8, nextToPrint: 11 });
    // Printing an earlier batch again never moves the start back.
    expect((await printed({ from: 1, count: 5 })).status).toBe(200);
    expect(await detail()).toEqual({ nextToType: 8, nextToPrint: 11 });
    for (const [body, field] of [
      [{ from: 0, count: 5 }, "from"],
      [{ from: 1, count: 201 }, "count"],
      [{ from: 10_000, count: 1 }, "from"],
      [{ from: "1", count: 1 }, "from"],
    ] as const) {
      const res = await printed(body);
      expect(res.status).toBe(400);
      expect(Object.keys((await res.json<{ error: { fields: object } }>()).error.fields)).toContain(field);
    }
    expect(await detail()).toEqual({ nextToType: 8, nextToPrint: 11 });
  });
});

describe("needs across the hierarchy", () => {
  it("a leader sees what the communes' surveys from one template ask for most, each survey only from five answers", async ({
    expect,
  }) => {
    const template = await needsTemplate();
    const [bachMai, socSon] = communes;
    const fromTemplate = (unit: { id: number } | undefined) =>
      createClass(organiser, unit ?? tree.hanoi, {
        kind: "survey",
        title: "Khảo sát nhu cầu của xã",
        expectedParticipants: 20,
        form: NEEDS_FORM,
        templateId: template.id,
      });
    const answerAll = async (
      survey: { code: string },
      unit: number,
      n: number,
      topics: (i: number) => string[],
    ) => {
      const q = ids(await formOf(survey.code));
      for (let i = 0; i < n; i++) {
        const res = await send(survey.code, {
          [q.unit]: unit,
          [q.multi]: topics(i),
          [q.choice]: "direct",
          [q.rating]: 4,
        });
        expect(res.status).toBe(201);
      }
    };
    await answerAll(await fromTemplate(bachMai), bachMai?.id ?? 0, 5, (i) =>
      i < 2 ? ["digital", "law"] : ["digital"],
    );
    await answerAll(await fromTemplate(socSon), socSon?.id ?? 0, 6, () => ["skills"]);
    // Three answers are too few: this survey is left out of every sum.
    await answerAll(await fromTemplate(bachMai), bachMai?.id ?? 0, 3, () => ["finance"]);
    const leader = await signIn("leader", tree.hanoi);
    const needs = await (
      await call(`/api/units/${tree.hanoi.id}/needs?template=${template.id}`, { headers: leader.headers })
    ).json<{
      templates: { id: number; surveys: number }[];
      questions: { type: string; n: number; options: { value: string; count: number }[] }[];
    }>();
    expect(needs.templates.find((t) => t.id === template.id)?.surveys).toBe(2);
    const multi = needs.questions.find((q) => q.type === "multi");
    expect(multi?.n).toBe(11);
    expect(multi?.options.map((o) => [o.value, o.count])).toEqual([
      ["skills", 6],
      ["digital", 5],
      ["law", 2],
      ["finance", 0],
    ]);
    // A commune's page adds up its own surveys only.
    const own = await (
      await call(`/api/units/${bachMai?.id}/needs?template=${template.id}`, { headers: organiser.headers })
    ).json<{ questions: { type: string; n: number }[] }>();
    expect(own.questions.find((q) => q.type === "multi")?.n).toBe(5);
    // Another province's leader does not see Hà Nội's.
    const elsewhere = await signIn("leader", tree.thaiNguyen);
    expect((await call(`/api/units/${tree.hanoi.id}/needs`, { headers: elsewhere.headers })).status).toBe(
      404,
    );
  });

  it("a survey that names a template but asks other questions is not added up with it", async ({
    expect,
  }) => {
    const template = await needsTemplate();
    // The same questions with one option dropped: a different shape.
    const reshaped = {
      ...NEEDS_FORM,
      questions: NEEDS_FORM.questions.map((x) =>
        x.type === "multi"
          ? {
              ...x,
              options: [option("skills", "Kỹ năng"), option("law", "Pháp luật")],
              minChoices: 1,
              maxChoices: 2,
            }
          : x,
      ),
    };
    const created = await call("/api/events", {
      method: "POST",
      headers: { ...organiser.headers, "Content-Type": "application/json" },
      body: JSON.stringify({
        kind: "survey",
        title: "Khảo sát khác",
        unitId: tree.hanoi.id,
        startsAt: new Date(Date.now() - 3600_000).toISOString(),
        endsAt: new Date(Date.now() + 3600_000).toISOString(),
        expectedParticipants: 20,
        form: reshaped,
        templateId: template.id,
      }),
    });
    expect(created.status).toBe(201);
    const survey = await created.json<{ id: number; code: string; templateId: number | null }>();
    expect(survey.templateId).toBeNull();
    const q = ids(await formOf(survey.code));
    for (let i = 0; i < 5; i++) {
      const res = await send(survey.code, {
        [q.unit]: communes[0]?.id,
        [q.multi]: ["law"],
        [q.choice]: "direct",
        [q.rating]: 4,
      });
      expect(res.status).toBe(201);
    }
    const needs = await (
      await call(`/api/units/${tree.hanoi.id}/needs`, { headers: organiser.headers })
    ).json<{ templates: { id: number }[] }>();
    expect(needs.templates.find((t) => t.id === template.id)).toBeUndefined();
    expect(
      (
        await call(`/api/units/${tree.hanoi.id}/needs?template=${template.id}`, {
          headers: organiser.headers,
        })
      ).status,
    ).toBe(404);
  });
});
