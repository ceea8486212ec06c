// Class quality across the hierarchy: aggregates kept by submissions, unit scores, flags, scope, history across the 2025 reform.
import { env } from "cloudflare:workers";
import { beforeAll, describe, it } from "vitest";
import { verifyAggregates } from "../../worker/db/stats";
import { answersFor, call, createClass, createUnit, db, postJson, signIn, submit, unique } from "./helpers";

interface UnitRow {
  id: number;
  name: string;
  classes: number;
  responses: number;
  expected: number;
  responseRate: number | null;
  means: Record<string, number | null> | null;
  overall: number | null;
  change: number | null;
  distribution: Record<string, Record<string, number>> | null;
  flags: string[];
  flaggedClasses: number;
}
interface ClassRow {
  id: number;
  code: string;
  responses: number;
  overall: number | null;
  observed: number | null;
  means: Record<string, number | null> | null;
  flags: string[];
}
interface Scores {
  unit: { id: number; name: string };
  ancestors: { id: number; name: string }[];
  total: UnitRow;
  units: UnitRow[];
  classes: ClassRow[];
  classesTotal: number;
  trend: { period: string; responses: number; overall: number | null }[];
  merged: { id: number; name: string }[];
}

const json = async <T>(res: Response): Promise<T> => {
  if (res.status !== 200) throw new Error(`${res.status} ${await res.text()}`);
  return res.json<T>();
};

/** A class in a given month (Vietnam time) that still accepts answers today. */
async function classIn(
  staff: { headers: Record<string, string> },
  unit: { id: number },
  month: string,
  extra: Record<string, unknown> = {},
) {
  return createClass(staff, unit, {
    startsAt: `${month}-10T01:00:00Z`,
    endsAt: `${month}-10T09:00:00Z`,
    closesAt: new Date(Date.now() + 86400_000).toISOString(),
    expectedParticipants: 10,
    ...extra,
  });
}

let n = 0;
/** `count` trainees answer with the given ratings (one per rating question, cycling). */
async function answer(code: string, count: number, ratings: number[]) {
  const form = await (await call(`/api/public/events/${code}`)).json<{
    questions: { id: number; type: string }[];
  }>();
  for (let i = 0; i < count; i++) {
    const answers: Record<string, unknown> = {};
    let k = 0;
    for (const q of form.questions) {
      if (q.type === "rating") answers[q.id] = ratings[(k++ + i) % ratings.length];
    }
    const res = await submit(code, { clientId: `dash-${n++}-${Date.now()}`, role: "trainee", answers });
    if (res.status !== 201) throw new Error(`submit ${res.status} ${await res.text()}`);
  }
}

/** Central → province → district (before 2025) → commune, plus a second province. */
async function reformTree() {
  const central = await createUnit("Trung ương Hội LHPN Việt Nam", "central");
  const thaiNguyen = await createUnit("Hội LHPN tỉnh Thái Nguyên", "province", central);
  const bacKan = await createUnit("Hội LHPN tỉnh Bắc Kạn", "province", central);
  const baBe = await createUnit("Hội LHPN huyện Ba Bể", "district", bacKan);
  const chuHuong = await createUnit("Hội LHPN xã Chu Hương", "commune", baBe);
  const phanDinhPhung = await createUnit("Hội LHPN phường Phan Đình Phùng", "commune", thaiNguyen);
  const hanoi = await createUnit("Hội LHPN Thành phố Hà Nội", "province", central);
  const bachMai = await createUnit("Hội LHPN phường Bạch Mai", "commune", hanoi);
  return { central, thaiNguyen, bacKan, baBe, chuHuong, phanDinhPhung, hanoi, bachMai };
}

let tree: Awaited<ReturnType<typeof reformTree>>;
let organiser: Awaited<ReturnType<typeof signIn>>;
let inspector: Awaited<ReturnType<typeof signIn>>;
beforeAll(async () => {
  tree = await reformTree();
  organiser = await signIn("admin", tree.central);
  inspector = await signIn("inspector", tree.central);
});

const scores = (unitId: number, query: string, who = inspector, file = "scores") =>
  call(`/api/units/${unitId}/${file}?${query}`, { headers: who.headers });

describe("aggregates", () => {
  it("after random submissions every aggregate equals what the raw answers give", async ({ expect }) => {
    const a = await classIn(organiser, tree.chuHuong, "2025-03");
    const b = await classIn(organiser, tree.phanDinhPhung, "2025-09", { traineeCategory: "branch_head" });
    const c = await classIn(organiser, tree.bachMai, "2025-09");
    let seed = 7;
    const rand = () => {
      seed = (seed * 48271) % 2147483647;
      return seed / 2147483647;
    };
    for (const cls of [a, b, c, a, b]) {
      const ratings = Array.from({ length: 6 }, () => 1 + Math.floor(rand() * 5));
      await answer(cls.code, 1 + Math.floor(rand() * 4), ratings);
    }
    // A retry of the same clientId changes nothing.
    const body = { clientId: "dash-retry-00001", role: "trainee", answers: await answersFor(a.code, 3) };
    expect((await submit(a.code, body)).status).toBe(201);
    expect((await submit(a.code, body)).status).toBe(200);
    const diff = await verifyAggregates(env.DB);
    expect(diff.filter((d) => d.n !== 0)).toEqual([]);
  });
});

describe("unit scores", () => {
  it("the national view lists provinces with responses, rate, means and flags, and drills down to a class", async ({
    expect,
  }) => {
    const good = await classIn(organiser, tree.bachMai, "2026-02", { expectedParticipants: 8 });
    await answer(good.code, 6, [5, 4, 5]);
    const national = await json<Scores>(await scores(tree.central.id, "from=2026-01&to=2026-03"));
    const hanoi = national.units.find((u) => u.id === tree.hanoi.id);
    expect(hanoi).toMatchObject({ classes: 1, responses: 6, expected: 8, responseRate: 0.75 });
    expect(hanoi?.means?.content).toBeGreaterThan(4);
    expect(hanoi?.flags).toEqual([]);
    expect(national.units.map((u) => u.id)).toContain(tree.thaiNguyen.id);
    const province = await json<Scores>(await scores(tree.hanoi.id, "from=2026-01&to=2026-03"));
    expect(province.ancestors.map((x) => x.id)).toEqual([tree.central.id]);
    expect(province.units.map((u) => u.id)).toEqual([tree.bachMai.id]);
    const commune = await json<Scores>(await scores(tree.bachMai.id, "from=2026-01&to=2026-03"));
    expect(commune.classes.map((k) => k.code)).toEqual([good.code]);
    expect(commune.classes[0]?.responses).toBe(6);
  });

  it("a class with fewer than 5 responses shows no means or distribution, in the view and the exports", async ({
    expect,
  }) => {
    const unit = await createUnit("Hội LHPN phường Hoàn Kiếm", "commune", tree.hanoi);
    const few = await classIn(organiser, unit, "2026-04", { title: "=1+1 Lớp ít phiếu" });
    await answer(few.code, 3, [2]);
    const s = await json<Scores>(await scores(unit.id, "from=2026-04&to=2026-04"));
    expect(s.classes[0]).toMatchObject({ responses: 3, means: null, overall: null });
    expect(s.classes[0]?.flags).toContain("few_responses");
    expect(s.total.distribution).toBeNull();
    const parent = await json<Scores>(await scores(tree.hanoi.id, "from=2026-04&to=2026-04"));
    const row = parent.units.find((u) => u.id === unit.id);
    expect(row).toMatchObject({ responses: 3, means: null, distribution: null });
    const csv = await call(`/api/units/${unit.id}/classes.csv?from=2026-04&to=2026-04`, {
      headers: inspector.headers,
    });
    expect(csv.status).toBe(200);
    const bytes = new Uint8Array(await csv.arrayBuffer());
    expect([...bytes.slice(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const text = new TextDecoder().decode(bytes);
    expect(text).toContain("'=1+1"); // formula neutralised
    expect(text).not.toMatch(/,2,2,2,2,2,2,/); // no per-criterion means for 3 responses
    const xlsx = await call(`/api/units/${unit.id}/scores.xlsx?from=2026-04&to=2026-04`, {
      headers: inspector.headers,
    });
    expect(xlsx.status).toBe(200);
    expect(xlsx.headers.get("Content-Type")).toContain("spreadsheetml");
  });

  it("flags a low overall, a low response rate and identical answers, with a configurable threshold", async ({
    expect,
  }) => {
    const unit = await createUnit("Hội LHPN phường Đức Xuân", "commune", tree.thaiNguyen);
    const weak = await classIn(organiser, unit, "2026-05", { expectedParticipants: 20 });
    await answer(weak.code, 6, [3]); // every answer a 3: identical, 3.0 overall, 6 of 20
    const s = await json<Scores>(await scores(unit.id, "from=2026-05&to=2026-05"));
    expect(s.classes[0]?.flags).toEqual(["low_score", "low_response_rate", "identical_answers"]);
    const lenient = await json<Scores>(await scores(unit.id, "from=2026-05&to=2026-05&threshold=2.5"));
    expect(lenient.classes[0]?.flags).not.toContain("low_score");
    const parent = await json<Scores>(await scores(tree.thaiNguyen.id, "from=2026-05&to=2026-05"));
    expect(parent.units.find((u) => u.id === unit.id)?.flaggedClasses).toBe(1);
  });

  it("reports the change from the previous period of the same length", async ({ expect }) => {
    const unit = await createUnit("Hội LHPN phường Tích Lương", "commune", tree.thaiNguyen);
    await answer((await classIn(organiser, unit, "2024-02")).code, 5, [3, 3, 4]);
    await answer((await classIn(organiser, unit, "2024-04")).code, 5, [4, 5, 5]);
    const s = await json<Scores>(await scores(unit.id, "from=2024-03&to=2024-04&by=quarter"));
    expect(s.total.responses).toBe(5);
    expect(s.total.change).toBeGreaterThan(0.9);
    expect(s.trend.map((p) => p.period)).toEqual(["2024-Q2"]);
  });

  it("filters by programme and trainee category", async ({ expect }) => {
    const prog = await postJson(
      "/api/programmes",
      {
        name: "Đề án bồi dưỡng cán bộ Hội 2019-2025",
        unitId: tree.central.id,
        startsOn: "2019-01-01",
        endsOn: "2025-12-31",
        categories: ["branch_head"],
      },
      organiser.headers,
    );
    expect(prog.status).toBe(201);
    const { id: programmeId } = await prog.json<{ id: number }>();
    const unit = await createUnit("Hội LHPN phường Gia Sàng", "commune", tree.thaiNguyen);
    const inProg = await classIn(organiser, unit, "2025-11", { programmeId, traineeCategory: "branch_head" });
    const other = await classIn(organiser, unit, "2025-11", { traineeCategory: "commune_chair" });
    await answer(inProg.code, 5, [4]);
    await answer(other.code, 5, [2]);
    const byProg = await json<Scores>(
      await scores(unit.id, `from=2025-11&to=2025-11&programme=${programmeId}`),
    );
    expect(byProg.classes.map((k) => k.code)).toEqual([inProg.code]);
    expect(byProg.total.responses).toBe(5);
    const byCat = await json<Scores>(await scores(unit.id, "from=2025-11&to=2025-11&category=commune_chair"));
    expect(byCat.classes.map((k) => k.code)).toEqual([other.code]);
  });

  it("answers 400 naming the field for bad filters and 404 for unknown units", async ({ expect }) => {
    for (const [query, field] of [
      ["from=2026-13", "from"],
      ["from=2026-05&to=2026-01", "to"],
      ["tree=later", "tree"],
      ["level=central", "level"],
      ["threshold=9", "threshold"],
      ["programme=999999", "programme"],
      ["category=x", "category"],
      ["colour=red", "colour"],
    ]) {
      const res = await scores(tree.thaiNguyen.id, query ?? "");
      expect(res.status, query).toBe(400);
      const body = await res.json<{ error: { fields: Record<string, string> } }>();
      expect(Object.keys(body.error.fields), query).toContain(field);
    }
    expect((await scores(987654, "")).status).toBe(404);
    expect((await call("/api/units/abc/scores", { headers: inspector.headers })).status).toBe(400);
  });

  it("an inspector of one province cannot see another's scores or exports", async ({ expect }) => {
    const local = await signIn("inspector", tree.thaiNguyen);
    expect((await scores(tree.thaiNguyen.id, "", local)).status).toBe(200);
    expect((await scores(tree.hanoi.id, "", local)).status).toBe(404);
    expect((await scores(tree.central.id, "", local)).status).toBe(404);
    for (const file of ["scores.csv", "classes.xlsx"]) {
      expect((await call(`/api/units/${tree.bachMai.id}/${file}`, { headers: local.headers })).status).toBe(
        404,
      );
    }
    const leader = await signIn("leader", tree.hanoi);
    expect((await scores(tree.thaiNguyen.id, "", leader)).status).toBe(404);
    expect((await call(`/api/units/${tree.hanoi.id}/scores`)).status).toBe(401);
  });
});

describe("the 2025 reform", () => {
  it("after Bắc Kạn merges into Thái Nguyên, its old classes count under Thái Nguyên today and under Bắc Kạn as it was", async ({
    expect,
  }) => {
    const old = await classIn(organiser, tree.chuHuong, "2024-06");
    await answer(old.code, 5, [4, 5]);
    const baBeMerge = await postJson(
      `/api/units/${tree.baBe.id}/merge`,
      { successorId: tree.bacKan.id, date: "2025-07-01" },
      organiser.headers,
    );
    expect(baBeMerge.status).toBe(200);
    const merge = await postJson(
      `/api/units/${tree.bacKan.id}/merge`,
      { successorId: tree.thaiNguyen.id, date: "2025-07-01" },
      organiser.headers,
    );
    expect(merge.status).toBe(200);
    const today = await json<Scores>(await scores(tree.central.id, "from=2024-06&to=2024-06&tree=now"));
    expect(today.units.map((u) => u.id)).not.toContain(tree.bacKan.id);
    expect(today.units.find((u) => u.id === tree.thaiNguyen.id)?.responses).toBeGreaterThanOrEqual(5);
    const then = await json<Scores>(await scores(tree.central.id, "from=2024-06&to=2024-06&tree=then"));
    expect(then.units.find((u) => u.id === tree.bacKan.id)?.responses).toBe(5);
    // The Thái Nguyên inspector now sees Bắc Kạn's history, and the commune moved under Thái Nguyên today.
    const local = await signIn("inspector", tree.thaiNguyen);
    const tn = await json<Scores>(await scores(tree.thaiNguyen.id, "from=2024-06&to=2024-06", local));
    expect(tn.units.map((u) => u.id)).toContain(tree.chuHuong.id);
    expect(tn.classes.map((k) => k.code)).toContain(old.code);
    const history = await json<Scores>(
      await scores(tree.thaiNguyen.id, "from=2024-06&to=2024-06&tree=then", local),
    );
    expect(history.merged.map((m) => m.id)).toContain(tree.bacKan.id);
    expect((await scores(tree.bacKan.id, "tree=then&from=2024-06&to=2024-06", local)).status).toBe(200);
    // A class can no longer be created at the merged unit.
    const refused = await postJson(
      "/api/events",
      {
        kind: "class",
        title: "Lớp mới",
        unitId: tree.bacKan.id,
        startsAt: "2026-01-01T01:00:00Z",
        endsAt: "2026-01-01T09:00:00Z",
        expectedParticipants: 10,
      },
      organiser.headers,
    );
    expect(refused.status).toBe(400);
    expect((await verifyAggregates(env.DB)).filter((d) => d.n !== 0)).toEqual([]);
  });
});

describe("unit tree admin", () => {
  it("adds, renames, moves and deactivates a unit; refuses loops and wrong levels", async ({ expect }) => {
    const code = unique("X");
    const created = await postJson(
      "/api/units",
      { code, name: "Hội LHPN xã Mới", level: "commune", parentId: tree.hanoi.id },
      organiser.headers,
    );
    expect(created.status).toBe(201);
    const { id } = await created.json<{ id: number }>();
    const patch = (body: unknown) =>
      call(`/api/units/${id}`, {
        method: "PATCH",
        headers: { ...organiser.headers, "Content-Type": "application/json" },
        body: JSON.stringify(body),
      });
    expect((await patch({ name: "Hội LHPN xã Mới Đổi Tên" })).status).toBe(200);
    expect((await patch({ parentId: tree.thaiNguyen.id })).status).toBe(200);
    const row = await db()
      .selectFrom("units")
      .select(["path", "now_path"])
      .where("id", "=", id)
      .executeTakeFirst();
    expect(row?.now_path).toBe(`${tree.thaiNguyen.path}${id}/`);
    expect((await patch({ parentId: id })).status).toBe(400);
    const wrongLevel = await postJson(
      "/api/units",
      { code: unique("Y"), name: "Tỉnh dưới xã", level: "province", parentId: id },
      organiser.headers,
    );
    expect(wrongLevel.status).toBe(400);
    expect((await patch({ active: false, validTo: "2026-06-30" })).status).toBe(200);
    const inspectorTries = await postJson(
      "/api/units",
      { code: unique("Z"), name: "Không được", level: "commune", parentId: tree.hanoi.id },
      inspector.headers,
    );
    expect(inspectorTries.status).toBe(403);
  });

  it("imports a CSV tree, or reports every wrong line and imports nothing", async ({ expect }) => {
    const p = unique("P");
    const bad = [
      "code,name,level,parent_code,valid_from,valid_to,successor_code",
      `${p},Hội LHPN tỉnh Mới,province,${tree.central.code},,,`,
      `${p}-A,,commune,${p},,,`,
      `${p}-B,Hội LHPN xã B,hamlet,${p},,,`,
      `${p}-C,Hội LHPN xã C,commune,NOWHERE,2020-01-01,2019-01-01,`,
      `${p}-D,Hội LHPN xã D,commune,${p},,,${p}-E`,
    ].join("\n");
    const importCsv = (body: string) =>
      call("/api/units/import", {
        method: "POST",
        headers: { ...organiser.headers, "Content-Type": "text/csv" },
        body,
      });
    const refused = await importCsv(bad);
    expect(refused.status).toBe(400);
    const report = await refused.json<{ error: { fields: Record<string, string> } }>();
    expect(Object.keys(report.error.fields)).toEqual([
      "lines.3.name",
      "lines.4.level",
      "lines.5.parent_code",
      "lines.5.valid_to",
      "lines.6.successor_code",
    ]);
    expect(
      await db().selectFrom("units").select("id").where("code", "=", p).executeTakeFirst(),
    ).toBeUndefined();
    const good = [
      "code,name,level,parent_code,valid_from,valid_to,successor_code",
      `${p},"Hội LHPN tỉnh Mới, khu vực 1",province,${tree.central.code},2025-07-01,,`,
      `${p}-OLD,Hội LHPN huyện Cũ,district,${p},2010-01-01,2025-07-01,${p}`,
      `${p}-X,Hội LHPN xã X,commune,${p}-OLD,2010-01-01,,`,
    ].join("\r\n");
    const ok = await importCsv(`\uFEFF${good}`);
    expect(ok.status).toBe(201);
    const units = await db()
      .selectFrom("units")
      .select(["code", "name", "active", "now_parent_id", "now_path", "path"])
      .where("code", "like", `${p}%`)
      .orderBy("code")
      .execute();
    expect(units.map((u) => [u.code, u.active])).toEqual([
      [p, 1],
      [`${p}-OLD`, 0],
      [`${p}-X`, 1],
    ]);
    expect(units[0]?.name).toBe("Hội LHPN tỉnh Mới, khu vực 1");
    // The commune of the dissolved district sits under the province today, under the district as it was.
    expect(units[2]?.now_parent_id).toBe(Number(units[0]?.now_path.split("/").at(-2)));
    expect(units[2]?.path.split("/").length).toBe(6);
  });
});

describe("class observation", () => {
  it("an inspector records their own scores; the class shows both and flags a large gap", async ({
    expect,
  }) => {
    const unit = await createUnit("Hội LHPN phường Quang Trung", "commune", tree.thaiNguyen);
    const cls = await classIn(organiser, unit, "2026-06");
    await answer(cls.code, 5, [5]);
    const put = (who: typeof inspector, body: unknown) =>
      call(`/api/events/${cls.id}/observation`, {
        method: "PUT",
        headers: { ...who.headers, "Content-Type": "application/json" },
        body: JSON.stringify(body),
      });
    const scoresBody = {
      scores: { content: 3, method: 3, interaction: 2, organisation: 4, materials: 3, usefulness: 3 },
      note: "Học viên ít phát biểu; giảng viên đọc slide.",
      observedOn: "2026-06-10",
    };
    expect((await put(inspector, scoresBody)).status).toBe(200);
    expect((await put(inspector, { ...scoresBody, scores: { content: 7 } })).status).toBe(400);
    const leader = await signIn("leader", tree.central);
    expect((await put(leader, scoresBody)).status).toBe(403);
    const list = await json<{ observations: { scores: Record<string, number>; note: string }[] }>(
      await call(`/api/events/${cls.id}/observations`, { headers: leader.headers }),
    );
    expect(list.observations[0]?.scores.interaction).toBe(2);
    const s = await json<Scores>(await scores(unit.id, "from=2026-06&to=2026-06"));
    expect(s.classes[0]).toMatchObject({ overall: 5, observed: 3 });
    expect(s.classes[0]?.flags).toContain("observer_gap");
    expect((await verifyAggregates(env.DB)).filter((d) => d.n !== 0)).toEqual([]);
  });
});

describe("what trainees of a unit's classes wrote, grouped across classes", () => {
  interface UnitComments {
    comments: number;
    shown: number;
    classes: number;
    withheldClasses: number;
    groups: { label: string; classes: number; items: { text: string; code: string }[] }[];
  }

  it("two classes ask for more practice: one group from 2 classes; a class under 5 responses gives none of its words; exports carry the groups", async ({
    expect,
  }) => {
    const commune = await createUnit(unique("Hội LHPN xã Ba Vì "), "commune", tree.hanoi);
    const write = async (code: string, texts: string[]) => {
      for (const text of texts) {
        const res = await submit(code, {
          clientId: unique("comment-"),
          role: "trainee",
          answers: await answersFor(code, 4, text),
        });
        expect(res.status).toBe(201);
      }
    };
    const first = await classIn(organiser, commune, "2026-05");
    const second = await classIn(organiser, commune, "2026-05");
    const few = await classIn(organiser, commune, "2026-05");
    await write(first.code, [
      "Cần thêm thời gian thực hành",
      "Nên tăng giờ thực hành trên máy",
      "Hội trường nóng, cần quạt",
      "Giảng viên nhiệt tình",
      "Tài liệu in chữ to hơn",
    ]);
    await write(second.code, [
      "can them gio thuc hanh",
      "Thêm buổi thực hành nhóm",
      "Lớp học bổ ích",
      "Tài liệu nên gửi trước",
      "Hội trường chật",
    ]);
    await write(few.code, ["Bí mật: chỉ có ba người viết", "Cần thêm thực hành", "Giảng viên nói nhanh"]);

    const res = await call(`/api/units/${commune.id}/comments?from=2026-05&to=2026-05`, {
      headers: inspector.headers,
    });
    const c = await json<UnitComments>(res);
    expect(c).toMatchObject({ comments: 10, shown: 10, classes: 2, withheldClasses: 1 });
    const all = c.groups.flatMap((g) => g.items);
    expect(all).toHaveLength(10);
    expect(all.map((i) => i.code)).not.toContain(few.code);
    expect(all.map((i) => i.text)).not.toContain("Bí mật: chỉ có ba người viết");
    const practice = c.groups.find((g) => g.items.some((i) => i.text === "Cần thêm thời gian thực hành"));
    expect(practice?.classes).toBe(2);
    expect(practice?.items.map((i) => i.text)).toContain("can them gio thuc hanh");
    // The groups most classes ask for come first.
    expect(c.groups[0]?.classes).toBe(2);

    const csv = await call(`/api/units/${commune.id}/comments.csv?from=2026-05&to=2026-05`, {
      headers: inspector.headers,
    });
    expect(csv.status).toBe(200);
    const text = await csv.text();
    expect(text).toContain(practice?.label ?? "?");
    expect(text).toContain("can them gio thuc hanh");
    expect(text).not.toContain("Bí mật");
    const xlsx = await call(`/api/units/${commune.id}/comments.xlsx?from=2026-05&to=2026-05`, {
      headers: inspector.headers,
    });
    expect(xlsx.status).toBe(200);

    // Outside the caller's scope it is not found; a bad period names the field.
    const outsider = await signIn("inspector", tree.thaiNguyen);
    expect((await call(`/api/units/${commune.id}/comments`, { headers: outsider.headers })).status).toBe(404);
    const bad = await call(`/api/units/${commune.id}/comments?from=2026-13`, { headers: inspector.headers });
    expect(bad.status).toBe(400);
    expect(await bad.text()).toContain("from");
  });
});

describe("every table adds up to its card", () => {
  it("a province's own classes are a row of their own, and at every level the rows sum to the card, on screen and in the CSV", async ({
    expect,
  }) => {
    const province = await createUnit(`Hội LHPN tỉnh ${unique("Cộng")}`, "province", tree.central);
    const a = await createUnit(`Hội LHPN xã ${unique("A")}`, "commune", province);
    const b = await createUnit(`Hội LHPN xã ${unique("B")}`, "commune", province);
    for (const [unit, count] of [
      [a, 5],
      [b, 6],
      [province, 5],
      [province, 7],
    ] as const) {
      const cls = await classIn(organiser, unit, "2026-05");
      await answer(cls.code, count, [4, 5, 3]);
    }
    const query = "from=2026-05&to=2026-05";
    const sums = (s: Pick<Scores, "units">) => ({
      classes: s.units.reduce((n, u) => n + u.classes, 0),
      responses: s.units.reduce((n, u) => n + u.responses, 0),
    });
    const p = await json<Omit<Scores, "units"> & { units: (UnitRow & { direct?: boolean })[] }>(
      await scores(province.id, query),
    );
    expect(p.total).toMatchObject({ classes: 4, responses: 23 });
    const direct = p.units.find((u) => u.direct);
    expect(direct).toMatchObject({ id: province.id, classes: 2, responses: 12 });
    expect(direct?.means?.content).not.toBeNull();
    expect(sums(p)).toEqual({ classes: p.total.classes, responses: p.total.responses });
    for (const id of [tree.central.id, a.id]) {
      const s = await json<Scores>(await scores(id, query));
      expect(sums(s), String(id)).toEqual({ classes: s.total.classes, responses: s.total.responses });
    }
    const csv = await (await scores(province.id, query, inspector, "scores.csv")).text();
    expect(csv).toContain(`${province.name} tổ chức trực tiếp`);
  });
});
