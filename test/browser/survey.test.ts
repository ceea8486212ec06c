// A trainee on a 360×740 phone answers after class; the organiser watches the count move.
import { join } from "node:path";
import { afterAll, beforeAll, describe, it } from "vitest";
import {
  ARTIFACTS,
  answerSurvey,
  baseUrl,
  headingsAtFoot,
  LAPTOP,
  launch,
  newClass,
  newEvent,
  printedPages,
  responseCount,
  type StaffFetch,
  seriousViolations,
  signInAt,
  staffSession,
  takeTimeToRead,
} from "./helpers";

let staff: StaffFetch;
beforeAll(async () => {
  staff = await staffSession();
});

describe("trainee on a phone", () => {
  it("opens the QR link, answers, submits, sees thanks, and the organiser's count moves", async ({
    expect,
  }) => {
    const cls = await newClass(staff, "Lớp kiểm thử: trình duyệt có JavaScript");
    const organiser = await launch({ viewport: LAPTOP });
    const phone = await launch();
    try {
      const board = await organiser.newPage();
      await signInAt(board, "tochuc@gopy.local", `/app/events/${cls.id}`);
      const count = board.getByTestId("response-count");
      await expect.poll(() => count.textContent()).toContain("0 / 30");

      const page = await phone.newPage();
      await page.goto(`${baseUrl()}/s/${cls.code}`);
      await page.screenshot({ path: join(ARTIFACTS, "survey-phone.png"), fullPage: true });
      await page.screenshot({ path: join(ARTIFACTS, "survey-phone-top.png") });
      await answerSurvey(page, 4, "Nên tăng thời gian thực hành.");
      await takeTimeToRead(page);
      await page.getByRole("button", { name: "Gửi ý kiến" }).click();
      await page.getByRole("heading", { name: "Cảm ơn bạn!" }).waitFor();
      await page.screenshot({ path: join(ARTIFACTS, "survey-thanks.png") });

      // the organiser's page refreshes itself every 5 seconds
      await expect.poll(() => count.textContent(), { timeout: 15_000 }).toContain("1 / 30");

      // a second visit from the same phone: already answered
      await page.goto(`${baseUrl()}/s/${cls.code}`);
      await page.getByRole("heading", { name: "Bạn đã trả lời rồi" }).waitFor();
    } finally {
      await organiser.close();
      await phone.close();
    }
  });

  it("two trainees share one phone: the second answers after the first, each response stored once", async ({
    expect,
  }) => {
    const cls = await newClass(staff, "Lớp kiểm thử: dùng chung điện thoại");
    const phone = await launch();
    try {
      const page = await phone.newPage();
      await page.goto(`${baseUrl()}/s/${cls.code}`);
      await answerSurvey(page, 5, "Rất bổ ích.");
      await takeTimeToRead(page);
      await page.getByRole("button", { name: "Gửi ý kiến" }).click();
      await page.getByRole("heading", { name: "Cảm ơn bạn!" }).waitFor();
      // The older member borrows the phone: right from the thank-you box, a form of her own.
      await page.getByRole("link", { name: "Người khác trả lời trên máy này" }).click();
      await page.locator("#survey").waitFor();
      await answerSurvey(page, 3, "Cần chữ to hơn.");
      await takeTimeToRead(page);
      await page.getByRole("button", { name: "Gửi ý kiến" }).click();
      await page.getByRole("heading", { name: "Cảm ơn bạn!" }).waitFor();
      await expect.poll(() => responseCount(staff, cls.id)).toBe(2);
      // Coming back later, the phone is told it answered, and is offered the same button.
      await page.goto(`${baseUrl()}/s/${cls.code}`);
      await page.getByRole("heading", { name: "Bạn đã trả lời rồi" }).waitFor();
      await page.getByRole("link", { name: "Người khác trả lời trên máy này" }).waitFor();
      await page.screenshot({ path: join(ARTIFACTS, "survey-shared-phone.png") });
      expect(await seriousViolations(page)).toEqual([]);
    } finally {
      await phone.close();
    }
  });

  it("at 200% zoom (180 px wide) nothing on the survey or workshop page is cut or pushed off-screen", async ({
    expect,
  }) => {
    const cls = await newClass(staff, "Lớp kiểm thử: chữ phóng to");
    const ws = await newEvent(staff, "workshop", "Tọa đàm kiểm thử: chữ phóng to");
    await fetch(`${baseUrl()}/api/public/events/${ws.code}/proposals`, {
      method: "POST",
      headers: { "Content-Type": "application/json" },
      body: JSON.stringify({ clientId: "zoom-test-0001", text: "Mở lớp kỹ năng số cho chị em cao tuổi" }),
    });
    const phone = await launch({ viewport: { width: 180, height: 640 } });
    try {
      const page = await phone.newPage();
      for (const path of [`/s/${cls.code}`, `/s/${ws.code}`]) {
        await page.goto(`${baseUrl()}${path}`);
        const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
        const wide = await page.evaluate(() =>
          [...document.querySelectorAll("body *")]
            .filter((e) => e.getBoundingClientRect().right > window.innerWidth + 0.5)
            .map((e) => `${e.tagName}.${e.className}`),
        );
        expect(overflow, `${path}: ${wide.join(", ")}`).toBeLessThanOrEqual(0);
        // Every piece of text a trainee reads is at least 16 px.
        const small = await page.evaluate(() =>
          [...document.querySelectorAll("main *")]
            .filter(
              (el) =>
                el.childNodes.length > 0 &&
                [...el.childNodes].some((n) => n.nodeType === 3 && n.textContent?.trim()),
            )
            .filter((el) => Number.parseFloat(getComputedStyle(el).fontSize) < 16)
            .map((el) => `${el.tagName}.${el.className}: ${el.textContent?.trim().slice(0, 30)}`),
        );
        expect(small, path).toEqual([]);
      }
      await page.goto(`${baseUrl()}/s/${cls.code}`);
      await page.getByText("Giảng viên", { exact: true }).waitFor();
      const role = await page.getByText("Giảng viên", { exact: true }).boundingBox();
      expect((role?.x ?? 0) + (role?.width ?? 0)).toBeLessThanOrEqual(180);
      await page.screenshot({ path: join(ARTIFACTS, "survey-phone-180.png"), fullPage: true });
      await page.goto(`${baseUrl()}/s/${ws.code}`);
      await page.screenshot({ path: join(ARTIFACTS, "workshop-phone-180.png"), fullPage: true });
    } finally {
      await phone.close();
    }
  });

  it("the organiser copies the survey link for a Zalo group, and the poster names the Union, the unit and the dates", async ({
    expect,
  }) => {
    const cls = await newClass(staff, "Lớp kiểm thử: chia sẻ liên kết");
    const organiser = await launch({ viewport: LAPTOP });
    try {
      await organiser.grantPermissions(["clipboard-read", "clipboard-write"]);
      const page = await organiser.newPage();
      await signInAt(page, "tochuc@gopy.local", `/app/events/${cls.id}`);
      await page.getByRole("button", { name: "Sao chép liên kết" }).click();
      await page.getByText("Đã sao chép liên kết.").waitFor();
      expect(await page.evaluate(() => navigator.clipboard.readText())).toBe(`${baseUrl()}/s/${cls.code}`);
      await page.goto(`${baseUrl()}/app/events/${cls.id}/poster`);
      await page.getByText("Hội Liên hiệp Phụ nữ Việt Nam").waitFor();
      expect(await page.locator(".poster-dates").textContent()).toMatch(/^\d{2}\/\d{2}\/\d{4}/);
      expect(await page.locator(".poster-code").textContent()).toBe(cls.code);
    } finally {
      await organiser.close();
    }
  });

  it("tells which answers are missing before sending", async ({ expect }) => {
    const cls = await newClass(staff, "Lớp kiểm thử: thiếu câu trả lời");
    const phone = await launch();
    try {
      const page = await phone.newPage();
      await page.goto(`${baseUrl()}/s/${cls.code}`);
      await page
        .locator("fieldset[data-type='rating']")
        .first()
        .locator('label:has(input[value="5"])')
        .click();
      await page.getByRole("button", { name: "Gửi ý kiến" }).click();
      await expect.poll(() => page.locator("#status").textContent()).toContain("Vui lòng trả lời");
      expect(await page.locator(".q.bad").count()).toBe(5);
      expect(await responseCount(staff, cls.id)).toBe(0);
    } finally {
      await phone.close();
    }
  });

  it("works with JavaScript disabled: a plain form post and a thank-you page", async ({ expect }) => {
    const cls = await newClass(staff, "Lớp kiểm thử: không có JavaScript");
    const phone = await launch({ javaScriptEnabled: false });
    try {
      const page = await phone.newPage();
      await page.goto(`${baseUrl()}/s/${cls.code}`);
      await answerSurvey(page, 5, "Tài liệu nên in màu.");
      await page.getByRole("button", { name: "Gửi ý kiến" }).click();
      await page.getByRole("heading", { name: "Cảm ơn bạn!" }).waitFor();
      expect(page.url()).toContain(`/s/${cls.code}?sent=1`);
      expect(await responseCount(staff, cls.id)).toBe(1);
    } finally {
      await phone.close();
    }
  });

  it("network drops while sending and comes back: exactly one response stored", async ({ expect }) => {
    const cls = await newClass(staff, "Lớp kiểm thử: mất mạng");
    const phone = await launch();
    try {
      const page = await phone.newPage();
      await page.goto(`${baseUrl()}/s/${cls.code}`);
      await answerSurvey(page, 3, "Mạng yếu quá.");
      // The first attempt reaches the server, but its confirmation is lost on the way back.
      let attempts = 0;
      await page.route("**/api/public/events/*/responses", async (route) => {
        attempts++;
        if (attempts === 1) {
          await route.fetch();
          await route.abort("connectionreset");
        } else {
          await route.continue();
        }
      });
      await phone.setOffline(false);
      await page.getByRole("button", { name: "Gửi ý kiến" }).click();
      await expect.poll(() => page.locator("#status").textContent()).toMatch(/đang gửi lại|Chưa có mạng/i);
      // The phone goes offline, then the signal returns: the saved answer is sent again by itself.
      await phone.setOffline(true);
      await phone.setOffline(false);
      await page.getByRole("heading", { name: "Cảm ơn bạn!" }).waitFor({ timeout: 30_000 });
      expect(attempts).toBeGreaterThanOrEqual(2);
      expect(await responseCount(staff, cls.id)).toBe(1);
    } finally {
      await phone.close();
    }
  });

  it("keeps unsent answers across a reload while offline and sends them when the network returns", async ({
    expect,
  }) => {
    const cls = await newClass(staff, "Lớp kiểm thử: tải lại khi mất mạng");
    const phone = await launch();
    try {
      const page = await phone.newPage();
      await page.goto(`${baseUrl()}/s/${cls.code}`);
      await answerSurvey(page, 2, "Gửi lại sau khi tải lại trang.");
      await page.route("**/api/public/events/*/responses", (route) => route.abort("internetdisconnected"));
      await page.getByRole("button", { name: "Gửi ý kiến" }).click();
      await expect.poll(() => page.locator("#status").textContent()).toMatch(/lưu trên máy/);
      await page.unroute("**/api/public/events/*/responses");
      await page.reload();
      await page.getByRole("heading", { name: "Cảm ơn bạn!" }).waitFor({ timeout: 30_000 });
      expect(await responseCount(staff, cls.id)).toBe(1);
    } finally {
      await phone.close();
    }
  });
});

describe("accessibility", () => {
  let phone: Awaited<ReturnType<typeof launch>>;
  afterAll(async () => {
    await phone?.close();
  });

  it("the phone survey page has no serious or critical axe violations", async ({ expect }) => {
    const cls = await newClass(staff, "Lớp kiểm thử: trợ năng");
    phone = await launch();
    const page = await phone.newPage();
    await page.goto(`${baseUrl()}/s/${cls.code}`);
    expect(await seriousViolations(page)).toEqual([]);
    await page.goto(`${baseUrl()}/`);
    expect(await seriousViolations(page)).toEqual([]);
  });

  it("the report page has no serious or critical axe violations, and prints", async ({ expect }) => {
    const laptop = await launch({ viewport: LAPTOP });
    try {
      const page = await laptop.newPage();
      await signInAt(page, "lanhdao@gopy.local", `/app/events/1/report`);
      await page.locator(".chart").waitFor();
      // Recommendations come grouped by theme, not as one flat list.
      await page.getByTestId("comment-group").first().waitFor();
      expect(await page.getByTestId("comment-group").count()).toBeGreaterThan(1);
      await page.screenshot({ path: join(ARTIFACTS, "report.png"), fullPage: true });
      expect(await seriousViolations(page)).toEqual([]);
      // Every printed page names the class and its unit, and says which page of how many it is.
      const title = (await page.locator("h1").textContent()) ?? "";
      const pages = await printedPages(page, "report.pdf");
      console.log(`report.pdf: ${pages.length} A4 pages`);
      expect(pages.length).toBeGreaterThan(1);
      pages.forEach((text, i) => {
        expect(text.replace(/\s+/g, " ")).toContain(title);
        expect(text).toMatch(new RegExp(`\\b${i + 1}\\s*/\\s*${pages.length}\\b`));
      });
      // No question's heading is left at a page's foot with its answers on the next page.
      expect(await headingsAtFoot(page, pages)).toEqual([]);
    } finally {
      await laptop.close();
    }
  });
});
