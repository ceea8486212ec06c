// Headers and Content-Security-Policy as the browser sees them from wrangler dev: every page, no violation.
import { join } from "node:path";
import { describe, it } from "vitest";
import {
  ARTIFACTS,
  baseUrl,
  LAPTOP,
  launch,
  newClass,
  newEvent,
  PHONE,
  signInAt,
  staffSession,
} from "./helpers";

describe("security headers on every page", () => {
  it("phone pages, the staff app and its files forbid framing and sniffing, and run no inline code", async ({
    expect,
  }) => {
    const staff = await staffSession();
    const cls = await newClass(staff, "Lớp kiểm thử: bảo mật");
    const ws = await newEvent(staff, "workshop", "Tọa đàm kiểm thử: bảo mật");
    const html = await (await fetch(`${baseUrl()}/app`)).text();
    const asset = /src="(\/assets\/[^"]+\.js)"/.exec(html)?.[1] ?? "/assets/missing.js";
    const paths = [
      "/",
      `/s/${cls.code}`,
      `/s/${ws.code}`,
      "/app",
      "/app/login",
      `/app/events/${cls.id}/report`,
      "/styles.css",
      "/p/survey.js",
      asset,
    ];
    const missing: string[] = [];
    for (const path of paths) {
      const res = await fetch(`${baseUrl()}${path}`);
      const csp = res.headers.get("content-security-policy") ?? "";
      if (res.status !== 200) missing.push(`${path}: ${res.status}`);
      if (!csp.includes("frame-ancestors 'none'")) missing.push(`${path}: frame-ancestors`);
      if (!/script-src 'self'(;|$)/.test(csp) || csp.includes("unsafe-inline"))
        missing.push(`${path}: script-src`);
      if (res.headers.get("x-content-type-options") !== "nosniff") missing.push(`${path}: nosniff`);
      if (res.headers.get("referrer-policy") !== "same-origin") missing.push(`${path}: referrer-policy`);
    }
    expect(missing).toEqual([]);
  });

  it("the pages people use break no rule of the policy", async ({ expect }) => {
    const staff = await staffSession();
    const cls = await newClass(staff, "Lớp kiểm thử: chính sách nội dung");
    const violations: string[] = [];
    const phone = await launch({ viewport: PHONE });
    const laptop = await launch({ viewport: LAPTOP });
    try {
      for (const ctx of [phone, laptop]) {
        ctx.on("console", (m) => {
          if (/Content Security Policy|Refused to/i.test(m.text())) violations.push(m.text());
        });
      }
      const page = await phone.newPage();
      for (const path of ["/", `/s/${cls.code}`]) await page.goto(`${baseUrl()}${path}`);
      const desk = await laptop.newPage();
      await signInAt(desk, "admin@gopy.local", `/app/events/${cls.id}`);
      await desk
        .getByRole("heading", { name: "Dữ liệu của lớp / hội nghị" })
        .waitFor({ timeout: 10_000 })
        .catch(async (err) => {
          await desk.screenshot({ path: join(ARTIFACTS, "event-data-failed.png"), fullPage: true });
          throw new Error(`${String(err)}\n${desk.url()}\n${violations.join("\n")}`);
        });
      await desk.screenshot({ path: join(ARTIFACTS, "event-data.png"), fullPage: true });
      for (const path of [
        `/app/events/${cls.id}/report`,
        `/app/events/${cls.id}/poster`,
        "/app/units",
        "/app/audit",
      ]) {
        await desk.goto(`${baseUrl()}${path}`);
        await desk
          .locator("h1")
          .first()
          .waitFor({ timeout: 10_000 })
          .catch(async (err) => {
            await desk.screenshot({ path: join(ARTIFACTS, "csp-failed.png"), fullPage: true });
            throw new Error(`${path}: ${String(err)}\n${violations.join("\n")}`);
          });
      }
      await desk.getByRole("columnheader", { name: "Người thực hiện" }).waitFor();
      await desk.screenshot({ path: join(ARTIFACTS, "audit.png") });
    } finally {
      await phone.close();
      await laptop.close();
    }
    expect(violations).toEqual([]);
  });
});
