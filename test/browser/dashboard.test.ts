// An inspector at laptop size drills from the national view to a class on the demo data, with screenshots kept.
import { join } from "node:path";
import { describe, it } from "vitest";
import { ARTIFACTS, LAPTOP, launch, seriousViolations, signInAt } from "./helpers";

describe("class quality dashboards", () => {
  it("national → province → commune → class, switching to the structure at the time on the way", async ({
    expect,
  }) => {
    const browser = await launch({ viewport: LAPTOP });
    try {
      const page = await browser.newPage();
      await signInAt(page, "lanhdao@gopy.local", `/app/units`);
      await page.getByRole("heading", { level: 1, name: "Trung ương Hội LHPN Việt Nam" }).waitFor();
      // Months are typed as people write them, whatever the browser's language.
      await page.getByLabel("Từ tháng").fill("01/2024");
      await page
        .getByRole("row", { name: /Thái Nguyên/ })
        .first()
        .waitFor();
      // Today's structure: Bắc Kạn is folded into Thái Nguyên.
      expect(await page.getByRole("link", { name: "Hội LHPN tỉnh Bắc Kạn" }).count()).toBe(0);
      await page.screenshot({ path: join(ARTIFACTS, "dashboard-national.png") });
      expect(await seriousViolations(page)).toEqual([]);
      // What trainees wrote, grouped across the classes, with how many classes each group comes from.
      const comments = page.getByTestId("unit-comments");
      const first = comments.getByTestId("unit-comment-group").first();
      await first.waitFor();
      expect(await first.locator("summary").textContent()).toMatch(/\d+ ý kiến từ \d+ lớp/);
      await first.locator("summary").click();
      expect(await first.locator("li").count()).toBeGreaterThan(0);
      await comments.screenshot({ path: join(ARTIFACTS, "dashboard-national-comments.png") });
      expect(await seriousViolations(page)).toEqual([]);

      await page.getByText("Theo đơn vị tại thời điểm").click();
      await page.getByRole("link", { name: "Hội LHPN tỉnh Bắc Kạn" }).waitFor();
      await page.screenshot({ path: join(ARTIFACTS, "dashboard-national-then.png") });
      await page.getByText("Theo đơn vị hiện nay").click();

      await page.getByRole("link", { name: "Hội LHPN tỉnh Thái Nguyên" }).first().click();
      await page.getByRole("heading", { level: 1, name: "Hội LHPN tỉnh Thái Nguyên" }).waitFor();
      await page.getByRole("link", { name: "Hội LHPN xã Ba Bể" }).first().waitFor();
      await page.screenshot({ path: join(ARTIFACTS, "dashboard-province.png") });

      await page.getByRole("link", { name: "Hội LHPN xã Ba Bể" }).first().click();
      await page.getByRole("heading", { level: 1, name: "Hội LHPN xã Ba Bể" }).waitFor();
      await page.screenshot({ path: join(ARTIFACTS, "dashboard-commune.png") });

      const firstClass = page.locator("section:has(h2:text('Các lớp')) tbody tr a").first();
      const title = (await firstClass.textContent()) ?? "";
      await firstClass.click();
      await page.getByRole("heading", { level: 1, name: title }).waitFor();
      await page.getByRole("heading", { name: "Dự giờ" }).waitFor();
      await page.screenshot({ path: join(ARTIFACTS, "dashboard-class.png"), fullPage: true });
      expect(await seriousViolations(page)).toEqual([]);
    } finally {
      await browser.close();
    }
  });
});
