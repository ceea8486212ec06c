// The officer register: a province office imports its list (one bad line first), imports it again, finds people without diacritics, adds and retires one.
import { strToU8, zipSync } from "fflate";
import { beforeAll, describe, it } from "vitest";
import { toXlsx } from "../../worker/domain/xlsx";
import { call, createTree, createUnit, db, postJson, signIn } from "./helpers";

type Tree = Awaited<ReturnType<typeof createTree>>;
type Staff = Awaited<ReturnType<typeof signIn>>;

let tree: Tree;
let organiser: Staff;
let communes: { id: number; code: string }[];

beforeAll(async () => {
  tree = await createTree();
  organiser = await signIn("organiser", tree.hanoi);
  communes = [
    await createUnit("Hội LHPN phường Kim Liên", "commune", tree.hanoi),
    await createUnit("Hội LHPN xã Đông Mỹ", "commune", tree.hanoi),
  ];
});

const importCsv = (text: string, query = "", who: Staff = organiser) =>
  call(`/api/people/import${query}`, {
    method: "POST",
    headers: { ...who.headers, "Content-Type": "text/csv" },
    body: text,
  });

interface ImportResult {
  created: number;
  updated: number;
  matched: { line: number; id: number }[];
  errors: { line: number; field: string; message: string }[];
}

interface Page {
  items: {
    id: number;
    name: string;
    birthYear: number;
    position: string;
    unitId: number;
    until: string | null;
  }[];
  total: number;
  next: number | null;
}

const list = async (query: string, who: Staff = organiser) =>
  (await call(`/api/people?${query}`, { headers: who.headers })).json<Page>();

describe("importing an officer list", () => {
  it("one bad line refuses the whole file and names it; fixed, the list is stored; the same list again updates, never duplicates", async ({
    expect,
  }) => {
    const [a, b] = communes;
    const lines = [
      "name,birth_year,position,unit_code",
      `Nguyễn Thị Hoa,1978,branch_head,${a?.code}`,
      `Trần Thị Mai,3000,commune_chair,${a?.code}`,
      `Lê Thị Lan,1985,Chi hội trưởng,${b?.code}`,
    ];
    const bad = await importCsv(lines.join("\n"));
    expect(bad.status).toBe(422);
    const refused = await bad.json<ImportResult>();
    expect(refused).toMatchObject({ created: 0, updated: 0 });
    expect(refused.errors.map((e) => [e.line, e.field])).toEqual([[3, "birth_year"]]);
    expect(refused.errors[0]?.message).toContain("Năm sinh");
    expect((await list(`unit=${a?.id}`)).total).toBe(0);

    lines[2] = `Trần Thị Mai,1972,commune_chair,${a?.code}`;
    // Previewed first: counted, nothing stored.
    const preview = await importCsv(lines.join("\n"), "?dryRun=1");
    expect(preview.status).toBe(200);
    expect(await preview.json<ImportResult>()).toMatchObject({ created: 3, updated: 0 });
    expect((await list(`unit=${a?.id}`)).total).toBe(0);

    const stored = await importCsv(lines.join("\n"));
    expect(stored.status).toBe(201);
    expect(await stored.json<ImportResult>()).toMatchObject({ created: 3, updated: 0 });

    // The same list sent again, one position changed: three matches, nobody twice.
    lines[1] = `Nguyễn Thị Hoa,1978,commune_vice_chair,${a?.code}`;
    const again = await (await importCsv(lines.join("\n"))).json<ImportResult>();
    expect(again).toMatchObject({ created: 0, updated: 3 });
    expect(again.matched.map((m) => m.line).sort()).toEqual([2, 3, 4]);
    const inA = await list(`unit=${a?.id}`);
    expect(inA.total).toBe(2);
    expect(inA.items.find((p) => p.name === "Nguyễn Thị Hoa")?.position).toBe("commune_vice_chair");
    // The province's page takes its communes' people.
    expect(
      (await list(`unit=${tree.hanoi.id}&q=${encodeURIComponent("lan")}`)).items.map((p) => p.name),
    ).toEqual(["Lê Thị Lan"]);
  });

  it("refuses whole, naming every line: wrong columns, an unknown or other province's unit, a formula for a name, the same person twice", async ({
    expect,
  }) => {
    const [a] = communes;
    const columns = await (await importCsv("ho_ten,nam_sinh\nA,1980\n")).json<ImportResult>();
    expect(columns.errors.map((e) => [e.line, e.field])).toEqual([
      [1, "name"],
      [1, "birth_year"],
      [1, "position"],
      [1, "unit_code"],
    ]);
    const other = await createUnit("Hội LHPN xã Ở Tỉnh Khác", "commune", tree.thaiNguyen);
    const res = await importCsv(
      [
        "name,birth_year,position,unit_code",
        `Phạm Thị Xuân,1980,branch_head,${other.code}`,
        `=HYPERLINK("http://x"),1980,branch_head,${a?.code}`,
        `Vũ Thị Thu,1981,truong thon,${a?.code}`,
        `Đỗ Thị Hạnh,1982,branch_head,KHONG-CO`,
        `Hồ Thị Nga,1983,branch_head,${a?.code}`,
        `hồ thị  nga,1983,branch_head,${a?.code}`,
      ].join("\r\n"),
    );
    expect(res.status).toBe(422);
    expect((await res.json<ImportResult>()).errors.map((e) => [e.line, e.field])).toEqual([
      [2, "unit_code"],
      [3, "name"],
      [4, "position"],
      [5, "unit_code"],
      [7, "name"],
    ]);
    expect((await list(`unit=${a?.id}&q=nga`)).total).toBe(0);
    // Not a list at all, or far too large: refused before anything is read.
    const image = await call("/api/people/import", {
      method: "POST",
      headers: { ...organiser.headers, "Content-Type": "image/png" },
      body: "x",
    });
    expect(image.status).toBe(400);
    const huge = await importCsv(`name,birth_year,position,unit_code\n${"x".repeat(3 * 1024 * 1024)}`);
    expect(huge.status).toBe(413);
  });

  it("takes the same columns as an Excel file, with its strings shared or inline", async ({ expect }) => {
    const [, b] = communes;
    const inline = toXlsx("Danh sách", [
      ["name", "birth_year", "position", "unit_code"],
      ["Đặng Thị Bích", 1979, "successor", b?.code ?? ""],
    ]);
    const sharedSheet = `<?xml version="1.0"?><worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData>
<row r="1"><c r="A1" t="s"><v>0</v></c><c r="B1" t="s"><v>1</v></c><c r="C1" t="s"><v>2</v></c><c r="D1" t="s"><v>3</v></c></row>
<row r="2"><c r="A2" t="s"><v>4</v></c><c r="B2"><v>1990</v></c><c r="C2" t="s"><v>5</v></c><c r="D2" t="s"><v>6</v></c></row>
</sheetData></worksheet>`;
    const strings = [
      "name",
      "birth_year",
      "position",
      "unit_code",
      "Ngô Thị Ánh &amp; Hằng",
      "branch_head",
      b?.code ?? "",
    ];
    const shared = zipSync({
      "xl/worksheets/sheet1.xml": strToU8(sharedSheet),
      "xl/sharedStrings.xml": strToU8(
        `<sst xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main">${strings.map((x) => `<si><t>${x}</t></si>`).join("")}</sst>`,
      ),
    });
    for (const [bytes, name] of [
      [inline, "Đặng Thị Bích"],
      [shared, "Ngô Thị Ánh & Hằng"],
    ] as const) {
      const res = await call("/api/people/import", {
        method: "POST",
        headers: {
          ...organiser.headers,
          "Content-Type": "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
        },
        body: bytes,
      });
      expect(res.status, name).toBe(201);
      expect((await list(`unit=${b?.id}&q=${encodeURIComponent(name)}`)).items.map((p) => p.name)).toEqual([
        name,
      ]);
    }
  });
});

describe("the register day to day", () => {
  it("finds 'nguyen thi hoa' as 'Nguyễn Thị Hoà', pages with the total, adds one, refuses her twice, and retires her from the list", async ({
    expect,
  }) => {
    const unit = await createUnit("Hội LHPN phường Văn Miếu", "commune", tree.hanoi);
    const add = (name: string, birthYear: number) =>
      postJson(
        "/api/people",
        { name, birthYear, position: "branch_head", unitId: unit.id },
        organiser.headers,
      );
    const made = await add("  Nguyễn   Thị Hoà ", 1976);
    expect(made.status).toBe(201);
    const { id } = await made.json<{ id: number }>();
    expect((await add("Nguyễn Thị Hoà", 1976)).status).toBe(409);
    for (let i = 0; i < 12; i++) expect((await add(`Chi hội trưởng số ${i + 1}`, 1970 + i)).status).toBe(201);

    const found = await list(`unit=${unit.id}&q=${encodeURIComponent("nguyen thi hoa")}`);
    expect(found.items.map((p) => [p.id, p.name])).toEqual([[id, "Nguyễn Thị Hoà"]]);
    const first = await list(`unit=${unit.id}&limit=10`);
    expect(first).toMatchObject({ total: 13, next: 10 });
    const second = await list(`unit=${unit.id}&limit=10&cursor=10`);
    expect(second.items).toHaveLength(3);
    expect(second.next).toBeNull();

    // She leaves her position: out of the current list, still in the whole register.
    const left = await call(`/api/people/${id}`, {
      method: "PATCH",
      headers: { ...organiser.headers, "Content-Type": "application/json" },
      body: JSON.stringify({ until: "2026-06-30" }),
    });
    expect(left.status).toBe(200);
    expect((await list(`unit=${unit.id}`)).total).toBe(12);
    expect((await list(`unit=${unit.id}&all=1`)).total).toBe(13);

    // A leader reads the register but does not change it; an out-of-scope person is not found.
    const leader = await signIn("leader", tree.hanoi);
    expect((await list(`unit=${unit.id}`, leader)).total).toBe(12);
    expect((await add("Người khác", 1980)).status).toBe(201);
    const commune = await signIn("organiser", communes[0] ?? unit);
    const outside = await call(`/api/people/${id}`, {
      method: "PATCH",
      headers: { ...commune.headers, "Content-Type": "application/json" },
      body: JSON.stringify({ position: "successor" }),
    });
    expect(outside.status).toBe(404);
    const row = await db()
      .selectFrom("people")
      .select(["position", "until"])
      .where("id", "=", id)
      .executeTakeFirst();
    expect(row).toEqual({ position: "branch_head", until: "2026-06-30" });
  });

  it("exports what the filter takes, as a spreadsheet reads it", async ({ expect }) => {
    const [a] = communes;
    const csv = await (
      await call(`/api/people/people.csv?unit=${a?.id}`, { headers: organiser.headers })
    ).text();
    const rows = csv
      .replace(/^\uFEFF/, "")
      .trim()
      .split("\r\n");
    expect(rows[0]).toBe("Họ tên,Năm sinh,Chức danh,Đơn vị,Mã đơn vị,Từ ngày,Đến ngày");
    expect(rows.slice(1).some((r) => r.startsWith("Nguyễn Thị Hoa,1978,Phó Chủ tịch Hội cơ sở"))).toBe(true);
  });
});
