// An organiser creates a class through the form on a laptop, writing dates as people in Vietnam do.
import { join } from "node:path";
import { describe, it } from "vitest";
import {
  ARTIFACTS,
  baseUrl,
  LAPTOP,
  launch,
  newClass,
  seriousViolations,
  signInAt,
  staffSession,
} from "./helpers";

describe("organiser creates a class", () => {
  it("types the dates day first, is stopped on 31/02, and the class starts when she wrote", async ({
    expect,
  }) => {
    const browser = await launch({ viewport: LAPTOP });
    try {
      const page = await browser.newPage();
      await signInAt(page, "tochuc@gopy.local", "/app/events/new");
      await page.getByLabel("Tên lớp").fill("Lớp kiểm thử: ngày viết kiểu Việt Nam");
      const starts = page.getByLabel("Bắt đầu", { exact: true });
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

  it("keeps a template for her unit and starts a class from it; the class keeps its form when the template changes", async ({
    expect,
  }) => {
    const browser = await launch({ viewport: LAPTOP });
    try {
      const page = await browser.newPage();
      await signInAt(page, "tochuc@gopy.local", "/app/templates");
      await page.getByRole("button", { name: "Tạo mẫu mới" }).click();
      const title = `Phiếu lớp kỹ năng số ${Date.now()}`;
      await page.getByLabel("Tên phiếu").fill(title);
      await page.getByLabel("Câu hỏi (tiếng Việt)").first().fill("Nội dung có thiết thực không?");
      // "Bắt buộc" sits beside its checkbox, at the start of the line (it floated away in a panel).
      const check = await page
        .locator("label.check")
        .first()
        .evaluate((label) => {
          const box = label.getBoundingClientRect();
          const input = label.querySelector("input")?.getBoundingClientRect();
          return { offset: (input?.left ?? 0) - box.left, height: box.height };
        });
      expect(check.offset).toBeLessThan(8);
      expect(check.height).toBeLessThan(40);
      await page.getByRole("button", { name: "Lưu" }).click();
      await page.getByRole("status").getByText("Đã lưu.").waitFor();
      await page.getByTestId("template").filter({ hasText: title }).waitFor();
      await page.screenshot({ path: join(ARTIFACTS, "templates.png"), fullPage: true });
      expect(await seriousViolations(page)).toEqual([]);

      await page.goto(`${baseUrl()}/app/events/new`);
      const option = await page.locator("#template option", { hasText: title }).getAttribute("value");
      await page.getByLabel("Bắt đầu từ mẫu phiếu").selectOption(option ?? "");
      expect(await page.getByLabel("Tên phiếu").inputValue()).toBe(title);
      await page.getByLabel("Tên lớp").fill("Lớp từ mẫu của đơn vị");
      await page.getByRole("button", { name: "Tạo lớp", exact: true }).click();
      await page.waitForURL(/\/app\/events\/\d+$/);
      const id = Number(/(\d+)$/.exec(page.url())?.[1]);
      const staff = await staffSession();
      const event = (await (await staff(`/api/events/${id}`)).json()) as { code: string };
      const asked = (await (await fetch(`${baseUrl()}/api/public/events/${event.code}`)).json()) as {
        questions: { label: string }[];
      };
      expect(asked.questions[0]?.label).toBe("Nội dung có thiết thực không?");
    } finally {
      await browser.close();
    }
  });
});

describe("the staff app on an organiser's phone", () => {
  it("no staff page scrolls sideways at 360 px: the list, a class, its report, new class, the board, paper entry, the units", async ({
    expect,
  }) => {
    const staff = await staffSession();
    const list = (await (await staff("/api/events?kind=class")).json()) as { items: { id: number }[] };
    const workshops = (await (await staff("/api/events?kind=workshop")).json()) as {
      items: { id: number }[];
    };
    const cls = list.items[0]?.id;
    const ws = workshops.items[0]?.id;
    if (cls === undefined || ws === undefined) throw new Error("the demo has a class and a workshop");
    const phone = await launch();
    try {
      const page = await phone.newPage();
      await signInAt(page, "tochuc@gopy.local", "/app");
      for (const path of [
        "/app",
        `/app/events/${cls}`,
        `/app/events/${cls}/report`,
        "/app/events/new",
        `/app/events/${ws}/board`,
        `/app/events/${cls}/paper`,
        "/app/units",
        "/app/lexicon",
      ]) {
        await page.goto(`${baseUrl()}${path}`);
        await page.locator("main h1").first().waitFor();
        await page.waitForLoadState("networkidle");
        const over = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
        expect(over, path).toBeLessThanOrEqual(0);
        expect(new URL(page.url()).pathname, path).toBe(path);
        // The menu is folded: the page's title is on the first screen, under one button.
        expect(await page.getByTestId("who").isVisible(), path).toBe(false);
        expect((await page.locator("main h1").first().boundingBox())?.y ?? 999, path).toBeLessThan(120);
        const toggle = page.getByRole("button", { name: "Menu" });
        await toggle.click();
        expect(await toggle.getAttribute("aria-expanded")).toBe("true");
        // Opened: the signed-in line is on screen, whole, and each link is a thumb's height.
        const who = await page.getByTestId("who").boundingBox();
        expect(who?.width ?? 0, path).toBeGreaterThan(0);
        expect((who?.x ?? 0) + (who?.width ?? 0), path).toBeLessThanOrEqual(360);
        const link = await page.getByRole("link", { name: "Chất lượng lớp học" }).boundingBox();
        expect(link?.height ?? 0, path).toBeGreaterThanOrEqual(44);
        if (path === "/app") await page.screenshot({ path: join(ARTIFACTS, "staff-menu-phone.png") });
        await page.getByRole("button", { name: "Đóng menu" }).click();
      }
      await page.goto(`${baseUrl()}/app`);
      await page.locator("main h1").first().waitFor();
      await page.screenshot({ path: join(ARTIFACTS, "staff-list-phone.png"), fullPage: true });
    } finally {
      await phone.close();
    }
  });
});

describe("closing a survey by hand", () => {
  it("the class page then says when she closed it, not that it will close by itself", async ({ expect }) => {
    const created = await newClass(await staffSession(), "Lớp kiểm thử: đóng bằng tay");
    const laptop = await launch({ viewport: LAPTOP });
    try {
      const page = await laptop.newPage();
      await signInAt(page, "tochuc@gopy.local", `/app/events/${created.id}`);
      await page.getByRole("button", { name: "Đóng khảo sát" }).click();
      await page.getByRole("dialog").getByRole("button", { name: "Đóng khảo sát" }).click();
      await expect.poll(() => page.locator("main").textContent()).toContain("đã đóng lúc");
      expect(await page.locator("main").textContent()).not.toContain("tự đóng lúc");
    } finally {
      await laptop.close();
    }
  });
});

describe("a long word in a class's title", () => {
  it("a link or code in the title breaks on a 180 px screen instead of pushing the trainee's page sideways", async ({
    expect,
  }) => {
    const created = await newClass(
      await staffSession(),
      "Lớp https://hoilhpn.example.vn/tai-lieu/boi-duong-chi-hoi-truong-2026-dot-mot",
    );
    const phone = await launch({ viewport: { width: 180, height: 640 } });
    try {
      const page = await phone.newPage();
      await page.goto(`${baseUrl()}/s/${created.code}`);
      await page.locator("h1").waitFor();
      expect(
        await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth),
      ).toBeLessThanOrEqual(0);
    } finally {
      await phone.close();
    }
  });
});
