// A province sets its scheme's target and plan; classes are held and attended; the progress says where it stands, by commune, the furthest behind first.

import { env } from "cloudflare:workers";
import { beforeAll, describe, it } from "vitest";
import { verifyAggregates } from "../../worker/db/stats";
import { call, createClass, createTree, createUnit, postJson, signIn } from "./helpers";

type Staff = Awaited<ReturnType<typeof signIn>>;

let tree: Awaited<ReturnType<typeof createTree>>;
let organiser: Staff;

beforeAll(async () => {
  tree = await createTree();
  organiser = await signIn("organiser", tree.hanoi);
});

const send = (method: "POST" | "PUT" | "PATCH", path: string, body: unknown, who: Staff = organiser) =>
  call(path, {
    method,
    headers: { ...who.headers, "Content-Type": "application/json" },
    body: JSON.stringify(body),
  });

interface Progress {
  targets: {
    id: number;
    position: string;
    people: number;
    trained: number;
    rate: number | null;
    expectedRate: number;
    onTrack: boolean;
  }[];
  units: {
    targetId: number;
    items: { name: string; people: number; trained: number; rate: number | null }[];
  }[];
  quality: { responses: number; overall: number | null };
  inspections: { classesObserved: number; unitsVisited: number };
  classes: {
    held: number;
    planned: number;
    people: number;
    byYear: { year: number; held: number; planned: number | null; personTimes: number }[];
  };
}

/** A programme run by `unitId`, created by the province's organiser. */
const newProgramme = async (
  name: string,
  unitId: number,
  startsOn: string,
  endsOn: string,
  categories: string[] = [],
) =>
  (
    await postJson("/api/programmes", { name, unitId, startsOn, endsOn, categories }, organiser.headers)
  ).json<{
    id: number;
  }>();

describe("programme progress", () => {
  it("3 of 5 branch heads have completed two days of the scheme's classes: 60% against the line to 70%, Phường B behind Xã A, classes held against planned", async ({
    expect,
  }) => {
    const a = await createUnit("Hội LHPN xã Tiến Bộ", "commune", tree.hanoi);
    const b = await createUnit("Hội LHPN phường Bạch Đằng", "commune", tree.hanoi);
    const programme = await newProgramme(
      "Đề án bồi dưỡng chi hội trưởng",
      tree.hanoi.id,
      "2024-01-01",
      "2027-12-31",
      ["branch_head"],
    );
    const target = await send("POST", `/api/programmes/${programme.id}/targets`, {
      position: "branch_head",
      share: 0.7,
      by: "2026-12-31",
      minDays: 2,
    });
    expect(target.status).toBe(201);
    const { id: targetId } = await target.json<{ id: number }>();
    const thisYear = Number(new Date(Date.now() + 7 * 3600_000).toISOString().slice(0, 4));
    const plan = await send("PUT", `/api/programmes/${programme.id}/plan`, {
      years: [
        { year: thisYear, classes: 3, trainees: 60, budget: 45_000_000 },
        { year: 2027, classes: 2, trainees: 40 },
      ],
    });
    expect(plan.status).toBe(200);

    const person = async (name: string, unitId: number, position = "branch_head") =>
      (
        await (
          await postJson("/api/people", { name, birthYear: 1980, position, unitId }, organiser.headers)
        ).json<{
          id: number;
        }>()
      ).id;
    const [a1, a2, a3] = [
      await person("Nguyễn Thị A1", a.id),
      await person("Nguyễn Thị A2", a.id),
      await person("Nguyễn Thị A3", a.id),
    ];
    const [b1, b2] = [await person("Trần Thị B1", b.id), await person("Trần Thị B2", b.id)];
    await person("Lê Thị Chủ Tịch", a.id, "commune_chair");

    // Xã A: a two-day class; A1 and A2 complete it, A3 leaves early.
    const ca = await createClass(organiser, a, { programmeId: programme.id });
    expect(
      (
        await send("PUT", `/api/events/${ca.id}/attendance`, {
          personIds: [a1, a2, a3],
          completed: [a1, a2],
          days: 2,
        })
      ).status,
    ).toBe(200);
    // Phường B: two one-day classes; B1 comes to both, B2 to one.
    const cb1 = await createClass(organiser, b, { programmeId: programme.id });
    const cb2 = await createClass(organiser, b, { programmeId: programme.id });
    await send("PUT", `/api/events/${cb1.id}/attendance`, { personIds: [b1, b2], days: 1 });
    await send("PUT", `/api/events/${cb2.id}/attendance`, { personIds: [b1], days: 1 });

    const res = await call(`/api/programmes/${programme.id}/progress`, { headers: organiser.headers });
    expect(res.status).toBe(200);
    const p = await res.json<Progress>();
    expect(p.targets).toHaveLength(1);
    const [t] = p.targets;
    expect(t).toMatchObject({ id: targetId, position: "branch_head", people: 5, trained: 3, rate: 0.6 });
    // On the straight line from 1 Jan 2024 to 70% on 31 Dec 2026: most of the way by now.
    expect(t?.expectedRate).toBeGreaterThan(0.6);
    expect(t?.onTrack).toBe(false);
    const units = p.units.find((u) => u.targetId === targetId)?.items ?? [];
    const mine = units.filter((u) => [a.name, b.name].includes(u.name));
    expect(mine.map((u) => [u.name, u.people, u.trained, u.rate])).toEqual([
      [b.name, 2, 1, 0.5],
      [a.name, 3, 2, 0.67],
    ]);
    expect(p.classes.byYear.find((y) => y.year === thisYear)).toMatchObject({
      held: 3,
      planned: 3,
      personTimes: 6,
    });
    // Distinct people who completed a class: A1, A2, B1, B2 (A3 left early).
    expect(p.classes.people).toBe(4);
    expect(p.classes.planned).toBe(3);
    // Quality and inspections from the classes' surveys and observations: none yet, then one class observed.
    expect(p.quality.responses).toBe(0);
    expect(p.inspections).toEqual({ classesObserved: 0, unitsVisited: 0 });
    const inspector = await signIn("inspector", tree.hanoi);
    const observed = await call(`/api/events/${cb1.id}/observation`, {
      method: "PUT",
      headers: { ...inspector.headers, "Content-Type": "application/json" },
      body: JSON.stringify({
        scores: { content: 4, method: 3 },
        observedOn: new Date().toISOString().slice(0, 10),
      }),
    });
    expect(observed.status).toBe(200);
    const after = await (
      await call(`/api/programmes/${programme.id}/progress`, { headers: organiser.headers })
    ).json<Progress>();
    expect(after.inspections).toEqual({ classesObserved: 1, unitsVisited: 1 });

    // Whom Xã A still has to train: A3 (she left early), as a list and as the invitation file.
    const untrained = await (
      await call(`/api/people?unit=${a.id}&position=branch_head&programme=${programme.id}&trained=no`, {
        headers: organiser.headers,
      })
    ).json<{ items: { name: string }[]; total: number }>();
    expect(untrained.items.map((x) => x.name)).toEqual(["Nguyễn Thị A3"]);
    const trainedB = await (
      await call(`/api/people?unit=${b.id}&position=branch_head&programme=${programme.id}&trained=yes`, {
        headers: organiser.headers,
      })
    ).json<{ items: { name: string }[] }>();
    expect(trainedB.items.map((x) => x.name)).toEqual(["Trần Thị B1"]);
    const invitation = await (
      await call(
        `/api/people/people.csv?unit=${b.id}&position=branch_head&programme=${programme.id}&trained=no`,
        {
          headers: organiser.headers,
        },
      )
    ).text();
    expect(invitation).toContain("Trần Thị B2");
    expect(invitation).not.toContain("Trần Thị B1");
    expect((await call(`/api/people?trained=no`, { headers: organiser.headers })).status).toBe(400);

    // The same, read for one commune; and a day before any class was held.
    const onlyA = await (
      await call(`/api/programmes/${programme.id}/progress?unit=${a.id}`, { headers: organiser.headers })
    ).json<Progress>();
    expect(onlyA.targets[0]).toMatchObject({ people: 3, trained: 2, rate: 0.67 });
    const early = await (
      await call(`/api/programmes/${programme.id}/progress?at=2024-06-30`, { headers: organiser.headers })
    ).json<Progress>();
    expect(early.targets[0]).toMatchObject({ trained: 0, rate: 0 });
    expect(early.classes).toMatchObject({ held: 0, people: 0 });
  });

  it("a district's two targets, branch heads and commune chairs, each counts its own people: read today from the summary rows and for last year's review from the register, card and table agreeing", async ({
    expect,
  }) => {
    const district = await createUnit("Hội LHPN huyện Mỹ Đức", "district", tree.hanoi);
    const a = await createUnit("Hội LHPN xã An Phú", "commune", district);
    const b = await createUnit("Hội LHPN xã Hương Sơn", "commune", district);
    const programme = await newProgramme(
      "Đề án cán bộ cơ sở huyện Mỹ Đức",
      district.id,
      "2024-01-01",
      "2027-12-31",
    );
    const target = async (position: string, minDays: number) =>
      (
        await (
          await send("POST", `/api/programmes/${programme.id}/targets`, {
            position,
            share: 0.8,
            by: "2027-12-31",
            minDays,
          })
        ).json<{ id: number }>()
      ).id;
    const heads = await target("branch_head", 1);
    const chairs = await target("commune_chair", 2);
    const person = async (name: string, unitId: number, position: string) =>
      (
        await (
          await postJson("/api/people", { name, birthYear: 1978, position, unitId }, organiser.headers)
        ).json<{ id: number }>()
      ).id;
    const a1 = await person("Đinh Thị Hạnh", a.id, "branch_head");
    await person("Đinh Thị Huệ", a.id, "branch_head");
    const aChair = await person("Bùi Thị Lan", a.id, "commune_chair");
    const b1 = await person("Lại Thị Mai", b.id, "branch_head");
    const bChair = await person("Cao Thị Nga", b.id, "commune_chair");
    // An Phú's two-day class in March 2024; Hương Sơn's one-day class in March 2025.
    const held = async (unit: { id: number }, day: string, personIds: number[], days: number) => {
      const c = await createClass(organiser, unit, {
        programmeId: programme.id,
        startsAt: `${day}T01:00:00.000Z`,
        endsAt: `${day}T09:00:00.000Z`,
      });
      expect((await send("PUT", `/api/events/${c.id}/attendance`, { personIds, days })).status).toBe(200);
    };
    await held(a, "2024-03-05", [a1, aChair], 2);
    await held(b, "2025-03-05", [b1, bChair], 1);

    const read = async (query: string) => {
      const p = await (
        await call(`/api/programmes/${programme.id}/progress${query}`, { headers: organiser.headers })
      ).json<Progress>();
      return Object.fromEntries(
        [heads, chairs].map((id) => {
          const card = p.targets.find((x) => x.id === id);
          const rows = p.units.find((u) => u.targetId === id)?.items ?? [];
          // Every units table adds up to its card.
          expect(rows.reduce((n, r) => n + r.people, 0)).toBe(card?.people);
          expect(rows.reduce((n, r) => n + r.trained, 0)).toBe(card?.trained);
          const row = (u: { name: string }) => rows.find((r) => r.name === u.name);
          return [
            id === heads ? "heads" : "chairs",
            [card?.people, card?.trained, row(a)?.trained, row(b)?.trained],
          ];
        }),
      );
    };
    // Today (and any day after both classes): the chair of Hương Sơn has one day of the two.
    const today = { heads: [3, 2, 1, 1], chairs: [2, 1, 1, 0] };
    expect(await read("")).toEqual(today);
    expect(await read("?at=2025-12-31")).toEqual(today);
    // The 2024 review, written while classes went on: Hương Sơn's class had not been held.
    expect(await read("?at=2024-12-31")).toEqual({ heads: [3, 1, 1, 0], chairs: [2, 1, 1, 0] });
  });

  it("people move, leave and finish a longer class: progress follows, and its summary rows equal a recount at every step", async ({
    expect,
  }) => {
    const a = await createUnit("Hội LHPN xã Đồng Tâm", "commune", tree.hanoi);
    const b = await createUnit("Hội LHPN xã Hòa Bình", "commune", tree.hanoi);
    const programme = await newProgramme("Đề án chủ tịch xã", tree.hanoi.id, "2024-01-01", "2027-12-31");
    await send("POST", `/api/programmes/${programme.id}/targets`, {
      position: "commune_chair",
      share: 1,
      by: "2027-12-31",
      minDays: 3,
    });
    const person = async (name: string, unitId: number) =>
      (
        await (
          await postJson(
            "/api/people",
            { name, birthYear: 1975, position: "commune_chair", unitId },
            organiser.headers,
          )
        ).json<{ id: number }>()
      ).id;
    const [c1, c2] = [await person("Phạm Thị Chi", a.id), await person("Đỗ Thị Dung", a.id)];
    const progress = async (unit: number) =>
      (
        await (
          await call(`/api/programmes/${programme.id}/progress?unit=${unit}`, { headers: organiser.headers })
        ).json<Progress>()
      ).targets[0];
    const recount = async () => (await verifyAggregates(env.DB)).filter((d) => d.n !== 0);

    // A two-day class: not yet the three days the target asks.
    const first = await createClass(organiser, a, { programmeId: programme.id });
    await send("PUT", `/api/events/${first.id}/attendance`, { personIds: [c1, c2], days: 2 });
    expect(await progress(a.id)).toMatchObject({ people: 2, trained: 0 });
    expect(await recount()).toEqual([]);
    // The class was three days after all: both are trained.
    await send("PUT", `/api/events/${first.id}/attendance`, { personIds: [c1, c2], days: 3 });
    expect(await progress(a.id)).toMatchObject({ people: 2, trained: 2 });
    expect(await recount()).toEqual([]);
    // Dung did not complete it after all.
    await send("PUT", `/api/events/${first.id}/attendance`, {
      personIds: [c1, c2],
      completed: [c1],
      days: 3,
    });
    expect(await progress(a.id)).toMatchObject({ people: 2, trained: 1 });
    // Chi moves to Hòa Bình: she and her training go with her.
    expect((await send("PATCH", `/api/people/${c1}`, { unitId: b.id })).status).toBe(200);
    expect(await progress(a.id)).toMatchObject({ people: 1, trained: 0 });
    expect(await progress(b.id)).toMatchObject({ people: 1, trained: 1 });
    expect(await progress(tree.hanoi.id)).toMatchObject({ trained: 1 });
    expect(await recount()).toEqual([]);
    // Dung leaves her position: no longer counted from that day.
    expect((await send("PATCH", `/api/people/${c2}`, { until: "2024-06-30" })).status).toBe(200);
    expect(await progress(a.id)).toMatchObject({ people: 0, trained: 0 });
    // The class's list cleared: nobody trained, nothing left in the summary.
    await send("PUT", `/api/events/${first.id}/attendance`, { personIds: [] });
    expect(await progress(b.id)).toMatchObject({ people: 1, trained: 0 });
    expect(await recount()).toEqual([]);
    // Đồng Tâm merges into Hòa Bình: its chair counts under Hòa Bình today (the rows follow the tree).
    await person("Vũ Thị Én", a.id);
    const merged = await postJson(
      `/api/units/${a.id}/merge`,
      { successorId: b.id, date: "2025-07-01" },
      (await signIn("admin", tree.central)).headers,
    );
    expect(merged.status).toBe(200);
    expect(await progress(b.id)).toMatchObject({ people: 2 });
    expect(await recount()).toEqual([]);
  });

  it("a workshop held for the scheme shows on its progress with its proposals by follow-up; one of another scheme does not", async ({
    expect,
  }) => {
    const programme = await newProgramme("Đề án tọa đàm", tree.hanoi.id, "2024-01-01", "2027-12-31");
    const ws = await createClass(organiser, tree.hanoi, {
      kind: "workshop",
      title: "Tọa đàm chi hội trưởng giỏi",
      expectedParticipants: 50,
      programmeId: programme.id,
    });
    await createClass(organiser, tree.hanoi, {
      kind: "workshop",
      title: "Tọa đàm khác",
      expectedParticipants: 20,
    });
    const ids: number[] = [];
    for (const text of ["Tăng phụ cấp chi hội trưởng", "Mở thêm lớp kỹ năng số", "Tài liệu in khổ lớn"]) {
      const sent = await postJson(`/api/public/events/${ws.code}/proposals`, {
        clientId: `workshop-delegate-${programme.id}-${ids.length}`,
        text,
      });
      ids.push((await sent.json<{ id: number }>()).id);
    }
    const done = await call(`/api/events/${ws.id}/proposals/${ids[0]}`, {
      method: "PATCH",
      headers: { ...organiser.headers, "Content-Type": "application/json" },
      body: JSON.stringify({ followStatus: "done" }),
    });
    expect(done.status).toBe(200);
    const p = await (
      await call(`/api/programmes/${programme.id}/progress`, { headers: organiser.headers })
    ).json<{ workshops: { title: string; proposals: number; follow: Record<string, number> }[] }>();
    expect(p.workshops).toHaveLength(1);
    expect(p.workshops[0]).toMatchObject({
      title: "Tọa đàm chi hội trưởng giỏi",
      proposals: 3,
      follow: { none: 2, done: 1, received: 0, accepted: 0, in_progress: 0, declined: 0 },
    });
  });

  it("a target's starting point entered by hand counts at the scheme's own unit, never below it; a wrong target can be taken back", async ({
    expect,
  }) => {
    const a = await createUnit("Hội LHPN xã Minh Khai", "commune", tree.hanoi);
    const programme = await newProgramme(
      "Đề án có số liệu đầu kỳ",
      tree.hanoi.id,
      "2024-01-01",
      "2027-12-31",
    );
    const target = await send("POST", `/api/programmes/${programme.id}/targets`, {
      position: "successor",
      share: 0.5,
      by: "2027-12-31",
      baseline: 2,
    });
    expect(target.status).toBe(201);
    const { id: targetId } = await target.json<{ id: number }>();
    for (const name of ["Hà Thị Nguồn 1", "Hà Thị Nguồn 2", "Hà Thị Nguồn 3", "Hà Thị Nguồn 4"]) {
      await postJson(
        "/api/people",
        { name, birthYear: 1995, position: "successor", unitId: a.id },
        organiser.headers,
      );
    }
    const read = async (unit?: number) =>
      await (
        await call(`/api/programmes/${programme.id}/progress${unit ? `?unit=${unit}` : ""}`, {
          headers: organiser.headers,
        })
      ).json<
        Progress & { canEdit: boolean; targets: { baseline: number | null; baselineCounted: boolean }[] }
      >();
    // One successor works at the province office itself.
    await postJson(
      "/api/people",
      { name: "Hà Thị Tỉnh", birthYear: 1996, position: "successor", unitId: tree.hanoi.id },
      organiser.headers,
    );
    const whole = await read();
    expect(whole.canEdit).toBe(true);
    expect(whole.targets[0]).toMatchObject({
      people: 5,
      trained: 2,
      rate: 0.4,
      baseline: 2,
      baselineCounted: true,
    });
    // The units table adds up to the card: the commune's four, and the office's own one in a row of its own.
    const rows = whole.units[0]?.items ?? [];
    expect(rows.reduce((n, u) => n + u.people, 0)).toBe(5);
    expect(rows.find((u) => u.name.startsWith(tree.hanoi.name))?.people).toBe(1);
    expect((await read(a.id)).targets[0]).toMatchObject({ people: 4, trained: 0, baselineCounted: false });
    const leader = await signIn("leader", tree.hanoi);
    expect(
      (
        await (
          await call(`/api/programmes/${programme.id}/progress`, { headers: leader.headers })
        ).json<{ canEdit: boolean }>()
      ).canEdit,
    ).toBe(false);
    const del = (who: Staff) =>
      call(`/api/programmes/${programme.id}/targets/${targetId}`, { method: "DELETE", headers: who.headers });
    expect((await del(leader)).status).toBe(403);
    expect((await del(organiser)).status).toBe(200);
    expect((await read()).targets).toEqual([]);
    expect((await del(organiser)).status).toBe(404);
  });

  it("a commune's own scheme counts its own people, even read from the province above it", async ({
    expect,
  }) => {
    const c = await createUnit("Hội LHPN xã Tân Lập", "commune", tree.hanoi);
    const d = await createUnit("Hội LHPN xã Tân Tiến", "commune", tree.hanoi);
    for (const [name, unitId] of [
      ["Kiều Thị Một", c.id],
      ["Kiều Thị Hai", c.id],
      ["Kiều Thị Ba", d.id],
      ["Kiều Thị Bốn", d.id],
      ["Kiều Thị Năm", d.id],
    ] as const) {
      await postJson(
        "/api/people",
        { name, birthYear: 1985, position: "branch_head", unitId },
        organiser.headers,
      );
    }
    const programme = await newProgramme("Kế hoạch của xã Tân Lập", c.id, "2026-01-01", "2026-12-31");
    await send("POST", `/api/programmes/${programme.id}/targets`, {
      position: "branch_head",
      share: 1,
      by: "2026-12-31",
    });
    for (const q of ["", `?unit=${tree.hanoi.id}`]) {
      const p = await (
        await call(`/api/programmes/${programme.id}/progress${q}`, { headers: organiser.headers })
      ).json<Progress & { unit: { id: number } }>();
      expect(p.unit.id).toBe(c.id);
      expect(p.targets[0]?.people).toBe(2);
    }
  });

  it("refuses what the scheme cannot hold, naming it; a leader reads progress but sets no target; a commune reads its province's scheme", async ({
    expect,
  }) => {
    const programme = await newProgramme("Chương trình ngắn", tree.hanoi.id, "2026-01-01", "2026-12-31");
    const fieldsOf = async (res: Response) =>
      Object.keys((await res.json<{ error: { fields: Record<string, string> } }>()).error.fields);
    const before = await send("POST", `/api/programmes/${programme.id}/targets`, {
      position: "branch_head",
      share: 0.5,
      by: "2025-06-30",
    });
    expect(before.status).toBe(400);
    expect(await fieldsOf(before)).toEqual(["by"]);
    const tooMuch = await send("POST", `/api/programmes/${programme.id}/targets`, {
      position: "branch_head",
      share: 1.5,
      by: "2026-06-30",
    });
    expect(await fieldsOf(tooMuch)).toEqual(["share"]);
    const unknown = await send("POST", `/api/programmes/${programme.id}/targets`, {
      position: "chairwoman",
      share: 0.5,
      by: "2026-06-30",
    });
    expect(await fieldsOf(unknown)).toEqual(["position"]);
    const years = await send("PUT", `/api/programmes/${programme.id}/plan`, {
      years: [
        { year: 2026, classes: 2, trainees: 30 },
        { year: 2026, classes: 1, trainees: 10 },
        { year: 2030, classes: 1, trainees: 10 },
      ],
    });
    expect(years.status).toBe(400);
    expect((await fieldsOf(years)).sort()).toEqual(["years.1.year", "years.2.year"]);

    const leader = await signIn("leader", tree.hanoi);
    expect((await call(`/api/programmes/${programme.id}/progress`, { headers: leader.headers })).status).toBe(
      200,
    );
    expect(
      (
        await send(
          "POST",
          `/api/programmes/${programme.id}/targets`,
          { position: "branch_head", share: 0.5, by: "2026-06-30" },
          leader,
        )
      ).status,
    ).toBe(403);
    const commune = await signIn("organiser", await createUnit("Hội LHPN xã Đọc", "commune", tree.hanoi));
    expect(
      (await call(`/api/programmes/${programme.id}/progress`, { headers: commune.headers })).status,
    ).toBe(200);
    expect((await send("PUT", `/api/programmes/${programme.id}/plan`, { years: [] }, commune)).status).toBe(
      404,
    );
    const elsewhere = await signIn("organiser", tree.thaiNguyen);
    expect(
      (await call(`/api/programmes/${programme.id}/progress`, { headers: elsewhere.headers })).status,
    ).toBe(404);
  });
});
