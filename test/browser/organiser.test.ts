// An organiser creates a class through the form on a laptop, writing dates as people in Vietnam do.
import { join } from "node:path";
import { describe, it } from "vitest";
import { ARTIFACTS, LAPTOP, launch, seriousViolations, signInAt, staffSession } from "./helpers";

describe("organiser creates a class", () => {
  it("types the dates day first, is stopped on 31/02, and the class starts when she wrote", async ({
    expect,
  }) => {
    const browser = await launch({ viewport: LAPTOP });
    try {
      const page = await browser.newPage();
      await signInAt(page, "tochuc@gopy.local", "/app/events/new");
      await page.getByLabel("Tên lớp").fill("Lớp kiểm thử: ngày viết kiểu Việt Nam");
      const starts = page.getByLabel("Bắt đầu");
      // The browser's own date picker would follow its language; this field reads day/month/year.
      expect(await starts.getAttribute("placeholder")).toBe("ngày/tháng/năm giờ:phút");
      await starts.fill("31/02/2027 08:00");
      await page.getByLabel("Kết thúc").fill("01/03/2027 17:00");
      await page.getByRole("button", { name: "Tạo lớp", exact: true }).click();
      // Not a real day: the form does not go, and says how to write one.
      expect(await starts.evaluate((e: HTMLInputElement) => e.validationMessage)).toBe(
        "Viết ngày và giờ, ví dụ 30/11/2026 08:00.",
      );
      expect(page.url()).toContain("/app/events/new");

      await starts.fill("1/3/2027 8h00");
      await page.screenshot({ path: join(ARTIFACTS, "new-class.png"), fullPage: true });
      expect(await seriousViolations(page)).toEqual([]);
      await page.getByRole("button", { name: "Tạo lớp", exact: true }).click();
      await page.waitForURL(/\/app\/events\/\d+$/);
      const id = Number(/(\d+)$/.exec(page.url())?.[1]);
      const staff = await staffSession();
      const event = (await (await staff(`/api/events/${id}`)).json()) as { startsAt: string; endsAt: string };
      // 08:00 and 17:00 in Hà Nội.
      expect(event.startsAt).toBe("2027-03-01T01:00:00.000Z");
      expect(event.endsAt).toBe("2027-03-01T10:00:00.000Z");
    } finally {
      await browser.close();
    }
  });
});
