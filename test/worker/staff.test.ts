// Staff sign in, organisers create and close classes, and everyone sees only their own subtree.
import { beforeAll, describe, it } from "vitest";
import { call, createClass, createTree, db, ORIGIN, postJson, signIn, submit } from "./helpers";

let tree: Awaited<ReturnType<typeof createTree>>;
const classBody = (unitId: number) => ({
  kind: "class",
  title: "Lớp",
  unitId,
  startsAt: "2026-03-01T08:00:00+07:00",
  endsAt: "2026-03-02T17:00:00+07:00",
  expectedParticipants: 30,
});
beforeAll(async () => {
  tree = await createTree();
});

describe("signing in", () => {
  it("a staff member signs in, sees who they are, and signs out", async ({ expect }) => {
    const staff = await signIn("leader", tree.hanoi);
    const me = await call("/api/auth/me", { headers: staff.headers });
    expect(me.status).toBe(200);
    expect(await me.json()).toMatchObject({ email: staff.email, role: "leader", unitId: tree.hanoi.id });
    const out = await postJson("/api/auth/logout", {}, staff.headers);
    expect(out.status).toBe(200);
    expect((await call("/api/auth/me", { headers: staff.headers })).status).toBe(401);
  });

  it("the session cookie is HttpOnly, SameSite=Lax and Secure over https", async ({ expect }) => {
    const staff = await signIn("admin", tree.central);
    const res = await postJson(
      "/api/auth/login",
      { email: staff.email, password: staff.password },
      { Origin: ORIGIN },
    );
    const cookie = res.headers.get("Set-Cookie") ?? "";
    expect(cookie).toMatch(/HttpOnly/);
    expect(cookie).toMatch(/SameSite=Lax/);
    expect(cookie).toMatch(/Secure/);
  });

  it("a wrong password and an unknown email get the same 401", async ({ expect }) => {
    const staff = await signIn("leader", tree.hanoi);
    const wrong = await postJson("/api/auth/login", { email: staff.email, password: "sai-mat-khau" });
    const unknown = await postJson("/api/auth/login", {
      email: "khong-co@gopy.test",
      password: "sai-mat-khau",
    });
    expect(wrong.status).toBe(401);
    expect(unknown.status).toBe(401);
    expect(await wrong.json()).toEqual(await unknown.json());
  });

  it("a malformed email is a 400 naming the field", async ({ expect }) => {
    const res = await postJson("/api/auth/login", { email: "not-an-email", password: "x" });
    expect(res.status).toBe(400);
    expect(Object.keys((await res.json<{ error: { fields: object } }>()).error.fields)).toEqual(["email"]);
  });

  it("staff calls without a session are 401", async ({ expect }) => {
    for (const path of ["/api/units", "/api/events", "/api/events/1", "/api/events/1/report"]) {
      expect((await call(path)).status).toBe(401);
    }
  });
});

describe("organiser creates a class", () => {
  it("gets an id and a 6-character code without ambiguous characters, and the standard form", async ({
    expect,
  }) => {
    const organiser = await signIn("organiser", tree.hanoi);
    const { id, code } = await createClass(organiser, tree.bachMai, {
      lecturers: "TS. Nguyễn Thị Hoa",
      traineeCategory: "branch_head",
    });
    expect(code).toMatch(/^[ACDEFHJKMNPRTUVWXY3479]{6}$/);
    const res = await call(`/api/events/${id}`, { headers: organiser.headers });
    const event = await res.json<{
      code: string;
      status: string;
      lecturers: string;
      surveyUrl: string;
      form: { version: number; questions: unknown[] };
    }>();
    expect(event).toMatchObject({ code, status: "open", lecturers: "TS. Nguyễn Thị Hoa" });
    expect(event.surveyUrl).toBe(`${ORIGIN}/s/${code}`);
    expect(event.form.questions).toHaveLength(7);
  });

  it("can give its own form, and editing it after responses makes a new version", async ({ expect }) => {
    const organiser = await signIn("organiser", tree.hanoi);
    const form = {
      title: "Phiếu rút gọn",
      questions: [
        {
          type: "rating",
          criterion: "content",
          labelVi: "Nội dung",
          labelEn: "",
          required: true,
          options: null,
          maxLength: null,
        },
        {
          type: "choice",
          criterion: null,
          labelVi: "Bạn biết lớp qua đâu?",
          labelEn: "",
          required: false,
          options: [
            { value: "zalo", labelVi: "Zalo", labelEn: "" },
            { value: "cong_van", labelVi: "Công văn", labelEn: "Official letter" },
          ],
          maxLength: null,
        },
      ],
    };
    const { id, code } = await createClass(organiser, tree.hanoi, { form });
    const pub = await (await call(`/api/public/events/${code}`)).json<{
      questions: { id: number; type: string }[];
    }>();
    expect(pub.questions.map((q) => q.type)).toEqual(["rating", "choice"]);
    const [rating, choice] = pub.questions;
    expect(
      (
        await submit(code, {
          clientId: "form-client-0001",
          role: "trainee",
          answers: { [String(rating?.id)]: 5, [String(choice?.id)]: "zalo" },
        })
      ).status,
    ).toBe(201);
    const bad = await submit(code, {
      clientId: "form-client-0002",
      role: "trainee",
      answers: { [String(rating?.id)]: 5, [String(choice?.id)]: "facebook" },
    });
    expect(bad.status).toBe(400);

    const edit = await call(`/api/events/${id}/form`, {
      method: "PUT",
      headers: { ...organiser.headers, "Content-Type": "application/json" },
      body: JSON.stringify({ ...form, questions: [form.questions[0]] }),
    });
    expect(edit.status).toBe(200);
    const after = await (await call(`/api/events/${id}`, { headers: organiser.headers })).json<{
      form: { version: number; questions: unknown[] };
    }>();
    expect(after.form.version).toBe(2);
    expect(after.form.questions).toHaveLength(1);
    // the earlier response keeps counting under the same criterion (one response: only its count is said)
    const report = await (await call(`/api/events/${id}/report`, { headers: organiser.headers })).json<{
      responses: number;
      criteria: { id: string; n: number | null }[];
    }>();
    expect(report.responses).toBe(1);
    expect(report.criteria).toEqual([expect.objectContaining({ id: "content", n: null, mean: null })]);
  });

  const bad: [string, Record<string, unknown>, string][] = [
    ["no title", { title: "  " }, "title"],
    ["a title of 201 characters", { title: "x".repeat(201) }, "title"],
    [
      "an end before the start",
      { startsAt: "2026-03-02T08:00:00+07:00", endsAt: "2026-03-01T08:00:00+07:00" },
      "endsAt",
    ],
    ["a date that is not ISO 8601", { startsAt: "15/03/2026" }, "startsAt"],
    ["zero expected trainees", { expectedParticipants: 0 }, "expectedParticipants"],
    ["expected trainees as text", { expectedParticipants: "40" }, "expectedParticipants"],
    ["an unknown kind", { kind: "party" }, "kind"],
    ["an unknown unit", { unitId: 987654 }, "unitId"],
    ["an unknown trainee category", { traineeCategory: "ceo" }, "traineeCategory"],
    [
      "a choice question without options",
      {
        form: {
          title: "F",
          questions: [
            {
              type: "choice",
              criterion: null,
              labelVi: "Q",
              labelEn: "",
              required: true,
              options: null,
              maxLength: null,
            },
          ],
        },
      },
      "form.questions.0.options",
    ],
  ];
  for (const [name, override, field] of bad) {
    it(`${name} → 400 naming ${field}`, async ({ expect }) => {
      const organiser = await signIn("organiser", tree.hanoi);
      const before = (await db().selectFrom("events").select("id").execute()).length;
      const res = await postJson(
        "/api/events",
        { ...classBody(tree.hanoi.id), ...override },
        organiser.headers,
      );
      expect(res.status).toBe(400);
      expect(Object.keys((await res.json<{ error: { fields: object } }>()).error.fields)).toContain(field);
      expect((await db().selectFrom("events").select("id").execute()).length).toBe(before);
    });
  }

  it("an inspector cannot create classes", async ({ expect }) => {
    const inspector = await signIn("inspector", tree.hanoi);
    const res = await postJson("/api/events", classBody(tree.hanoi.id), inspector.headers);
    expect(res.status).toBe(403);
  });

  it("an organiser of Hà Nội cannot create a class for Thái Nguyên", async ({ expect }) => {
    const organiser = await signIn("organiser", tree.hanoi);
    const res = await postJson("/api/events", classBody(tree.thaiNguyen.id), organiser.headers);
    expect(res.status).toBe(403);
  });

  it("a state-changing call from another site is refused", async ({ expect }) => {
    const organiser = await signIn("organiser", tree.hanoi);
    const { id } = await createClass(organiser, tree.hanoi);
    const res = await postJson(
      `/api/events/${id}/close`,
      {},
      { ...organiser.headers, Origin: "https://evil.example" },
    );
    expect(res.status).toBe(403);
  });
});

describe("scope", () => {
  it("an inspector of Thái Nguyên cannot read a Hà Nội class, its report or its export", async ({
    expect,
  }) => {
    const organiser = await signIn("organiser", tree.hanoi);
    const { id } = await createClass(organiser, tree.bachMai);
    const inspector = await signIn("inspector", tree.thaiNguyen);
    for (const path of [`/api/events/${id}`, `/api/events/${id}/report`, `/api/events/${id}/report.csv`]) {
      expect((await call(path, { headers: inspector.headers })).status).toBe(404);
    }
    const list = await (await call("/api/events?limit=200", { headers: inspector.headers })).json<{
      items: { id: number }[];
    }>();
    expect(list.items.map((e) => e.id)).not.toContain(id);
    const central = await signIn("inspector", tree.central);
    expect((await call(`/api/events/${id}/report`, { headers: central.headers })).status).toBe(200);
  });

  it("units are listed only within the caller's subtree", async ({ expect }) => {
    const leader = await signIn("leader", tree.hanoi);
    const units = await (await call("/api/units", { headers: leader.headers })).json<
      { id: number; parentId: number | null }[]
    >();
    const ids = units.map((u) => u.id);
    expect(ids).toContain(tree.hanoi.id);
    expect(ids).toContain(tree.bachMai.id);
    expect(ids).not.toContain(tree.thaiNguyen.id);
    expect(ids).not.toContain(tree.central.id);
  });

  it("a bad id is a 400, an unknown one a 404", async ({ expect }) => {
    const leader = await signIn("leader", tree.hanoi);
    expect((await call("/api/events/abc/report", { headers: leader.headers })).status).toBe(400);
    expect((await call("/api/events/99999999/report", { headers: leader.headers })).status).toBe(404);
  });
});
