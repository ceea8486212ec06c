// Delegates on phones propose and support; the facilitator merges on a laptop and the projector shows the group.
import { join } from "node:path";
import { beforeAll, describe, it } from "vitest";
import {
  ARTIFACTS,
  baseUrl,
  LAPTOP,
  launch,
  newEvent,
  printedPages,
  type StaffFetch,
  seriousViolations,
  signInAt,
  staffSession,
} from "./helpers";

let staff: StaffFetch;
beforeAll(async () => {
  staff = await staffSession();
});

const newWorkshop = (title: string) =>
  newEvent(staff, "workshop", title, { question: "Cần làm gì để nâng cao chất lượng cán bộ Hội cơ sở?" });

describe("delegate on a phone", () => {
  it("proposes, sees it in the list, supports another delegate's proposal once", async ({ expect }) => {
    const ws = await newWorkshop("Tọa đàm kiểm thử: đại biểu trên điện thoại");
    const other = await fetch(`${baseUrl()}/api/public/events/${ws.code}/proposals`, {
      method: "POST",
      headers: { "Content-Type": "application/json" },
      body: JSON.stringify({ clientId: "other-delegate-0001", text: "Nâng mức phụ cấp cho chi hội trưởng" }),
    });
    expect(other.status).toBe(201);
    const phone = await launch();
    try {
      const page = await phone.newPage();
      await page.goto(`${baseUrl()}/s/${ws.code}`);
      // Sending an empty box: told right above it, nothing sent.
      await page.getByRole("button", { name: "Gửi đề xuất" }).click();
      expect(await page.locator("#e-text").isVisible()).toBe(true);
      expect(await page.locator("#e-text").textContent()).toContain("Vui lòng viết đề xuất");
      await page.screenshot({ path: join(ARTIFACTS, "workshop-phone-empty.png") });
      await page.fill("#text", "Mở lớp hướng dẫn chị em dùng Zalo để lập nhóm chi hội");
      await page.locator('label:has(input[value="union"])').click();
      await page.getByRole("button", { name: "Gửi đề xuất" }).click();
      await expect.poll(() => page.locator("#status").textContent()).toContain("Đã nhận đề xuất");
      await expect.poll(() => page.locator("li.prop").count(), { timeout: 10_000 }).toBe(2);
      const target = page.locator("li.prop", { hasText: "phụ cấp" });
      await target.getByRole("button", { name: "Ủng hộ" }).click();
      await expect.poll(() => target.locator(".cnt").textContent()).toContain("1 ủng hộ");
      expect(await target.getByRole("button", { name: "Đã ủng hộ" }).isDisabled()).toBe(true);
      await page.screenshot({ path: join(ARTIFACTS, "workshop-phone.png"), fullPage: true });
      expect(await seriousViolations(page)).toEqual([]);
      // Reloading shows the support the server recorded for this phone.
      await page.reload();
      const after = page
        .locator("li.prop", { hasText: "phụ cấp" })
        .getByRole("button", { name: "Đã ủng hộ" });
      await after.waitFor();
      expect(await after.isDisabled()).toBe(true);
      const list = (await (await fetch(`${baseUrl()}/api/public/events/${ws.code}/proposals`)).json()) as {
        items: { text: string; supports: number }[];
      };
      expect(list.items.find((p) => p.text.includes("phụ cấp"))?.supports).toBe(1);
    } finally {
      await phone.close();
    }
  });

  it("without JavaScript: the form posts, the proposal appears, the support button works", async ({
    expect,
  }) => {
    const ws = await newWorkshop("Tọa đàm kiểm thử: không JavaScript");
    const phone = await launch({ javaScriptEnabled: false });
    try {
      const page = await phone.newPage();
      await page.goto(`${baseUrl()}/s/${ws.code}`);
      await page.fill("#text", "Cán bộ Hội phải tự học, tự nghiên cứu văn bản");
      await page.getByRole("button", { name: "Gửi đề xuất" }).click();
      await page.locator("#status", { hasText: "Đã nhận đề xuất" }).waitFor();
      await page.getByRole("button", { name: "Ủng hộ" }).click();
      const pressed = page.getByRole("button", { name: "Đã ủng hộ" });
      await pressed.waitFor();
      expect(await pressed.isDisabled()).toBe(true);
      expect(await page.locator(".cnt").textContent()).toContain("1 ủng hộ");
    } finally {
      await phone.close();
    }
  });
});

describe("facilitator on a laptop", () => {
  it("the facilitator's questions come in page dialogs: the current name filled in, Escape changes nothing", async ({
    expect,
  }) => {
    const ws = await newWorkshop("Tọa đàm kiểm thử: hộp thoại");
    const ids: number[] = [];
    for (const [i, text] of ["Tăng phụ cấp cho chi hội trưởng", "Nâng phụ cấp chi hội trưởng"].entries()) {
      const res = await fetch(`${baseUrl()}/api/public/events/${ws.code}/proposals`, {
        method: "POST",
        headers: { "Content-Type": "application/json" },
        body: JSON.stringify({ clientId: `dialog-test-${i}-000`, text }),
      });
      ids.push(((await res.json()) as { id: number }).id);
    }
    const laptop = await launch({ viewport: LAPTOP });
    try {
      const page = await laptop.newPage();
      // A browser prompt would block the page: none may appear.
      page.on("dialog", () => {
        throw new Error("the page used a browser dialog");
      });
      await signInAt(page, "tochuc@gopy.local", `/app/events/${ws.id}/board`);
      const group = page.getByTestId("group").filter({ has: page.getByTestId(`proposal-${ids[0]}`) });
      const label = (await group.getByTestId("group-label").textContent()) ?? "";
      await group.getByRole("button", { name: "Đổi tên" }).click();
      const dialog = page.getByRole("dialog", { name: "Đổi tên" });
      await dialog.waitFor();
      expect(await dialog.getByRole("textbox").inputValue()).toBe(label);
      expect(await seriousViolations(page)).toEqual([]);
      await page.keyboard.press("Escape");
      await dialog.waitFor({ state: "detached" });
      expect(await group.getByTestId("group-label").textContent()).toBe(label);

      await group.getByRole("button", { name: "Đổi tên" }).click();
      await dialog.getByRole("textbox").fill("Phụ cấp chi hội trưởng");
      await page.keyboard.press("Enter");
      await expect
        .poll(() =>
          page
            .getByTestId(`proposal-${ids[0]}`)
            .locator("xpath=ancestor::section[1]")
            .getByTestId("group-label")
            .textContent(),
        )
        .toBe("Phụ cấp chi hội trưởng");

      await page.getByTestId(`proposal-${ids[1]}`).getByRole("button", { name: "Ẩn" }).click();
      const hide = page.getByRole("dialog", { name: "Ẩn" });
      await hide.getByRole("textbox").fill("trùng lặp");
      await hide.getByRole("button", { name: "Ẩn" }).click();
      await expect.poll(() => page.getByTestId(`proposal-${ids[1]}`).count()).toBe(0);
      await page.screenshot({ path: join(ARTIFACTS, "workshop-board-dialogs.png"), fullPage: true });
    } finally {
      await laptop.close();
    }
  });

  it("the projector at 1920 × 1080: large type, a large QR code, every proposal whole with its support count, pages filled before turning", async ({
    expect,
  }) => {
    const staff = await staffSession();
    // Its eight hand-made groups teach the unit's later workshops: held at a commune of its own.
    const units = (await (await staff("/api/units")).json()) as {
      id: number;
      level: string;
      active: boolean;
    }[];
    const commune = units.filter((u) => u.level === "commune" && u.active).at(-1);
    const ws = await newEvent(staff, "workshop", "Tọa đàm kiểm thử: màn chiếu", {
      question: "Cần làm gì để nâng cao chất lượng cán bộ Hội cơ sở?",
      unitId: commune?.id,
    });
    const topics = [
      "Tăng phụ cấp cho chi hội trưởng",
      "Mở lớp tin học cho hội viên",
      "Vay vốn ưu đãi cho phụ nữ nghèo",
      "Phòng chống bạo lực gia đình",
      "Chăm sóc sức khỏe sinh sản",
      "Giữ gìn vệ sinh môi trường thôn xóm",
      "Tư vấn pháp luật cho hội viên",
      "Phát triển hội viên trẻ",
    ];
    const long =
      "vì hiện nay nhiều chị em ở các thôn xa trung tâm xã chưa được tiếp cận thông tin, đi lại khó khăn vào mùa mưa, lại bận việc đồng áng và chăm con nhỏ, nên đề nghị Hội cấp trên phối hợp với chính quyền tổ chức tại chỗ, vào buổi tối hoặc cuối tuần, có tài liệu in sẵn bằng chữ to";
    const texts: string[] = [];
    let n = 0;
    for (const [i, topic] of topics.entries()) {
      const ids: number[] = [];
      // Groups of 1 to 4 proposals, every third one long, as delegates write them.
      for (let k = 0; k <= i % 4; k++) {
        const text =
          n % 3 === 0
            ? `${topic} (ý ${k + 1}), ${long}`
            : `${topic} (ý ${k + 1}), để chị em ở cơ sở được hưởng lợi`;
        const res = await fetch(`${baseUrl()}/api/public/events/${ws.code}/proposals`, {
          method: "POST",
          headers: { "Content-Type": "application/json" },
          body: JSON.stringify({ clientId: `projector-test-${n}-000`, text }),
        });
        expect(res.status).toBe(201);
        const { id } = (await res.json()) as { id: number };
        if (k === 0) {
          await fetch(`${baseUrl()}/api/public/proposals/${id}/supports`, {
            method: "POST",
            headers: { "Content-Type": "application/json" },
            body: JSON.stringify({ clientId: `projector-device-${n}-000` }),
          });
        }
        ids.push(id);
        texts.push(text);
        n++;
      }
      // A group per topic, named by the facilitator.
      await staff(`/api/events/${ws.id}/groups`, {
        method: "POST",
        body: JSON.stringify({ label: `Nhóm ${i + 1}: ${topic}`, proposalIds: ids }),
      });
    }
    const screen = await launch({ viewport: { width: 1920, height: 1080 } });
    try {
      const page = await screen.newPage();
      await page.clock.install();
      await signInAt(page, "tochuc@gopy.local", `/app/events/${ws.id}/projector`);
      await page.getByTestId("pj-item").first().waitFor();
      // Nothing below the fold: the back row sees everything without anyone scrolling.
      const fits = await page.evaluate(() => document.documentElement.scrollHeight <= window.innerHeight);
      expect(fits).toBe(true);
      const itemPx = await page
        .getByTestId("pj-item")
        .first()
        .evaluate((el) => Number.parseFloat(getComputedStyle(el).fontSize));
      expect(itemPx).toBeGreaterThanOrEqual(30);
      expect(await page.getByTestId("pj-code").textContent()).toBe(ws.code);
      const qr = await page.locator(".pj-qr svg").boundingBox();
      expect(qr?.height ?? 0).toBeGreaterThanOrEqual(200);
      await page.screenshot({ path: join(ARTIFACTS, "workshop-projector-1080p.png") });

      const pages = Number((await page.getByTestId("pj-page").textContent())?.match(/\/(\d+)/)?.[1] ?? "1");
      expect(pages).toBeGreaterThan(1);
      const seen: string[] = [];
      for (let p = 1; p <= pages; p++) {
        if (p > 1) {
          await page.clock.fastForward(12_500);
          await expect.poll(() => page.getByTestId("pj-page").textContent()).toContain(`${p}/${pages}`);
        }
        const shown = await page.evaluate(() => {
          const area = document.querySelector(".pj-columns:not(.pj-ruler)")?.getBoundingClientRect();
          const items = [...document.querySelectorAll(".pj-columns:not(.pj-ruler) [data-testid=pj-item]")];
          const columns = [...document.querySelectorAll(".pj-columns:not(.pj-ruler) .pj-col")];
          return {
            // Whole: inside the screen's columns, no line cut or hidden.
            whole: items.every((el) => {
              const r = el.getBoundingClientRect();
              return (
                area !== undefined && r.bottom <= area.bottom + 0.5 && el.scrollHeight <= el.clientHeight + 1
              );
            }),
            texts: items.map((el) => el.firstChild?.textContent ?? ""),
            fill:
              columns.reduce((s, c) => s + c.getBoundingClientRect().height, 0) / (3 * (area?.height ?? 1)),
          };
        });
        expect(shown.whole, `page ${p}`).toBe(true);
        // Filled before turning (the exact rule is packPages's unit test): no page left half empty.
        if (p < pages) expect(shown.fill, `page ${p} filled`).toBeGreaterThan(0.55);
        seen.push(...shown.texts);
      }
      // Every proposal once, whole, across the pages; the supported ones with their ♥.
      expect(seen.sort()).toEqual([...texts].sort());
      await page.clock.fastForward(12_500);
      await expect.poll(() => page.getByTestId("pj-page").textContent()).toContain(`1/${pages}`);
      expect(await page.getByTestId("pj-item").first().textContent()).toMatch(/♥\s1$/);
    } finally {
      await screen.close();
    }
  });

  it("merges two proposals and the projector shows their group with the right count", async ({ expect }) => {
    const ws = await newWorkshop("Tọa đàm kiểm thử: điều phối");
    const texts = [
      "Đề nghị nâng mức phụ cấp cho chi hội trưởng",
      "nang phu cap chi hoi truong",
      "Hỗ trợ bảo hiểm y tế cho cán bộ không chuyên trách",
      "Tập huấn kỹ năng số cho cán bộ chi hội",
    ];
    const ids: number[] = [];
    for (const [i, text] of texts.entries()) {
      const res = await fetch(`${baseUrl()}/api/public/events/${ws.code}/proposals`, {
        method: "POST",
        headers: { "Content-Type": "application/json" },
        body: JSON.stringify({ clientId: `facilitator-test-${i}000`, text }),
      });
      ids.push(((await res.json()) as { id: number }).id);
    }
    const [a, b] = ids;
    const laptop = await launch({ viewport: LAPTOP });
    try {
      const page = await laptop.newPage();
      await signInAt(page, "tochuc@gopy.local", `/app/events/${ws.id}/board`);
      await page.getByTestId(`proposal-${a}`).locator("input[type=checkbox]").check();
      await page.getByTestId(`proposal-${b}`).locator("input[type=checkbox]").check();
      await page.getByRole("button", { name: "Gộp các đề xuất đã chọn" }).click();
      await expect.poll(() => page.getByTestId(`proposal-${b}`).textContent()).toContain(`đã gộp vào #${a}`);
      await page.screenshot({ path: join(ARTIFACTS, "workshop-board.png"), fullPage: true });

      const projector = await laptop.newPage();
      await projector.goto(`${baseUrl()}/app/events/${ws.id}/projector`);
      const group = projector.getByTestId("pj-group").filter({ hasText: "phụ cấp" });
      await group.waitFor();
      // As the delegates' phones count: the merged pair is one proposal, plus the insurance one.
      // Labelled with the delegates' own words, not a theme's name they never wrote.
      expect(await group.getByTestId("pj-label").textContent()).toBe("Phụ cấp");
      expect(await group.getByTestId("pj-count").textContent()).toBe("2");
      // The merged original is not repeated among the proposals shown.
      const shown = await projector.getByTestId("pj-item").allTextContents();
      expect(shown.filter((s) => s.includes(texts[0] ?? "?"))).toHaveLength(1);
      expect(shown.filter((s) => s.includes(texts[1] ?? "?"))).toHaveLength(0);
      await projector.screenshot({ path: join(ARTIFACTS, "workshop-projector.png") });

      const summary = await laptop.newPage();
      await summary.goto(`${baseUrl()}/app/events/${ws.id}/summary`);
      await summary.getByTestId("grid").waitFor();
      await summary.screenshot({ path: join(ARTIFACTS, "workshop-summary.png"), fullPage: true });
      expect(await seriousViolations(summary)).toEqual([]);
    } finally {
      await laptop.close();
    }
  });

  it("the facilitator types the agenda's themes: a delegate's proposal lands under its theme on the board and the projector", async ({
    expect,
  }) => {
    const ws = await newWorkshop("Tọa đàm kiểm thử: chủ đề chương trình");
    const laptop = await launch({ viewport: LAPTOP });
    try {
      const page = await laptop.newPage();
      await signInAt(page, "tochuc@gopy.local", `/app/events/${ws.id}/board`);
      await page.getByRole("button", { name: "Nhập chủ đề chương trình" }).click();
      const dialog = page.getByRole("dialog", { name: "Nhập chủ đề chương trình" });
      await dialog.getByRole("textbox").fill("Vốn vay\nNước sạch\n");
      await dialog.getByRole("button", { name: "Lưu" }).click();
      await expect.poll(() => page.getByRole("status").textContent()).toContain("Đã tạo 2 nhóm");
      await expect
        .poll(() => page.getByTestId("group-label").allTextContents())
        .toEqual(["Vốn vay", "Nước sạch"]);

      const res = await fetch(`${baseUrl()}/api/public/events/${ws.code}/proposals`, {
        method: "POST",
        headers: { "Content-Type": "application/json" },
        body: JSON.stringify({
          clientId: "agenda-delegate-0001",
          text: "cho chi em vay von uu dai de chan nuoi",
        }),
      });
      const { id } = (await res.json()) as { id: number };
      // The board refreshes itself during the workshop.
      await expect
        .poll(
          () =>
            page
              .getByTestId(`proposal-${id}`)
              .locator("xpath=ancestor::section[1]")
              .getByTestId("group-label")
              .textContent(),
          { timeout: 10_000 },
        )
        .toBe("Vốn vay");
      // It says why it is there, in the delegate's own words.
      expect(await page.getByTestId(`proposal-${id}`).getByTestId("why").textContent()).toContain("Vốn vay");
      await page.screenshot({ path: join(ARTIFACTS, "workshop-board-agenda.png"), fullPage: true });
      expect(await seriousViolations(page)).toEqual([]);

      const projector = await laptop.newPage();
      await projector.goto(`${baseUrl()}/app/events/${ws.id}/projector`);
      const item = projector.getByTestId("pj-item").filter({ hasText: "vay von" });
      await item.waitFor();
      // Shown under its theme's name: the nearest name line above it in its column.
      const under = await item.evaluate((el) => {
        let block = el.parentElement;
        while (block && !block.querySelector("[data-testid=pj-label]"))
          block = block.previousElementSibling as HTMLElement | null;
        return block?.querySelector("[data-testid=pj-label]")?.textContent;
      });
      expect(under).toBe("Vốn vay");
    } finally {
      await laptop.close();
    }
  });

  it("a facilitator types her agenda on a topic the lexicon does not know, proposals fall into it, she makes a group by hand, and her unit's next workshop groups like the first", async ({
    expect,
  }) => {
    const send = async (code: string, clientId: string, text: string) => {
      const res = await fetch(`${baseUrl()}/api/public/events/${code}/proposals`, {
        method: "POST",
        headers: { "Content-Type": "application/json" },
        body: JSON.stringify({ clientId, text }),
      });
      expect(res.status).toBe(201);
      return ((await res.json()) as { id: number }).id;
    };
    const homeOf = (page: import("playwright-core").Page, id: number) =>
      page
        .getByTestId(`proposal-${id}`)
        .locator("xpath=ancestor::section[1]")
        .getByTestId("group-label")
        .textContent();
    const first = await newWorkshop("Hội nghị kiểm thử: phòng chống thiên tai lần 1");
    const laptop = await launch({ viewport: LAPTOP });
    try {
      const page = await laptop.newPage();
      await signInAt(page, "tochuc@gopy.local", `/app/events/${first.id}/board`);
      await page.getByRole("button", { name: "Nhập chủ đề chương trình" }).click();
      const dialog = page.getByRole("dialog", { name: "Nhập chủ đề chương trình" });
      await dialog
        .getByRole("textbox")
        .fill("Cảnh báo sớm và sơ tán dân\nGia cố nhà ở trước mùa bão\nTrồng cây chống sạt lở\n");
      await dialog.getByRole("button", { name: "Lưu" }).click();
      await expect.poll(() => page.getByRole("status").textContent()).toContain("Đã tạo 3 nhóm");

      const warn = await send(
        first.code,
        "thientai-1-0001",
        "Lắp thêm loa cảnh báo ở xóm ven sông để bà con sơ tán kịp",
      );
      const roof = await send(
        first.code,
        "thientai-1-0002",
        "ho tro ho ngheo gia co mai nha, chang chong truoc mua bao",
      );
      const trees = await send(
        first.code,
        "thientai-1-0003",
        "Vận động chị em trồng tre dọc bờ sông chống sạt lở",
      );
      const vest = await send(first.code, "thientai-1-0004", "Cấp áo phao cho các hộ sống ven sông");
      const boat = await send(
        first.code,
        "thientai-1-0005",
        "Mỗi thôn cần có xuồng nhỏ và phao cứu sinh để cứu người",
      );
      // Each falls into one of her groups, or waits unsorted: no automatic theme of its own.
      await expect.poll(() => homeOf(page, warn), { timeout: 10_000 }).toBe("Cảnh báo sớm và sơ tán dân");
      expect(await homeOf(page, roof)).toBe("Gia cố nhà ở trước mùa bão");
      expect(await homeOf(page, trees)).toBe("Trồng cây chống sạt lở");
      const labels = await page.getByTestId("group-label").allTextContents();
      expect(
        labels.filter(
          (l) =>
            ![
              "Cảnh báo sớm và sơ tán dân",
              "Gia cố nhà ở trước mùa bão",
              "Trồng cây chống sạt lở",
              "Chưa xếp nhóm",
            ].includes(l),
        ),
      ).toEqual([]);
      expect(await page.getByTestId(`proposal-${warn}`).getByTestId("why").textContent()).toContain(
        "Cảnh báo",
      );

      // She puts the two about life vests and boats in a group of her own.
      for (const id of [vest, boat])
        await page.getByTestId(`proposal-${id}`).locator('input[type="checkbox"]').check();
      await page.getByRole("button", { name: "Tạo nhóm", exact: true }).click();
      const named = page.getByRole("dialog", { name: "Tạo nhóm" });
      await named.getByRole("textbox").fill("Áo phao, xuồng cứu hộ");
      await named.getByRole("button", { name: "Lưu" }).click();
      await expect.poll(() => homeOf(page, vest)).toBe("Áo phao, xuồng cứu hộ");
      expect(await homeOf(page, boat)).toBe("Áo phao, xuồng cứu hộ");
      await page.screenshot({ path: join(ARTIFACTS, "workshop-board-frame.png"), fullPage: true });
      expect(await seriousViolations(page)).toEqual([]);

      // Her unit's next workshop: nothing typed, and a proposal like those she grouped joins a group of that name.
      const second = await newWorkshop("Hội nghị kiểm thử: phòng chống thiên tai lần 2");
      const again = await send(
        second.code,
        "thientai-2-0001",
        "Xin cấp thêm áo phao cho trẻ em ở xóm ven sông",
      );
      await page.goto(`${baseUrl()}/app/events/${second.id}/board`);
      await expect.poll(() => homeOf(page, again), { timeout: 10_000 }).toBe("Áo phao, xuồng cứu hộ");
      // The board says where the group came from.
      expect(
        await page
          .getByTestId("group")
          .filter({ has: page.getByTestId(`proposal-${again}`) })
          .getByTestId("taught")
          .textContent(),
      ).toContain("hội nghị trước");
      await page.screenshot({ path: join(ARTIFACTS, "workshop-board-taught.png"), fullPage: true });

      // The lexicon page says what her unit was taught, and where from.
      await page.goto(`${baseUrl()}/app/lexicon`);
      const lesson = page.getByTestId("lesson").filter({ hasText: "Áo phao, xuồng cứu hộ" });
      await lesson.waitFor();
      await lesson.locator("summary").click();
      expect(await lesson.textContent()).toContain("phòng chống thiên tai lần 1");
      await lesson.scrollIntoViewIfNeeded();
      await page.screenshot({ path: join(ARTIFACTS, "lexicon-lessons.png") });
      expect(await seriousViolations(page)).toEqual([]);
    } finally {
      await laptop.close();
    }
  });

  it("an organiser tries a sentence on the lexicon page, teaches a theme a local phrase, and takes it back", async ({
    expect,
  }) => {
    const laptop = await launch({ viewport: LAPTOP });
    try {
      const page = await laptop.newPage();
      await signInAt(page, "tochuc@gopy.local", "/app");
      await page.getByRole("link", { name: "Từ vựng nhóm ý kiến" }).click();
      await page.getByRole("heading", { level: 1, name: "Từ vựng để nhóm ý kiến" }).waitFor();
      await page.getByTestId("lex-theme").first().waitFor();
      await page.getByLabel("Gõ một đề xuất hoặc ý kiến").fill("Hỗ trợ chị em vay vốn ưu đãi để chăn nuôi");
      await page.getByRole("button", { name: "Xem vào nhóm nào" }).click();
      await expect.poll(() => page.getByTestId("lex-tried").textContent()).toContain("«Vốn vay ưu đãi» nhờ");

      const phrase = `góp gạo nuôi heo ${Date.now().toString(36)}`;
      await page.getByLabel("Chủ đề").selectOption({ label: "Vốn vay ưu đãi" });
      await page.getByLabel("Cụm từ").fill(phrase);
      await page.getByRole("button", { name: "Thêm cụm từ" }).click();
      await page.getByText(`Đã thêm «${phrase}»`).waitFor();
      const row = page.getByTestId("lex-theme").filter({ hasText: phrase });
      await row.waitFor();
      await page.screenshot({ path: join(ARTIFACTS, "lexicon.png"), fullPage: true });
      expect(await seriousViolations(page)).toEqual([]);
      await row.getByRole("button", { name: "Bỏ" }).click();
      await expect.poll(() => page.getByTestId("lex-theme").filter({ hasText: phrase }).count()).toBe(0);
    } finally {
      await laptop.close();
    }
  });

  it("the leaders' summary of the demo workshop prints with its title and unit on every page", async ({
    expect,
  }) => {
    const leader = await staffSession("lanhdao@gopy.local");
    const events = (await (
      await leader(`/api/events?kind=workshop&q=${encodeURIComponent("nâng cao chất lượng đội ngũ")}`)
    ).json()) as {
      items: { id: number; kind: string; title: string }[];
    };
    const demo = events.items.find((e) => e.kind === "workshop");
    if (!demo) throw new Error("no demo workshop");
    const laptop = await launch({ viewport: LAPTOP });
    try {
      const page = await laptop.newPage();
      await signInAt(page, "lanhdao@gopy.local", `/app/events/${demo.id}/summary`);
      await page.getByTestId("grid").waitFor();
      // She records what was decided on one proposal: the row itself says it was saved.
      const row = page.locator("table.follow tbody tr").first();
      await row.getByLabel("Trạng thái", { exact: true }).selectOption({ label: "Đang thực hiện" });
      // The unit is found by typing part of its name without marks; only today's units are offered.
      const unitChoice = row.getByLabel("Đơn vị chịu trách nhiệm");
      const offered = await row
        .locator("datalist option")
        .evaluateAll((os) => os.map((o) => o.getAttribute("value")));
      expect(offered).not.toContain("Hội LHPN phường Bạch Mai (cũ)");
      await unitChoice.fill("phuong bach mai");
      await unitChoice.blur();
      const unitName = "Hội LHPN phường Bạch Mai";
      expect(await unitChoice.inputValue()).toBe(unitName);
      await row
        .getByLabel("Ghi chú", { exact: true })
        .fill("Đã chuyển UBND thành phố xem xét, trả lời trước 31/12/2026");
      await row.getByRole("button", { name: "Lưu" }).click();
      await expect.poll(() => row.getByTestId("follow-saved").textContent()).toBe("Đã lưu.");
      const pages = await printedPages(page, "summary.pdf");
      const printed = pages.join(" ").replace(/\s+/g, " ");
      // On paper, what was decided: the status, the responsible unit and the note (pdftotext reads
      // a table's narrow cells line by line, so their words come interleaved: each word is there).
      expect(printed).toContain("Đang");
      for (const word of [...unitName.split(" "), "UBND", "31/12/2026"]) expect(printed).toContain(word);
      console.log(`summary.pdf: ${pages.length} A4 pages`);
      pages.forEach((text, i) => {
        expect(text.replace(/\s+/g, " ")).toContain(demo.title);
        expect(text).toMatch(new RegExp(`\\b${i + 1}\\s*/\\s*${pages.length}\\b`));
      });
    } finally {
      await laptop.close();
    }
  });
});
