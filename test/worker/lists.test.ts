// Lists that never cut off: an organiser with 55 classes pages through all of them, with the total, and finds one by code.
import { describe, it } from "vitest";
import { call, createClass, createTree, createUnit, postJson, signIn } from "./helpers";

type Page = { items: { id: number; code: string }[]; total: number; next: number | null };

describe("the class list", () => {
  it("an organiser with 55 classes sees 50, the total and a next page with the other 5; a code finds its class", async ({
    expect,
  }) => {
    const tree = await createTree();
    const commune = await createUnit("Hội LHPN xã Đông Anh", "commune", tree.hanoi);
    const organiser = await signIn("organiser", commune);
    const made: { id: number; code: string }[] = [];
    for (let i = 0; i < 55; i++)
      made.push(await createClass(organiser, commune, { title: `Lớp số ${i + 1}` }));

    const first = await (await call("/api/events?limit=50", { headers: organiser.headers })).json<Page>();
    expect(first).toMatchObject({ total: 55, next: 50 });
    expect(first.items).toHaveLength(50);
    const second = await (
      await call(`/api/events?limit=50&cursor=${first.next}`, { headers: organiser.headers })
    ).json<Page>();
    expect(second).toMatchObject({ total: 55, next: null });
    const seen = new Set([...first.items, ...second.items].map((e) => e.id));
    expect(seen.size).toBe(55);
    expect([...seen].sort()).toEqual(made.map((m) => m.id).sort());

    const target = made[17];
    const found = await (
      await call(`/api/events?q=${target?.code}`, { headers: organiser.headers })
    ).json<Page>();
    expect(found.items.map((e) => e.id)).toEqual([target?.id]);
    // Filters: the two closed ones, and by the Vietnam day the classes started (yesterday).
    for (const m of made.slice(0, 2))
      await call(`/api/events/${m.id}/close`, { method: "POST", headers: organiser.headers });
    const closed = await (
      await call("/api/events?status=closed", { headers: organiser.headers })
    ).json<Page>();
    expect(closed.total).toBe(2);
    const open = await (await call("/api/events?status=open", { headers: organiser.headers })).json<Page>();
    expect(open.total).toBe(53);
    const vnDay = (ms: number) => new Date(ms + 7 * 3600_000).toISOString().slice(0, 10);
    const started = vnDay(Date.now() - 86400_000);
    const thatDay = await (
      await call(`/api/events?from=${started}&to=${started}`, { headers: organiser.headers })
    ).json<Page>();
    expect(thatDay.total).toBe(55);
    const later = await (
      await call(`/api/events?from=${vnDay(Date.now() + 86400_000)}`, { headers: organiser.headers })
    ).json<Page>();
    expect(later.total).toBe(0);
    // A limit out of range is named, not ignored.
    const bad = await call("/api/events?limit=5000", { headers: organiser.headers });
    expect(bad.status).toBe(400);
    expect(Object.keys((await bad.json<{ error: { fields: object } }>()).error.fields)).toEqual(["limit"]);
  }, 60_000);
});

describe("search as people type it", () => {
  it("an organiser types without diacritics, in capitals, or with combining marks: 'binh dang gioi' finds 'Bình đẳng giới', a unit's name finds its classes, 'nguyen thi' finds the account", async ({
    expect,
  }) => {
    const tree = await createTree();
    const commune = await createUnit("Hội LHPN phường Quỳnh Lôi", "commune", tree.hanoi);
    const organiser = await signIn("organiser", commune);
    const admin = await signIn("admin", commune);
    const gender = await createClass(organiser, commune, {
      title: "Tập huấn Bình đẳng giới cho chi hội trưởng",
    });
    const other = await createClass(organiser, commune, { title: "Lớp kỹ năng số" });
    const find = async (q: string) =>
      (
        await (
          await call(`/api/events?q=${encodeURIComponent(q)}`, { headers: organiser.headers })
        ).json<Page>()
      ).items.map((e) => e.id);
    expect(await find("binh dang gioi")).toEqual([gender.id]);
    expect(await find("BÌNH ĐẲNG")).toEqual([gender.id]);
    // Typed on a keyboard that sends the marks apart (NFD).
    expect(await find("Bình đẳng giới".normalize("NFD"))).toEqual([gender.id]);
    expect((await find("quynh loi")).sort()).toEqual([gender.id, other.id].sort());
    expect(await find("bình đẳng giới")).toEqual([gender.id]);
    expect(await find("binh dang gioi xyz")).toEqual([]);
    // Stored in capitals with the marks apart, found as typed plainly: the database folds like the app.
    const shouted = await createUnit("HỘI LHPN XÃ ĐỒNG TÂM ỨNG HÒA".normalize("NFD"), "commune", tree.hanoi);
    const province = await signIn("organiser", tree.hanoi);
    const there = await createClass(province, shouted, { title: "Lớp ghép" });
    const plain = await (
      await call(`/api/events?q=${encodeURIComponent("dong tam ung hoa")}`, { headers: province.headers })
    ).json<Page>();
    expect(plain.items.map((e) => e.id)).toEqual([there.id]);
    // A renamed unit is found by its new name only: the trigger folds the name again.
    const renamed = await call(`/api/units/${commune.id}`, {
      method: "PATCH",
      headers: { ...admin.headers, "Content-Type": "application/json" },
      body: JSON.stringify({ name: "Hội LHPN phường Vĩnh Tuy" }),
    });
    expect(renamed.status).toBe(200);
    expect((await find("vinh tuy")).sort()).toEqual([gender.id, other.id].sort());
    expect(await find("quynh loi")).toEqual([]);

    const made = await postJson(
      "/api/users",
      {
        email: `nguyen.hoa.${Date.now()}@gopy.test`,
        name: "Nguyễn Thị Hoà",
        role: "organiser",
        unitId: commune.id,
      },
      admin.headers,
    );
    expect(made.status).toBe(201);
    const { id } = await made.json<{ id: number }>();
    const accounts = await (
      await call(`/api/users?q=${encodeURIComponent("nguyen thi hoa")}`, { headers: admin.headers })
    ).json<{ items: { id: number }[] }>();
    expect(accounts.items.map((a) => a.id)).toEqual([id]);
  });
});

describe("the delegates' list", () => {
  it("a workshop of 305 proposals: the page lists the newest 10 and offers all, which lists 300 and says of how many; the API pages by 300", async ({
    expect,
  }) => {
    const tree = await createTree();
    const organiser = await signIn("organiser", tree.hanoi);
    const ws = await createClass(organiser, tree.bachMai, {
      kind: "workshop",
      title: "Hội nghị đại biểu đông người",
      expectedParticipants: 400,
    });
    // A big hall: each delegate on a phone of their own network.
    for (let i = 0; i < 305; i++) {
      const sent = await postJson(
        `/api/public/events/${ws.code}/proposals`,
        { clientId: `hall-${i}-${ws.code}`, text: `Đề xuất số ${i + 1} về công tác cán bộ` },
        { "CF-Connecting-IP": `10.9.${Math.floor(i / 200)}.${i % 200}` },
      );
      expect(sent.status).toBe(201);
    }
    const api = await (await call(`/api/public/events/${ws.code}/proposals`)).json<{
      items: unknown[];
      total: number;
      next: number | null;
    }>();
    expect(api.items).toHaveLength(300);
    expect(api.total).toBe(305);
    expect(api.next).toBe(300);
    const rest = await (await call(`/api/public/events/${ws.code}/proposals?cursor=300`)).json<{
      items: unknown[];
      next: number | null;
    }>();
    expect(rest.items).toHaveLength(5);
    expect(rest.next).toBeNull();
    const page = await (await call(`/s/${ws.code}`)).text();
    expect(page).toContain("(305)");
    expect(page.match(/<li class="prop"/g)).toHaveLength(10);
    expect(page).toContain("Đang hiện 10 đề xuất mới nhất trong 305.");
    expect(page).toContain(`<a href="/s/${ws.code}?sort=new&amp;all=1#list">Xem tất cả 305 đề xuất</a>`);
    const all = await (await call(`/s/${ws.code}?sort=new&all=1`)).text();
    expect(all.match(/<li class="prop"/g)).toHaveLength(300);
    expect(all).toContain("Đang hiện 300 đề xuất mới nhất trong 305.");
    expect(all).not.toContain("Xem tất cả");
    // Supporting one far down the whole list comes back to the whole list, at that proposal.
    expect(all).toContain("?sort=new&amp;all=1");
    // The page's script asks for as many as the page lists.
    const first = await (await call(`/api/public/events/${ws.code}/proposals?sort=new&limit=20`)).json<{
      items: unknown[];
      total: number;
    }>();
    expect(first.items).toHaveLength(20);
    expect(first.total).toBe(305);
    for (const limit of ["0", "301", "abc"]) {
      const bad = await call(`/api/public/events/${ws.code}/proposals?limit=${limit}`);
      expect(bad.status).toBe(400);
      expect(Object.keys((await bad.json<{ error: { fields: object } }>()).error.fields)).toEqual(["limit"]);
    }
  }, 120_000);
});
