// A class's attendance: the organiser ticks who came from the register; nothing ever links a person to an answer.
import { env } from "cloudflare:workers";
import { beforeAll, describe, it } from "vitest";
import { answersFor, call, createClass, createTree, createUnit, postJson, signIn, submit } from "./helpers";

type Staff = Awaited<ReturnType<typeof signIn>>;

let tree: Awaited<ReturnType<typeof createTree>>;
let organiser: Staff;
let commune: Awaited<ReturnType<typeof createUnit>>;
const people: number[] = [];

beforeAll(async () => {
  tree = await createTree();
  organiser = await signIn("organiser", tree.hanoi);
  commune = await createUnit("Hội LHPN phường Phương Liên", "commune", tree.hanoi);
  for (const [i, name] of ["Nguyễn Thị An", "Trần Thị Bình", "Lê Thị Cúc"].entries()) {
    const res = await postJson(
      "/api/people",
      { name, birthYear: 1975 + i, position: "branch_head", unitId: commune.id },
      organiser.headers,
    );
    people.push((await res.json<{ id: number }>()).id);
  }
});

const put = (id: number, body: unknown) =>
  call(`/api/events/${id}/attendance`, {
    method: "PUT",
    headers: { ...organiser.headers, "Content-Type": "application/json" },
    body: JSON.stringify(body),
  });

interface Attendance {
  items: { personId: number; name: string; unitId: number; completed: boolean }[];
  total: number;
  expected: number;
  days: number;
}

describe("recording who attended", () => {
  it("the organiser ticks three people of the class's commune, one not completing; saving the same list again changes nothing", async ({
    expect,
  }) => {
    const cls = await createClass(organiser, commune, { expectedParticipants: 25 });
    const [a = 0, b = 0, c = 0] = people;
    const first = await put(cls.id, { personIds: [a, b, c], completed: [a, c], days: 3 });
    expect(first.status).toBe(200);
    const saved = await first.json<Attendance>();
    expect(saved).toMatchObject({ total: 3, expected: 25, days: 3 });
    expect(saved.items.map((i) => [i.name, i.completed])).toEqual([
      ["Lê Thị Cúc", true],
      ["Nguyễn Thị An", true],
      ["Trần Thị Bình", false],
    ]);
    expect((await put(cls.id, { personIds: [a, b, c], completed: [a, c], days: 3 })).status).toBe(200);
    const read = await (
      await call(`/api/events/${cls.id}/attendance`, { headers: organiser.headers })
    ).json<Attendance>();
    expect(read).toEqual(saved);
    // Replaced whole: one fewer.
    expect((await (await put(cls.id, { personIds: [a, c] })).json<Attendance>()).total).toBe(2);
  });

  it("refuses a person of another province or of a sister commune, naming which, and keeps the list as it was", async ({
    expect,
  }) => {
    const cls = await createClass(organiser, commune);
    const [a = 0] = people;
    await put(cls.id, { personIds: [a] });
    const elsewhere = await createUnit("Hội LHPN xã Tân Cương", "commune", tree.thaiNguyen);
    const national = await signIn("admin", tree.central);
    const stranger = await (
      await postJson(
        "/api/people",
        { name: "Hoàng Thị Xa", birthYear: 1980, position: "branch_head", unitId: elsewhere.id },
        national.headers,
      )
    ).json<{ id: number }>();
    const refused = await put(cls.id, { personIds: [a, stranger.id, 999999], completed: [12345] });
    expect(refused.status).toBe(400);
    const fields = (await refused.json<{ error: { fields: Record<string, string> } }>()).error.fields;
    expect(Object.keys(fields).sort()).toEqual(["completed.0", "personIds", "personIds.1", "personIds.2"]);
    const still = await (
      await call(`/api/events/${cls.id}/attendance`, { headers: organiser.headers })
    ).json<Attendance>();
    expect(still.items.map((i) => i.personId)).toEqual([a]);
    // A workshop has no attendance list; a programme that has ended keeps its classes' lists.
    const programme = await (
      await postJson(
        "/api/programmes",
        {
          name: "Đề án đã xong",
          unitId: tree.hanoi.id,
          startsOn: "2020-01-01",
          endsOn: "2025-12-31",
          categories: [],
        },
        organiser.headers,
      )
    ).json<{ id: number }>();
    const old = await createClass(organiser, commune, { programmeId: programme.id });
    expect((await put(old.id, { personIds: [a] })).status).toBe(409);
  });

  it("the organiser imports the class list she keeps: a sister commune's line refused by name, fixed, previewed, stored once; a ticked mark kept", async ({
    expect,
  }) => {
    const cls = await createClass(organiser, commune);
    // Bình was ticked by hand as not completing: the list adds the others, her mark stays.
    expect((await put(cls.id, { personIds: [people[1]], completed: [] })).status).toBe(200);
    const sister = await createUnit("Hội LHPN phường Tương Mai", "commune", tree.hanoi);
    const upload = (lines: string[], q = "") =>
      call(`/api/events/${cls.id}/attendance/import${q}`, {
        method: "POST",
        headers: { ...organiser.headers, "Content-Type": "text/csv" },
        body: `\uFEFFname,birth_year,position,unit_code\r\n${lines.join("\r\n")}\r\n`,
      });
    const good = [
      `Nguyễn Thị An,1975,chi hội trưởng,${commune.code}`,
      `Trần Thị Bình,1976,branch_head,${commune.code}`,
      `Phí Thị Mới,1990,branch_head,${commune.code}`,
    ];
    const refused = await upload([
      ...good,
      `Hà Thị Lạc,1985,branch_head,${sister.code}`,
      `=HYPERLINK("x"),1980,branch_head,${commune.code}`,
    ]);
    expect(refused.status).toBe(422);
    const body = await refused.json<{
      created: number;
      errors: { line: number; field: string; message: string }[];
    }>();
    expect(body.created).toBe(0);
    expect(body.errors.map((e) => [e.line, e.field])).toEqual([
      [5, "unit_code"],
      [6, "name"],
    ]);
    expect(body.errors[0]?.message).toContain("thuộc đơn vị của lớp");
    const list = async () =>
      (
        await (
          await call(`/api/events/${cls.id}/attendance`, { headers: organiser.headers })
        ).json<Attendance>()
      ).items;
    expect((await list()).length).toBe(1);
    const preview = await upload(good, "?dryRun=1");
    expect(preview.status).toBe(200);
    expect(await preview.json()).toMatchObject({ created: 1, updated: 2, attending: 3, dryRun: true });
    expect((await list()).length).toBe(1);
    expect((await upload(good)).status).toBe(201);
    expect((await upload(good)).status).toBe(201);
    const after = await list();
    expect(after.map((i) => [i.name, i.completed]).sort()).toEqual([
      ["Nguyễn Thị An", true],
      ["Phí Thị Mới", true],
      ["Trần Thị Bình", false],
    ]);
    // A 20 MB file is refused before it is read.
    const huge = await call(`/api/events/${cls.id}/attendance/import`, {
      method: "POST",
      headers: { ...organiser.headers, "Content-Type": "text/csv" },
      body: "x".repeat(20 * 1024 * 1024),
    });
    expect(huge.status).toBe(413);
  });

  it("the attendance of a class with one response says nothing of who gave it: no link anywhere, in any table, API or export", async ({
    expect,
  }) => {
    const cls = await createClass(organiser, commune);
    await put(cls.id, { personIds: people });
    await submit(cls.code, {
      clientId: `attendance-one-${cls.id}-client`,
      role: "trainee",
      answers: await answersFor(cls.code, 5, "Rất hay"),
      elapsedMs: 60_000,
    });
    const list = await (
      await call(`/api/events/${cls.id}/attendance`, { headers: organiser.headers })
    ).json<Attendance>();
    // Who came, and nothing about when or how anyone answered.
    for (const item of list.items)
      expect(Object.keys(item).sort()).toEqual([
        "completed",
        "name",
        "personId",
        "position",
        "unitId",
        "unitName",
      ]);
    const names = ["Nguyễn Thị An", "Trần Thị Bình", "Lê Thị Cúc"];
    for (const path of [
      `/api/events/${cls.id}/report`,
      `/api/events/${cls.id}/answers.csv`,
      `/api/events/${cls.id}/export.json`,
      `/api/events/${cls.id}`,
      `/api/events/${cls.id}/groups`,
    ]) {
      const text = await (await call(path, { headers: organiser.headers })).text();
      for (const n of names) expect(text, path).not.toContain(n);
    }
    // The report of one response is its count only, as without attendance.
    const report = await (await call(`/api/events/${cls.id}/report`, { headers: organiser.headers })).json<{
      responses: number;
      detailHidden: boolean;
      comments: unknown;
    }>();
    expect(report).toMatchObject({ responses: 1, detailHidden: true, comments: null });
    // No column of the schema ties the two: attendance holds the class, the person, completion.
    const columns = async (table: string) =>
      (
        await env.DB.prepare(`SELECT name FROM pragma_table_info('${table}')`).all<{ name: string }>()
      ).results.map((r) => r.name);
    expect((await columns("attendance")).sort()).toEqual(["completed", "event_id", "person_id"]);
    for (const table of ["responses", "answers", "comments", "answer_counts"]) {
      expect(
        (await columns(table)).some((c) => /person/.test(c)),
        table,
      ).toBe(false);
    }
  });
});
