// A Union office's first day: the admin gives an organiser an account; screens show each role only what it may do.
import { join } from "node:path";
import { describe, it } from "vitest";
import { ARTIFACTS, baseUrl, LAPTOP, launch, seriousViolations, signInAt } from "./helpers";

describe("accounts and role-aware screens", () => {
  it("the admin creates an organiser; she opens the link in her own browser, sets a password and sees organiser actions only", async ({
    expect,
  }) => {
    const adminBrowser = await launch({ viewport: LAPTOP });
    const hers = await launch({ viewport: LAPTOP });
    try {
      const admin = await adminBrowser.newPage();
      await signInAt(admin, "admin@gopy.local", "/app/users");
      await admin.getByRole("heading", { level: 1, name: "Tài khoản cán bộ" }).waitFor();
      const email = `chi.hoa.${Date.now()}@gopy.local`;
      await admin.getByLabel("Email", { exact: true }).fill(email);
      await admin.getByLabel("Họ và tên").fill("Trần Thị Hoa");
      await admin.getByLabel("Vai trò").first().selectOption("organiser");
      await admin.getByRole("button", { name: "Tạo tài khoản" }).click();
      const link = (await admin.getByTestId("set-link").locator("code").textContent()) ?? "";
      expect(link).toContain("/app/set-password?token=");
      await admin.screenshot({ path: join(ARTIFACTS, "accounts.png"), fullPage: true });
      expect(await seriousViolations(admin)).toEqual([]);

      // The same email again is refused, and the last account's notice does not stand above the refusal.
      await admin.getByLabel("Email", { exact: true }).fill(email);
      await admin.getByLabel("Họ và tên").fill("Trần Thị Hoa");
      await admin.getByRole("button", { name: "Tạo tài khoản" }).click();
      await expect.poll(() => admin.getByTestId("set-link").count()).toBe(0);

      // Locking her out is asked first: cancelling changes nothing.
      const search = admin.getByRole("searchbox", { name: "Tìm theo tên, email hoặc đơn vị" });
      await search.fill(email);
      await search.press("Enter");
      const row = admin.getByTestId("account").filter({ hasText: email });
      await row.waitFor();
      await row.getByRole("button", { name: "Khóa tài khoản" }).click();
      const ask = admin.getByRole("dialog", { name: "Khóa tài khoản" });
      await ask.waitFor();
      expect(await ask.textContent()).toContain(email);
      await admin.keyboard.press("Escape");
      await ask.waitFor({ state: "detached" });
      expect(await row.getByRole("button", { name: "Khóa tài khoản" }).count()).toBe(1);

      // The audit log says it in words, with who did it, and filters by action.
      await admin.goto(`${baseUrl()}/app/audit`);
      await admin.getByLabel("Thao tác").selectOption({ label: "Tạo tài khoản" });
      await expect
        .poll(() => admin.getByTestId("audit-total").textContent())
        .toMatch(/trong [1-9]\d* thao tác/);
      expect(await admin.locator("table.audit tbody tr").first().textContent()).toContain("Tạo tài khoản");
      await admin.screenshot({ path: join(ARTIFACTS, "audit.png"), fullPage: true });
      expect(await seriousViolations(admin)).toEqual([]);

      const page = await hers.newPage();
      await page.goto(link.replace(/^https?:\/\/[^/]+/, baseUrl()));
      // The page says whose account the link is for.
      await expect.poll(() => page.getByTestId("link-account").textContent()).toContain("Trần Thị Hoa");
      await page.getByLabel("Mật khẩu mới").fill("hoa sen nở giữa hồ");
      await page.getByRole("button", { name: "Đặt mật khẩu và đăng nhập" }).click();
      // Signed in: her name, role and unit in the header, and the organiser's buttons.
      await expect
        .poll(() => page.getByTestId("who").textContent())
        .toContain("Trần Thị Hoa · Cán bộ tổ chức");
      await page.getByRole("link", { name: "Tạo lớp mới" }).waitFor();
      expect(await page.getByRole("link", { name: "Cây đơn vị" }).count()).toBe(0);
      expect(await page.getByRole("link", { name: "Tài khoản", exact: true }).count()).toBe(0);
      // The same link again: it says it was used.
      await page.goto(link.replace(/^https?:\/\/[^/]+/, baseUrl()));
      await page.getByLabel("Mật khẩu mới").fill("một mật khẩu khác hẳn");
      await page.getByRole("button", { name: "Đặt mật khẩu và đăng nhập" }).click();
      await page.getByText("Liên kết này đã hết hạn hoặc đã được dùng").waitFor();
    } finally {
      await adminBrowser.close();
      await hers.close();
    }
  });

  it("a leader sees no create buttons and no admin pages; an unknown address says so", async ({ expect }) => {
    const browser = await launch({ viewport: LAPTOP });
    try {
      const page = await browser.newPage();
      await signInAt(page, "lanhdao@gopy.local", "/app");
      await page.getByTestId("who").waitFor();
      expect(await page.getByRole("link", { name: "Tạo lớp mới" }).count()).toBe(0);
      expect(await page.getByRole("link", { name: "Nhật ký" }).count()).toBe(0);
      await page.goto(`${baseUrl()}/app/khong-co-trang-nay`);
      await page.getByRole("heading", { level: 1, name: "Không có trang này." }).waitFor();
    } finally {
      await browser.close();
    }
  });
});
