// Workshops end to end in workerd + D1: proposals, supports, moderation, merges, groups, follow-up, exports.
import { strFromU8, unzipSync } from "fflate";
import { beforeAll, describe, it } from "vitest";
import { countProposals } from "../../worker/domain/proposal";
import { call, createClass, createTree, db, postJson, signIn, unique } from "./helpers";

let tree: Awaited<ReturnType<typeof createTree>>;
let organiser: Awaited<ReturnType<typeof signIn>>;
beforeAll(async () => {
  tree = await createTree();
  organiser = await signIn("organiser", tree.hanoi);
});

async function createWorkshop(overrides: Record<string, unknown> = {}) {
  const now = Date.now();
  const res = await postJson(
    "/api/events",
    {
      kind: "workshop",
      title: "Tọa đàm nâng cao chất lượng cán bộ Hội cơ sở",
      question: "Cần làm gì để nâng cao chất lượng đội ngũ cán bộ Hội cơ sở?",
      unitId: tree.bachMai.id,
      startsAt: new Date(now - 3600_000).toISOString(),
      endsAt: new Date(now + 3600_000).toISOString(),
      expectedParticipants: 60,
      ...overrides,
    },
    organiser.headers,
  );
  if (res.status !== 201) throw new Error(`create workshop failed: ${res.status} ${await res.text()}`);
  return res.json<{ id: number; code: string }>();
}

const propose = (code: string, body: Record<string, unknown>) =>
  postJson(`/api/public/events/${code}/proposals`, { clientId: unique("phone-"), ...body });
const support = (id: number, clientId: string) =>
  postJson(`/api/public/proposals/${id}/supports`, { clientId });
const patch = (eventId: number, pid: number, body: unknown, headers = organiser.headers) =>
  call(`/api/events/${eventId}/proposals/${pid}`, {
    method: "PATCH",
    headers: { "Content-Type": "application/json", ...headers },
    body: JSON.stringify(body),
  });

interface Groups {
  groups: {
    id: number;
    key: string | null;
    label: string;
    keywords: string[];
    items: {
      id: number;
      text: string;
      originalText: string | null;
      why: string[];
      placed: boolean;
      addressee: string;
      addresseeSuggested: boolean;
      supports: number;
      duplicateOf: number | null;
    }[];
  }[];
}
const groupsOf = async (id: number) =>
  (await call(`/api/events/${id}/groups`, { headers: organiser.headers })).json<Groups>();
const count = async (table: "proposals" | "supports") =>
  Number(
    (
      await db()
        .selectFrom(table)
        .select((eb) => eb.fn.countAll().as("n"))
        .executeTakeFirstOrThrow()
    ).n,
  );

describe("a delegate's proposals", () => {
  it("delegate proposes from a phone: 201 with an id, the same clientId again is 200 with the same id", async ({
    expect,
  }) => {
    const { code } = await createWorkshop();
    const body = {
      clientId: "delegate-phone-0001",
      text: "Đề nghị cấp ủy quan tâm bồi dưỡng lý luận chính trị cho cán bộ Hội",
      addressee: "party_committee",
    };
    const first = await postJson(`/api/public/events/${code}/proposals`, body);
    expect(first.status).toBe(201);
    const { id } = await first.json<{ id: number }>();
    const again = await postJson(`/api/public/events/${code}/proposals`, body);
    expect(again.status).toBe(200);
    expect(await again.json()).toEqual({ id });
    const changed = await postJson(`/api/public/events/${code}/proposals`, { ...body, text: "Khác" });
    expect(changed.status).toBe(422);
  });

  it("bad proposals get a 4xx naming the field and store nothing", async ({ expect }) => {
    const { code } = await createWorkshop();
    const before = await count("proposals");
    const cases: [unknown, string][] = [
      [{ clientId: "delegate-bad-01", text: "   " }, "text"],
      [{ clientId: "delegate-bad-02", text: "x".repeat(1001) }, "text"],
      [{ clientId: "delegate-bad-03", text: "Hợp lệ", addressee: "president" }, "addressee"],
      [{ clientId: "bad", text: "Hợp lệ" }, "clientId"],
      [{ clientId: "delegate-bad-05", text: 42 }, "text"],
      [{ clientId: "delegate-bad-06", text: "Hợp lệ", extra: 1 }, "extra"],
      [{ clientId: "delegate-bad-07", text: "Hợp lệ", authorName: "x".repeat(200) }, "authorName"],
    ];
    for (const [body, field] of cases) {
      const res = await postJson(`/api/public/events/${code}/proposals`, body);
      expect(res.status, JSON.stringify(body).slice(0, 60)).toBe(400);
      const err = await res.json<{ error: { fields: Record<string, string> } }>();
      expect(Object.keys(err.error.fields)).toContain(field);
    }
    const notJson = await call(`/api/public/events/${code}/proposals`, {
      method: "POST",
      headers: { "Content-Type": "application/json" },
      body: "{",
    });
    expect(notJson.status).toBe(400);
    expect(
      (await postJson("/api/public/events/ZZZZZZ/proposals", { clientId: "delegate-bad-08", text: "a" }))
        .status,
    ).toBe(404);
    expect(await count("proposals")).toBe(before);
  });

  it("the exports say what was decided: the status, the responsible unit by name and the note, sent times in Vietnam time", async ({
    expect,
  }) => {
    const { id, code } = await createWorkshop();
    const res = await propose(code, { text: "Đề nghị UBND xã lắp đèn đường đoạn qua trường" });
    const { id: pid } = await res.json<{ id: number }>();
    const saved = await patch(id, pid, {
      followStatus: "in_progress",
      followUnitId: tree.bachMai.id,
      followNote: "Đã chuyển UBND thành phố xem xét, trả lời trước 31/12/2026",
    });
    expect(saved.status).toBe(200);
    const csv = await (await call(`/api/events/${id}/proposals.csv`, { headers: organiser.headers })).text();
    const [head = "", row = ""] = csv.replace(/^\uFEFF/, "").split("\r\n");
    expect(head).toContain("Đơn vị chịu trách nhiệm");
    expect(head).toContain("Thời gian gửi (giờ Việt Nam)");
    expect(row).toContain("Đang thực hiện");
    expect(row).toContain(tree.bachMai.name);
    expect(row).toContain("trả lời trước 31/12/2026");
    // Day first, in Vietnam time: not UTC ISO text.
    expect(row).toMatch(/\d{2}\/\d{2}\/\d{4} \d{2}:\d{2}/);
    expect(row).not.toMatch(/\d{4}-\d{2}-\d{2}T/);
  });

  it("script tags and formulas are stored as typed, and neutralised in the CSV and XLSX exports", async ({
    expect,
  }) => {
    const { id, code } = await createWorkshop();
    const text = '=HYPERLINK("http://x") <script>alert(1)</script>';
    expect((await propose(code, { text })).status).toBe(201);
    const g = await groupsOf(id);
    expect(g.groups.flatMap((x) => x.items).map((i) => i.text)).toContain(text);
    const bytes = new Uint8Array(
      await (await call(`/api/events/${id}/proposals.csv`, { headers: organiser.headers })).arrayBuffer(),
    );
    expect([...bytes.slice(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const csv = new TextDecoder().decode(bytes);
    expect(csv).toContain(`"'=HYPERLINK(""http://x"") <script>alert(1)</script>"`);
    const xlsx = await call(`/api/events/${id}/proposals.xlsx`, { headers: organiser.headers });
    expect(xlsx.headers.get("Content-Type")).toContain("spreadsheetml");
    const files = unzipSync(new Uint8Array(await xlsx.arrayBuffer()));
    const sheet = strFromU8(files["xl/worksheets/sheet1.xml"] ?? new Uint8Array());
    expect(sheet).toContain("'=HYPERLINK(&quot;http://x&quot;) &lt;script&gt;");
    const page = await (await call(`/s/${code}`)).text();
    expect(page).not.toContain("<script>alert(1)");
    expect(page).toContain("&lt;script&gt;alert(1)&lt;/script&gt;");
  });

  it("a closed workshop answers 410 to new proposals and supports", async ({ expect }) => {
    const { id, code } = await createWorkshop();
    const res = await propose(code, { text: "Tăng phụ cấp cho chi hội trưởng" });
    const { id: pid } = await res.json<{ id: number }>();
    await postJson(`/api/events/${id}/close`, {}, organiser.headers);
    expect((await propose(code, { text: "Thêm một đề xuất" })).status).toBe(410);
    expect((await support(pid, "late-phone-0001")).status).toBe(410);
  });

  it("a class code is not a workshop: proposals to it are 404", async ({ expect }) => {
    const { code } = await createClass(organiser, tree.bachMai);
    expect((await propose(code, { text: "Đề xuất" })).status).toBe(404);
  });
});

describe("supports", () => {
  it("one support per phone; a second from the same phone is a no-op; hidden and unknown proposals are 404", async ({
    expect,
  }) => {
    const { id, code } = await createWorkshop();
    const { id: pid } = await (await propose(code, { text: "Nâng phụ cấp chi hội trưởng" })).json<{
      id: number;
    }>();
    expect((await support(pid, "supporter-phone-1")).status).toBe(201);
    const again = await support(pid, "supporter-phone-1");
    expect(again.status).toBe(200);
    expect((await again.json<{ supports: number }>()).supports).toBe(1);
    expect((await (await support(pid, "supporter-phone-2")).json<{ supports: number }>()).supports).toBe(2);
    expect((await support(999999, "supporter-phone-1")).status).toBe(404);
    expect((await postJson(`/api/public/proposals/${pid}/supports`, { clientId: "x" })).status).toBe(400);
    expect((await patch(id, pid, { hidden: true, hiddenReason: "Trùng lặp" })).status).toBe(200);
    expect((await support(pid, "supporter-phone-3")).status).toBe(404);
    const list = await (await call(`/api/public/events/${code}/proposals`)).json<{
      items: unknown[];
      total: number;
    }>();
    expect(list.items).toHaveLength(0);
    expect(list.total).toBe(0);
  });
});

describe("the facilitator's board", () => {
  it("facilitator merges two duplicates: originals link to the merged one, supports count unique phones", async ({
    expect,
  }) => {
    const { id, code } = await createWorkshop();
    const a = (
      await (await propose(code, { text: "Nâng mức phụ cấp cho chi hội trưởng" })).json<{ id: number }>()
    ).id;
    const b = (await (await propose(code, { text: "nang phu cap chi hoi truong" })).json<{ id: number }>())
      .id;
    await support(a, "phone-aaaa-1");
    await support(a, "phone-both-1");
    await support(b, "phone-both-1");
    await support(b, "phone-bbbb-1");
    const merged = await postJson(
      `/api/events/${id}/merges`,
      { targetId: a, sourceIds: [b] },
      organiser.headers,
    );
    expect(merged.status).toBe(200);
    expect((await merged.json<{ supports: number }>()).supports).toBe(3);
    // A support on the original now goes to the merged proposal, still once per phone.
    expect(await (await support(b, "phone-aaaa-1")).json<{ id: number; supports: number }>()).toEqual({
      id: a,
      supports: 3,
      supported: true,
    });
    const g = await groupsOf(id);
    const items = g.groups.flatMap((x) => x.items);
    expect(items.find((i) => i.id === b)?.duplicateOf).toBe(a);
    expect(items.find((i) => i.id === a)?.supports).toBe(3);
    expect(items.filter((i) => i.id === a || i.id === b)).toHaveLength(2);
    const pub = await (await call(`/api/public/events/${code}/proposals?sort=top`)).json<{
      items: { id: number }[];
    }>();
    expect(pub.items.map((p) => p.id)).toEqual([a]);
    expect(
      (await postJson(`/api/events/${id}/merges`, { targetId: a, sourceIds: [a] }, organiser.headers)).status,
    ).toBe(400);
  });

  it("merged duplicates are shown with their best-written words, unless the facilitator picks others", async ({
    expect,
  }) => {
    const { id, code } = await createWorkshop();
    const idOf = async (res: Response) => (await res.json<{ id: number }>()).id;
    // The most supported is typed fast, without marks: it stays the merged one, with better words.
    const rough = await idOf(await propose(code, { text: "tang phu cap cb chi hoi" }));
    const fine = await idOf(
      await propose(code, { text: "Đề nghị tăng phụ cấp cho cán bộ chi hội, nhất là chi hội trưởng" }),
    );
    const short = await idOf(await propose(code, { text: "Tăng phụ cấp" }));
    await support(rough, "phone-words-1");
    const merge = (targetId: number, sourceIds: number[]) =>
      postJson(`/api/events/${id}/merges`, { targetId, sourceIds }, organiser.headers);
    const shown = async (pid: number) =>
      (await groupsOf(id)).groups.flatMap((g) => g.items).find((i) => i.id === pid);
    const projector = async () =>
      (
        await (
          await call(`/api/public/events/${code}/proposals?sort=top`)
        ).json<{ items: { id: number; text: string }[] }>()
      ).items;

    expect((await merge(rough, [fine, short])).status).toBe(200);
    expect((await shown(rough))?.text).toBe(
      "Đề nghị tăng phụ cấp cho cán bộ chi hội, nhất là chi hội trưởng",
    );
    expect((await shown(rough))?.originalText).toBe("tang phu cap cb chi hoi");
    expect((await projector()).find((p) => p.id === rough)?.text).toBe(
      "Đề nghị tăng phụ cấp cho cán bộ chi hội, nhất là chi hội trưởng",
    );

    // Taking the well-written one out gives the family's next best words.
    expect(
      (await call(`/api/events/${id}/merges/${fine}`, { method: "DELETE", headers: organiser.headers }))
        .status,
    ).toBe(200);
    expect((await shown(rough))?.text).toBe("Tăng phụ cấp");

    // The facilitator picks words; a later merge keeps them.
    expect((await patch(id, rough, { text: "Tăng phụ cấp cho cán bộ chi hội" })).status).toBe(200);
    expect((await merge(rough, [fine])).status).toBe(200);
    expect((await shown(rough))?.text).toBe("Tăng phụ cấp cho cán bộ chi hội");
    expect((await shown(rough))?.originalText).toBe("tang phu cap cb chi hoi");
  });

  it("every visible proposal is in exactly one group, with a suggested addressee when the delegate was not sure", async ({
    expect,
  }) => {
    const { id, code } = await createWorkshop();
    const texts = [
      "Đề nghị UBND xã hỗ trợ kinh phí hoạt động cho chi hội",
      "Mở lớp hướng dẫn chị em dùng Zalo, Facebook để tuyên truyền",
      "Cán bộ Hội phải tự học, tự nghiên cứu văn bản",
      "Tập huấn kỹ năng số cho cán bộ chi hội",
      "xyz",
    ];
    for (const text of texts) await propose(code, { text, addressee: "unsure" });
    const g = await groupsOf(id);
    const items = g.groups.flatMap((x) => x.items);
    expect(items).toHaveLength(texts.length);
    expect(new Set(items.map((i) => i.id)).size).toBe(texts.length);
    const digital = g.groups.find((x) => x.items.some((i) => i.text.includes("Zalo")));
    expect(digital?.items.some((i) => i.text.includes("kỹ năng số"))).toBe(true);
    expect(items.every((i) => i.addresseeSuggested)).toBe(true);
    expect(items.find((i) => i.text.includes("UBND"))?.addressee).toBe("authorities");
    expect(items.find((i) => i.text.includes("tự học"))?.addressee).toBe("officers");
    for (const grp of g.groups) expect(grp.label.length).toBeGreaterThan(0);
  });

  it("a manual move survives regrouping; rename, split and create groups", async ({ expect }) => {
    const { id, code } = await createWorkshop();
    const p1 = (
      await (await propose(code, { text: "Tăng phụ cấp cho chi hội trưởng" })).json<{ id: number }>()
    ).id;
    const p2 = (
      await (
        await propose(code, { text: "Hỗ trợ bảo hiểm y tế cho cán bộ không chuyên trách" })
      ).json<{ id: number }>()
    ).id;
    // The automatic group is renamed first: once the facilitator names groups, they are the frame
    // every proposal is placed in, and a proposal about allowances reads like "Đời sống cán bộ".
    const auto = (await groupsOf(id)).groups.find((x) => x.items.some((i) => i.id === p1));
    const renamed = await call(`/api/events/${id}/groups/${auto?.id}`, {
      method: "PATCH",
      headers: { "Content-Type": "application/json", ...organiser.headers },
      body: JSON.stringify({ label: "Phụ cấp" }),
    });
    expect(renamed.status).toBe(200);
    const created = await postJson(
      `/api/events/${id}/groups`,
      { label: "Đời sống cán bộ", proposalIds: [p2] },
      organiser.headers,
    );
    expect(created.status).toBe(201);
    const { id: gid } = await created.json<{ id: number }>();
    expect((await postJson(`/api/events/${id}/regroup`, {}, organiser.headers)).status).toBe(200);
    let g = await groupsOf(id);
    expect(g.groups.find((x) => x.id === gid)?.items.map((i) => i.id)).toEqual([p2]);
    expect(g.groups.find((x) => x.items.some((i) => i.id === p1))?.id).not.toBe(gid);
    expect((await patch(id, p1, { groupId: gid })).status).toBe(200);
    await postJson(`/api/events/${id}/regroup`, {}, organiser.headers);
    g = await groupsOf(id);
    expect(
      g.groups
        .find((x) => x.id === gid)
        ?.items.map((i) => i.id)
        .sort(),
    ).toEqual([p1, p2].sort());
    expect((await patch(id, p1, { groupId: 999999 })).status).toBe(404);
  });

  it("correcting a typo keeps the delegate's words; hiding needs no delete", async ({ expect }) => {
    const { id, code } = await createWorkshop();
    const pid = (
      await (await propose(code, { text: "Bổ sung kỷ năng nói trước đám đông" })).json<{ id: number }>()
    ).id;
    expect((await patch(id, pid, { text: "Bổ sung kỹ năng nói trước đám đông" })).status).toBe(200);
    const board = await (await call(`/api/events/${id}/board`, { headers: organiser.headers })).json<{
      groups: { items: { id: number; text: string; originalText: string | null }[] }[];
    }>();
    const item = board.groups.flatMap((g) => g.items).find((i) => i.id === pid);
    expect(item).toMatchObject({
      text: "Bổ sung kỹ năng nói trước đám đông",
      originalText: "Bổ sung kỷ năng nói trước đám đông",
    });
    expect((await patch(id, pid, { text: "  " })).status).toBe(400);
    expect((await patch(id, pid, { hidden: true, hiddenReason: "Không phù hợp" })).status).toBe(200);
    const after = await (await call(`/api/events/${id}/board`, { headers: organiser.headers })).json<{
      hidden: { id: number; hiddenReason: string }[];
    }>();
    expect(after.hidden).toEqual([expect.objectContaining({ id: pid, hiddenReason: "Không phù hợp" })]);
    expect((await groupsOf(id)).groups.flatMap((g) => g.items)).toHaveLength(0);
  });

  it("suggests near-duplicate pairs and forgets a dismissed pair", async ({ expect }) => {
    const { id, code } = await createWorkshop();
    const a = (
      await (
        await propose(code, { text: "Đề nghị nâng mức phụ cấp cho chi hội trưởng phụ nữ" })
      ).json<{ id: number }>()
    ).id;
    const b = (
      await (
        await propose(code, { text: "de nghi nang muc phu cap cho chi hoi truong" })
      ).json<{ id: number }>()
    ).id;
    await propose(code, { text: "Mở lớp tập huấn kỹ năng số cho cán bộ cơ sở" });
    const board = async () =>
      (await call(`/api/events/${id}/board`, { headers: organiser.headers })).json<{
        suggestions: { a: number; b: number }[];
      }>();
    expect((await board()).suggestions).toContainEqual(expect.objectContaining({ a, b }));
    expect(
      (await postJson(`/api/events/${id}/duplicates/dismiss`, { a: b, b: a }, organiser.headers)).status,
    ).toBe(200);
    expect((await board()).suggestions).not.toContainEqual(expect.objectContaining({ a, b }));
  });

  it("follow-up: a leader sets a status delegates then see; a leader cannot moderate", async ({ expect }) => {
    const { id, code } = await createWorkshop();
    const pid = (await (await propose(code, { text: "Hỗ trợ tiền ăn cho học viên" })).json<{ id: number }>())
      .id;
    const leader = await signIn("leader", tree.hanoi);
    const res = await patch(
      id,
      pid,
      { followStatus: "in_progress", followNote: "Đã trình UBND", followUnitId: tree.bachMai.id },
      leader.headers,
    );
    expect(res.status).toBe(200);
    expect((await patch(id, pid, { hidden: true }, leader.headers)).status).toBe(403);
    expect((await patch(id, pid, { followStatus: "maybe" }, leader.headers)).status).toBe(400);
    expect((await patch(id, pid, { followUnitId: tree.thaiNguyen.id }, leader.headers)).status).toBe(400);
    const pub = await (await call(`/api/public/events/${code}/proposals`)).json<{
      items: { followStatus: string; followNote: string }[];
    }>();
    expect(pub.items[0]).toMatchObject({ followStatus: "in_progress", followNote: "Đã trình UBND" });
    const page = await (await call(`/s/${code}`)).text();
    expect(page).toContain("Đang thực hiện");
  });

  it("staff outside the workshop's unit get 404; inspectors can read but not moderate", async ({
    expect,
  }) => {
    const { id, code } = await createWorkshop();
    const pid = (await (await propose(code, { text: "Đề xuất" })).json<{ id: number }>()).id;
    const outsider = await signIn("organiser", tree.thaiNguyen);
    expect((await call(`/api/events/${id}/groups`, { headers: outsider.headers })).status).toBe(404);
    expect((await call(`/api/events/${id}/proposals.csv`, { headers: outsider.headers })).status).toBe(404);
    expect((await patch(id, pid, { hidden: true }, outsider.headers)).status).toBe(404);
    const inspector = await signIn("inspector", tree.central);
    expect((await call(`/api/events/${id}/groups`, { headers: inspector.headers })).status).toBe(200);
    expect((await patch(id, pid, { hidden: true }, inspector.headers)).status).toBe(403);
    expect((await call(`/api/events/${id}/groups`)).status).toBe(401);
  });
});

describe("the facilitator seeds and teaches the groups", () => {
  const groupOf = (g: Groups, pid: number) => g.groups.find((x) => x.items.some((i) => i.id === pid));
  const idOf = async (res: Response) => (await res.json<{ id: number }>()).id;

  it("facilitator types the agenda's themes: proposals already sent and those arriving join the theme they fit", async ({
    expect,
  }) => {
    const { id, code } = await createWorkshop({ title: "Tọa đàm sinh kế và môi trường" });
    const early = await idOf(
      await propose(code, { text: "Cho chị em hộ nghèo vay vốn ưu đãi để chăn nuôi bò" }),
    );
    const seeded = await postJson(
      `/api/events/${id}/agenda`,
      { labels: ["Vốn vay", "Nước sạch", "  vốn vay "] },
      organiser.headers,
    );
    expect(seeded.status).toBe(201);
    expect((await seeded.json<{ created: number }>()).created).toBe(2);
    let g = await groupsOf(id);
    expect(groupOf(g, early)?.label).toBe("Vốn vay");

    const water = await idOf(await propose(code, { text: "Xây bể lọc nước sạch cho các hộ ở xóm trên" }));
    const unmarked = await idOf(
      await propose(code, { text: "chi em khong co von lam an, de nghi ho tro vay von lai suat thap" }),
    );
    const other = await idOf(await propose(code, { text: "Tổ chức hội thi văn nghệ chào mừng ngày 20/10" }));
    g = await groupsOf(id);
    expect(groupOf(g, water)?.label).toBe("Nước sạch");
    expect(groupOf(g, unmarked)?.label).toBe("Vốn vay");
    // Each says why, in its own words.
    const item = (pid: number) => g.groups.flatMap((x) => x.items).find((i) => i.id === pid);
    expect(item(water)?.why).toEqual(["Nước sạch"]);
    expect(item(unmarked)?.why).toEqual(["Vốn vay"]);
    expect(item(water)?.placed).toBe(false);
    expect(["Vốn vay", "Nước sạch"]).not.toContain(groupOf(g, other)?.label);

    // A regroup keeps them where their themes put them.
    await postJson(`/api/events/${id}/regroup`, {}, organiser.headers);
    g = await groupsOf(id);
    expect(groupOf(g, early)?.label).toBe("Vốn vay");
    expect(groupOf(g, water)?.label).toBe("Nước sạch");
  });

  it("a line whose own theme nobody else raised joins the workshop's theme that reads it nearly as well, on arrival and on regroup", async ({
    expect,
  }) => {
    const { id, code } = await createWorkshop({ title: "Tọa đàm xây dựng thôn xóm sáng xanh sạch đẹp" });
    const village = await idOf(
      await propose(code, { text: "Xây dựng tuyến đường hoa, đường cây xanh ở mỗi thôn." }),
    );
    await propose(code, { text: "Mỗi nhà giữ ngõ xóm sạch sẽ, trồng cây xanh." });
    // Read alone it is about assessing ("bình xét", "chất lượng"); at this workshop, about the village.
    const line = await idOf(await propose(code, { text: "Bình xét gia đình văn hóa cần đúng chất lượng." }));
    let g = await groupsOf(id);
    expect(groupOf(g, line)?.items.map((i) => i.id)).toContain(village);
    await postJson(`/api/events/${id}/regroup`, {}, organiser.headers);
    g = await groupsOf(id);
    expect(groupOf(g, line)?.items.map((i) => i.id)).toContain(village);
  });

  it("a bad agenda is a 400 naming the field and makes no group", async ({ expect }) => {
    const { id } = await createWorkshop();
    const before = (await groupsOf(id)).groups.length;
    for (const [body, field] of [
      [{ labels: [] }, "labels"],
      [{ labels: ["Vốn vay", "   "] }, "labels.1"],
      [{ labels: Array.from({ length: 31 }, (_, i) => `Chủ đề ${i}`) }, "labels"],
      [{ labels: "Vốn vay" }, "labels"],
      [{}, "labels"],
    ] as const) {
      const res = await postJson(`/api/events/${id}/agenda`, body, organiser.headers);
      expect(res.status).toBe(400);
      const error = (await res.json<{ error: { fields: Record<string, string> } }>()).error;
      expect(Object.keys(error.fields)).toContain(field);
    }
    expect((await groupsOf(id)).groups.length).toBe(before);
  });

  it("facilitator moves a proposal into their own group: a later one like it joins that group, and a regroup keeps it", async ({
    expect,
  }) => {
    const { id, code } = await createWorkshop();
    const road = await idOf(
      await propose(code, { text: "Sửa lại con đường đất vào xóm Đoài bị sạt lở sau mưa lũ" }),
    );
    const created = await postJson(
      `/api/events/${id}/groups`,
      { label: "Việc của thôn Đoài", proposalIds: [] },
      organiser.headers,
    );
    const { id: gid } = await created.json<{ id: number }>();
    expect((await patch(id, road, { groupId: gid })).status).toBe(200);

    const again = await idOf(
      await propose(code, { text: "Đường đất vào xóm Đoài sạt lở sau mưa, đề nghị sửa lại" }),
    );
    const unrelated = await idOf(await propose(code, { text: "Mở lớp dạy nghề may công nghiệp cho chị em" }));
    let g = await groupsOf(id);
    expect(groupOf(g, again)?.id).toBe(gid);
    expect(groupOf(g, unrelated)?.id).not.toBe(gid);

    expect(g.groups.flatMap((x) => x.items).find((i) => i.id === road)?.placed).toBe(true);
    await postJson(`/api/events/${id}/regroup`, {}, organiser.headers);
    g = await groupsOf(id);
    expect(groupOf(g, road)?.id).toBe(gid);
    expect(groupOf(g, again)?.id).toBe(gid);
    expect(groupOf(g, unrelated)?.id).not.toBe(gid);
  });
});

describe("the grouping lexicon an organiser extends", () => {
  const explain = (text: string, headers = organiser.headers) =>
    call(`/api/lexicon/explain?kind=proposal&text=${encodeURIComponent(text)}`, { headers });

  it("an organiser teaches a local phrase, sees why a sentence goes where it goes, and takes the phrase back", async ({
    expect,
  }) => {
    const phrase = unique("quỹ mái ấm tình thương ");
    const sentence = `Đề nghị duy trì ${phrase} cho hội viên khó khăn`;
    const before = await (await explain(sentence)).json<{ theme: { key: string } | null }>();
    expect(before.theme?.key).not.toBe("allowances");

    const added = await postJson(
      "/api/lexicon",
      { kind: "proposal", topic: "allowances", phrase, unitId: tree.hanoi.id },
      organiser.headers,
    );
    expect(added.status).toBe(201);
    const after = await (await explain(sentence)).json<{
      theme: { key: string; label: string } | null;
      phrases: string[];
      addressee: string | null;
    }>();
    expect(after.theme?.key).toBe("allowances");
    expect(after.phrases.join(" ")).toContain(phrase.toLowerCase());

    const list = await (await call("/api/lexicon?kind=proposal", { headers: organiser.headers })).json<{
      topics: { key: string; added: { id: number; phrase: string }[] }[];
    }>();
    const term = list.topics
      .find((tp) => tp.key === "allowances")
      ?.added.find((a) => a.phrase === phrase.toLowerCase());
    expect(term).toBeDefined();
    const removed = await call(`/api/lexicon/${term?.id}`, {
      method: "DELETE",
      headers: organiser.headers,
    });
    expect(removed.status).toBe(200);
    expect(
      (await call(`/api/lexicon/${term?.id}`, { method: "DELETE", headers: organiser.headers })).status,
    ).toBe(404);
    const gone = await (await explain(sentence)).json<{ theme: { key: string } | null }>();
    expect(gone.theme?.key).toBe(before.theme?.key);
  });

  it("a sentence to try that is missing or too long is a 400 naming the field", async ({ expect }) => {
    for (const [query, field] of [
      ["kind=proposal", "text"],
      ["kind=proposal&text=%20%20", "text"],
      [`text=${"a".repeat(1001)}`, "text"],
      ["kind=poem&text=abc", "kind"],
    ] as const) {
      const res = await call(`/api/lexicon/explain?${query}`, { headers: organiser.headers });
      expect(res.status).toBe(400);
      const body = await res.json<{ error: { fields: Record<string, string> } }>();
      expect(Object.keys(body.error.fields)).toContain(field);
    }
  });
});

describe("class comments grouped", () => {
  it("a class with fewer than 5 responses shows no groups", async ({ expect }) => {
    const { id } = await createClass(organiser, tree.bachMai);
    const res = await (await call(`/api/events/${id}/groups`, { headers: organiser.headers })).json<{
      hiddenBelow: number;
      groups: unknown[];
    }>();
    expect(res).toEqual({ kind: "class", hiddenBelow: 5, groups: [] });
  });
});

describe("one counting rule on every screen", () => {
  it("the delegates' phones, the board, the projector's groups and the leaders' summary count the same proposals and supports", async ({
    expect,
  }) => {
    const { id, code } = await createWorkshop();
    const ids: number[] = [];
    for (const text of [
      "Tăng phụ cấp cho chi hội trưởng",
      "Nâng mức phụ cấp chi hội trưởng",
      "Mở lớp tin học cho hội viên",
      "Tập huấn kỹ năng số cho cán bộ",
    ]) {
      ids.push((await (await propose(code, { text })).json<{ id: number }>()).id);
    }
    const [a = 0, b = 0, c = 0, d = 0] = ids;
    await support(a, "phone-count-0001");
    await support(b, "phone-count-0002");
    await support(c, "phone-count-0003");
    await postJson(`/api/events/${id}/merges`, { targetId: a, sourceIds: [b] }, organiser.headers);
    await patch(id, d, { hidden: true, hiddenReason: "ngoài chủ đề" });
    type Item = { id: number; duplicateOf: number | null; supports: number };
    const board = await (await call(`/api/events/${id}/board`, { headers: organiser.headers })).json<{
      groups: { items: Item[] }[];
    }>();
    const groups = await (await call(`/api/events/${id}/groups`, { headers: organiser.headers })).json<{
      groups: { items: Item[] }[];
    }>();
    const onBoard = countProposals(board.groups.flatMap((g) => g.items));
    const onSummary = countProposals(groups.groups.flatMap((g) => g.items));
    // What the delegates' phones count: two proposals (the merged pair is one, the hidden one is not
    // shown), one original said to be merged in; three phones.
    expect(onBoard).toEqual({ proposals: 2, merged: 1, supports: 3 });
    expect(onSummary).toEqual(onBoard);
    const phones = await (await call(`/api/public/events/${code}/proposals`)).json<{ total: number }>();
    expect(phones.total).toBe(onBoard.proposals);
  });
});
