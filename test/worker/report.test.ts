// The class report: aggregates kept by each submission, the 5-response threshold, and the CSV export.
import { beforeAll, describe, it } from "vitest";
import { answersFor, call, createClass, createTree, createUnit, db, signIn, submit } from "./helpers";

let staff: Awaited<ReturnType<typeof signIn>>;
let tree: Awaited<ReturnType<typeof createTree>>;
beforeAll(async () => {
  tree = await createTree();
  staff = await signIn("organiser", tree.hanoi);
});

interface ReportBody {
  responses: number;
  expected: number;
  responseRate: number;
  overall: number | null;
  criteria: {
    id: string;
    label: string;
    mean: number | null;
    n: number | null;
    distribution: Record<string, number> | null;
  }[];
  comments: { id: number; text: string }[] | null;
  lecturers: {
    responses: number;
    overall: number | null;
    criteria: { id: string; mean: number | null; n: number | null }[];
    comments: { id: number; text: string }[] | null;
    detailHidden: boolean;
  } | null;
}

const report = async (id: number) =>
  (await call(`/api/events/${id}/report`, { headers: staff.headers })).json<ReportBody>();

describe("class report", () => {
  it("with four responses says how many answered and nothing else: no mean, distribution or recommendation", async ({
    expect,
  }) => {
    const { id, code } = await createClass(staff, tree.bachMai, { expectedParticipants: 8 });
    for (let i = 0; i < 4; i++) {
      await submit(code, {
        clientId: `four-client-${i}000`,
        role: "trainee",
        answers: await answersFor(code, 4, `Ý kiến ${i}`),
      });
    }
    const r = await report(id);
    expect(r.responses).toBe(4);
    expect(r.responseRate).toBe(0.5);
    expect(r.criteria[0]).toMatchObject({ id: "content", mean: null, n: null, distribution: null });
    expect(r.overall).toBeNull();
    expect(r.comments).toBeNull();
    const csv = await (await call(`/api/events/${id}/report.csv`, { headers: staff.headers })).text();
    expect(csv).not.toContain("Ý kiến 0");
  });

  it("the fifth response reveals distribution and recommendations, with means from the running aggregates", async ({
    expect,
  }) => {
    const { id, code } = await createClass(staff, tree.bachMai, { expectedParticipants: 10 });
    const ratings = [5, 4, 4, 3, 5];
    for (const [i, rating] of ratings.entries()) {
      await submit(code, {
        clientId: `five-client-${i}000`,
        role: "trainee",
        answers: await answersFor(code, rating, i === 0 ? "" : `Đề nghị số ${i}`),
      });
    }
    const r = await report(id);
    expect(r.responses).toBe(5);
    expect(r.criteria).toHaveLength(6);
    expect(r.criteria[0]).toMatchObject({
      id: "content",
      label: "Nội dung bài giảng",
      mean: 4.2,
      n: 5,
      distribution: { "1": 0, "2": 0, "3": 1, "4": 2, "5": 2 },
    });
    expect(r.overall).toBe(4.2);
    expect(r.comments?.map((c) => c.text)).toEqual([
      "Đề nghị số 1",
      "Đề nghị số 2",
      "Đề nghị số 3",
      "Đề nghị số 4",
    ]);
  });

  it("aggregates equal a recount from the raw answers after many submissions", async ({ expect }) => {
    const { id, code } = await createClass(staff, tree.bachMai);
    const form = await answersFor(code, 1);
    const qids = Object.keys(form);
    let seed = 7;
    const rand = () => {
      seed = (seed * 1103515245 + 12345) % 2147483648;
      return seed / 2147483648;
    };
    let lecturers = 0;
    for (let i = 0; i < 25; i++) {
      const answers = Object.fromEntries(qids.map((q) => [q, 1 + Math.floor(rand() * 5)]));
      const role = rand() < 0.2 ? "lecturer" : "trainee";
      if (role === "lecturer") lecturers++;
      await submit(code, { clientId: `rand-client-${i}00`, role, answers });
      if (rand() < 0.3) await submit(code, { clientId: `rand-client-${i}00`, role, answers }); // retries
    }
    const recount = await db()
      .selectFrom("answers as a")
      .innerJoin("responses as r", "r.id", "a.response_id")
      .select(({ fn }) => ["a.question_id", "r.role", "a.value_num", fn.countAll<number>().as("n")])
      .where("r.event_id", "=", id)
      .groupBy(["a.question_id", "r.role", "a.value_num"])
      .execute();
    const kept = await db().selectFrom("answer_counts").selectAll().where("event_id", "=", id).execute();
    const key = (q: number, role: string, v: string) => `${q}/${role}/${v}`;
    expect(new Map(kept.map((k) => [key(k.question_id, k.role, k.value), k.n]))).toEqual(
      new Map(recount.map((r) => [key(r.question_id, r.role, String(r.value_num)), Number(r.n)])),
    );
    expect(lecturers).toBeGreaterThan(0);
    const r = await report(id);
    expect([r.responses, r.lecturers?.responses]).toEqual([25 - lecturers, lecturers]);
  });

  it("exports CSV with a BOM, Vietnamese intact and formulas neutralised", async ({ expect }) => {
    const { id, code } = await createClass(staff, tree.bachMai);
    const texts = ["=SUM(A1:A9)", "+84 912 345 678", "-giảm lý thuyết", "@admin", "Tăng thời gian thực hành"];
    for (const [i, text] of texts.entries()) {
      await submit(code, {
        clientId: `csv-client-${i}0000`,
        role: "trainee",
        answers: await answersFor(code, 5, text),
      });
    }
    const res = await call(`/api/events/${id}/report.csv`, { headers: staff.headers });
    expect(res.headers.get("Content-Type")).toMatch(/text\/csv; charset=utf-8/);
    const bytes = new Uint8Array(await res.arrayBuffer());
    expect([...bytes.slice(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const csv = new TextDecoder().decode(bytes);
    expect(csv).toContain("'=SUM(A1:A9)");
    expect(csv).toContain("'+84 912 345 678");
    expect(csv).toContain("'-giảm lý thuyết");
    expect(csv).toContain("'@admin");
    expect(csv).toContain("Tăng thời gian thực hành");
    expect(csv).toContain("Nội dung bài giảng,5,5,0,0,0,0,5");
  });
});

describe("one rounding rule on every screen", () => {
  it("a class's overall is the same on its report and on the dashboards: the unrounded criterion means, rounded once", async ({
    expect,
  }) => {
    const unit = await createUnit("Hội LHPN phường Thanh Nhàn", "commune", tree.hanoi);
    const cls = await createClass(staff, unit);
    const form = await (await call(`/api/public/events/${cls.code}`)).json<{
      questions: { id: number; type: string; label: string }[];
    }>();
    const ratings = form.questions.filter((q) => q.type === "rating");
    // Criterion sums over 6 responses: 18, 18, 18, 18, 19, 24 → means 3, 3, 3, 3, 3.1667, 4.
    // Their mean is 3.194 (3.19); rounding each mean first would give 3.20.
    for (let i = 0; i < 6; i++) {
      const answers: Record<string, number> = {};
      ratings.forEach((q, k) => {
        answers[q.id] = k === 5 ? 4 : k === 4 && i === 0 ? 4 : 3;
      });
      const res = await submit(cls.code, {
        clientId: `round-${cls.id}-${i}-client`,
        role: "trainee",
        answers,
        elapsedMs: 60_000,
      });
      expect(res.status).toBe(201);
    }
    const onReport = (await report(cls.id)).overall;
    const scores = await (await call(`/api/units/${unit.id}/scores`, { headers: staff.headers })).json<{
      classes: { id: number; overall: number }[];
      total: { overall: number };
    }>();
    expect(onReport).toBe(3.19);
    expect(scores.classes.find((k) => k.id === cls.id)?.overall).toBe(onReport);
    expect(scores.total.overall).toBe(onReport);
  });
});

describe("trainees' scores are the trainees'", () => {
  it("a class of 6 trainees and 5 lecturers: the report, its comments, the dashboard and the export give the trainees' scores, the lecturers' beside them with their own n", async ({
    expect,
  }) => {
    const unit = await createUnit("Hội LHPN phường Quỳnh Mai", "commune", tree.hanoi);
    const cls = await createClass(staff, unit, { expectedParticipants: 10 });
    for (let i = 0; i < 6; i++) {
      const res = await submit(cls.code, {
        clientId: `roles-${cls.id}-t${i}-client`,
        role: "trainee",
        answers: await answersFor(cls.code, 4, `Học viên ý kiến ${i}`),
        elapsedMs: 60_000,
      });
      expect(res.status).toBe(201);
    }
    for (let i = 0; i < 5; i++) {
      const res = await submit(cls.code, {
        clientId: `roles-${cls.id}-l${i}-client`,
        role: "lecturer",
        answers: await answersFor(cls.code, 2, `Giảng viên ý kiến ${i}`),
        elapsedMs: 60_000,
      });
      expect(res.status).toBe(201);
    }
    const r = await report(cls.id);
    expect([r.responses, r.responseRate, r.overall]).toEqual([6, 0.6, 4]);
    expect(r.criteria.every((c) => c.mean === 4 && c.n === 6)).toBe(true);
    expect(r.comments?.map((c) => c.text).sort()).toEqual(
      [0, 1, 2, 3, 4, 5].map((i) => `Học viên ý kiến ${i}`),
    );
    expect(r.lecturers).toMatchObject({ responses: 5, overall: 2, detailHidden: false });
    expect(r.lecturers?.criteria.every((c) => c.mean === 2 && c.n === 5)).toBe(true);
    expect(r.lecturers?.comments).toHaveLength(5);

    const scores = await (await call(`/api/units/${unit.id}/scores`, { headers: staff.headers })).json<{
      classes: { id: number; responses: number; overall: number }[];
      total: { responses: number; overall: number };
    }>();
    expect(scores.classes.find((k) => k.id === cls.id)).toMatchObject({ responses: 6, overall: 4 });
    expect(scores.total).toMatchObject({ responses: 6, overall: 4 });

    const csv = await (await call(`/api/events/${cls.id}/report.csv`, { headers: staff.headers })).text();
    expect(csv).toContain("Học viên trả lời,6");
    expect(csv).toContain("Ý kiến giảng viên (tính riêng),5");
    expect(csv).toContain("Giảng viên ý kiến 4");

    const groups = await (await call(`/api/events/${cls.id}/groups`, { headers: staff.headers })).json<{
      groups: { items: { text: string }[] }[];
    }>();
    expect(groups.groups.flatMap((g) => g.items.map((i) => i.text)).sort()).toEqual(
      [0, 1, 2, 3, 4, 5].map((i) => `Học viên ý kiến ${i}`),
    );
  });
});
