// Trainees answering through the public API: the contract of the brief, retries, and bad input.
import { env } from "cloudflare:workers";
import { beforeAll, describe, it } from "vitest";
import {
  answersFor,
  call,
  createClass,
  createTree,
  db,
  postJson,
  publicForm,
  signIn,
  submit,
} from "./helpers";

let code: string;
let eventId: number;

beforeAll(async () => {
  const tree = await createTree();
  const organiser = await signIn("organiser", tree.hanoi);
  ({ code, id: eventId } = await createClass(organiser, tree.bachMai));
});

const storedResponses = async (id: number) =>
  (await db().selectFrom("responses").select("id").where("event_id", "=", id).execute()).length;

describe("a trainee opens the class by its code", () => {
  it("gets the standard form: six ratings and one optional comment", async ({ expect }) => {
    const res = await call(`/api/public/events/${code}`);
    expect(res.status).toBe(200);
    const body = await res.json<{
      title: string;
      kind: string;
      status: string;
      questions: { type: string; label: string; required: boolean; options: unknown }[];
    }>();
    expect(body.kind).toBe("class");
    expect(body.status).toBe("open");
    expect(body.questions.map((q) => q.type)).toEqual([
      "rating",
      "rating",
      "rating",
      "rating",
      "rating",
      "rating",
      "text",
    ]);
    expect(body.questions[0]).toMatchObject({ label: "Nội dung bài giảng", required: true });
    expect(body.questions[0]?.options).toHaveLength(5);
    expect(body.questions[6]).toMatchObject({ label: "Kiến nghị, đề xuất", required: false });
  });

  it("reads the labels in English when the phone asks for English", async ({ expect }) => {
    const res = await call(`/api/public/events/${code}`, {
      headers: { "Accept-Language": "en-US,en;q=0.9" },
    });
    const body = await res.json<{ questions: { label: string }[] }>();
    expect(body.questions[0]?.label).toBe("Lecture content");
  });

  it("finds the class whatever the case and spacing of the typed code", async ({ expect }) => {
    const typed = `${code.slice(0, 3).toLowerCase()}-${code.slice(3)}`;
    expect((await call(`/api/public/events/${typed}`)).status).toBe(200);
  });

  it("gets 404 with the error shape for an unknown code", async ({ expect }) => {
    const res = await call("/api/public/events/XXXXXX");
    expect(res.status).toBe(404);
    const body = await res.json<{ error: { code: string; message: string } }>();
    expect(body.error.code).toBe("event_not_found");
    expect(body.error.message).toMatch(/Không tìm thấy/);
  });
});

describe("a trainee submits", () => {
  it("is stored once with 201, and a retry with the same clientId answers 200 with the same id", async ({
    expect,
  }) => {
    const answers = await answersFor(code, 4, "Nên tăng thời gian thực hành.");
    const body = { clientId: "retry-client-0001", role: "trainee", answers };
    const first = await submit(code, body);
    expect(first.status).toBe(201);
    const { id } = await first.json<{ id: number }>();
    const again = await submit(code, body);
    expect(again.status).toBe(200);
    expect(await again.json()).toEqual({ id });
    const rows = await db()
      .selectFrom("responses")
      .selectAll()
      .where("client_id", "=", "retry-client-0001")
      .execute();
    expect(rows).toHaveLength(1);
    const counts = await db()
      .selectFrom("answer_counts")
      .select(({ fn }) => fn.sum<number>("n").as("n"))
      .where("event_id", "=", eventId)
      .where("value", "=", "4")
      .executeTakeFirst();
    expect(Number(counts?.n)).toBeGreaterThanOrEqual(6);
  });

  it("trainee retries after the network drops, with both copies in flight: one response stored", async ({
    expect,
  }) => {
    const answers = await answersFor(code, 5);
    const before = await storedResponses(eventId);
    const body = { clientId: "parallel-client-01", role: "trainee", answers };
    const results = await Promise.all([submit(code, body), submit(code, body), submit(code, body)]);
    expect(results.map((r) => r.status).sort()).toEqual([200, 200, 201]);
    const ids = new Set(await Promise.all(results.map(async (r) => (await r.json<{ id: number }>()).id)));
    expect(ids.size).toBe(1);
    expect(await storedResponses(eventId)).toBe(before + 1);
  });

  it("reusing a clientId for different answers is refused with 422 and changes nothing", async ({
    expect,
  }) => {
    const clientId = "reused-client-001";
    expect(
      (await submit(code, { clientId, role: "trainee", answers: await answersFor(code, 3) })).status,
    ).toBe(201);
    const before = await storedResponses(eventId);
    const res = await submit(code, { clientId, role: "trainee", answers: await answersFor(code, 1) });
    expect(res.status).toBe(422);
    expect(await storedResponses(eventId)).toBe(before);
  });

  it("a lecturer's answer is stored with the lecturer role", async ({ expect }) => {
    const res = await submit(code, {
      clientId: "lecturer-client-1",
      role: "lecturer",
      answers: await answersFor(code, 5),
    });
    expect(res.status).toBe(201);
    const row = await db()
      .selectFrom("responses")
      .select("role")
      .where("client_id", "=", "lecturer-client-1")
      .executeTakeFirst();
    expect(row?.role).toBe("lecturer");
  });
});

describe("bad input is refused with the field named and nothing stored", () => {
  const cases: [string, (a: Record<string, unknown>) => unknown, string][] = [
    [
      "a missing required rating",
      (a) => ({ clientId: "bad-client-0001", role: "trainee", answers: dropFirst(a) }),
      "answers.",
    ],
    [
      "a rating of 6",
      (a) => ({ clientId: "bad-client-0002", role: "trainee", answers: setFirst(a, 6) }),
      "answers.",
    ],
    [
      "a rating of 0",
      (a) => ({ clientId: "bad-client-0003", role: "trainee", answers: setFirst(a, 0) }),
      "answers.",
    ],
    [
      "a rating of 3.5",
      (a) => ({ clientId: "bad-client-0004", role: "trainee", answers: setFirst(a, 3.5) }),
      "answers.",
    ],
    [
      "a rating sent as text",
      (a) => ({ clientId: "bad-client-0005", role: "trainee", answers: setFirst(a, "4") }),
      "answers.",
    ],
    [
      "an unknown question id",
      (a) => ({ clientId: "bad-client-0006", role: "trainee", answers: { ...a, 999999: 3 } }),
      "answers.999999",
    ],
    [
      "a comment over 2,000 characters",
      (a) => ({ clientId: "bad-client-0007", role: "trainee", answers: setText(a, "x".repeat(2001)) }),
      "answers.",
    ],
    [
      "a comment that is a number",
      (a) => ({ clientId: "bad-client-0008", role: "trainee", answers: setText(a, 42) }),
      "answers.",
    ],
    ["an unknown role", (a) => ({ clientId: "bad-client-0009", role: "manager", answers: a }), "role"],
    ["no clientId", (a) => ({ role: "trainee", answers: a }), "clientId"],
    [
      "a clientId with spaces",
      (a) => ({ clientId: "a b c d e f g h", role: "trainee", answers: a }),
      "clientId",
    ],
    [
      "answers as a list",
      () => ({ clientId: "bad-client-0010", role: "trainee", answers: [1, 2, 3] }),
      "answers",
    ],
    [
      "an extra field",
      (a) => ({ clientId: "bad-client-0011", role: "trainee", answers: a, score: 5 }),
      "score",
    ],
    ["a body that is not an object", () => [1, 2], "body"],
  ];

  let questions: { id: number; type: string }[] = [];
  const dropFirst = (a: Record<string, unknown>) => {
    const { [String(questions[0]?.id)]: _, ...rest } = a;
    return rest;
  };
  const setFirst = (a: Record<string, unknown>, v: unknown) => ({ ...a, [String(questions[0]?.id)]: v });
  const setText = (a: Record<string, unknown>, v: unknown) => ({
    ...a,
    [String(questions.find((q) => q.type === "text")?.id)]: v,
  });

  for (const [name, make, field] of cases) {
    it(`${name} → 400 naming ${field}`, async ({ expect }) => {
      questions = (await publicForm(code)).questions;
      const before = await storedResponses(eventId);
      const res = await submit(code, make(await answersFor(code, 4, "ok")));
      expect(res.status).toBe(400);
      const body = await res.json<{ error: { code: string; fields: Record<string, string> } }>();
      expect(Object.keys(body.error.fields).some((f) => f.startsWith(field))).toBe(true);
      expect(await storedResponses(eventId)).toBe(before);
    });
  }

  it("invalid JSON → 400 in English when asked", async ({ expect }) => {
    const res = await call(`/api/public/events/${code}/responses`, {
      method: "POST",
      headers: { "Content-Type": "application/json", "Accept-Language": "en" },
      body: '{"clientId": "abc',
    });
    expect(res.status).toBe(400);
    const body = await res.json<{
      error: { code: string; message: string; fields: Record<string, string> };
    }>();
    expect(body.error.code).toBe("invalid_json");
    expect(body.error.message).toBe("The request body is not valid JSON.");
    expect(body.error.fields.body).toBeDefined();
  });

  it("a 1 MB body → 413", async ({ expect }) => {
    const res = await postJson(`/api/public/events/${code}/responses`, {
      clientId: "big-client-00001",
      role: "trainee",
      answers: { 1: "x".repeat(1_000_000) },
    });
    expect(res.status).toBe(413);
    expect((await res.json<{ error: { code: string } }>()).error.code).toBe("body_too_large");
  });

  it("a script tag in a comment is stored as plain text", async ({ expect }) => {
    const text = '<script>alert("x")</script> =HYPERLINK("http://evil")';
    const res = await submit(code, {
      clientId: "script-client-01",
      role: "trainee",
      answers: await answersFor(code, 4, text),
    });
    expect(res.status).toBe(201);
    const row = await db()
      .selectFrom("comments")
      .select("text")
      .where("text", "like", "%<script>%")
      .executeTakeFirst();
    expect(row?.text).toBe(text);
  });
});

describe("a closed class", () => {
  it("answers 410 to a new submission but still confirms a retry of an earlier one", async ({ expect }) => {
    const tree = await createTree();
    const organiser = await signIn("organiser", tree.hanoi);
    const cls = await createClass(organiser, tree.hanoi);
    const answers = await answersFor(cls.code, 4);
    expect((await submit(cls.code, { clientId: "before-close-01", role: "trainee", answers })).status).toBe(
      201,
    );
    const close = await postJson(`/api/events/${cls.id}/close`, {}, organiser.headers);
    expect(close.status).toBe(200);
    expect((await submit(cls.code, { clientId: "after-close-001", role: "trainee", answers })).status).toBe(
      410,
    );
    expect((await submit(cls.code, { clientId: "before-close-01", role: "trainee", answers })).status).toBe(
      200,
    );
    const form = await call(`/api/public/events/${cls.code}`);
    expect((await form.json<{ status: string }>()).status).toBe("closed");
  });

  it("the cron closes surveys whose closing time has passed", async ({ expect }) => {
    const tree = await createTree();
    const organiser = await signIn("organiser", tree.hanoi);
    const now = Date.now();
    const cls = await createClass(organiser, tree.hanoi, {
      startsAt: new Date(now - 3 * 86400_000).toISOString(),
      endsAt: new Date(now - 2 * 86400_000).toISOString(),
      closesAt: new Date(now - 60_000).toISOString(),
    });
    const { default: worker } = await import("../../worker/index");
    await worker.scheduled({ cron: "*/5 * * * *", scheduledTime: now, noRetry() {} }, env);
    const row = await db()
      .selectFrom("events")
      .select(["status", "closed_at"])
      .where("id", "=", cls.id)
      .executeTakeFirst();
    expect(row?.status).toBe("closed");
    expect(row?.closed_at).not.toBeNull();
  });
});
