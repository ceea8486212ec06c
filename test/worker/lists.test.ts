// Lists that never cut off: an organiser with 55 classes pages through all of them, with the total, and finds one by code.
import { describe, it } from "vitest";
import { call, createClass, createTree, createUnit, signIn } from "./helpers";

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
