// Grouping that follows the facilitator, in workerd + D1: the agenda as the frame, and lessons carried to her unit's next workshop.
import { beforeAll, describe, it } from "vitest";
import { call, createTree, postJson, signIn, unique } from "./helpers";

let tree: Awaited<ReturnType<typeof createTree>>;
let organiser: Awaited<ReturnType<typeof signIn>>;
beforeAll(async () => {
  tree = await createTree();
  organiser = await signIn("organiser", tree.central);
});

async function createWorkshop(unitId: number, title: string) {
  const now = Date.now();
  const res = await postJson(
    "/api/events",
    {
      kind: "workshop",
      title,
      question: "Chị em cần gì để phòng chống thiên tai tốt hơn?",
      unitId,
      startsAt: new Date(now - 3600_000).toISOString(),
      endsAt: new Date(now + 3600_000).toISOString(),
      expectedParticipants: 80,
    },
    organiser.headers,
  );
  if (res.status !== 201) throw new Error(`create workshop failed: ${res.status} ${await res.text()}`);
  return res.json<{ id: number; code: string }>();
}

const propose = async (code: string, text: string) => {
  const res = await postJson(`/api/public/events/${code}/proposals`, { clientId: unique("phone-"), text });
  if (res.status !== 201) throw new Error(`proposal failed: ${res.status} ${await res.text()}`);
  return (await res.json<{ id: number }>()).id;
};

interface Board {
  groups: {
    id: number;
    key: string | null;
    label: string;
    items: { id: number; text: string; placed: boolean; suggest?: { id: number; label: string }[] }[];
  }[];
  lessonsShared: boolean;
}
const boardOf = async (id: number, headers = organiser.headers) =>
  (await call(`/api/events/${id}/board`, { headers })).json<Board>();
const homeOf = (b: Board, pid: number) => b.groups.find((g) => g.items.some((i) => i.id === pid));
const move = (eventId: number, pid: number, groupId: number) =>
  call(`/api/events/${eventId}/proposals/${pid}`, {
    method: "PATCH",
    headers: { "Content-Type": "application/json", ...organiser.headers },
    body: JSON.stringify({ groupId }),
  });
const makeGroup = async (eventId: number, label: string, proposalIds: number[]) =>
  (
    await (
      await postJson(`/api/events/${eventId}/groups`, { label, proposalIds }, organiser.headers)
    ).json<{
      id: number;
    }>()
  ).id;

/** A topic the built-in lexicon does not cover: what the room says is all there is to go on. */
const AGENDA = ["Cảnh báo sớm và sơ tán dân", "Gia cố nhà ở trước mùa bão", "Trồng cây chống sạt lở"];

describe("the agenda is the frame", () => {
  it("with an agenda typed, every proposal joins one of its groups or 'Chưa xếp nhóm', never a new theme, and the board offers two groups for each unsorted one", async ({
    expect,
  }) => {
    const { id, code } = await createWorkshop(tree.bachMai.id, "Hội nghị phòng chống thiên tai");
    expect((await postJson(`/api/events/${id}/agenda`, { labels: AGENDA }, organiser.headers)).status).toBe(
      201,
    );
    const warn = await propose(code, "Lắp thêm loa cảnh báo ở xóm ven sông để bà con sơ tán kịp");
    const roof = await propose(code, "Hỗ trợ hộ nghèo gia cố mái nhà, chằng chống trước mùa bão");
    const trees = await propose(code, "van dong chi em trong tre doc bo song chong sat lo");
    // Said in words of its own: no agenda theme's words, and a theme the lexicon knows (credit).
    const loan = await propose(code, "Cho chị em vay vốn ưu đãi để chăn nuôi");
    const b = await boardOf(id);
    expect(homeOf(b, warn)?.label).toBe(AGENDA[0]);
    expect(homeOf(b, roof)?.label).toBe(AGENDA[1]);
    expect(homeOf(b, trees)?.label).toBe(AGENDA[2]);
    // No group but the agenda's and the unsorted one.
    expect(b.groups.filter((g) => g.key !== null && g.key !== "unsorted")).toEqual([]);
    const unsorted = b.groups.find((g) => g.key === "unsorted");
    expect(homeOf(b, loan)?.key).toBe("unsorted");
    const offered = unsorted?.items.find((i) => i.id === loan)?.suggest ?? [];
    expect(offered.length).toBeLessThanOrEqual(2);
    for (const o of offered) expect(AGENDA).toContain(o.label);

    // A regroup keeps to the frame too.
    await postJson(`/api/events/${id}/regroup`, {}, organiser.headers);
    const after = await boardOf(id);
    expect(after.groups.filter((g) => g.key !== null && g.key !== "unsorted")).toEqual([]);
    expect(homeOf(after, roof)?.label).toBe(AGENDA[1]);

    // The facilitator takes an offer in one click: the proposal is placed where she chose.
    const target = offered[0]?.id ?? after.groups[0]?.id ?? 0;
    expect((await move(id, loan, target)).status).toBe(200);
    expect(homeOf(await boardOf(id), loan)?.id).toBe(target);
  });
});

describe("lessons carried to the next workshop", () => {
  it("what the facilitator sorted by hand at one workshop groups her unit's next one; a unit elsewhere is untaught; a removed lesson is forgotten", async ({
    expect,
  }) => {
    // Workshop 1 at the commune: she sorts by hand into groups she names.
    const first = await createWorkshop(tree.bachMai.id, "Hội nghị thiên tai lần 1");
    const sorted: Record<string, string[]> = {
      "Diễn tập sơ tán": [
        "Tổ chức diễn tập sơ tán trước mùa mưa lũ cho cả thôn",
        "Chỉ rõ điểm sơ tán cho từng xóm, dán sơ đồ ở nhà văn hóa",
      ],
      "Áo phao, xuồng cứu hộ": [
        "Cấp áo phao cho các hộ sống ven sông",
        "Mỗi thôn cần có xuồng nhỏ và phao cứu sinh để cứu người",
      ],
    };
    const groupIds: Record<string, number> = {};
    for (const [label, texts] of Object.entries(sorted)) {
      const ids: number[] = [];
      for (const text of texts) ids.push(await propose(first.code, text));
      groupIds[label] = await makeGroup(first.id, label, ids);
    }

    // Workshop 2 of the same commune, no agenda typed: like proposals join groups of the same names.
    const second = await createWorkshop(tree.bachMai.id, "Hội nghị thiên tai lần 2");
    const drill = await propose(second.code, "Diễn tập sơ tán cho người già và trẻ nhỏ trước mùa lũ");
    const vest = await propose(second.code, "Xin cấp thêm áo phao cho trẻ em ở xóm ven sông");
    let b = await boardOf(second.id);
    expect(homeOf(b, drill)?.label).toBe("Diễn tập sơ tán");
    expect(homeOf(b, vest)?.label).toBe("Áo phao, xuồng cứu hộ");

    // A workshop in another province learned nothing from her.
    const elsewhere = await createWorkshop(tree.phanDinhPhung.id, "Hội nghị thiên tai tỉnh bạn");
    const drillThere = await propose(elsewhere.code, "Diễn tập sơ tán cho người già và trẻ nhỏ trước mùa lũ");
    expect(homeOf(await boardOf(elsewhere.id), drillThere)?.label).not.toBe("Diễn tập sơ tán");

    // The organiser sees what her unit was taught, with where it came from, and takes one back.
    const lessons = await (await call("/api/lexicon/lessons", { headers: organiser.headers })).json<{
      lessons: {
        label: string;
        examples: { id: number | null; text: string | null; eventTitle: string | null }[];
      }[];
    }>();
    const drills = lessons.lessons.find((l) => l.label === "Diễn tập sơ tán");
    expect(drills?.examples.map((e) => e.eventTitle)).toContain("Hội nghị thiên tai lần 1");
    for (const e of drills?.examples ?? []) {
      const res = await call(`/api/lexicon/lessons/${e.id}`, {
        method: "DELETE",
        headers: organiser.headers,
      });
      expect(res.status).toBe(200);
    }
    const third = await createWorkshop(tree.bachMai.id, "Hội nghị thiên tai lần 3");
    const drillAgain = await propose(third.code, "Diễn tập sơ tán cho người già và trẻ nhỏ trước mùa lũ");
    b = await boardOf(third.id);
    expect(homeOf(b, drillAgain)?.label).not.toBe("Diễn tập sơ tán");
    // Still on its own board, where she put it.
    expect(homeOf(await boardOf(first.id), drills?.examples[0]?.id ?? 0)?.label).toBe("Diễn tập sơ tán");
  });

  it("lessons shared upwards reach the province's workshops; an admin promotes a commune's lessons nationally; a delegate's words are not shown outside the scope", async ({
    expect,
  }) => {
    const commune = await signIn("organiser", tree.bachMai);
    const ws = await createWorkshop(tree.bachMai.id, "Hội nghị an toàn giao thông xã");
    const a = await propose(ws.code, "Tặng mũ bảo hiểm cho học sinh lớp một");
    const b = await propose(ws.code, "Vận động các mẹ đội mũ bảo hiểm cho con khi chở đi học");
    await makeGroup(ws.id, "Mũ bảo hiểm cho trẻ", [a, b]);

    // Before sharing, the province's workshop is untaught.
    const province1 = await createWorkshop(tree.hanoi.id, "Hội nghị giao thông thành phố 1");
    const p1 = await propose(province1.code, "Phát mũ bảo hiểm cho học sinh tiểu học");
    expect(homeOf(await boardOf(province1.id), p1)?.label).not.toBe("Mũ bảo hiểm cho trẻ");

    const share = await call(`/api/events/${ws.id}/lessons-shared`, {
      method: "PUT",
      headers: { "Content-Type": "application/json", ...commune.headers },
      body: JSON.stringify({ share: true }),
    });
    expect(share.status).toBe(200);
    expect((await boardOf(ws.id)).lessonsShared).toBe(true);
    const province2 = await createWorkshop(tree.hanoi.id, "Hội nghị giao thông thành phố 2");
    const p2 = await propose(province2.code, "Phát mũ bảo hiểm cho học sinh tiểu học");
    expect(homeOf(await boardOf(province2.id), p2)?.label).toBe("Mũ bảo hiểm cho trẻ");

    // Another province learns it only once an admin promotes the commune's lessons to the centre.
    const other = await signIn("organiser", tree.thaiNguyen);
    const promote = (headers: Record<string, string>, body: unknown) =>
      call("/api/lexicon/promotions", {
        method: "PUT",
        headers: { "Content-Type": "application/json", ...headers },
        body: JSON.stringify(body),
      });
    expect(
      (await promote(organiser.headers, { unitId: tree.bachMai.id, scopeUnitId: tree.central.id })).status,
    ).toBe(403);
    const admin = await signIn("admin", tree.central);
    const below = await promote(admin.headers, { unitId: tree.bachMai.id, scopeUnitId: tree.thaiNguyen.id });
    expect(below.status).toBe(400);
    expect((await below.json<{ error: { fields: Record<string, string> } }>()).error.fields).toHaveProperty(
      "scopeUnitId",
    );
    expect(
      (await promote(admin.headers, { unitId: tree.bachMai.id, scopeUnitId: tree.central.id })).status,
    ).toBe(200);
    const far = await createWorkshop(tree.phanDinhPhung.id, "Hội nghị giao thông tỉnh bạn");
    const p3 = await propose(far.code, "Phát mũ bảo hiểm cho học sinh tiểu học");
    expect(homeOf(await boardOf(far.id), p3)?.label).toBe("Mũ bảo hiểm cho trẻ");

    // The other province's organiser sees the lesson's name and where it came from, not the delegates' words.
    const seen = await (await call("/api/lexicon/lessons", { headers: other.headers })).json<{
      lessons: { label: string; examples: { id: number | null; text: string | null; unitName: string }[] }[];
    }>();
    const helmets = seen.lessons.find((l) => l.label === "Mũ bảo hiểm cho trẻ");
    expect(helmets?.examples.length).toBe(2);
    for (const e of helmets?.examples ?? []) {
      expect(e.text).toBe(null);
      expect(e.id).toBe(null);
      expect(e.unitName).toBe(tree.bachMai.name);
    }
  });

  it("bad lesson requests are 4xx naming the field and change nothing", async ({ expect }) => {
    const admin = await signIn("admin", tree.central);
    for (const [body, field] of [
      [{ unitId: "x", scopeUnitId: 1 }, "unitId"],
      [{ unitId: tree.bachMai.id }, "scopeUnitId"],
      [{ unitId: 999999, scopeUnitId: null }, "unitId"],
    ] as const) {
      const res = await call("/api/lexicon/promotions", {
        method: "PUT",
        headers: { "Content-Type": "application/json", ...admin.headers },
        body: JSON.stringify(body),
      });
      expect(res.status).toBe(400);
      expect(
        Object.keys((await res.json<{ error: { fields: Record<string, string> } }>()).error.fields),
      ).toContain(field);
    }
    const gone = await call("/api/lexicon/lessons/999999", { method: "DELETE", headers: admin.headers });
    expect(gone.status).toBe(404);
    const { id } = await createWorkshop(tree.bachMai.id, "Hội nghị thử");
    const bad = await call(`/api/events/${id}/lessons-shared`, {
      method: "PUT",
      headers: { "Content-Type": "application/json", ...organiser.headers },
      body: JSON.stringify({ share: "yes" }),
    });
    expect(bad.status).toBe(400);
  });
});
