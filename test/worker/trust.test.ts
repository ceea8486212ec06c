// Trust: abuse limits, too-fast responses, sign-in throttling, the audit log, export and deletion, headers.
import { env } from "cloudflare:workers";
import { strFromU8, unzipSync } from "fflate";
import { beforeAll, describe, it } from "vitest";
import { verifyAggregates } from "../../worker/db/stats";
import { signed } from "../../worker/domain/crypto";
import {
  ADDRESS_LOCK_AFTER,
  EMAIL_LOCK_AFTER,
  LOCK_AFTER,
  PROPOSALS_PER_PHONE,
  RESPONSES_PER_PHONE,
} from "../../worker/domain/limits";
import { PHONE_CSS, PHONE_CSS_HASH } from "../../worker/phone/styles";
import {
  answersFor,
  asOnlyRootAdmins,
  call,
  createClass,
  createTree,
  createUnit,
  createWorkshop,
  db,
  ORIGIN,
  openPhone,
  postJson,
  signIn,
  submit,
  unique,
} from "./helpers";

let tree: Awaited<ReturnType<typeof createTree>>;
let organiser: Awaited<ReturnType<typeof signIn>>;
let admin: Awaited<ReturnType<typeof signIn>>;
beforeAll(async () => {
  tree = await createTree();
  organiser = await signIn("organiser", tree.hanoi);
  admin = await signIn("admin", tree.central);
});

/** A phone with its own signed id, on a network of its own unless one is given. */
const phone = (code: string, address = unique("10.0.")) => openPhone(code, address);
const body = async (code: string, rating = 4, extra: Record<string, unknown> = {}) => ({
  clientId: unique("client-"),
  role: "trainee",
  answers: await answersFor(code, rating),
  ...extra,
});
const countRows = async (table: "responses" | "proposals" | "audit_log", eventId: number) =>
  Number(
    (
      await db()
        .selectFrom(table)
        .select((eb) => eb.fn.countAll<number>().as("n"))
        .where("event_id", "=", eventId)
        .executeTakeFirstOrThrow()
    ).n,
  );

/** A class's questions as the public API gives them. */
const publicFormOf = async (code: string) =>
  (await (await call(`/api/public/events/${code}`)).json<{ questions: { id: number; type: string }[] }>())
    .questions;

const newWorkshop = () => createWorkshop(organiser, tree.bachMai);

describe("abuse limits", () => {
  it(`one phone sends at most ${RESPONSES_PER_PHONE} responses to a class, and is told why; its retries still get their confirmation`, async ({
    expect,
  }) => {
    const cls = await createClass(organiser, tree.bachMai);
    const shared = await phone(cls.code, "10.1.1.1");
    const first = await body(cls.code);
    expect((await submit(cls.code, first, shared)).status).toBe(201);
    for (let i = 1; i < RESPONSES_PER_PHONE; i++) {
      expect((await submit(cls.code, await body(cls.code), shared)).status).toBe(201);
    }
    const limited = await submit(cls.code, await body(cls.code), { ...shared, "Accept-Language": "vi" });
    expect(limited.status).toBe(429);
    const err = await limited.json<{ error: { code: string; message: string } }>();
    expect(err.error.code).toBe("limit_phone_responses");
    expect(err.error.message).toMatch(/mượn một điện thoại khác/);
    // A retry of an answer already stored is not a new one: still 200.
    expect((await submit(cls.code, first, shared)).status).toBe(200);
    // Another phone in the same hall is not affected.
    expect((await submit(cls.code, await body(cls.code), await phone(cls.code, "10.1.1.1"))).status).toBe(
      201,
    );
    expect(await countRows("responses", cls.id)).toBe(RESPONSES_PER_PHONE + 1);
  });

  it("the plain form post tells a limited phone the same, with a 429 page", async ({ expect }) => {
    const cls = await createClass(organiser, tree.bachMai);
    const shared = await phone(cls.code);
    for (let i = 0; i < RESPONSES_PER_PHONE; i++) {
      expect((await submit(cls.code, await body(cls.code), shared)).status).toBe(201);
    }
    const form = new URLSearchParams({ clientId: unique("form-client-"), role: "trainee" });
    for (const [id, v] of Object.entries(await answersFor(cls.code, 5))) form.set(`a${id}`, String(v));
    const res = await call(`/s/${cls.code}`, {
      method: "POST",
      headers: { "Content-Type": "application/x-www-form-urlencoded", ...shared },
      body: form,
    });
    expect(res.status).toBe(429);
    expect(await res.text()).toContain("Điện thoại này đã gửi 5 phiếu cho lớp này");
  });

  it(`one phone sends at most ${PROPOSALS_PER_PHONE} proposals to a workshop`, async ({ expect }) => {
    const ws = await newWorkshop();
    const shared = await phone(ws.code);
    for (let i = 0; i < PROPOSALS_PER_PHONE; i++) {
      const res = await postJson(
        `/api/public/events/${ws.code}/proposals`,
        { clientId: unique("p-"), text: `Đề xuất số ${i + 1} về tập huấn chuyển đổi số cho hội viên` },
        shared,
      );
      expect(res.status).toBe(201);
    }
    const res = await postJson(
      `/api/public/events/${ws.code}/proposals`,
      { clientId: unique("p-"), text: "Một đề xuất nữa" },
      { ...shared, "Accept-Language": "en" },
    );
    expect(res.status).toBe(429);
    expect((await res.json<{ error: { message: string } }>()).error.message).toMatch(/10 proposals/);
    expect(await countRows("proposals", ws.id)).toBe(PROPOSALS_PER_PHONE);
  });

  it("the plain support button of one workshop cannot support a proposal of another", async ({ expect }) => {
    const a = await newWorkshop();
    const b = await newWorkshop();
    const res = await postJson(`/api/public/events/${b.code}/proposals`, {
      clientId: unique("p-"),
      text: "Đề xuất của hội nghị khác",
    });
    const pid = (await res.json<{ id: number }>()).id;
    await call(`/s/${a.code}/supports/${pid}`, {
      method: "POST",
      headers: { "Content-Type": "application/x-www-form-urlencoded" },
      body: "",
    });
    const row = await db()
      .selectFrom("proposals")
      .select("support_count")
      .where("id", "=", pid)
      .executeTakeFirst();
    expect(row?.support_count).toBe(0);
    await call(`/s/${b.code}/supports/${pid}`, {
      method: "POST",
      headers: { "Content-Type": "application/x-www-form-urlencoded" },
      body: "",
    });
    const after = await db()
      .selectFrom("proposals")
      .select("support_count")
      .where("id", "=", pid)
      .executeTakeFirst();
    expect(after?.support_count).toBe(1);
  });

  it("a phone opening the survey page gets its own id cookie, HttpOnly and SameSite=Lax", async ({
    expect,
  }) => {
    const cls = await createClass(organiser, tree.bachMai);
    const res = await call(`/s/${cls.code}`);
    const cookie = res.headers.getSetCookie().find((c) => c.startsWith("gy_device="));
    expect(cookie).toMatch(/HttpOnly/);
    expect(cookie).toMatch(/SameSite=Lax/);
    expect(cookie).toMatch(/Secure/);
  });
});

describe("one counting rule for written answers", () => {
  it("a too-fast response's comment is neither counted nor listed: 'N người viết' is the list's length", async ({
    expect,
  }) => {
    const cls = await createClass(organiser, tree.bachMai);
    for (let i = 0; i < 5; i++) {
      const answers = await answersFor(cls.code, 4, `Cần thêm giờ thực hành, lần ${i + 1}`);
      const res = await submit(cls.code, {
        clientId: unique("client-"),
        role: "trainee",
        answers,
        elapsedMs: 45_000,
      });
      expect(res.status).toBe(201);
    }
    const fastAnswers = await answersFor(cls.code, 1, "Viết vội trong 3 giây");
    const fast = await submit(cls.code, {
      clientId: unique("client-"),
      role: "trainee",
      answers: fastAnswers,
      elapsedMs: 3000,
    });
    expect(fast.status).toBe(201);
    const report = await (await call(`/api/events/${cls.id}/report`, { headers: organiser.headers })).json<{
      comments: { text: string }[];
      questions: { type: string; n: number | null }[];
    }>();
    const wrote = report.questions.find((q) => q.type === "text")?.n;
    expect(wrote).toBe(5);
    expect(report.comments.length).toBe(wrote);
    expect(report.comments.map((c) => c.text)).not.toContain("Viết vội trong 3 giây");
  });
});

describe("responses completed implausibly fast", () => {
  it("are stored and flagged but left out of the report and every aggregate", async ({ expect }) => {
    const unit = await createUnit("Hội LHPN phường Kim Liên", "commune", tree.hanoi);
    const cls = await createClass(organiser, unit);
    for (let i = 0; i < 5; i++) {
      expect((await submit(cls.code, await body(cls.code, 4, { elapsedMs: 45_000 }))).status).toBe(201);
    }
    // Six ratings in 3 seconds: nobody read them.
    const fast = await submit(cls.code, await body(cls.code, 1, { elapsedMs: 3000 }));
    expect(fast.status).toBe(201);
    expect(await countRows("responses", cls.id)).toBe(6);
    const report = await (await call(`/api/events/${cls.id}/report`, { headers: organiser.headers })).json<{
      responses: number;
      overall: number;
      event: { tooFast: number };
    }>();
    expect(report.responses).toBe(5);
    expect(report.overall).toBe(4);
    expect(report.event.tooFast).toBe(1);
    const flagged = await db()
      .selectFrom("responses")
      .select(["too_fast", "elapsed_ms"])
      .where("event_id", "=", cls.id)
      .where("too_fast", "=", 1)
      .execute();
    expect(flagged).toEqual([{ too_fast: 1, elapsed_ms: 3000 }]);
    const scores = await (await call(`/api/units/${unit.id}/scores`, { headers: organiser.headers })).json<{
      total: { responses: number; overall: number };
    }>();
    expect(scores.total.responses).toBe(5);
    expect(scores.total.overall).toBe(4);
    expect((await verifyAggregates(env.DB)).filter((d) => d.n !== 0)).toEqual([]);
  });
});

describe("staff sign-in", () => {
  it(`is slowed after failures and locked after ${LOCK_AFTER}, for known and unknown emails alike`, async ({
    expect,
  }) => {
    const user = await signIn("leader", tree.hanoi);
    const unknown = `${unique("nobody")}@gopy.test`;
    const answers: string[] = [];
    for (let i = 0; i < LOCK_AFTER; i++) {
      for (const email of [user.email, unknown]) {
        const res = await postJson(
          "/api/auth/login",
          { email, password: "sai-mat-khau" },
          { Origin: ORIGIN },
        );
        expect(res.status).toBe(401);
        answers.push(await res.text());
      }
    }
    // The wrong password and the unknown email got the same words every time.
    expect(new Set(answers).size).toBe(1);
    for (const email of [user.email, unknown]) {
      const res = await postJson(
        "/api/auth/login",
        { email, password: email === user.email ? user.password : "x" },
        { Origin: ORIGIN, "Accept-Language": "en" },
      );
      expect(res.status).toBe(429);
      expect(Number(res.headers.get("Retry-After"))).toBeGreaterThan(800);
      expect((await res.json<{ error: { code: string } }>()).error.code).toBe("login_locked");
    }
  }, 30_000);

  it("a correct password after a few failures signs in and forgets them", async ({ expect }) => {
    const user = await signIn("leader", tree.hanoi);
    for (let i = 0; i < 2; i++) {
      await postJson("/api/auth/login", { email: user.email, password: "sai" }, { Origin: ORIGIN });
    }
    const ok = await postJson(
      "/api/auth/login",
      { email: user.email.toUpperCase(), password: user.password },
      { Origin: ORIGIN },
    );
    expect(ok.status).toBe(200);
    const left = await db()
      .selectFrom("sign_in_failures")
      .selectAll()
      .where((eb) => eb.or([eb("key", "=", `e:${user.email}`), eb("key", "like", `p:${user.email}|%`)]))
      .execute();
    expect(left).toEqual([]);
  });

  it("stores only a PBKDF2-SHA256 hash with its own salt and 100,000 iterations, and session token hashes", async ({
    expect,
  }) => {
    const a = await signIn("leader", tree.hanoi);
    const b = await signIn("leader", tree.hanoi);
    const rows = await db()
      .selectFrom("users")
      .select("password_hash")
      .where("email", "in", [a.email, b.email])
      .execute();
    const [ha, hb] = rows.map((r) => r.password_hash.split("$"));
    expect(ha?.slice(0, 2)).toEqual(["pbkdf2-sha256", "100000"]);
    expect(ha?.[2]).not.toBe(hb?.[2]);
    const token = a.headers.Cookie.split("=")[1] ?? "";
    expect(token.length).toBeGreaterThanOrEqual(43);
    const stored = await db().selectFrom("sessions").select("token_hash").execute();
    expect(stored.some((s) => s.token_hash === token)).toBe(false);
    expect(stored.every((s) => /^[0-9a-f]{64}$/.test(s.token_hash))).toBe(true);
  });
});

describe("the audit log", () => {
  it("records who did what to which event, and only admins read it", async ({ expect }) => {
    const cls = await createClass(organiser, tree.bachMai);
    await call(`/api/events/${cls.id}/close`, { method: "POST", headers: organiser.headers });
    await call(`/api/events/${cls.id}/report.csv`, { headers: organiser.headers });
    const res = await call(`/api/audit?event=${cls.id}`, { headers: admin.headers });
    expect(res.status).toBe(200);
    const { items: entries, total } = await res.json<{
      items: { userEmail: string; action: string; eventId: number; eventCode: string; at: string }[];
      total: number;
    }>();
    expect(total).toBe(3);
    expect(entries.map((e) => e.action)).toEqual(["report_csv", "event_close", "event_create"]);
    expect(entries.every((e) => e.userEmail === organiser.email && e.eventCode === cls.code)).toBe(true);
    expect((await call("/api/audit", { headers: organiser.headers })).status).toBe(403);
    expect((await call("/api/audit?limit=9999", { headers: admin.headers })).status).toBe(400);
  });

  it("the admin finds one person's closings of the day, a page at a time with the total", async ({
    expect,
  }) => {
    const person = await signIn("organiser", tree.bachMai);
    const personId = (
      await db().selectFrom("users").select("id").where("email", "=", person.email).executeTakeFirstOrThrow()
    ).id;
    for (let i = 0; i < 3; i++) {
      const cls = await createClass(person, tree.bachMai);
      await call(`/api/events/${cls.id}/close`, { method: "POST", headers: person.headers });
    }
    const today = new Date(Date.now() + 7 * 3600_000).toISOString().slice(0, 10);
    const filter = `user=${personId}&action=${"event_close"}&from=${today}&to=${today}`;
    type Page = {
      items: { id: number; action: string; userName: string }[];
      total: number;
      next: number | null;
    };
    const first = await (await call(`/api/audit?${filter}&limit=2`, { headers: admin.headers })).json<Page>();
    expect(first.total).toBe(3);
    expect(first.items).toHaveLength(2);
    expect(first.items.every((e) => e.action === "event_close")).toBe(true);
    const second = await (
      await call(`/api/audit?${filter}&limit=2&cursor=${first.next}`, { headers: admin.headers })
    ).json<Page>();
    expect(second.items).toHaveLength(1);
    expect(second.next).toBeNull();
    // Yesterday holds none of them.
    const yesterday = new Date(Date.now() + 7 * 3600_000 - 86400_000).toISOString().slice(0, 10);
    const none = await (
      await call(`/api/audit?user=${personId}&from=${yesterday}&to=${yesterday}`, { headers: admin.headers })
    ).json<Page>();
    expect(none.total).toBe(0);
  });
});

describe("an organiser exports or deletes an event's data", () => {
  it("exports every response of a class from 5 responses up, and none below", async ({ expect }) => {
    const cls = await createClass(organiser, tree.bachMai);
    for (let i = 0; i < 4; i++) await submit(cls.code, await body(cls.code));
    const exportOf = async () =>
      (await call(`/api/events/${cls.id}/export.json`, { headers: organiser.headers })).json<{
        responseCount: number;
        responses: { answers: Record<string, number> }[] | null;
      }>();
    expect(await exportOf()).toMatchObject({ responseCount: 4, responses: null });
    await submit(cls.code, await body(cls.code, 2));
    const full = await exportOf();
    expect(full.responses?.length).toBe(5);
    expect(full.responses?.some((r) => Object.values(r.answers).includes(2))).toBe(true);
    const inspector = await signIn("inspector", tree.hanoi);
    expect((await call(`/api/events/${cls.id}/export.json`, { headers: inspector.headers })).status).toBe(
      403,
    );
  });

  it("deletes a class with its answers after the code is typed, and every aggregate follows", async ({
    expect,
  }) => {
    const unit = await createUnit("Hội LHPN phường Văn Miếu", "commune", tree.hanoi);
    const keep = await createClass(organiser, unit);
    const gone = await createClass(organiser, unit);
    for (let i = 0; i < 5; i++) {
      await submit(keep.code, await body(keep.code, 5));
      await submit(
        gone.code,
        await body(gone.code, 1, { answers: { ...(await answersFor(gone.code, 1, "Góp ý riêng")) } }),
      );
    }
    await call(`/api/events/${gone.id}/observation`, {
      method: "PUT",
      headers: { ...admin.headers, "Content-Type": "application/json" },
      body: JSON.stringify({ scores: { content: 2 }, observedOn: new Date().toISOString().slice(0, 10) }),
    });
    const del = (confirm: unknown, who = organiser) =>
      call(`/api/events/${gone.id}`, {
        method: "DELETE",
        headers: { ...who.headers, "Content-Type": "application/json" },
        body: JSON.stringify({ confirm }),
      });
    const wrong = await del("ABCDEF");
    expect(wrong.status).toBe(400);
    expect(Object.keys((await wrong.json<{ error: { fields: object } }>()).error.fields)).toEqual([
      "confirm",
    ]);
    expect(await countRows("responses", gone.id)).toBe(5);
    const other = await signIn("organiser", tree.thaiNguyen);
    expect((await del(gone.code, other)).status).toBe(404);
    expect((await del(gone.code.toLowerCase())).status).toBe(200);
    expect((await call(`/api/events/${gone.id}`, { headers: organiser.headers })).status).toBe(404);
    expect(await countRows("responses", gone.id)).toBe(0);
    const leftovers = await env.DB.prepare(
      `SELECT (SELECT count(*) FROM comments WHERE event_id = ?1) + (SELECT count(*) FROM answer_counts WHERE event_id = ?1)
        + (SELECT count(*) FROM class_stats WHERE event_id = ?1) + (SELECT count(*) FROM observations WHERE event_id = ?1) AS n`,
    )
      .bind(gone.id)
      .first<{ n: number }>();
    expect(leftovers?.n).toBe(0);
    const scores = await (await call(`/api/units/${unit.id}/scores`, { headers: organiser.headers })).json<{
      total: { responses: number; overall: number };
    }>();
    expect(scores.total).toMatchObject({ responses: 5, overall: 5 });
    expect((await verifyAggregates(env.DB)).filter((d) => d.n !== 0)).toEqual([]);
    // The audit log keeps the deletion, naming the event by id.
    const { items: entries } = await (
      await call(`/api/audit?event=${gone.id}`, { headers: admin.headers })
    ).json<{
      items: { action: string }[];
    }>();
    expect(entries[0]?.action).toBe("event_delete");
  });

  it("deletes a workshop with merged proposals and supports", async ({ expect }) => {
    const ws = await newWorkshop();
    const ids: number[] = [];
    for (const text of ["Tăng kinh phí cho chi hội", "Tăng kinh phí hoạt động chi hội"]) {
      const res = await postJson(`/api/public/events/${ws.code}/proposals`, { clientId: unique("p-"), text });
      ids.push((await res.json<{ id: number }>()).id);
    }
    await postJson(`/api/public/proposals/${ids[0]}/supports`, { clientId: unique("device-") });
    const merge = await postJson(
      `/api/events/${ws.id}/merges`,
      { targetId: ids[0], sourceIds: ids.slice(1) },
      organiser.headers,
    );
    expect(merge.status).toBeLessThan(300);
    const res = await call(`/api/events/${ws.id}`, {
      method: "DELETE",
      headers: { ...organiser.headers, "Content-Type": "application/json" },
      body: JSON.stringify({ confirm: ws.code }),
    });
    expect(res.status).toBe(200);
    expect(await countRows("proposals", ws.id)).toBe(0);
    expect((await call(`/api/public/events/${ws.code}`)).status).toBe(404);
  });
});

/** A needs survey of Hà Nội that asks the respondent's commune, as the reproduction had it. */
async function unitSurvey() {
  const q = (type: string, labelVi: string, extra: Record<string, unknown> = {}) => ({
    type,
    criterion: null,
    labelVi,
    labelEn: "",
    required: type !== "text",
    options: null,
    maxLength: null,
    ...extra,
  });
  const survey = await createClass(organiser, tree.hanoi, {
    kind: "survey",
    title: "Khảo sát nhu cầu",
    expectedParticipants: 30,
    form: {
      title: "Khảo sát nhu cầu",
      questions: [
        q("unit", "Đơn vị của chị"),
        q("choice", "Hình thức", {
          options: [
            { value: "direct", labelVi: "Trực tiếp", labelEn: "" },
            { value: "online", labelVi: "Trực tuyến", labelEn: "" },
          ],
        }),
        q("rating", "Mức độ cần thiết"),
        q("text", "Đề xuất khác", { maxLength: 500 }),
      ],
    },
  });
  const form = await (await call(`/api/public/events/${survey.code}`)).json<{
    questions: { id: number }[];
  }>();
  const [unitQ, choiceQ, ratingQ, textQ] = form.questions.map((x) => String(x.id));
  const send = async (unitId: number, choice: string, rating: number, text?: string) => {
    const res = await submit(
      survey.code,
      {
        clientId: unique("needs-"),
        role: "trainee",
        elapsedMs: 60_000,
        answers: {
          [unitQ ?? ""]: unitId,
          [choiceQ ?? ""]: choice,
          [ratingQ ?? ""]: rating,
          ...(text ? { [textQ ?? ""]: text } : {}),
        },
      },
      await phone(survey.code),
    );
    if (res.status !== 201) throw new Error(`${res.status} ${await res.text()}`);
  };
  return { ...survey, send, choiceQ: choiceQ ?? "", ratingQ: ratingQ ?? "" };
}

interface UnitReport {
  responses: number;
  questions: {
    id: number;
    n: number | null;
    mean?: number | null;
    options?: { value: string; count: number | null }[];
  }[];
  byUnit: {
    id: number;
    name: string;
    responses: number;
    pooled?: string[];
    questions:
      | {
          id: number;
          n: number | null;
          mean?: number | null;
          options?: { value: string; count: number | null }[];
        }[]
      | null;
  }[];
}

describe("anonymity: nothing about fewer than 5 responses can be read or worked out", () => {
  it("one response: the report, its CSV and XLSX and the JSON export say how many answered and nothing else", async ({
    expect,
  }) => {
    const cls = await createClass(organiser, tree.bachMai, { expectedParticipants: 20 });
    const form = await (await call(`/api/public/events/${cls.code}`)).json<{
      questions: { id: number; type: string }[];
    }>();
    // The reviewer's reproduction: ratings 5, 1, 3, 2, 4, 1 (overall 2.67) and a comment.
    const ratings = [5, 1, 3, 2, 4, 1];
    const answers: Record<string, unknown> = {};
    for (const q of form.questions) {
      if (q.type === "rating") answers[q.id] = ratings.shift();
      if (q.type === "text") answers[q.id] = "Lớp này giảng viên nói nhanh quá";
    }
    expect(
      (await submit(cls.code, { clientId: unique("one-"), role: "trainee", answers }, await phone(cls.code)))
        .status,
    ).toBe(201);
    const get = (path: string) => call(path, { headers: organiser.headers });
    const report = await (await get(`/api/events/${cls.id}/report`)).json<{
      responses: number;
      overall: number | null;
      detailHidden: boolean;
      criteria: { mean: number | null; n: number | null; distribution: unknown }[];
      questions: { n: number | null; mean?: number | null; options?: { count: number | null }[] }[];
      comments: unknown;
    }>();
    expect(report).toMatchObject({ responses: 1, overall: null, detailHidden: true, comments: null });
    expect(report.criteria).toHaveLength(6);
    for (const c of report.criteria) expect(c).toMatchObject({ mean: null, n: null, distribution: null });
    for (const q of report.questions) {
      expect(q.n).toBeNull();
      expect(q.mean ?? null).toBeNull();
      expect((q.options ?? []).every((o) => o.count === null)).toBe(true);
    }
    const csv = await (await get(`/api/events/${cls.id}/report.csv`)).text();
    const xlsx = Object.values(
      unzipSync(new Uint8Array(await (await get(`/api/events/${cls.id}/report.xlsx`)).arrayBuffer())),
    )
      .map((f) => strFromU8(f))
      .join("\n");
    for (const text of [csv, xlsx]) {
      expect(text).not.toContain("2.67");
      expect(text).not.toContain("nói nhanh");
      // No criterion line with a mean: the six means were 5, 1, 3, 2, 4, 1.
      expect(text).not.toMatch(/Nội dung bài giảng,\d/);
    }
    expect(await (await get(`/api/events/${cls.id}/export.json`)).json()).toMatchObject({
      responseCount: 1,
      responses: null,
    });
    const answersCsv = await (await get(`/api/events/${cls.id}/answers.csv`)).text();
    expect(answersCsv).not.toContain("nói nhanh");
  });

  it("5 answers from one commune and 1 from another: no figure of the sixth comes back as totals minus the columns shown", async ({
    expect,
  }) => {
    const survey = await unitSurvey();
    const big = await createUnit("Hội LHPN xã Đông Anh", "commune", tree.hanoi);
    const lone = await createUnit("Hội LHPN xã Ba Vì", "commune", tree.hanoi);
    for (let i = 0; i < 5; i++) await survey.send(big.id, "direct", 5);
    await survey.send(lone.id, "online", 1, "Chỉ mình tôi ở xã Ba Vì trả lời");
    const get = (path: string) => call(path, { headers: organiser.headers });
    const report = await (await get(`/api/events/${survey.id}/report`)).json<UnitReport>();
    expect(report.responses).toBe(6);
    // Whatever columns are shown, the total minus them is a group of none or of at least five.
    const shownColumns = report.byUnit.filter((u) => u.id !== 0);
    const rest = report.responses - shownColumns.reduce((s, u) => s + u.responses, 0);
    expect(rest === 0 || rest >= 5).toBe(true);
    expect(shownColumns.map((u) => u.name)).not.toContain(big.name);
    const pool = report.byUnit.find((u) => u.id === 0);
    expect(pool).toMatchObject({ responses: 6, pooled: [lone.name, big.name] });
    // The pool's own figures are the totals': nothing finer.
    const rating = pool?.questions?.find((x) => String(x.id) === survey.ratingQ);
    expect(rating?.mean).toBe(report.questions.find((x) => String(x.id) === survey.ratingQ)?.mean);
    // The rows: her commune is not named beside her answers and comment, in CSV or JSON.
    const answersCsv = await (await get(`/api/events/${survey.id}/answers.csv`)).text();
    expect(answersCsv).not.toContain("Ba Vì,");
    const line = answersCsv.split("\r\n").find((l) => l.includes("Chỉ mình tôi"));
    expect(line).toContain("Đơn vị khác");
    const exported = await (await get(`/api/events/${survey.id}/export.json`)).json<{
      responses: { answers: Record<string, unknown> }[];
    }>();
    expect(JSON.stringify(exported.responses)).not.toContain(`:${lone.id},`);
    expect(JSON.stringify(exported.responses)).not.toContain(`:${lone.id}}`);
    // And the report's CSV names no commune's column with the lone answer's figures.
    const csv = await (await get(`/api/events/${survey.id}/report.csv`)).text();
    expect(csv).not.toContain(`Đơn vị,${lone.name},`);
    expect(csv).not.toContain(`Đơn vị,${big.name},`);
  });

  it("6, 5 and 2 answers from three communes: the two smallest are pooled, the largest shown", async ({
    expect,
  }) => {
    const survey = await unitSurvey();
    const [a, b, c] = await Promise.all(
      ["Hội LHPN xã Mê Linh", "Hội LHPN xã Quốc Oai", "Hội LHPN xã Mỹ Đức"].map((n) =>
        createUnit(n, "commune", tree.hanoi),
      ),
    );
    if (!a || !b || !c) throw new Error("units");
    for (let i = 0; i < 6; i++) await survey.send(a.id, "direct", 4);
    for (let i = 0; i < 5; i++) await survey.send(b.id, "online", 3);
    for (let i = 0; i < 2; i++) await survey.send(c.id, "online", 2);
    const report = await (
      await call(`/api/events/${survey.id}/report`, { headers: organiser.headers })
    ).json<UnitReport>();
    expect(report.byUnit.map((u) => [u.id, u.responses])).toEqual([
      [a.id, 6],
      [0, 7],
    ]);
    const pool = report.byUnit.find((u) => u.id === 0);
    expect(pool?.pooled).toEqual([c.name, b.name].sort((x, y) => x.localeCompare(y, "vi")));
    expect(pool?.questions?.find((x) => String(x.id) === survey.choiceQ)?.options).toEqual([
      expect.objectContaining({ value: "direct", count: 0 }),
      expect.objectContaining({ value: "online", count: 7 }),
    ]);
    expect(pool?.questions?.find((x) => String(x.id) === survey.ratingQ)?.mean).toBe(2.71);
  });

  it("a class of 1 beside a class of 10 in one commune: the commune's means are the ten's, so no subtraction gives the one", async ({
    expect,
  }) => {
    const unit = await createUnit("Hội LHPN xã Thanh Trì", "commune", tree.hanoi);
    const ten = await createClass(organiser, unit, { expectedParticipants: 10 });
    const one = await createClass(organiser, unit, { expectedParticipants: 10 });
    for (let i = 0; i < 10; i++) await submit(ten.code, await body(ten.code, 4), await phone(ten.code));
    await submit(one.code, await body(one.code, 1), await phone(one.code));
    const leader = await signIn("leader", tree.hanoi);
    const scores = await (
      await call(`/api/units/${tree.hanoi.id}/scores`, { headers: leader.headers })
    ).json<{
      units: {
        id: number;
        responses: number;
        overall: number | null;
        means: Record<string, number | null> | null;
      }[];
      classes: { id: number; overall: number | null }[];
      trend: { responses: number; overall: number | null }[];
    }>();
    const row = scores.units.find((u) => u.id === unit.id);
    // Eleven answered; the means are the ten's (4), not (40 + 1) / 11.
    expect(row).toMatchObject({ responses: 11, overall: 4 });
    expect(Object.values(row?.means ?? {}).every((m) => m === 4)).toBe(true);
    expect(scores.classes.find((c) => c.id === one.id)?.overall).toBeNull();
    const commune = await (await call(`/api/units/${unit.id}/scores`, { headers: leader.headers })).json<{
      total: { responses: number; overall: number | null };
      trend: { responses: number; overall: number | null }[];
    }>();
    expect(commune.total).toMatchObject({ responses: 11, overall: 4 });
    expect(commune.trend.at(-1)).toMatchObject({ responses: 11, overall: 4 });
  });

  it("a class of 5 trainees and one lecturer: the answers table leaves her row out, or the rows minus the trainees' report would be her answers", async ({
    expect,
  }) => {
    const cls = await createClass(organiser, tree.bachMai);
    for (let i = 0; i < 5; i++) await submit(cls.code, await body(cls.code, 4), await phone(cls.code));
    await submit(cls.code, await body(cls.code, 2, { role: "lecturer" }), await phone(cls.code));
    const csv = await (
      await call(`/api/events/${cls.id}/answers.csv`, { headers: organiser.headers })
    ).text();
    expect(csv).not.toContain("Giảng viên");
    const rows = csv
      .replace(/^\uFEFF/, "")
      .trim()
      .split("\r\n")
      .slice(1);
    expect(rows).toHaveLength(5);
    expect(rows.some((r) => r.split(",").includes("2"))).toBe(false);
    // The report is the trainees': their five, and her count beside it, nothing more.
    const report = await (await call(`/api/events/${cls.id}/report`, { headers: organiser.headers })).json<{
      responses: number;
      overall: number | null;
      lecturers: { responses: number; overall: number | null; detailHidden: boolean } | null;
    }>();
    expect(report).toMatchObject({
      responses: 5,
      overall: 4,
      lecturers: { responses: 1, overall: null, detailHidden: true },
    });
  });

  it("a class with 4 responses shows no breakdown or comment in any view, API or export", async ({
    expect,
  }) => {
    const unit = await createUnit("Hội LHPN phường Đồng Tâm", "commune", tree.hanoi);
    const cls = await createClass(organiser, unit);
    for (let i = 0; i < 4; i++) {
      await submit(cls.code, {
        clientId: unique("four-"),
        role: "trainee",
        answers: await answersFor(cls.code, 2, `Bí mật ${i}`),
      });
    }
    const get = (path: string) => call(path, { headers: organiser.headers });
    const report = await (await get(`/api/events/${cls.id}/report`)).json<{
      criteria: { distribution: unknown }[];
      comments: unknown;
    }>();
    expect(report.criteria.every((c) => c.distribution === null)).toBe(true);
    expect(report.comments).toBeNull();
    expect(await (await get(`/api/events/${cls.id}/groups`)).json()).toMatchObject({ groups: [] });
    expect(await (await get(`/api/events/${cls.id}/export.json`)).json()).toMatchObject({ responses: null });
    const scores = await (await get(`/api/units/${unit.id}/scores`)).json<{
      classes: { means: unknown; distribution?: unknown }[];
      total: { distribution: unknown; means: unknown };
    }>();
    expect(scores.classes[0]?.means).toBeNull();
    expect(scores.total.distribution).toBeNull();
    const texts = [
      await (await get(`/api/events/${cls.id}/report.csv`)).text(),
      await (await get(`/api/units/${unit.id}/scores.csv`)).text(),
      await (await get(`/api/units/${unit.id}/classes.csv`)).text(),
      ...Object.values(
        unzipSync(new Uint8Array(await (await get(`/api/units/${unit.id}/classes.xlsx`)).arrayBuffer())),
      ).map((f) => strFromU8(f)),
    ];
    for (const text of texts) {
      expect(text).not.toContain("Bí mật");
      // No per-criterion mean of 2 for the class (the unit rows and class rows are withheld).
      expect(text).not.toMatch(/[,>]2(\.0+)?[,<].*[,>]2(\.0+)?[,<]/);
    }
  });
});

describe("security headers", () => {
  it("every page and API answer forbids framing, sniffing and inline scripts", async ({ expect }) => {
    const cls = await createClass(organiser, tree.bachMai);
    const ws = await newWorkshop();
    const paths = [
      "/",
      "/s?code=nope",
      `/s/${cls.code}`,
      `/s/${ws.code}`,
      `/api/public/events/${cls.code}`,
      "/api/events",
      "/api/nothing-here",
    ];
    for (const path of paths) {
      const res = await call(path);
      const csp = res.headers.get("Content-Security-Policy") ?? "";
      expect(csp, path).toContain("frame-ancestors 'none'");
      expect(csp, path).toMatch(/script-src 'self'(;|$)/);
      expect(csp, path).not.toContain("unsafe-inline");
      expect(res.headers.get("X-Content-Type-Options"), path).toBe("nosniff");
      expect(res.headers.get("Referrer-Policy"), path).toBe("same-origin");
      expect(res.headers.get("X-Frame-Options"), path).toBe("DENY");
    }
    const res = await call(`/s/${cls.code}`);
    const page = await res.text();
    // No inline script on the phone page, and no style attribute. Its one inline stylesheet is
    // the phone CSS, which the policy allows by that text's hash alone.
    expect(page).not.toMatch(/<script(?![^>]*\bsrc=)[^>]*>/);
    expect(page).not.toMatch(/\sstyle=/);
    expect([...page.matchAll(/<style>([\s\S]*?)<\/style>/g)].map((m) => m[1])).toEqual([PHONE_CSS]);
    expect(res.headers.get("Content-Security-Policy")).toContain(`style-src 'self' '${PHONE_CSS_HASH}'`);
  });
});

describe("trust, round two: the lower findings", () => {
  it("a failed sign-in from the internet carries no Server-Timing that could tell a known email from an unknown one", async ({
    expect,
  }) => {
    const user = await signIn("leader", tree.hanoi);
    for (const email of [user.email, `${unique("nobody")}@gopy.test`]) {
      const res = await postJson("/api/auth/login", { email, password: "sai-mat-khau" }, { Origin: ORIGIN });
      expect(res.status).toBe(401);
      expect(res.headers.get("Server-Timing"), email).toBeNull();
    }
    // Signed-in staff still see what their views cost.
    const staffView = await call("/api/events", { headers: organiser.headers });
    expect(staffView.headers.get("Server-Timing")).toMatch(/rows_read=\d+/);
  });

  it("staff answers and exports are never cached; the organiser's export gives each response's day, not its time", async ({
    expect,
  }) => {
    const cls = await createClass(organiser, tree.bachMai);
    for (let i = 0; i < 5; i++) await submit(cls.code, await body(cls.code));
    for (const path of ["/api/events", `/api/events/${cls.id}/report`, `/api/events/${cls.id}/report.csv`]) {
      const res = await call(path, { headers: organiser.headers });
      expect(res.headers.get("Cache-Control"), path).toBe("no-store");
    }
    const exported = await call(`/api/events/${cls.id}/export.json`, { headers: organiser.headers });
    expect(exported.headers.get("Cache-Control")).toBe("no-store");
    const data = await exported.json<{
      responses: { day: string | null; createdAt?: string; id?: number }[];
    }>();
    expect(data.responses.length).toBe(5);
    for (const r of data.responses) {
      expect(r.day).toMatch(/^\d{4}-\d{2}-\d{2}$/);
      // No time, and no id that gives the order of arrival.
      expect(r.createdAt).toBeUndefined();
      expect(r.id).toBeUndefined();
    }
  });

  it("a province admin's CSV import cannot add a unit outside the province (one without a parent)", async ({
    expect,
  }) => {
    const provinceAdmin = await signIn("admin", tree.hanoi);
    const code = unique("TW-X-").toUpperCase();
    const res = await call("/api/units/import", {
      method: "POST",
      headers: { ...provinceAdmin.headers, "Content-Type": "text/csv" },
      body: `code,name,level,parent_code\n${code},Trung ương giả,central,\n`,
    });
    expect(res.status).toBe(400);
    const err = await res.json<{ error: { fields: Record<string, string> } }>();
    expect(Object.keys(err.error.fields)).toEqual(["lines.2.parent_code"]);
    const stored = await db().selectFrom("units").select("id").where("code", "=", code).execute();
    expect(stored).toEqual([]);
  });

  it("after chained merges the family counts each phone once and every original its own phones", async ({
    expect,
  }) => {
    const ws = await createWorkshop(organiser, tree.bachMai, [
      "Tăng phụ cấp cho chi hội trưởng",
      "Nâng phụ cấp chi hội trưởng",
      "Phụ cấp chi hội trưởng cần tăng",
    ]);
    const [a, b, c] = ws.proposalIds;
    const support = (pid: number | undefined, device: string) =>
      postJson(`/api/public/proposals/${pid}/supports`, { clientId: device });
    // Phones 1 and 2 support A, phone 2 also B, phone 3 C.
    await support(a, "phone-one-0001");
    await support(a, "phone-two-0002");
    await support(b, "phone-two-0002");
    await support(c, "phone-three-003");
    const merge = (targetId: number | undefined, sourceIds: (number | undefined)[]) =>
      postJson(`/api/events/${ws.id}/merges`, { targetId, sourceIds }, organiser.headers);
    expect((await merge(b, [a])).status).toBe(200);
    const last = await merge(c, [b]);
    expect(await last.json()).toEqual({ id: c, supports: 3 });
    const counts = Object.fromEntries(
      (
        await db()
          .selectFrom("proposals")
          .select(["id", "support_count"])
          .where("event_id", "=", ws.id)
          .execute()
      ).map((r) => [r.id, r.support_count]),
    );
    // A by phones 1 and 2, B by phone 2 alone (its own, not the family of three it led before).
    expect([counts[a ?? 0], counts[b ?? 0], counts[c ?? 0]]).toEqual([2, 1, 3]);
  });

  it("a visible original of a hidden merged proposal cannot be supported, and the hidden one is never named", async ({
    expect,
  }) => {
    const ws = await createWorkshop(organiser, tree.bachMai, [
      "Mở lớp kỹ năng số cho hội viên",
      "Mở lớp tin học cho hội viên",
    ]);
    const [original, merged] = ws.proposalIds;
    await postJson(
      `/api/events/${ws.id}/merges`,
      { targetId: merged, sourceIds: [original] },
      organiser.headers,
    );
    await call(`/api/events/${ws.id}/proposals/${merged}`, {
      method: "PATCH",
      headers: { ...organiser.headers, "Content-Type": "application/json" },
      body: JSON.stringify({ hidden: true, hiddenReason: "trùng lặp" }),
    });
    // The original is visible on its own again only if unmerged; supporting it now must not reach the hidden one.
    const res = await postJson(`/api/public/proposals/${original}/supports`, {
      clientId: "phone-curious-01",
    });
    expect(res.status).toBe(404);
    expect(await res.text()).not.toContain(String(merged));
    const supports = await db()
      .selectFrom("supports")
      .select("proposal_id")
      .where("proposal_id", "=", merged ?? 0)
      .execute();
    expect(supports).toEqual([]);
  });
});

describe("trust, round two: stuffing, cross-site writes, lock-outs, scope", () => {
  const count = async (eventId: number) => countRows("responses", eventId);

  it("200 phone ids from one address add at most 65 responses to a class expecting 30; forged ids count as none", async ({
    expect,
  }) => {
    const cls = await createClass(organiser, tree.bachMai, { expectedParticipants: 30 });
    const net = "203.0.113.7";
    const statuses = new Map<number, number>();
    let lastError = "";
    for (let i = 0; i < 200; i++) {
      // Each "phone" opens the page first and gets a real, signed id, as a script could.
      const res = await submit(cls.code, await body(cls.code), await openPhone(cls.code, net));
      statuses.set(res.status, (statuses.get(res.status) ?? 0) + 1);
      if (res.status === 429) lastError = (await res.json<{ error: { code: string } }>()).error.code;
    }
    expect(statuses.get(201)).toBe(65);
    expect(statuses.get(429)).toBe(135);
    expect(lastError).toBe("limit_address_responses");
    expect(await count(cls.id)).toBe(65);
    const event = await (await call(`/api/events/${cls.id}`, { headers: organiser.headers })).json<{
      responses: number;
    }>();
    expect(event.responses).toBe(65);

    // Ids the Worker did not sign are no ids: those phones count as their address.
    const other = await createClass(organiser, tree.bachMai, { expectedParticipants: 30 });
    let forged = 0;
    for (let i = 0; i < 80; i++) {
      const res = await submit(other.code, await body(other.code), {
        "CF-Connecting-IP": "203.0.113.8",
        Cookie: `gy_device=${unique("forged-device-0000")}.AAAAAAAAAAAAAAAAAAAAAA`,
      });
      if (res.status === 201) forged++;
    }
    expect(forged).toBeLessThanOrEqual(65);
    expect(await count(other.id)).toBe(forged);
  }, 60_000);

  it(`20 responses sent at once from one phone: exactly ${RESPONSES_PER_PHONE} stored, the rest refused`, async ({
    expect,
  }) => {
    const cls = await createClass(organiser, tree.bachMai);
    const shared = await phone(cls.code);
    const bodies = await Promise.all(Array.from({ length: 20 }, () => body(cls.code)));
    const statuses = (await Promise.all(bodies.map((b) => submit(cls.code, b, shared)))).map((r) => r.status);
    expect(statuses.filter((s) => s === 201).length).toBe(RESPONSES_PER_PHONE);
    expect(statuses.filter((s) => s === 429).length).toBe(20 - RESPONSES_PER_PHONE);
    expect(await count(cls.id)).toBe(RESPONSES_PER_PHONE);
  });

  it("a class with more responses than expected is flagged on the dashboards", async ({ expect }) => {
    const unit = await createUnit("Hội LHPN phường Giảng Võ", "commune", tree.hanoi);
    const cls = await createClass(organiser, unit, { expectedParticipants: 3 });
    for (let i = 0; i < 5; i++) await submit(cls.code, await body(cls.code));
    const scores = await (await call(`/api/units/${unit.id}/scores`, { headers: organiser.headers })).json<{
      classes: { id: number; flags: string[] }[];
    }>();
    expect(scores.classes.find((k) => k.id === cls.id)?.flags).toContain("over_expected");
  });

  it("a page on another site cannot post answers, proposals or supports in a trainee's name", async ({
    expect,
  }) => {
    const cls = await createClass(organiser, tree.bachMai);
    const ws = await createWorkshop(organiser, tree.bachMai, ["Tăng thời lượng thực hành"]);
    const evil = { Origin: "https://evil.example", "Sec-Fetch-Site": "cross-site" };
    const form = new URLSearchParams({ clientId: unique("form-client-"), role: "trainee" });
    for (const [id, v] of Object.entries(await answersFor(cls.code, 5))) form.set(`a${id}`, String(v));
    const formHeaders = { "Content-Type": "application/x-www-form-urlencoded", ...evil };
    const posted = await call(`/s/${cls.code}`, { method: "POST", headers: formHeaders, body: form });
    expect(posted.status).toBe(403);
    expect(await posted.text()).toContain("Không nhận bài gửi từ trang khác");
    const proposal = await call(`/s/${ws.code}/proposals`, {
      method: "POST",
      headers: formHeaders,
      body: new URLSearchParams({ clientId: unique("form-p-"), text: "Đề xuất giả mạo" }),
    });
    expect(proposal.status).toBe(403);
    const support = await call(`/s/${ws.code}/supports/${ws.proposalIds[0]}`, {
      method: "POST",
      headers: formHeaders,
      body: "",
    });
    expect(support.status).toBe(403);
    const api = await submit(cls.code, await body(cls.code), { Origin: "https://evil.example" });
    expect(api.status).toBe(403);
    expect((await api.json<{ error: { code: string } }>()).error.code).toBe("cross_origin");
    expect(await count(cls.id)).toBe(0);
    expect(await countRows("proposals", ws.id)).toBe(1);
    const supports = await db().selectFrom("supports").select("client_id").execute();
    expect(supports.filter((s) => s.client_id.startsWith("form-"))).toEqual([]);
    // An old phone browser that sends neither header is still believed.
    expect((await submit(cls.code, await body(cls.code))).status).toBe(201);
  });

  it("eight wrong passwords from one address lock that address out, not the person signing in from another", async ({
    expect,
  }) => {
    const user = await signIn("leader", tree.hanoi);
    const from = (address: string, password: string) =>
      postJson(
        "/api/auth/login",
        { email: user.email, password },
        { Origin: ORIGIN, "CF-Connecting-IP": address },
      );
    for (let i = 0; i < LOCK_AFTER; i++)
      expect((await from("198.51.100.1", "sai-mat-khau")).status).toBe(401);
    expect((await from("198.51.100.1", user.password)).status).toBe(429);
    expect((await from("198.51.100.2", user.password)).status).toBe(200);
  }, 30_000);

  it("24 wrong guesses at once: the lock holds at its limit, and an admin can lift it", async ({
    expect,
  }) => {
    const user = await signIn("leader", tree.hanoi);
    const address = "198.51.100.24";
    const guesses = await Promise.all(
      Array.from({ length: 24 }, () =>
        postJson(
          "/api/auth/login",
          { email: user.email, password: "doan-bua" },
          { Origin: ORIGIN, "CF-Connecting-IP": address },
        ),
      ),
    );
    const statuses = guesses.map((r) => r.status);
    // At most LOCK_AFTER guesses had their password checked; the rest were refused unchecked.
    expect(statuses.filter((s) => s === 401).length).toBeLessThanOrEqual(LOCK_AFTER);
    expect(statuses.filter((s) => s === 429).length).toBeGreaterThanOrEqual(24 - LOCK_AFTER);
    const right = { email: user.email, password: user.password };
    const net = { Origin: ORIGIN, "CF-Connecting-IP": address };
    expect((await postJson("/api/auth/login", right, net)).status).toBe(429);
    const id = (
      await db().selectFrom("users").select("id").where("email", "=", user.email).executeTakeFirstOrThrow()
    ).id;
    const outsider = await signIn("admin", tree.thaiNguyen);
    expect((await postJson(`/api/users/${id}/unlock`, {}, outsider.headers)).status).toBe(404);
    expect((await postJson(`/api/users/${id}/unlock`, {}, admin.headers)).status).toBe(200);
    expect((await postJson("/api/auth/login", right, net)).status).toBe(200);
  }, 30_000);

  it("an organiser whose district was merged into its province keeps the district, not the province", async ({
    expect,
  }) => {
    const district = await createUnit("Hội LHPN quận Hai Bà Trưng (cũ)", "district", tree.hanoi);
    const commune = await createUnit("Hội LHPN phường Lê Đại Hành", "commune", district);
    const local = await signIn("organiser", district);
    const own = await createClass(local, commune);
    const provinceClass = await createClass(organiser, tree.bachMai);
    const merged = await postJson(
      `/api/units/${district.id}/merge`,
      { successorId: tree.hanoi.id, date: new Date().toISOString().slice(0, 10) },
      admin.headers,
    );
    expect(merged.status).toBe(200);
    expect((await call(`/api/events/${own.id}`, { headers: local.headers })).status).toBe(200);
    expect((await call(`/api/events/${provinceClass.id}`, { headers: local.headers })).status).toBe(404);
    expect(
      (await call(`/api/events/${provinceClass.id}/report.csv`, { headers: local.headers })).status,
    ).toBe(404);
    const listed = await (await call("/api/events", { headers: local.headers })).json<{
      items: { id: number }[];
      total: number;
    }>();
    expect(listed.items.map((e) => e.id)).toEqual([own.id]);
    expect(listed.total).toBe(1);
    const atProvince = await postJson(
      "/api/events",
      {
        kind: "class",
        title: "Lớp ở cấp tỉnh",
        unitId: tree.hanoi.id,
        startsAt: new Date().toISOString(),
        endsAt: new Date(Date.now() + 3600_000).toISOString(),
        expectedParticipants: 20,
      },
      local.headers,
    );
    expect(atProvince.status).toBe(403);
    const me = await (await call("/api/auth/me", { headers: local.headers })).json<{ unitMerged: boolean }>();
    expect(me.unitMerged).toBe(true);
  });
});

describe("paper sheets belong to paper", () => {
  it("a public response with a paper serial as its clientId is refused, and the organiser's real sheet 0001 goes in", async ({
    expect,
  }) => {
    const cls = await createClass(organiser, tree.bachMai);
    const squat = await submit(
      cls.code,
      await body(cls.code, 1, { clientId: `paper-${cls.code}-0001` }),
      await phone(cls.code),
    );
    expect(squat.status).toBe(400);
    expect((await squat.json<{ error: { fields: Record<string, unknown> } }>()).error.fields).toHaveProperty(
      "clientId",
    );
    // Upper case is the same prefix.
    expect(
      (await submit(cls.code, await body(cls.code, 1, { clientId: `PAPER-${cls.code}-0001` }))).status,
    ).toBe(400);
    expect(await countRows("responses", cls.id)).toBe(0);
    const sheet = await postJson(
      `/api/events/${cls.id}/paper-responses`,
      { sheet: `${cls.code}-0001`, role: "trainee", answers: await answersFor(cls.code, 5) },
      organiser.headers,
    );
    expect(sheet.status).toBe(201);
  });
});

describe("limits no stranger can spend for the phones around her", () => {
  it("1,001 cookieless page loads from the hall's address, then 40 real phones on it: all 40 answer", async ({
    expect,
  }) => {
    const cls = await createClass(organiser, tree.bachMai, { expectedParticipants: 40 });
    const hall = unique("198.51.100.");
    for (let i = 0; i < 1001; i++) {
      const res = await call(`/s/${cls.code}`, { headers: { "CF-Connecting-IP": hall } });
      expect(res.status).toBe(200);
      await res.arrayBuffer();
    }
    let stored = 0;
    for (let i = 0; i < 40; i++) {
      const res = await submit(cls.code, await body(cls.code), await openPhone(cls.code, hall));
      if (res.status === 201) stored++;
    }
    expect(stored).toBe(40);
  }, 120_000);

  it("phones without an id count once against their network, not twice: 40 of them answer a class expecting 300", async ({
    expect,
  }) => {
    const cls = await createClass(organiser, tree.bachMai, { expectedParticipants: 300 });
    const net = unique("192.0.2.");
    let stored = 0;
    for (let i = 0; i < 40; i++) {
      const res = await submit(cls.code, await body(cls.code), { "CF-Connecting-IP": net });
      if (res.status === 201) stored++;
    }
    expect(stored).toBe(40);
  });

  it("30 IPv6 addresses of one /64 are one network: a class expecting 10 takes at most 35 from them", async ({
    expect,
  }) => {
    const cls = await createClass(organiser, tree.bachMai, { expectedParticipants: 10 });
    const prefix = `2001:db8:${(Date.now() % 65536).toString(16)}:7`;
    let stored = 0;
    for (let a = 1; a <= 30; a++) {
      for (let i = 0; i < 3; i++) {
        const res = await submit(
          cls.code,
          await body(cls.code),
          await openPhone(cls.code, `${prefix}::${a}:${i}`),
        );
        if (res.status === 201) stored++;
      }
    }
    expect(stored).toBe(35);
    // Another /64 is another network.
    const res = await submit(cls.code, await body(cls.code), await openPhone(cls.code, `${prefix}1::1`));
    expect(res.status).toBe(201);
  }, 60_000);

  it("12 phone ids from one address × 11 proposals: a workshop expecting 10 takes 35, and says why", async ({
    expect,
  }) => {
    const ws = await createClass(organiser, tree.bachMai, {
      kind: "workshop",
      title: "Tọa đàm",
      expectedParticipants: 10,
    });
    const net = unique("198.51.100.");
    let stored = 0;
    let code = "";
    for (let p = 0; p < 12; p++) {
      const headers = await openPhone(ws.code, net);
      for (let i = 0; i < 11; i++) {
        const res = await postJson(
          `/api/public/events/${ws.code}/proposals`,
          { clientId: unique("prop-"), text: `Đề xuất số ${p}-${i} về chuyển đổi số` },
          headers,
        );
        if (res.status === 201) stored++;
        else code = (await res.json<{ error: { code: string } }>()).error.code;
      }
    }
    expect(stored).toBe(35);
    expect(code).toBe("limit_address_proposals");
    expect(await countRows("proposals", ws.id)).toBe(35);
  }, 60_000);
});

describe("sign-in that neither strangers nor neighbours can block", () => {
  /** Signs in from `address` and returns the browser's cookies that matter to sign-in. */
  const login = (email: string, password: string, address: string, cookie = "") =>
    postJson(
      "/api/auth/login",
      { email, password },
      { Origin: ORIGIN, "CF-Connecting-IP": address, Cookie: cookie },
    );
  const knownCookie = (res: Response) =>
    res.headers
      .getSetCookie()
      .find((c) => c.startsWith("gy_known_"))
      ?.split(";")[0] ?? "";

  it("100 failures to made-up emails from the office's address lock it, but not the owner's browser that signed in before", async ({
    expect,
  }) => {
    const owner = await signIn("organiser", tree.hanoi);
    const office = unique("203.0.113.");
    const first = await login(owner.email, owner.password, office);
    expect(first.status).toBe(200);
    const known = knownCookie(first);
    expect(known).toMatch(/^gy_known_[0-9a-f]{12}=/);
    for (let i = 0; i < ADDRESS_LOCK_AFTER; i++) {
      await login(`${unique("ai-do")}@gopy.test`, "doan-bua", office);
    }
    // A browser that never signed in here is locked with the address...
    expect((await login(owner.email, owner.password, office)).status).toBe(429);
    // ...hers is not.
    expect((await login(owner.email, owner.password, office, known)).status).toBe(200);
    // Another account's cookie, or a forged one, is no known device.
    const forged = `${known.split("=")[0]}=${"A".repeat(22)}.${"B".repeat(22)}`;
    expect((await login(owner.email, owner.password, office, forged)).status).toBe(429);
  }, 60_000);

  it("9 wrong guesses by a colleague at the same address do not lock out the owner's browser", async ({
    expect,
  }) => {
    const owner = await signIn("organiser", tree.hanoi);
    const office = unique("203.0.113.");
    const known = knownCookie(await login(owner.email, owner.password, office));
    for (let i = 0; i < 9; i++) await login(owner.email, "doan-bua", office);
    expect((await login(owner.email, owner.password, office)).status).toBe(429);
    expect((await login(owner.email, owner.password, office, known)).status).toBe(200);
    // Her own browser's wrong passwords still lock it, on its own cookie.
    for (let i = 0; i < LOCK_AFTER; i++) {
      expect((await login(owner.email, "go-sai", office, known)).status).toBe(401);
    }
    expect((await login(owner.email, owner.password, office, known)).status).toBe(429);
  }, 60_000);

  it("guesses against one email from three addresses: the email locks for unknown browsers after 16", async ({
    expect,
  }) => {
    const target = await signIn("admin", tree.hanoi);
    const known = knownCookie(await login(target.email, target.password, unique("203.0.113.")));
    const statuses: number[] = [];
    for (const address of [unique("198.51.100."), unique("198.51.100."), unique("198.51.100.")]) {
      for (let i = 0; i < LOCK_AFTER; i++)
        statuses.push((await login(target.email, "doan-bua", address)).status);
    }
    expect(statuses.filter((s) => s === 401)).toHaveLength(EMAIL_LOCK_AFTER);
    expect(statuses.filter((s) => s === 429)).toHaveLength(3 * LOCK_AFTER - EMAIL_LOCK_AFTER);
    expect((await login(target.email, target.password, unique("198.51.100."))).status).toBe(429);
    expect((await login(target.email, target.password, unique("198.51.100."), known)).status).toBe(200);
  }, 60_000);

  it("changing one's password is throttled like signing in: a left-open session cannot guess the current one", async ({
    expect,
  }) => {
    const user = await signIn("leader", tree.hanoi);
    const change = (current: string) =>
      postJson("/api/auth/password", { current, next: "mat-khau-moi-rat-dai-2027" }, user.headers);
    const statuses: number[] = [];
    for (let i = 0; i < LOCK_AFTER + 2; i++) statuses.push((await change(`doan-${i}`)).status);
    expect(statuses.slice(0, LOCK_AFTER)).toEqual(Array(LOCK_AFTER).fill(400));
    expect(statuses.slice(LOCK_AFTER)).toEqual([429, 429]);
    expect((await change(user.password)).status).toBe(429);
  }, 30_000);

  it("unlocking an email with '_' in it lifts no other account's lock", async ({ expect }) => {
    const outside = `kiemtra${unique("x")}@gopy.test`;
    const lookalike = outside.replace("kiemtra", "kiemtr_");
    await db()
      .insertInto("users")
      .values([
        {
          email: outside,
          password_hash: "x",
          role: "inspector",
          unit_id: tree.thaiNguyen.id,
          created_at: "2026-01-01",
        },
        {
          email: lookalike,
          password_hash: "x",
          role: "inspector",
          unit_id: tree.hanoi.id,
          created_at: "2026-01-01",
        },
      ])
      .execute();
    const address = unique("198.51.100.");
    for (let i = 0; i < LOCK_AFTER; i++) await login(outside, "doan-bua", address);
    expect((await login(outside, "doan-bua", address)).status).toBe(429);
    const provinceAdmin = await signIn("admin", tree.hanoi);
    const mine = (
      await db().selectFrom("users").select("id").where("email", "=", lookalike).executeTakeFirstOrThrow()
    ).id;
    expect((await postJson(`/api/users/${mine}/unlock`, {}, provinceAdmin.headers)).status).toBe(200);
    expect((await login(outside, "doan-bua", address)).status).toBe(429);
    // Nor does the list show the look-alike as locked.
    const list = await (
      await call(`/api/users?q=${encodeURIComponent("kiemtr")}`, { headers: provinceAdmin.headers })
    ).json<{ items: { email: string; locked: boolean }[] }>();
    expect(list.items.find((u) => u.email === lookalike)?.locked).toBe(false);
  }, 30_000);
});

describe("accounts that hold under races", () => {
  const patchUser = (id: number, body: unknown, headers: Record<string, string>) =>
    call(`/api/users/${id}`, {
      method: "PATCH",
      headers: { ...headers, "Content-Type": "application/json" },
      body: JSON.stringify(body),
    });
  const idOf = async (email: string) =>
    (await db().selectFrom("users").select("id").where("email", "=", email).executeTakeFirstOrThrow()).id;
  it("the last two admins of the centre demote each other at the same moment: one is refused, one admin stays", async ({
    expect,
  }) => {
    const root = await createUnit("Trung ương (thử cuộc đua)", "central");
    const a = await signIn("admin", root);
    const b = await signIn("admin", root);
    const [ida, idb] = [await idOf(a.email), await idOf(b.email)];
    await asOnlyRootAdmins([ida, idb], async () => {
      const [x, y] = await Promise.all([
        patchUser(idb, { role: "leader" }, a.headers),
        patchUser(ida, { role: "leader" }, b.headers),
      ]);
      // The loser is refused by the rule (400), or, when the winner landed first, as no admin any more (403).
      expect([x.status, y.status].filter((s) => s === 200)).toHaveLength(1);
      expect([x.status, y.status].some((s) => s === 400 || s === 403)).toBe(true);
      const admins = await db()
        .selectFrom("users")
        .select("id")
        .where("id", "in", [ida, idb])
        .where("role", "=", "admin")
        .execute();
      expect(admins).toHaveLength(1);
      // The database itself refuses the write that would leave none, whatever a service checked before.
      const [last] = admins;
      await expect(
        db()
          .updateTable("users")
          .set({ role: "leader" })
          .where("id", "=", last?.id ?? 0)
          .execute(),
      ).rejects.toThrow(/last_root_admin/);
    });
  });

  it("an admin who never set a password is not 'another admin': the last one who can sign in stays", async ({
    expect,
  }) => {
    const root = await createUnit("Trung ương (thử mật khẩu)", "central");
    const a = await signIn("admin", root);
    const ida = await idOf(a.email);
    const created = await postJson(
      "/api/users",
      { email: `${unique("moi")}@gopy.test`, name: "Chị Mới", role: "admin", unitId: root.id },
      a.headers,
    );
    expect(created.status).toBe(201);
    const idc = (await created.json<{ id: number }>()).id;
    await asOnlyRootAdmins([ida, idc], async () => {
      expect((await patchUser(ida, { active: false }, a.headers)).status).toBe(400);
      expect((await patchUser(ida, { role: "organiser" }, a.headers)).status).toBe(400);
      // Nor can her own new link take away the only password.
      expect((await postJson(`/api/users/${ida}/reset`, {}, a.headers)).status).toBe(400);
    });
  });

  it("creating an account whose email exists outside the admin's scope says nothing of it", async ({
    expect,
  }) => {
    const outsider = await signIn("organiser", tree.thaiNguyen);
    const provinceAdmin = await signIn("admin", tree.hanoi);
    const res = await postJson(
      "/api/users",
      { email: outsider.email.toUpperCase(), name: "Chị Lạ", role: "organiser", unitId: tree.hanoi.id },
      { ...provinceAdmin.headers, "Accept-Language": "vi" },
    );
    expect(res.status).toBe(400);
    const fields = (await res.json<{ error: { fields: Record<string, string> } }>()).error.fields;
    expect(JSON.stringify(fields)).not.toContain("đã có tài khoản");
    const mine = await signIn("organiser", tree.bachMai);
    const taken = await postJson(
      "/api/users",
      { email: mine.email, name: "Chị Quen", role: "organiser", unitId: tree.hanoi.id },
      provinceAdmin.headers,
    );
    expect(JSON.stringify(await taken.json())).toContain("đã có tài khoản");
  });
});

describe("an audit log that misses nothing", () => {
  type Entries = { items: { action: string; userEmail: string; status: number; eventId: number | null }[] };
  const auditOf = async (headers: Record<string, string>, query: string) =>
    (await (await call(`/api/audit?${query}`, { headers })).json<Entries>()).items;

  it("setting a password from a link, signing out and refused sign-ins are recorded", async ({ expect }) => {
    const provinceAdmin = await signIn("admin", tree.hanoi);
    const email = `${unique("moi")}@gopy.test`;
    const created = await postJson(
      "/api/users",
      { email, name: "Chị Mới", role: "organiser", unitId: tree.bachMai.id },
      provinceAdmin.headers,
    );
    const { id, setPasswordUrl } = await created.json<{ id: number; setPasswordUrl: string }>();
    const token = new URL(setPasswordUrl).searchParams.get("token");
    const set = await postJson(
      "/api/auth/set-password",
      { token, password: "mat-khau-rat-dai-2027" },
      { Origin: ORIGIN },
    );
    expect(set.status).toBe(200);
    const session = set.headers.get("Set-Cookie")?.split(";")[0] ?? "";
    expect((await postJson("/api/auth/logout", {}, { Origin: ORIGIN, Cookie: session })).status).toBe(200);
    expect(
      (await postJson("/api/auth/login", { email, password: "sai-roi-nhe" }, { Origin: ORIGIN })).status,
    ).toBe(401);
    const mine = await auditOf(provinceAdmin.headers, `user=${id}`);
    expect(mine.map((e) => e.action)).toEqual(["login_failed", "logout", "password_set"]);
    expect(mine[0]).toMatchObject({ userEmail: email, status: 401 });
  });

  it("a sign-in tried with an email no account has is shown to the centre's admins only", async ({
    expect,
  }) => {
    const nobody = `${unique("khong-co")}@gopy.test`;
    await postJson("/api/auth/login", { email: nobody, password: "doan-bua" }, { Origin: ORIGIN });
    const central = await auditOf(admin.headers, "action=login_failed&limit=500");
    expect(central.some((e) => e.userEmail === nobody)).toBe(true);
    const provinceAdmin = await signIn("admin", tree.hanoi);
    const province = await auditOf(provinceAdmin.headers, "action=login_failed&limit=500");
    expect(province.some((e) => e.userEmail === nobody)).toBe(false);
  });

  it("moving a person keeps her past entries with the unit she was in when she made them", async ({
    expect,
  }) => {
    const person = await signIn("organiser", tree.hanoi);
    const personId = (
      await db().selectFrom("users").select("id").where("email", "=", person.email).executeTakeFirstOrThrow()
    ).id;
    const cls = await createClass(person, tree.bachMai);
    await call(`/api/events/${cls.id}/close`, { method: "POST", headers: person.headers });
    const hanoiAdmin = await signIn("admin", tree.hanoi);
    const tnAdmin = await signIn("admin", tree.thaiNguyen);
    expect(await auditOf(hanoiAdmin.headers, `user=${personId}`)).toHaveLength(3);
    // The centre moves her to Thái Nguyên.
    const moved = await call(`/api/users/${personId}`, {
      method: "PATCH",
      headers: { ...admin.headers, "Content-Type": "application/json" },
      body: JSON.stringify({ unitId: tree.thaiNguyen.id }),
    });
    expect(moved.status).toBe(200);
    // Hà Nội's admin still sees what she did in Hà Nội; Thái Nguyên's does not inherit it.
    expect((await auditOf(hanoiAdmin.headers, `user=${personId}`)).map((e) => e.action)).toEqual([
      "event_close",
      "event_create",
      "login",
    ]);
    expect(await auditOf(tnAdmin.headers, `user=${personId}`)).toHaveLength(0);
  });
});

describe("too fast, as the server measures it", () => {
  const stampFrom = async (msAgo: number) => signed(env.DEVICE_SECRET ?? "", `served:${Date.now() - msAgo}`);
  const tooFastOf = async (eventId: number) =>
    (
      await db()
        .selectFrom("responses")
        .select(["too_fast as tooFast"])
        .where("event_id", "=", eventId)
        .orderBy("id")
        .execute()
    ).map((r) => r.tooFast);

  it("a plain form posted the moment its page was served, or with no stamp of ours, is set aside; one that took a minute counts", async ({
    expect,
  }) => {
    const cls = await createClass(organiser, tree.bachMai);
    const form = await publicFormOf(cls.code);
    const page = await call(`/s/${cls.code}`, { headers: { "CF-Connecting-IP": unique("10.9.") } });
    const served = /name="shownAt" value="([^"]+)"/.exec(await page.text())?.[1] ?? "";
    expect(served).toMatch(/^served:\d+\.[A-Za-z0-9_-]{22}$/);
    const post = (stamp: string | null) => {
      const fields = new URLSearchParams({ clientId: unique("nojs-"), role: "trainee" });
      if (stamp !== null) fields.set("shownAt", stamp);
      for (const q of form) if (q.type === "rating") fields.set(`a${q.id}`, "5");
      return call(`/s/${cls.code}`, {
        method: "POST",
        headers: { "Content-Type": "application/x-www-form-urlencoded", "CF-Connecting-IP": unique("10.9.") },
        body: fields.toString(),
        redirect: "manual",
      });
    };
    expect((await post(served)).status).toBe(303);
    // The old way: the page's own clock, which anyone could set to an hour ago.
    expect((await post(String(Date.now() - 3600_000))).status).toBe(303);
    expect((await post(null)).status).toBe(303);
    expect((await post(await stampFrom(60_000))).status).toBe(303);
    expect(await tooFastOf(cls.id)).toEqual([1, 1, 1, 0]);
  });

  it("the JSON API's elapsedMs can only make a response more suspect than the server's stamp says", async ({
    expect,
  }) => {
    const cls = await createClass(organiser, tree.bachMai);
    const send = async (extra: Record<string, unknown>) =>
      (await submit(cls.code, await body(cls.code, 4, extra), await phone(cls.code))).status;
    // Served a second ago, claims a week: too fast.
    expect(await send({ shownAt: await stampFrom(1000), elapsedMs: 7 * 86400_000 })).toBe(201);
    // Served a minute ago, claims two seconds: too fast.
    expect(await send({ shownAt: await stampFrom(60_000), elapsedMs: 2000 })).toBe(201);
    // Served a minute ago, says nothing: counted.
    expect(await send({ shownAt: await stampFrom(60_000) })).toBe(201);
    // An integration with neither: counted, as the public contract has always had it.
    expect(await send({})).toBe(201);
    expect(await tooFastOf(cls.id)).toEqual([1, 1, 0, 0]);
  });
});

describe("paper beyond the people expected", () => {
  it("a sheet past the expected count asks the organiser to confirm; confirmed, it counts and the class is flagged", async ({
    expect,
  }) => {
    const cls = await createClass(organiser, tree.bachMai, { expectedParticipants: 2 });
    const sheet = async (n: number, confirmOverExpected?: boolean) =>
      postJson(
        `/api/events/${cls.id}/paper-responses`,
        {
          sheet: `${cls.code}-${String(n).padStart(4, "0")}`,
          role: "trainee",
          answers: await answersFor(cls.code, 5),
          ...(confirmOverExpected === undefined ? {} : { confirmOverExpected }),
        },
        organiser.headers,
      );
    expect((await sheet(1)).status).toBe(201);
    expect((await sheet(2)).status).toBe(201);
    const third = await sheet(3);
    expect(third.status).toBe(409);
    expect((await third.json<{ error: { code: string } }>()).error.code).toBe("over_expected");
    expect(await countRows("responses", cls.id)).toBe(2);
    // Typing sheet 2 again is still the same sheet, not a new one to confirm.
    expect((await sheet(2)).status).toBe(200);
    expect((await sheet(3, true)).status).toBe(201);
    const event = await (await call(`/api/events/${cls.id}`, { headers: organiser.headers })).json<{
      responses: number;
      expectedParticipants: number;
      onPaper: number;
    }>();
    expect(event).toMatchObject({ responses: 3, expectedParticipants: 2, onPaper: 3 });
    const leader = await signIn("leader", tree.hanoi);
    const scores = await (
      await call(`/api/units/${tree.bachMai.id}/scores`, { headers: leader.headers })
    ).json<{ classes: { id: number; flags: string[] }[] }>();
    expect(scores.classes.find((c) => c.id === cls.id)?.flags).toContain("over_expected");
  });
});
