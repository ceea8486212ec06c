// An inspector records, then edits, their own observation of a class: the form shows what was saved, and "Đã lưu" means saved.
import { join } from "node:path";
import { describe, it } from "vitest";
import { ARTIFACTS, LAPTOP, launch, newClass, seriousViolations, signInAt, staffSession } from "./helpers";

describe("class observation (dự giờ)", () => {
  it("edits a saved observation with its scores filled in, and shows the server's refusal instead of 'Đã lưu'", async ({
    expect,
  }) => {
    const admin = await staffSession("admin@gopy.local");
    const cls = await newClass(admin, "Lớp dự giờ thử");
    const browser = await launch({ viewport: LAPTOP });
    try {
      const page = await browser.newPage();
      await signInAt(page, "admin@gopy.local", `/app/events/${cls.id}/report`);
      const form = page.locator("form:has(h3)").filter({ hasText: "Lưu dự giờ" });
      await form.waitFor();
      const score = (name: string) => form.locator(`select[name=${name}]`);
      await score("content").selectOption("4");
      await score("method").selectOption("3");
      await form.locator("textarea[name=note]").fill("Giảng viên nói rõ ràng.");
      await form.getByRole("button", { name: "Lưu dự giờ" }).click();
      await page.getByRole("heading", { name: "Sửa điểm dự giờ của bạn" }).waitFor();

      // Opened again later: the form shows the scores and note as saved, not "–".
      await page.reload();
      await page.getByRole("heading", { name: "Sửa điểm dự giờ của bạn" }).waitFor();
      expect(await score("content").inputValue()).toBe("4");
      expect(await score("method").inputValue()).toBe("3");
      expect(await score("usefulness").inputValue()).toBe("");
      // The observer's column reads a Vietnamese date, not an ISO one.
      expect(await page.locator("table:has(caption) thead").last().textContent()).toMatch(
        /\d{2}\/\d{2}\/\d{4}/,
      );

      // Only the note changes: saved, and shown as saved after a reload.
      await form.locator("textarea[name=note]").fill("Giảng viên nói rõ ràng, cần thêm ví dụ.");
      await form.getByRole("button", { name: "Lưu dự giờ" }).click();
      await form.getByRole("status").filter({ hasText: "Đã lưu." }).waitFor();
      await page.reload();
      await page.getByText("cần thêm ví dụ").first().waitFor();
      expect(await score("content").inputValue()).toBe("4");

      // Every score cleared: the server refuses, and the page says so where the inspector looks.
      for (const c of ["content", "method"]) await score(c).selectOption("");
      await form.getByRole("button", { name: "Lưu dự giờ" }).click();
      await form.getByRole("alert").waitFor();
      expect(await form.getByRole("status").count()).toBe(0);
      await page.screenshot({ path: join(ARTIFACTS, "observation-refused.png"), fullPage: true });
      expect(await seriousViolations(page)).toEqual([]);
    } finally {
      await browser.close();
    }
  });
});
