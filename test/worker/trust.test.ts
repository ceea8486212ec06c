// Trust: abuse limits, too-fast responses, sign-in throttling, the audit log, export and deletion, headers.
import { env } from "cloudflare:workers";
import { strFromU8, unzipSync } from "fflate";
import { beforeAll, describe, it } from "vitest";
import { verifyAggregates } from "../../worker/db/stats";
import { LOCK_AFTER, PROPOSALS_PER_PHONE, RESPONSES_PER_PHONE } from "../../worker/domain/limits";
import {
  answersFor,
  call,
  createClass,
  createTree,
  createUnit,
  createWorkshop,
  db,
  ORIGIN,
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

const phone = () => ({ Cookie: `gy_device=${unique("phone-device-")}` });
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

const newWorkshop = () => createWorkshop(organiser, tree.bachMai);

describe("abuse limits", () => {
  it(`one phone sends at most ${RESPONSES_PER_PHONE} responses to a class, and is told why; its retries still get their confirmation`, async ({
    expect,
  }) => {
    const cls = await createClass(organiser, tree.bachMai);
    const shared = phone();
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
    expect((await submit(cls.code, await body(cls.code), phone())).status).toBe(201);
    expect(await countRows("responses", cls.id)).toBe(RESPONSES_PER_PHONE + 1);
  });

  it("the plain form post tells a limited phone the same, with a 429 page", async ({ expect }) => {
    const cls = await createClass(organiser, tree.bachMai);
    const shared = phone();
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
    const shared = phone();
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
      .selectFrom("login_failures")
      .selectAll()
      .where("email", "=", user.email)
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
    const { entries } = await res.json<{
      entries: { userEmail: string; action: string; eventId: number; eventCode: string; at: string }[];
    }>();
    expect(entries.map((e) => e.action)).toEqual([
      "GET /api/events/:id/report.csv",
      "POST /api/events/:id/close",
      "POST /api/events",
    ]);
    expect(entries.every((e) => e.userEmail === organiser.email && e.eventCode === cls.code)).toBe(true);
    expect((await call("/api/audit", { headers: organiser.headers })).status).toBe(403);
    expect((await call("/api/audit?limit=9999", { headers: admin.headers })).status).toBe(400);
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
    expect(Object.values(full.responses?.[4]?.answers ?? {})).toContain(2);
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
    const { entries } = await (await call(`/api/audit?event=${gone.id}`, { headers: admin.headers })).json<{
      entries: { action: string }[];
    }>();
    expect(entries[0]?.action).toBe("DELETE /api/events/:id");
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

describe("the 5-response threshold", () => {
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
    const page = await (await call(`/s/${cls.code}`)).text();
    // No inline script or style anywhere on the phone page: all code comes from files.
    expect(page).not.toMatch(/<script(?![^>]*\bsrc=)[^>]*>/);
    expect(page).not.toMatch(/\sstyle=|<style/);
  });
});
