// An inspector records, then edits, their own observation of a class: the form shows what was saved, and "Đã lưu" means saved.
import { join } from "node:path";
import { describe, it } from "vitest";
import {
  ARTIFACTS,
  baseUrl,
  LAPTOP,
  launch,
  newClass,
  PHONE,
  seriousViolations,
  signInAt,
  staffSession,
} from "./helpers";

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

  it("a class where lecturers answered too: the inspector compares with the trainees' scores, the lecturers' stand apart with their own count", async ({
    expect,
  }) => {
    const organiser = await staffSession();
    const cls = await newClass(organiser, "Lớp có giảng viên trả lời");
    const form = (await (await fetch(`${baseUrl()}/api/public/events/${cls.code}`)).json()) as {
      questions: { id: number; type: string }[];
    };
    const ratings = form.questions.filter((q) => q.type === "rating");
    // Five trainees' sheets at 4, two lecturers' at 1: typed in from paper, as after a class.
    const sheets = [4, 4, 4, 4, 4, 1, 1].map((v, i) => ({
      sheet: `${cls.code}-${String(i + 1).padStart(4, "0")}`,
      role: i < 5 ? "trainee" : "lecturer",
      answers: Object.fromEntries(ratings.map((q) => [q.id, v])),
    }));
    for (const s of sheets) {
      const res = await organiser(`/api/events/${cls.id}/paper-responses`, {
        method: "POST",
        body: JSON.stringify(s),
      });
      expect(res.status).toBe(201);
    }
    const browser = await launch({ viewport: PHONE });
    try {
      const page = await browser.newPage();
      await signInAt(page, "admin@gopy.local", `/app/events/${cls.id}/report`);
      await page.getByRole("heading", { name: "Ý kiến giảng viên (tính riêng)" }).waitFor();
      const main = (await page.locator("main").textContent()) ?? "";
      expect(main).toContain("Học viên trả lời");
      expect(main).toContain("5 / 30 phiếu");
      expect(main).toContain("4,00 / 5");
      expect(main).toContain("2 giảng viên trả lời");
      expect(main).toContain("7 trong 7 phiếu (cả giảng viên) là phiếu giấy");
      // Two lecturers are fewer than five: their count, nothing of what they answered.
      expect(main).not.toMatch(/1,00|3,14|3,00/);
      await page.screenshot({ path: join(ARTIFACTS, "report-lecturers-apart.png"), fullPage: true });
      expect(await seriousViolations(page)).toEqual([]);

      // The list of classes says the same: trainees against trainees expected, lecturers beside.
      await page.goto(`${baseUrl()}/app`);
      const search = page.getByLabel("Tìm theo tên, mã lớp hoặc đơn vị");
      await search.fill(cls.code);
      await search.press("Enter");
      const row = page.getByRole("row").filter({ hasText: cls.code });
      await expect.poll(() => page.getByRole("row").count()).toBe(2);
      await expect.poll(() => row.count()).toBe(1);
      const cells = await row.getByRole("cell").allTextContents();
      expect(cells[1]).toBe("5 / 30 phiếu+ 2 phiếu giảng viên (tính riêng)");
      // On her phone the count is in sight beside the name, without scrolling the table sideways.
      const count = await row.getByRole("cell").nth(1).boundingBox();
      expect((count?.x ?? 999) + (count?.width ?? 0)).toBeLessThanOrEqual(360);
      await row.getByRole("cell").nth(1).scrollIntoViewIfNeeded();
      await page.screenshot({ path: join(ARTIFACTS, "events-lecturers-phone.png") });
    } finally {
      await browser.close();
    }
  });
});
