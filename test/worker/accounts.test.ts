// A province's admin runs accounts from the app: one-time links, roles, units, deactivation, own passwords.
import { beforeAll, describe, it } from "vitest";
import {
  asOnlyRootAdmins,
  call,
  createTree,
  createUnit,
  db,
  ORIGIN,
  postJson,
  signIn,
  unique,
} from "./helpers";

let tree: Awaited<ReturnType<typeof createTree>>;
let provinceAdmin: Awaited<ReturnType<typeof signIn>>;
beforeAll(async () => {
  tree = await createTree();
  provinceAdmin = await signIn("admin", tree.hanoi);
});

const patch = (path: string, body: unknown, headers: Record<string, string>) =>
  call(path, {
    method: "PATCH",
    headers: { "Content-Type": "application/json", ...headers },
    body: JSON.stringify(body),
  });

/** The fields a refusal names (the brief's error body). */
const fieldsOf = async (res: Response) =>
  (await res.json<{ error: { fields?: Record<string, unknown> } }>()).error.fields ?? {};

const tokenOf = (url: string) => new URL(url).searchParams.get("token") ?? "";

async function newAccount(role = "organiser", unitId = tree.bachMai.id) {
  const email = `${unique("chi.lan")}@gopy.test`;
  const res = await postJson(
    "/api/users",
    { email, name: "Nguyễn Thị Lan", role, unitId },
    provinceAdmin.headers,
  );
  const body = await res.json<{ id: number; setPasswordUrl: string }>();
  return { res, email, id: body.id, url: body.setPasswordUrl };
}

describe("accounts from the app", () => {
  it("the admin creates an organiser; the link sets her password once and signs her in; she sees her unit", async ({
    expect,
  }) => {
    const { res, email, url } = await newAccount();
    expect(res.status).toBe(201);
    expect(url).toMatch(/^https:\/\/gopy\.test\/app\/set-password\?token=[\w-]{20,}$/);
    // The audit log names the account the admin created.
    const logged = await (
      await call(`/api/audit?action=${"account_create"}&limit=1`, {
        headers: provinceAdmin.headers,
      })
    ).json<{ items: { target: string | null }[] }>();
    expect(logged.items[0]?.target).toBe(email);
    // No password yet: nothing signs in.
    expect((await postJson("/api/auth/login", { email, password: "" }, { Origin: ORIGIN })).status).toBe(400);

    // The link's page names the account before she chooses a password.
    const whose = await call(`/api/auth/set-password?token=${encodeURIComponent(tokenOf(url))}`);
    expect(whose.status).toBe(200);
    expect(await whose.json()).toMatchObject({ email, role: "organiser", unitName: tree.bachMai.name });
    expect((await call("/api/auth/set-password?token=not-a-link")).status).toBe(400);
    expect(await fieldsOf(await call("/api/auth/set-password"))).toHaveProperty("token");

    const weak = await postJson("/api/auth/set-password", { token: tokenOf(url), password: "1234567890" });
    expect(weak.status).toBe(400);
    expect(await fieldsOf(weak)).toHaveProperty("password");

    const set = await postJson("/api/auth/set-password", {
      token: tokenOf(url),
      password: "hoa sen nở giữa hồ",
    });
    expect(set.status).toBe(200);
    const cookie = set.headers.get("Set-Cookie")?.split(";")[0] ?? "";
    const me = await (await call("/api/auth/me", { headers: { Cookie: cookie } })).json<{
      role: string;
      unitName: string;
      email: string;
    }>();
    expect(me).toMatchObject({ role: "organiser", unitName: tree.bachMai.name, email });

    // The same link a second time: refused, the password unchanged.
    const again = await postJson("/api/auth/set-password", {
      token: tokenOf(url),
      password: "mot mat khau khac",
    });
    expect(again.status).toBe(400);
    expect((await call(`/api/auth/set-password?token=${encodeURIComponent(tokenOf(url))}`)).status).toBe(400);
    expect(
      (await postJson("/api/auth/login", { email, password: "hoa sen nở giữa hồ" }, { Origin: ORIGIN }))
        .status,
    ).toBe(200);
  });

  it("lists the accounts of the admin's subtree with a total and pages, and finds one by email", async ({
    expect,
  }) => {
    const made = [await newAccount(), await newAccount(), await newAccount()];
    const page1 = await (await call("/api/users?limit=2", { headers: provinceAdmin.headers })).json<{
      items: { email: string; unitName: string; active: boolean; locked: boolean }[];
      total: number;
      next: number | null;
    }>();
    expect(page1.items).toHaveLength(2);
    expect(page1.total).toBeGreaterThanOrEqual(4);
    expect(page1.next).toBe(2);
    const found = await (
      await call(`/api/users?q=${encodeURIComponent(made[1]?.email ?? "")}`, {
        headers: provinceAdmin.headers,
      })
    ).json<{ items: { email: string; unitName: string }[]; total: number; next: number | null }>();
    expect(found).toMatchObject({ total: 1, next: null });
    expect(found.items[0]).toMatchObject({ email: made[1]?.email, unitName: tree.bachMai.name });
    // Another province's accounts are not listed.
    const other = await signIn("organiser", tree.thaiNguyen);
    const all = await (await call("/api/users?limit=100", { headers: provinceAdmin.headers })).json<{
      items: { email: string }[];
    }>();
    expect(all.items.map((i) => i.email)).not.toContain(other.email);
  });

  it("a province admin cannot create an account at the centre or in another province, nor reuse an email", async ({
    expect,
  }) => {
    for (const unitId of [tree.central.id, tree.thaiNguyen.id]) {
      const res = await postJson(
        "/api/users",
        { email: `${unique("x")}@gopy.test`, name: "A", role: "admin", unitId },
        provinceAdmin.headers,
      );
      expect(res.status).toBe(400);
      expect(await fieldsOf(res)).toHaveProperty("unitId");
    }
    const { email } = await newAccount();
    const dup = await postJson(
      "/api/users",
      { email: email.toUpperCase(), name: "B", role: "leader", unitId: tree.hanoi.id },
      provinceAdmin.headers,
    );
    expect(dup.status).toBe(400);
    expect(await fieldsOf(dup)).toHaveProperty("email");
    const organiser = await signIn("organiser", tree.hanoi);
    expect(
      (
        await postJson(
          "/api/users",
          { email: `${unique("y")}@gopy.test`, name: "C", role: "leader", unitId: tree.hanoi.id },
          organiser.headers,
        )
      ).status,
    ).toBe(403);
  });

  it("a deactivated account's open session is refused at once, and it cannot sign in", async ({ expect }) => {
    const person = await signIn("inspector", tree.bachMai);
    const id = (
      await db().selectFrom("users").select("id").where("email", "=", person.email).executeTakeFirstOrThrow()
    ).id;
    expect((await call("/api/auth/me", { headers: person.headers })).status).toBe(200);
    expect((await patch(`/api/users/${id}`, { active: false }, provinceAdmin.headers)).status).toBe(200);
    expect((await call("/api/auth/me", { headers: person.headers })).status).toBe(401);
    // The list filters by status: the account is among the deactivated, not the active.
    const emails = async (status: string) =>
      (
        await (
          await call(`/api/users?status=${status}&q=${encodeURIComponent(person.email)}`, {
            headers: provinceAdmin.headers,
          })
        ).json<{ items: { email: string }[] }>()
      ).items.map((i) => i.email);
    expect(await emails("inactive")).toEqual([person.email]);
    expect(await emails("active")).toEqual([]);
    const login = await postJson(
      "/api/auth/login",
      { email: person.email, password: person.password },
      { Origin: ORIGIN },
    );
    expect(login.status).toBe(403);
    expect((await login.json<{ error: { code: string } }>()).error.code).toBe("account_inactive");
  });

  it("the last active admin of the centre can be neither deactivated nor given another role", async ({
    expect,
  }) => {
    // A root of its own, so other tests' admins do not count.
    const root = await createUnit("Trung ương (thử)", "central");
    const only = await signIn("admin", root);
    const id = (
      await db().selectFrom("users").select("id").where("email", "=", only.email).executeTakeFirstOrThrow()
    ).id;
    await asOnlyRootAdmins([id], async () => {
      const off = await patch(`/api/users/${id}`, { active: false }, only.headers);
      expect(off.status).toBe(400);
      expect(await fieldsOf(off)).toHaveProperty("active");
      expect((await patch(`/api/users/${id}`, { role: "leader" }, only.headers)).status).toBe(400);
      expect((await patch(`/api/users/${id}`, { name: "Chị Hoa" }, only.headers)).status).toBe(200);
    });
  });

  it("a reset ends the account's sessions and voids the old password until the new link is used", async ({
    expect,
  }) => {
    const person = await signIn("leader", tree.hanoi);
    const id = (
      await db().selectFrom("users").select("id").where("email", "=", person.email).executeTakeFirstOrThrow()
    ).id;
    const reset = await postJson(`/api/users/${id}/reset`, {}, provinceAdmin.headers);
    expect(reset.status).toBe(200);
    expect((await call("/api/auth/me", { headers: person.headers })).status).toBe(401);
    expect(
      (
        await postJson(
          "/api/auth/login",
          { email: person.email, password: person.password },
          { Origin: ORIGIN },
        )
      ).status,
    ).toBe(401);
    const url = (await reset.json<{ setPasswordUrl: string }>()).setPasswordUrl;
    expect(
      (await postJson("/api/auth/set-password", { token: tokenOf(url), password: "mùa thu Hà Nội 2026" }))
        .status,
    ).toBe(200);
  });

  it("a person changes their own password: the current one is checked, other sessions end, this one stays", async ({
    expect,
  }) => {
    const person = await signIn("organiser", tree.hanoi);
    const elsewhere = await postJson(
      "/api/auth/login",
      { email: person.email, password: person.password },
      { Origin: ORIGIN },
    );
    const otherCookie = elsewhere.headers.get("Set-Cookie")?.split(";")[0] ?? "";
    const wrong = await postJson(
      "/api/auth/password",
      { current: "sai", next: "một câu dài dễ nhớ" },
      person.headers,
    );
    expect(wrong.status).toBe(400);
    expect(await fieldsOf(wrong)).toHaveProperty("current");
    const mine = await postJson(
      "/api/auth/password",
      { current: person.password, next: person.email },
      person.headers,
    );
    expect(await fieldsOf(mine)).toHaveProperty("next");
    const ok = await postJson(
      "/api/auth/password",
      { current: person.password, next: "một câu dài dễ nhớ" },
      person.headers,
    );
    expect(ok.status).toBe(200);
    expect((await call("/api/auth/me", { headers: person.headers })).status).toBe(200);
    expect((await call("/api/auth/me", { headers: { Cookie: otherCookie } })).status).toBe(401);
    expect((await postJson("/api/auth/logout-all", {}, person.headers)).status).toBe(200);
    expect((await call("/api/auth/me", { headers: person.headers })).status).toBe(401);
  });
});
