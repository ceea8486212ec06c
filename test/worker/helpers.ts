// Test fixtures that go through the real Worker over HTTP; only staff accounts are inserted directly.
import { env, exports } from "cloudflare:workers";
import { Db } from "../../worker/db";
import type { Level, Role } from "../../worker/db/schema";
import { hashPassword } from "../../worker/domain/crypto";

export const ORIGIN = "https://gopy.test";
export const db = () => new Db(env.DB);

export function call(path: string, init: RequestInit = {}): Promise<Response> {
  return exports.default.fetch(new Request(`${ORIGIN}${path}`, init));
}

export function postJson(path: string, body: unknown, headers: Record<string, string> = {}) {
  return call(path, {
    method: "POST",
    headers: { "Content-Type": "application/json", ...headers },
    body: JSON.stringify(body),
  });
}

let seq = 0;
export const unique = (prefix: string) => `${prefix}${Date.now().toString(36)}${(seq++).toString(36)}`;

export async function createUnit(name: string, level: Level, parent?: { id: number; path: string }) {
  const code = unique("U");
  const row = await db()
    .insertInto("units")
    .values({
      code,
      name,
      level,
      parent_id: parent?.id ?? null,
      now_parent_id: parent?.id ?? null,
      path: "",
      now_path: "",
    })
    .returning("id")
    .executeTakeFirstOrThrow();
  const path = `${parent?.path ?? "/"}${row.id}/`;
  await db().updateTable("units").set({ path, now_path: path }).where("id", "=", row.id).execute();
  return { id: row.id, code, path, name };
}

/** Central → two provinces, each with a commune. */
export async function createTree() {
  const central = await createUnit("Trung ương Hội LHPN Việt Nam", "central");
  const hanoi = await createUnit("Hội LHPN Thành phố Hà Nội", "province", central);
  const thaiNguyen = await createUnit("Hội LHPN tỉnh Thái Nguyên", "province", central);
  const bachMai = await createUnit("Hội LHPN phường Bạch Mai", "commune", hanoi);
  const phanDinhPhung = await createUnit("Hội LHPN phường Phan Đình Phùng", "commune", thaiNguyen);
  return { central, hanoi, thaiNguyen, bachMai, phanDinhPhung };
}

/** Creates a staff account and signs it in through the API; returns headers carrying its session. */
export async function signIn(role: Role, unit: { id: number }) {
  const email = `${unique(role)}@gopy.test`;
  const password = "mat-khau-dai-123";
  await db()
    .insertInto("users")
    .values({
      email,
      password_hash: await hashPassword(password),
      role,
      unit_id: unit.id,
      created_at: new Date().toISOString(),
    })
    .execute();
  const res = await postJson("/api/auth/login", { email, password }, { Origin: ORIGIN });
  if (res.status !== 200) throw new Error(`login failed: ${res.status}`);
  const cookie = res.headers.get("Set-Cookie")?.split(";")[0] ?? "";
  return { email, password, headers: { Cookie: cookie, Origin: ORIGIN } };
}

export async function createClass(
  staff: { headers: Record<string, string> },
  unit: { id: number },
  overrides: Record<string, unknown> = {},
): Promise<{ id: number; code: string }> {
  // Classes and workshops share the call; a workshop passes kind: "workshop" here.
  const now = Date.now();
  const res = await postJson(
    "/api/events",
    {
      kind: "class",
      title: "Lớp bồi dưỡng chi hội trưởng",
      unitId: unit.id,
      startsAt: new Date(now - 86400_000).toISOString(),
      endsAt: new Date(now + 3600_000).toISOString(),
      expectedParticipants: 40,
      ...overrides,
    },
    staff.headers,
  );
  if (res.status !== 201) throw new Error(`create event failed: ${res.status} ${await res.text()}`);
  return res.json();
}

/** A workshop open now at `unit`, with these proposals already sent to it from phones. */
export async function createWorkshop(
  staff: { headers: Record<string, string> },
  unit: { id: number },
  proposals: readonly string[] = [],
): Promise<{ id: number; code: string; proposalIds: number[] }> {
  const ws = await createClass(staff, unit, {
    kind: "workshop",
    title: "Tọa đàm về chuyển đổi số",
    expectedParticipants: 50,
  });
  const proposalIds: number[] = [];
  for (const text of proposals) {
    const sent = await postJson(`/api/public/events/${ws.code}/proposals`, { clientId: unique("p-"), text });
    proposalIds.push((await sent.json<{ id: number }>()).id);
  }
  return { ...ws, proposalIds };
}

export interface PublicForm {
  questions: { id: number; type: string; label: string; required: boolean }[];
}

export async function publicForm(code: string): Promise<PublicForm> {
  const res = await call(`/api/public/events/${code}`);
  return res.json();
}

/** A full set of answers: every rating `rating`, plus a comment when given. */
export async function answersFor(code: string, rating: number, comment?: string) {
  const form = await publicForm(code);
  const answers: Record<string, unknown> = {};
  for (const q of form.questions) {
    if (q.type === "rating") answers[q.id] = rating;
    if (q.type === "text" && comment !== undefined) answers[q.id] = comment;
  }
  return answers;
}

export function submit(code: string, body: unknown, headers: Record<string, string> = {}) {
  return postJson(`/api/public/events/${code}/responses`, body, headers);
}

/**
 * A phone as the server knows it: it opens the event's page first and keeps the id cookie the
 * Worker signs there. `address` puts it behind another network (CF-Connecting-IP).
 */
export async function openPhone(code: string, address?: string): Promise<Record<string, string>> {
  const net: Record<string, string> = address ? { "CF-Connecting-IP": address } : {};
  const res = await call(`/s/${code}`, { headers: net });
  const cookie = res.headers.getSetCookie().find((c) => c.startsWith("gy_device="));
  if (!cookie) throw new Error(`no phone id from /s/${code} (${res.status})`);
  return { ...net, Cookie: cookie.split(";")[0] ?? "" };
}

/**
 * Runs `test` with every active admin of a root unit but `keep` deactivated, as if they were the
 * centre's only admins (other tests' admins would otherwise count), and puts them back after.
 */
export async function asOnlyRootAdmins(keep: readonly number[], test: () => Promise<void>): Promise<void> {
  const others = await db()
    .updateTable("users")
    .set({ active: 0 })
    .where("role", "=", "admin")
    .where("active", "=", 1)
    .where("id", "not in", keep)
    .where("unit_id", "in", db().selectFrom("units").select("id").where("parent_id", "is", null))
    .returning("id")
    .execute();
  try {
    await test();
  } finally {
    if (others.length > 0)
      await db()
        .updateTable("users")
        .set({ active: 1 })
        .where(
          "id",
          "in",
          others.map((o) => o.id),
        )
        .execute();
  }
}
