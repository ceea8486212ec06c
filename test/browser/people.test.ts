// An organiser imports her province's officer list on a laptop (one bad line first), then finds a person on her phone without typing the marks.
import { join } from "node:path";
import { describe, it } from "vitest";
import { ARTIFACTS, LAPTOP, launch, PHONE, seriousViolations, signInAt } from "./helpers";

const file = (name: string, lines: string[]) => ({
  name,
  mimeType: "text/csv",
  buffer: Buffer.from(`\uFEFF${lines.join("\r\n")}\r\n`),
});

describe("the officer register", () => {
  it("a list with one bad line is refused with the line named; fixed, previewed and saved; found on a phone without marks", async ({
    expect,
  }) => {
    const stamp = Date.now().toString(36).toUpperCase();
    const lines = [
      "name,birth_year,position,unit_code",
      `Nguyễn Thị Hồng ${stamp},1977,branch_head,HN-BM`,
      `Trần Thị Lụa ${stamp},19777,commune_chair,HN-HK`,
      `Phạm Thị Gấm ${stamp},1988,successor,HN-BV`,
    ];
    const laptop = await launch({ viewport: LAPTOP });
    try {
      const page = await laptop.newPage();
      await signInAt(page, "tochuc@gopy.local", "/app/people");
      const chooser = page.getByLabel("Tệp danh sách");
      await chooser.setInputFiles(file("danh-sach.csv", lines));
      await page.getByRole("button", { name: "Xem trước" }).click();
      const outcome = page.getByTestId("import-outcome");
      await outcome.getByText("Tệp có 1 lỗi").waitFor();
      expect(await outcome.locator("tbody tr").allTextContents()).toEqual([
        expect.stringMatching(/^3birth_yearNăm sinh/),
      ]);
      await page.screenshot({ path: join(ARTIFACTS, "people-import-refused.png"), fullPage: true });

      lines[2] = `Trần Thị Lụa ${stamp},1977,commune_chair,HN-HK`;
      await chooser.setInputFiles(file("danh-sach.csv", lines));
      await page.getByRole("button", { name: "Xem trước" }).click();
      await outcome.getByText("Hợp lệ: 3 người mới, 0 người đã có").waitFor();
      await page.getByRole("button", { name: "Lưu 3 người" }).click();
      await outcome.getByText("Đã lưu: 3 người mới, 0 người cập nhật.").waitFor();
      await page.getByLabel("Tìm theo họ tên (có dấu hay không)").fill(stamp.toLowerCase());
      await page.getByLabel("Tìm theo họ tên (có dấu hay không)").press("Enter");
      await expect.poll(() => page.getByTestId("person").count()).toBe(3);
      await page.screenshot({ path: join(ARTIFACTS, "people-laptop.png"), fullPage: true });
      expect(await seriousViolations(page)).toEqual([]);
    } finally {
      await laptop.close();
    }

    const phone = await launch({ viewport: PHONE });
    try {
      const page = await phone.newPage();
      await signInAt(page, "tochuc@gopy.local", "/app/people");
      const search = page.getByLabel("Tìm theo họ tên (có dấu hay không)");
      await search.fill(`nguyen thi hong ${stamp.toLowerCase()}`);
      await search.press("Enter");
      await expect
        .poll(() => page.getByTestId("person").allTextContents())
        .toEqual([expect.stringContaining(`Nguyễn Thị Hồng ${stamp}`)]);
      const over = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
      expect(over).toBeLessThanOrEqual(0);
      await page.screenshot({ path: join(ARTIFACTS, "people-phone.png"), fullPage: true });
    } finally {
      await phone.close();
    }
  });
});
