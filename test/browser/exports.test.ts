// Exports read back by a real spreadsheet reader (exceljs): Vietnamese sheet names, real dates in Vietnam time, real numbers.

import { join } from "node:path";
import ExcelJS from "exceljs";
import { describe, it } from "vitest";
import { ARTIFACTS, LAPTOP, launch, signInAt, staffSession } from "./helpers";

async function workbook(res: Response) {
  if (res.status !== 200) throw new Error(`${res.status} ${await res.text()}`);
  const book = new ExcelJS.Workbook();
  await book.xlsx.load(await res.arrayBuffer());
  return book;
}

/** The demo workshop (its proposals were sent at known times), whatever other tests created since. */
async function demoWorkshop(staff: Awaited<ReturnType<typeof staffSession>>): Promise<number> {
  const list = (await (
    await staff(`/api/events?kind=workshop&q=${encodeURIComponent("nâng cao chất lượng đội ngũ")}`)
  ).json()) as { items: { id: number }[] };
  const id = list.items.at(-1)?.id;
  if (id === undefined) throw new Error("no demo workshop");
  return id;
}

/** The column of a header's name in the first row that has it. */
function columnOf(sheet: ExcelJS.Worksheet, header: string): { col: number; row: number } {
  for (let r = 1; r <= Math.min(sheet.rowCount, 5); r++) {
    const values = sheet.getRow(r).values;
    const at = Array.isArray(values) ? values.indexOf(header) : -1;
    if (at > 0) return { col: at, row: r };
  }
  throw new Error(`no column ${header}`);
}

describe("exports as a spreadsheet reads them", () => {
  it("the proposals and the classes open with Vietnamese sheet names, dates as dates in Vietnam time, numbers as numbers", async ({
    expect,
  }) => {
    const staff = await staffSession();
    const ws = await demoWorkshop(staff);
    const proposals = await workbook(await staff(`/api/events/${ws}/proposals.xlsx`));
    const sheet = proposals.worksheets[0];
    expect(sheet?.name).toBe("Đề xuất");
    if (!sheet) return;
    const sent = columnOf(sheet, "Thời gian gửi (giờ Việt Nam)");
    const first = sheet.getRow(sent.row + 1);
    const when = first.getCell(sent.col).value;
    expect(when).toBeInstanceOf(Date);
    expect(typeof first.getCell(columnOf(sheet, "Ủng hộ").col).value).toBe("number");
    expect(first.getCell(sent.col).numFmt).toBe("dd/mm/yyyy hh:mm");

    const units = (await (await staff("/api/units")).json()) as { id: number; level: string }[];
    const top = units[0]?.id;
    const classes = await workbook(await staff(`/api/units/${top}/classes.xlsx?from=2025-01&to=2026-12`));
    const lop = classes.worksheets[0];
    expect(lop?.name).toBe("Lớp");
    if (!lop) return;
    const day = columnOf(lop, "Ngày học");
    const row = lop.getRow(day.row + 1);
    expect(row.getCell(day.col).value).toBeInstanceOf(Date);
    expect(row.getCell(day.col).numFmt).toBe("dd/mm/yyyy");
    expect(typeof row.getCell(columnOf(lop, "Số phiếu").col).value).toBe("number");
  });

  it("the CSV gives times day first in Vietnam time, never UTC ISO text", async ({ expect }) => {
    const staff = await staffSession();
    const csv = await (await staff(`/api/events/${await demoWorkshop(staff)}/proposals.csv`)).text();
    expect(csv).toMatch(/\d{2}\/\d{2}\/\d{4} \d{2}:\d{2}/);
    expect(csv).not.toMatch(/\d{4}-\d{2}-\d{2}T\d{2}:/);
  });

  it("a class report offers Excel first, the raw answers as Excel too, and each button's file opens in a spreadsheet reader", async ({
    expect,
  }) => {
    const staff = await staffSession();
    const browser = await launch({ viewport: LAPTOP });
    try {
      const page = await browser.newPage();
      await signInAt(page, "tochuc@gopy.local", "/app/events/1/report");
      const buttons = page.locator(".actions a.button");
      await buttons.first().waitFor();
      const labels = (await buttons.allTextContents()).map((l) => l.trim());
      expect(labels.slice(0, 4)).toEqual([
        "Tải Excel (.xlsx)",
        "Tải CSV",
        "Tải các câu trả lời (Excel)",
        "Tải các câu trả lời (CSV)",
      ]);
      await page.screenshot({ path: join(ARTIFACTS, "report-downloads.png") });
      const hrefs = await buttons.evaluateAll((as) => as.map((a) => a.getAttribute("href") ?? ""));
      const report = await workbook(await staff(hrefs[0] ?? ""));
      expect(report.worksheets[0]?.name).toBe("Báo cáo");
      const answers = await workbook(await staff(hrefs[2] ?? ""));
      expect(answers.worksheets[0]?.name).toBe("Câu trả lời");
      expect(answers.worksheets[0]?.rowCount ?? 0).toBeGreaterThan(5);
      // The day each answer came is a date, not text.
      expect(answers.worksheets[0]?.getRow(2).getCell(1).value).toBeInstanceOf(Date);
    } finally {
      await browser.close();
    }
  });

  it("the officer register opens with its Vietnamese sheet name and birth years as numbers", async ({
    expect,
  }) => {
    const staff = await staffSession();
    const book = await workbook(await staff("/api/people/people.xlsx"));
    const sheet = book.worksheets[0];
    expect(sheet?.name).toBe("Danh sách cán bộ");
    expect(sheet?.getRow(1).getCell(2).value).toBe("Năm sinh");
    expect(typeof sheet?.getRow(2).getCell(2).value).toBe("number");
    expect(sheet?.rowCount ?? 0).toBeGreaterThan(50);
  });

  it("a programme's progress opens as a spreadsheet: its Vietnamese sheet name, the day as a date, rates as numbers", async ({
    expect,
  }) => {
    const staff = await staffSession("lanhdao@gopy.local");
    const book = await workbook(await staff("/api/programmes/2/progress.xlsx"));
    const sheet = book.worksheets[0];
    expect(sheet?.name).toBe("Tiến độ chương trình");
    expect(sheet?.getRow(2).getCell(4).value).toBeInstanceOf(Date);
    const first = sheet?.getRow(6);
    expect(first?.getCell(1).value).toBe("Chi hội trưởng");
    expect(typeof first?.getCell(7).value).toBe("number");
  });
});
