// Survey templates: a province keeps its own form, its communes start classes from it, and editing it changes no class.
import { beforeAll, describe, it } from "vitest";
import { call, createClass, createTree, postJson, signIn } from "./helpers";

let tree: Awaited<ReturnType<typeof createTree>>;
beforeAll(async () => {
  tree = await createTree();
});

const rating = (labelVi: string) => ({
  type: "rating",
  criterion: "content",
  labelVi,
  labelEn: "",
  required: true,
  options: null,
  maxLength: null,
});

type Template = { id: number | null; builtIn: boolean; title: string; editable: boolean; version: number };

const patch = (path: string, body: unknown, headers: Record<string, string>) =>
  call(path, {
    method: "PATCH",
    headers: { "Content-Type": "application/json", ...headers },
    body: JSON.stringify(body),
  });

describe("survey templates", () => {
  it("Hà Nội's template is offered to its communes (after the standard form), not to Thái Nguyên, and only Hà Nội edits it", async ({
    expect,
  }) => {
    const province = await signIn("organiser", tree.hanoi);
    const res = await postJson(
      "/api/templates",
      { unitId: tree.hanoi.id, title: "Phiếu lớp kỹ năng số (Hà Nội)", questions: [rating("Nội dung")] },
      province.headers,
    );
    expect(res.status).toBe(201);
    const { id } = await res.json<{ id: number }>();

    const commune = await signIn("organiser", tree.bachMai);
    const offered = await (await call("/api/templates", { headers: commune.headers })).json<{
      items: Template[];
    }>();
    expect(offered.items[0]).toMatchObject({ builtIn: true, id: null });
    expect(offered.items.find((t) => t.id === id)).toMatchObject({ editable: false, version: 1 });
    const elsewhere = await signIn("organiser", tree.thaiNguyen);
    const theirs = await (await call("/api/templates", { headers: elsewhere.headers })).json<{
      items: Template[];
    }>();
    expect(theirs.items.map((t) => t.id)).not.toContain(id);

    const fromBelow = await patch(`/api/templates/${id}`, { title: "Đổi từ xã" }, commune.headers);
    expect(fromBelow.status).toBe(403);
    expect((await patch(`/api/templates/${id}`, { title: "x" }, elsewhere.headers)).status).toBe(404);
    const edited = await patch(
      `/api/templates/${id}`,
      { questions: [rating("Nội dung mới")] },
      province.headers,
    );
    expect(edited.status).toBe(200);
    expect(await edited.json()).toMatchObject({ version: 2, editable: true });
  });

  it("a class made from a template keeps its questions when the template changes", async ({ expect }) => {
    const organiser = await signIn("organiser", tree.hanoi);
    const { id } = await (
      await postJson(
        "/api/templates",
        { unitId: tree.hanoi.id, title: "Phiếu A", questions: [rating("Câu gốc")] },
        organiser.headers,
      )
    ).json<{ id: number }>();
    const offered = await (await call("/api/templates", { headers: organiser.headers })).json<{
      items: (Template & { questions: unknown[] })[];
    }>();
    const template = offered.items.find((t) => t.id === id);
    const cls = await createClass(organiser, tree.bachMai, {
      form: { title: template?.title, questions: template?.questions },
    });
    await patch(`/api/templates/${id}`, { questions: [rating("Câu đã sửa")] }, organiser.headers);
    const event = await (await call(`/api/public/events/${cls.code}`)).json<{
      questions: { label: string }[];
    }>();
    expect(event.questions.map((q) => q.label)).toEqual(["Câu gốc"]);
  });

  it("a choice question without options is named; a leader cannot make templates", async ({ expect }) => {
    const organiser = await signIn("organiser", tree.hanoi);
    const bad = await postJson(
      "/api/templates",
      {
        unitId: tree.hanoi.id,
        title: "Phiếu B",
        questions: [{ ...rating("Chọn một"), type: "choice", criterion: null, options: [] }],
      },
      organiser.headers,
    );
    expect(bad.status).toBe(400);
    expect(Object.keys((await bad.json<{ error: { fields: object } }>()).error.fields)).toEqual([
      "questions.0.options",
    ]);
    const leader = await signIn("leader", tree.hanoi);
    expect(
      (
        await postJson(
          "/api/templates",
          { unitId: tree.hanoi.id, title: "C", questions: [rating("x")] },
          leader.headers,
        )
      ).status,
    ).toBe(403);
  });
});
