// An organiser imports her province's officer list on a laptop (one bad line first), then finds a person on her phone without typing the marks.
import { join } from "node:path";
import { describe, it } from "vitest";
import {
  ARTIFACTS,
  LAPTOP,
  launch,
  newClass,
  PHONE,
  printedPages,
  seriousViolations,
  signInAt,
  staffSession,
} from "./helpers";

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

describe("a class's attendance", () => {
  it("the organiser ticks who came from her commune's register, adds a newcomer, marks one not completed, saves: the page says how many of how many", async ({
    expect,
  }) => {
    const staff = await staffSession();
    const cls = await newClass(staff, "Lớp kiểm thử: điểm danh");
    const detail = (await (await staff(`/api/events/${cls.id}`)).json()) as { unitId: number };
    const stamp = Date.now().toString(36);
    for (const [i, name] of [`Đinh Thị Một ${stamp}`, `Đinh Thị Hai ${stamp}`].entries()) {
      const res = await staff("/api/people", {
        method: "POST",
        body: JSON.stringify({ name, birthYear: 1980 + i, position: "branch_head", unitId: detail.unitId }),
      });
      expect(res.status).toBe(201);
    }
    const laptop = await launch({ viewport: LAPTOP });
    try {
      const page = await laptop.newPage();
      await signInAt(page, "tochuc@gopy.local", `/app/events/${cls.id}`);
      const section = page.getByTestId("attendance");
      await section.getByLabel("Tìm trong danh sách cán bộ của đơn vị (có dấu hay không)").fill(stamp);
      await section.getByRole("button", { name: "Tìm", exact: true }).click();
      await section.getByRole("button", { name: "Chọn cả 2 người đang hiện" }).click();
      await section.getByText("Thêm người chưa có trong danh sách").click();
      await section.getByLabel("Họ tên").fill(`Đinh Thị Ba ${stamp}`);
      await section.getByLabel("Năm sinh").fill("1990");
      await section.getByRole("button", { name: "Thêm vào danh sách cán bộ và danh sách tham dự" }).click();
      await expect.poll(() => section.getByTestId("attendee").count()).toBe(3);
      await section.getByLabel(`Đinh Thị Hai ${stamp} hoàn thành lớp`).uncheck();
      await section.getByLabel("Số ngày học của lớp").fill("3");
      await section.getByRole("button", { name: "Lưu danh sách tham dự" }).click();
      await expect.poll(() => section.getByTestId("attendance-saved").textContent()).toBe("Đã lưu.");
      expect(await section.getByTestId("attendance-count").textContent()).toBe("3 / 30 người tham dự");
      await page.screenshot({ path: join(ARTIFACTS, "attendance.png"), fullPage: true });
      const saved = (await (await staff(`/api/events/${cls.id}/attendance`)).json()) as {
        items: { name: string; completed: boolean }[];
        days: number;
      };
      expect(saved.days).toBe(3);
      expect(saved.items.filter((i) => !i.completed).map((i) => i.name)).toEqual([`Đinh Thị Hai ${stamp}`]);
      expect(await seriousViolations(page)).toEqual([]);
    } finally {
      await laptop.close();
    }
  });
});

describe("a programme's progress", () => {
  it("a leader opens the 2026 programme: each target with its rate, the line's expectation and the units furthest behind first; on a phone too", async ({
    expect,
  }) => {
    for (const viewport of [LAPTOP, PHONE]) {
      const browser = await launch({ viewport });
      try {
        const page = await browser.newPage();
        await signInAt(page, "lanhdao@gopy.local", "/app/programmes");
        await page.getByRole("link", { name: "Chương trình chuyển đổi số trong công tác Hội 2026" }).click();
        const targets = page.getByTestId("target");
        await targets.first().waitFor();
        expect(await targets.count()).toBe(2);
        expect(await targets.first().getByRole("heading").textContent()).toContain(
          "Chi hội trưởng hoàn thành ít nhất 2 ngày",
        );
        expect(await targets.first().getByTestId("target-status").textContent()).toMatch(/tiến độ/);
        expect(await targets.first().locator("tbody tr").count()).toBeGreaterThan(0);
        const over = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
        expect(over).toBeLessThanOrEqual(0);
        await page.screenshot({
          path: join(ARTIFACTS, viewport === PHONE ? "progress-phone.png" : "progress.png"),
          fullPage: true,
        });
        if (viewport === LAPTOP) {
          expect(await seriousViolations(page)).toEqual([]);
          // The review on paper: the programme named on every page, its sections in order.
          await page.getByTestId("unit-comments").waitFor();
          const pages = await printedPages(page, "programme-review.pdf");
          const all = pages.join(" ").replace(/\s+/g, " ");
          pages.forEach((text, i) => {
            expect(text.replace(/\s+/g, " ")).toContain("Chương trình chuyển đổi số trong công tác Hội 2026");
            expect(text).toMatch(new RegExp(`\\b${i + 1}\\s*/\\s*${pages.length}\\b`));
          });
          const order = [
            "hoàn thành ít nhất 2 ngày",
            "Những việc còn chậm",
            "Chất lượng các lớp",
            "Lớp đã tổ chức",
          ];
          const at = order.map((w) => all.indexOf(w));
          expect(at.every((x) => x >= 0)).toBe(true);
          expect([...at].sort((x, y) => x - y)).toEqual(at);
          console.log(`programme-review.pdf: ${pages.length} A4 pages`);
          // Whom the unit furthest behind still has to train: the list for the next class's invitations.
          const link = targets
            .first()
            .locator("tbody tr")
            .first()
            .getByRole("link", { name: /người$/ });
          const n = Number((await link.textContent())?.match(/\d+/)?.[0] ?? "-1");
          await link.click();
          await page.getByTestId("trained-filter").waitFor();
          await expect
            .poll(() => page.getByTestId("people-total").textContent())
            .toContain(`trong ${n} người`);
          await page.screenshot({ path: join(ARTIFACTS, "untrained.png"), fullPage: true });
        }
      } finally {
        await browser.close();
      }
    }
  });
});
