// Hostile input to every public and staff endpoint: a fixed corpus plus fast-check's random bodies.
// Every answer is below 500; a refusal names the field and leaves the database exactly as it was.
import { env } from "cloudflare:workers";
import fc from "fast-check";
import { beforeAll, describe, it } from "vitest";
import {
  answersFor,
  call,
  createClass,
  createTree,
  createUnit,
  createWorkshop,
  postJson,
  signIn,
  unique,
} from "./helpers";

type Json = Record<string, unknown>;

interface Target {
  name: string;
  method: "POST" | "PUT" | "PATCH" | "DELETE";
  path: string;
  /** A body the endpoint accepts; the corpus bends it. */
  valid: () => Json;
  staff: boolean;
  /** Tables a refusal may rightly change (a failed sign-in is counted). */
  counts?: readonly string[];
}

let targets: Target[] = [];
let admin: Awaited<ReturnType<typeof signIn>>;

beforeAll(async () => {
  const tree = await createTree();
  admin = await signIn("admin", tree.central);
  const commune = await createUnit("Hội LHPN xã Thử", "commune", tree.hanoi);
  const other = await createUnit("Hội LHPN xã Khác", "commune", tree.hanoi);
  const cls = await createClass(admin, commune);
  const ws = await createWorkshop(admin, commune, [
    "Mở lớp tin học cho hội viên",
    "Tăng kinh phí cho chi hội",
  ]);
  const pids = ws.proposalIds;
  const now = Date.now();
  const group = await (await postJson(`/api/events/${ws.id}/groups`, { label: "Nhóm" }, admin.headers)).json<{
    id: number;
  }>();
  const answers = await answersFor(cls.code, 4, "Rất bổ ích");
  const programme = await (
    await postJson(
      "/api/programmes",
      {
        name: "Đề án thử",
        unitId: tree.hanoi.id,
        startsOn: "2026-01-01",
        endsOn: "2027-12-31",
        categories: [],
      },
      admin.headers,
    )
  ).json<{ id: number }>();
  const person = await (
    await postJson(
      "/api/people",
      { name: "Lê Thị Điểm Danh", birthYear: 1979, position: "branch_head", unitId: commune.id },
      admin.headers,
    )
  ).json<{ id: number }>();
  const today = new Date().toISOString().slice(0, 10);
  const pub = (name: string, path: string, valid: () => Json): Target => ({
    name,
    method: "POST",
    path,
    valid,
    staff: false,
  });
  const staff = (name: string, method: Target["method"], path: string, valid: () => Json): Target => ({
    name,
    method,
    path,
    valid,
    staff: true,
  });
  targets = [
    pub("submit a response", `/api/public/events/${cls.code}/responses`, () => ({
      clientId: unique("client-"),
      role: "trainee",
      answers,
      elapsedMs: 60_000,
    })),
    pub("send a proposal", `/api/public/events/${ws.code}/proposals`, () => ({
      clientId: unique("client-"),
      text: "Đề nghị tổ chức thêm lớp kỹ năng số",
      addressee: "unsure",
      authorName: "Nguyễn Thị Hoa",
      authorUnit: "Chi hội 3",
    })),
    pub("support a proposal", `/api/public/proposals/${pids[0]}/supports`, () => ({
      clientId: unique("device-"),
    })),
    {
      ...pub("sign in", "/api/auth/login", () => ({ email: admin.email, password: admin.password })),
      // A refused sign-in is counted, and recorded in the audit log: those are its purpose.
      counts: ["sign_in_failures", "audit_log"],
    },
    staff("create an event", "POST", "/api/events", () => ({
      kind: "class",
      title: "Lớp tập huấn",
      unitId: commune.id,
      startsAt: new Date(now).toISOString(),
      endsAt: new Date(now + 3600_000).toISOString(),
      expectedParticipants: 30,
      lecturers: "Bà Lê Thị Lan",
      traineeCategory: null,
    })),
    staff("replace a form", "PUT", `/api/events/${cls.id}/form`, () => ({
      title: "Phiếu",
      questions: [
        {
          type: "rating",
          criterion: "content",
          labelVi: "Nội dung",
          labelEn: "Content",
          required: true,
          options: null,
          maxLength: null,
        },
      ],
    })),
    staff("delete an event", "DELETE", `/api/events/${ws.id}`, () => ({ confirm: ws.code })),
    staff("moderate a proposal", "PATCH", `/api/events/${ws.id}/proposals/${pids[0]}`, () => ({
      text: "Mở lớp tin học",
      hidden: false,
      followStatus: "received",
      followNote: "Đã chuyển",
    })),
    staff("merge proposals", "POST", `/api/events/${ws.id}/merges`, () => ({
      targetId: pids[0],
      sourceIds: [pids[1]],
    })),
    staff("dismiss a duplicate pair", "POST", `/api/events/${ws.id}/duplicates/dismiss`, () => ({
      a: pids[0],
      b: pids[1],
    })),
    staff("create a group", "POST", `/api/events/${ws.id}/groups`, () => ({
      label: "Nhóm mới",
      proposalIds: [],
    })),
    staff("rename a group", "PATCH", `/api/events/${ws.id}/groups/${group.id}`, () => ({ label: "Tên mới" })),
    staff("type the agenda's themes", "POST", `/api/events/${ws.id}/agenda`, () => ({
      labels: ["Vốn vay", "Nước sạch"],
    })),
    staff("record an observation", "PUT", `/api/events/${cls.id}/observation`, () => ({
      scores: { content: 4, method: 3 },
      note: "Tốt",
      observedOn: today,
    })),
    staff("add a unit", "POST", "/api/units", () => ({
      code: unique("N"),
      name: "Hội LHPN xã Mới",
      level: "commune",
      parentId: tree.hanoi.id,
      validFrom: null,
    })),
    staff("edit a unit", "PATCH", `/api/units/${commune.id}`, () => ({ name: "Hội LHPN xã Thử" })),
    staff("merge units", "POST", `/api/units/${other.id}/merge`, () => ({
      successorId: commune.id,
      date: today,
    })),
    staff("add a programme", "POST", "/api/programmes", () => ({
      name: "Chương trình",
      unitId: tree.hanoi.id,
      startsOn: "2026-01-01",
      endsOn: "2026-12-31",
      categories: [],
    })),
    staff("add a lexicon phrase", "POST", "/api/lexicon", () => ({
      kind: "proposal",
      topic: "digital",
      phrase: "chữ ký số",
      unitId: commune.id,
    })),
    staff("add a person to the register", "POST", "/api/people", () => ({
      name: unique("Nguyễn Thị "),
      birthYear: 1980,
      position: "branch_head",
      unitId: commune.id,
      since: today,
    })),
    staff("change a person", "PATCH", `/api/people/${person.id}`, () => ({
      position: "commune_vice_chair",
      until: null,
    })),
    staff("set a programme's target", "POST", `/api/programmes/${programme.id}/targets`, () => ({
      position: "branch_head",
      share: 0.7,
      by: "2027-06-30",
      minDays: 2,
    })),
    staff("set a target with a starting point", "POST", `/api/programmes/${programme.id}/targets`, () => ({
      position: "commune_chair",
      share: 1,
      by: "2027-06-30",
      baseline: 12,
    })),
    staff("set a programme's plan", "PUT", `/api/programmes/${programme.id}/plan`, () => ({
      years: [{ year: 2026, classes: 2, trainees: 40, budget: 1000 }],
    })),
    staff("record a class's attendance", "PUT", `/api/events/${cls.id}/attendance`, () => ({
      personIds: [person.id],
      completed: [person.id],
      days: 2,
    })),
  ];
});

let snapshotSql = "";

/** Every row of every table in one statement, to tell whether a request changed anything. */
async function snapshot(): Promise<string> {
  if (!snapshotSql) {
    const tables = await env.DB.prepare(
      "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' AND name NOT LIKE '_cf_%' AND name <> 'd1_migrations' ORDER BY name",
    ).all<{ name: string }>();
    const parts: string[] = [];
    for (const { name } of tables.results) {
      const cols = await env.DB.prepare(`SELECT name FROM pragma_table_info('${name}')`).all<{
        name: string;
      }>();
      const row = `json_array(${cols.results.map((c) => `"${c.name}"`).join(", ")})`;
      parts.push(
        `(SELECT count(*) || ':' || coalesce(group_concat(${row}, ';'), '') FROM "${name}") AS "${name}"`,
      );
    }
    snapshotSql = `SELECT ${parts.join(", ")}`;
  }
  return JSON.stringify(await env.DB.prepare(snapshotSql).first());
}

function send(t: Target, raw: string, contentType = "application/json"): Promise<Response> {
  return call(t.path, {
    method: t.method,
    headers: { ...(t.staff ? admin.headers : {}), "Content-Type": contentType },
    body: raw,
  });
}

interface Outcome {
  status: number;
  fields: string[];
  code: string;
  changed: boolean;
}

async function attempt(t: Target, raw: string, contentType?: string): Promise<Outcome> {
  const before = await snapshot();
  const res = await send(t, raw, contentType);
  const body = await res
    .json<{ error?: { code: string; fields?: Record<string, string> } }>()
    .catch(() => null);
  const after = await snapshot();
  const a = JSON.parse(before) as Record<string, string>;
  const b = JSON.parse(after) as Record<string, string>;
  const changed = Object.keys(a).some((k) => !(t.counts ?? []).includes(k) && a[k] !== b[k]);
  return {
    status: res.status,
    fields: Object.keys(body?.error?.fields ?? {}),
    code: body?.error?.code ?? "",
    changed,
  };
}

/** Shared by the corpus and the random bodies: no 5xx; a 400 names fields; any refusal changes nothing. */
function judge(o: Outcome, expectRefusal: boolean): string | null {
  if (o.status >= 500) return `answered ${o.status}`;
  if (expectRefusal && o.status < 400) return `accepted (${o.status})`;
  if (o.status >= 400 && o.changed) return `refused with ${o.status} but changed the database`;
  if (o.status === 400 || o.status === 413) {
    if (o.fields.length === 0) return `${o.status} without naming a field`;
  }
  if (o.status >= 400 && o.code === "") return `${o.status} without the error shape`;
  return null;
}

const BROKEN = ["{", "", "[]", "null", '"text"', "42", "true", '{"a":}', "{'a':1}", "\u0000", "{}".repeat(3)];
const WRONG_VALUES: unknown[] = [null, 12345, "x", [], {}, true, 1.5, -1, 1e308, ""];
const HOSTILE_TEXT = [
  "\u0000\u0001\u0002",
  "a\u0000b\u0007c",
  "😀👩‍👩‍👧‍👦🇻🇳",
  "\u202Eمرحبا بالعالم\u202C",
  "<script>alert(1)</script><img src=x onerror=alert(1)>",
  "'; DROP TABLE responses; --",
  "1 OR 1=1",
  '=HYPERLINK("http://evil.example","bấm")',
  "+cmd|' /C calc'!A0",
  "@SUM(1+1)",
  "x".repeat(20_000),
];

describe("a corpus of hostile requests", () => {
  it("invalid JSON, non-objects, duplicate keys, unknown fields and 1 MB bodies are refused naming the field", async ({
    expect,
  }) => {
    const problems: string[] = [];
    for (const t of targets) {
      const valid = t.valid();
      const cases: [string, string][] = [
        ...BROKEN.map((raw) => [`broken ${JSON.stringify(raw).slice(0, 20)}`, raw] as [string, string]),
        ["unknown field", JSON.stringify({ ...valid, zzz: 1 })],
        [
          "duplicate key",
          `{${JSON.stringify(Object.keys(valid)[0])}:${JSON.stringify(Object.values(valid)[0])},${JSON.stringify(valid).slice(1)}`,
        ],
        ["1 MB body", JSON.stringify({ ...valid, pad: "x".repeat(1024 * 1024) })],
      ];
      for (const [label, raw] of cases) {
        const verdict = judge(await attempt(t, raw), true);
        if (verdict) problems.push(`${t.name} · ${label}: ${verdict}`);
      }
      const huge = await attempt(t, JSON.stringify({ ...valid, pad: "x".repeat(1024 * 1024) }));
      if (huge.status !== 413) problems.push(`${t.name} · 1 MB: ${huge.status}`);
    }
    expect(problems).toEqual([]);
  }, 300_000);

  it("keys that reach a prototype, and duplicate keys under any JSON media type, are refused naming the key", async ({
    expect,
  }) => {
    const problems: string[] = [];
    const withKey = (valid: Json, key: string) => {
      const rest = JSON.stringify(valid).slice(1);
      return `{${JSON.stringify(key)}:{}${rest === "}" ? "" : ","}${rest}`;
    };
    for (const t of targets) {
      const valid = t.valid();
      for (const key of ["__proto__", "constructor", "prototype"]) {
        const o = await attempt(t, withKey(valid, key));
        const verdict = judge(o, true);
        if (verdict) problems.push(`${t.name} · ${key}: ${verdict}`);
        else if (o.status !== 400 || !o.fields.includes(key))
          problems.push(`${t.name} · ${key}: ${o.status} ${o.fields}`);
      }
      const first = Object.keys(valid)[0];
      if (first === undefined) continue;
      const dup = withKey(valid, first).replace("{}", JSON.stringify(Object.values(valid)[0]));
      const o = await attempt(t, dup, "application/merge-patch+json");
      const verdict = judge(o, true);
      if (verdict) problems.push(`${t.name} · duplicate key as +json: ${verdict}`);
    }
    expect(problems).toEqual([]);
  }, 300_000);

  it("wrong types, out-of-range numbers, missing fields and overlong strings in every field", async ({
    expect,
  }) => {
    const problems: string[] = [];
    for (const t of targets) {
      const valid = t.valid();
      for (const key of Object.keys(valid)) {
        const { [key]: _dropped, ...missing } = t.valid();
        for (const [label, body, mustRefuse] of [
          ["missing", missing, false],
          ["overlong", { ...t.valid(), [key]: "x".repeat(20_000) }, true],
          ...WRONG_VALUES.map((w) => [`= ${JSON.stringify(w)}`, { ...t.valid(), [key]: w }, false]),
        ] as [string, Json, boolean][]) {
          const o = await attempt(t, JSON.stringify(body));
          const verdict = judge(o, mustRefuse);
          if (verdict) problems.push(`${t.name} · ${key} ${label}: ${verdict}`);
          // A refusal names the field that was wrong (or one inside it).
          if (
            o.status === 400 &&
            label !== "missing" &&
            !o.fields.some((f) => f === key || f.startsWith(`${key}.`))
          ) {
            problems.push(`${t.name} · ${key} ${label}: named ${o.fields.join(", ")}`);
          }
        }
      }
    }
    expect(problems).toEqual([]);
  }, 300_000);

  it("null bytes, emoji, right-to-left text, HTML, SQL and formulas are stored as text or refused, never a 500", async ({
    expect,
  }) => {
    const problems: string[] = [];
    for (const t of targets) {
      const valid = t.valid();
      for (const key of Object.keys(valid).filter((k) => typeof valid[k] === "string")) {
        for (const text of HOSTILE_TEXT) {
          const o = await attempt(t, JSON.stringify({ ...t.valid(), [key]: text }));
          const verdict = judge(o, text.length > 10_000);
          if (verdict) problems.push(`${t.name} · ${key} = ${JSON.stringify(text.slice(0, 12))}: ${verdict}`);
        }
      }
    }
    expect(problems).toEqual([]);
    // Nothing stored anywhere holds a control character (the snapshot is JSON, so they would
    // appear escaped as \u00XX), and every table is still there.
    const stored = await snapshot();
    expect(stored).toContain("DROP TABLE");
    expect(stored).not.toMatch(/\\u00(0[0-8bcef]|1[0-9a-f])/i);
  }, 300_000);

  it("ratings out of range and answers to unknown questions are refused naming the answer", async ({
    expect,
  }) => {
    const t = targets[0];
    if (!t) throw new Error("no targets");
    const valid = t.valid();
    const [first] = Object.keys(valid.answers as Json);
    const problems: string[] = [];
    for (const bad of [0, 6, -1, 3.5, 1e9, "5", null, [5], { v: 5 }]) {
      const o = await attempt(
        t,
        JSON.stringify({ ...valid, answers: { ...(valid.answers as Json), [String(first)]: bad } }),
      );
      if (o.status !== 400 || !o.fields.includes(`answers.${first}`) || o.changed) {
        problems.push(`rating ${JSON.stringify(bad)}: ${o.status} ${o.fields.join(",")}`);
      }
    }
    const unknown = await attempt(
      t,
      JSON.stringify({ ...valid, answers: { ...(valid.answers as Json), 999999: 3 } }),
    );
    if (unknown.status !== 400 || unknown.changed) problems.push(`unknown question: ${unknown.status}`);
    expect(problems).toEqual([]);
  });
});

describe("dates the calendar does not have", () => {
  it("are refused naming the field, never rolled into the next month", async ({ expect }) => {
    const t = targets.find((x) => x.name === "create an event");
    if (!t) throw new Error("no event target");
    const problems: string[] = [];
    for (const [key, bad] of [
      ["startsAt", "2026-02-31T01:00"],
      ["endsAt", "2026-04-31T09:00:00Z"],
      ["startsAt", "2026-06-10T24:00"],
      ["endsAt", "2027-02-29T08:00"],
    ] as const) {
      const o = await attempt(t, JSON.stringify({ ...t.valid(), [key]: bad }));
      if (o.status !== 400 || !o.fields.includes(key) || o.changed) {
        problems.push(`${key} = ${bad}: ${o.status} ${o.fields.join(",")}`);
      }
    }
    // A leap day is a real day.
    const leap = await attempt(
      t,
      JSON.stringify({ ...t.valid(), startsAt: "2028-02-29T01:00:00Z", endsAt: "2028-02-29T09:00:00Z" }),
    );
    expect(leap.status).toBe(201);
    expect(problems).toEqual([]);
  });
});

describe("random bodies (fast-check)", () => {
  it("no body makes any endpoint answer 5xx, and every refusal leaves the database as it was", async ({
    expect,
  }) => {
    // Bodies shaped like the real one (its keys, random values) and bodies of any JSON at all.
    for (const t of targets) {
      const keys = Object.keys(t.valid());
      const shaped = fc.dictionary(fc.constantFrom(...keys, "extra"), fc.jsonValue({ maxDepth: 2 }), {
        maxKeys: keys.length + 1,
      });
      await fc.assert(
        fc.asyncProperty(fc.oneof(shaped, fc.jsonValue({ maxDepth: 3 })), async (body) => {
          const o = await attempt(t, JSON.stringify(body));
          const verdict = judge(o, false);
          if (verdict) throw new Error(`${t.name} ${JSON.stringify(body).slice(0, 200)}: ${verdict}`);
        }),
        { numRuns: 40, seed: 20261121 },
      );
    }
    expect(targets.length).toBeGreaterThan(15);
  }, 300_000);
});
