// A province's needs survey on a 360 px phone: a unit to pick, boxes to tick, with and without JavaScript; the report shows every question.
import { join } from "node:path";
import type { Page } from "playwright-core";
import { beforeAll, describe, it } from "vitest";
import {
  ARTIFACTS,
  baseUrl,
  headingsAtFoot,
  LAPTOP,
  launch,
  newEvent,
  printedPages,
  responseCount,
  type StaffFetch,
  seriousViolations,
  signInAt,
  staffSession,
  takeTimeToRead,
} from "./helpers";

const option = (value: string, labelVi: string) => ({ value, labelVi, labelEn: "" });
const q = (type: string, labelVi: string, extra: Record<string, unknown> = {}) => ({
  type,
  criterion: null,
  labelVi,
  labelEn: "",
  required: true,
  options: null,
  maxLength: null,
  ...extra,
});
const FORM = {
  title: "Khảo sát nhu cầu bồi dưỡng năm 2027",
  questions: [
    q("unit", "Đơn vị của chị"),
    q("multi", "Chị muốn được bồi dưỡng nội dung nào?", {
      options: [
        option("digital", "Chuyển đổi số"),
        option("skills", "Kỹ năng vận động hội viên"),
        option("law", "Pháp luật"),
      ],
      maxChoices: 2,
    }),
    q("choice", "Hình thức phù hợp", {
      options: [option("direct", "Trực tiếp"), option("online", "Trực tuyến")],
    }),
    q("rating", "Mức độ cần thiết"),
    q("text", "Đề xuất khác", { required: false, maxLength: 500 }),
  ],
};

let staff: StaffFetch;
let survey: { id: number; code: string };
let commune: string;

beforeAll(async () => {
  staff = await staffSession();
  survey = await newEvent(staff, "survey", "Khảo sát nhu cầu bồi dưỡng năm 2027", { form: FORM });
  const units = (await (await staff("/api/units")).json()) as {
    id: number;
    level: string;
    active: boolean;
  }[];
  commune = String(units.find((u) => u.level === "commune" && u.active)?.id ?? "");
});

/** What a chair does on the page, whether or not it runs scripts. */
async function answer(page: Page) {
  await page.getByLabel("Đơn vị của chị").selectOption(commune);
  await page.getByRole("checkbox", { name: "Chuyển đổi số" }).click();
  await page.getByRole("checkbox", { name: "Pháp luật" }).click();
  await page.getByRole("radio", { name: "Trực tuyến" }).click();
  await page.locator("fieldset[data-type='rating'] label:has(input[value='5'])").click();
  await page.getByRole("textbox").fill("Cần tài liệu in chữ to.");
}

describe("an organiser builds a needs survey in the app", () => {
  it("types the options one per line, sets at most two, and the phone gets them", async ({ expect }) => {
    const laptop = await launch({ viewport: LAPTOP });
    try {
      const page = await laptop.newPage();
      await signInAt(page, "tochuc@gopy.local", "/app/events/new?kind=survey");
      await page.getByLabel("Tên khảo sát").fill("Khảo sát kiểm thử: soạn trong ứng dụng");
      const second = page.locator("li.question").nth(1);
      await second.getByLabel("Câu hỏi (tiếng Việt)").fill("Chị cần bồi dưỡng nội dung nào?");
      // Typed as a person types: Enter between the options.
      await second.getByLabel("Các lựa chọn (mỗi dòng một lựa chọn)").click();
      await page.keyboard.type("Chuyển đổi số");
      await page.keyboard.press("Enter");
      await page.keyboard.type("Pháp luật");
      await page.keyboard.press("Enter");
      await page.keyboard.type("Kỹ năng vận động");
      await second.getByLabel("Chọn nhiều nhất").fill("2");
      await page.screenshot({ path: join(ARTIFACTS, "needs-survey-editor.png"), fullPage: true });
      await page.getByRole("button", { name: "Tạo khảo sát" }).click();
      await page.waitForURL(/\/app\/events\/\d+$/);
      const id = /\/app\/events\/(\d+)$/.exec(page.url())?.[1];
      const detail = (await (await staff(`/api/events/${id}`)).json()) as { code: string };
      const form = (await (await fetch(`${baseUrl()}/api/public/events/${detail.code}`)).json()) as {
        questions: { type: string; options: { label: string }[] | null; maxChoices?: number }[];
      };
      expect(form.questions.map((q) => q.type)).toEqual(["unit", "multi"]);
      expect(form.questions[1]?.options?.map((o) => o.label)).toEqual([
        "Chuyển đổi số",
        "Pháp luật",
        "Kỹ năng vận động",
      ]);
      expect(form.questions[1]?.maxChoices).toBe(2);
    } finally {
      await laptop.close();
    }
  });
});

describe("a needs survey on a phone", () => {
  it("a chair picks her commune, ticks two topics and sends; the boxes read as ticked; no serious axe violation", async ({
    expect,
  }) => {
    const phone = await launch();
    try {
      const page = await phone.newPage();
      await page.goto(`${baseUrl()}/s/${survey.code}`);
      // A survey is not a class: nobody is asked whether she is a trainee or a lecturer.
      expect(await page.getByText("Bạn là").count()).toBe(0);
      await answer(page);
      await page.screenshot({ path: join(ARTIFACTS, "needs-survey-phone.png"), fullPage: true });
      expect(await page.locator("input[type='checkbox']:checked").count()).toBe(2);
      expect(await seriousViolations(page)).toEqual([]);
      await takeTimeToRead(page);
      await page.getByRole("button", { name: "Gửi ý kiến" }).click();
      await page.getByRole("heading", { name: "Cảm ơn bạn!" }).waitFor();
      await expect.poll(() => responseCount(staff, survey.id)).toBe(1);
    } finally {
      await phone.close();
    }
  });

  it("'Chọn nhiều nhất 2': a third box is refused as she ticks it, the question saying so where she looks", async ({
    expect,
  }) => {
    const phone = await launch();
    try {
      const page = await phone.newPage();
      await page.goto(`${baseUrl()}/s/${survey.code}`);
      await answer(page);
      const third = page.getByRole("checkbox", { name: "Kỹ năng vận động hội viên" });
      await third.click();
      expect(await third.isChecked()).toBe(false);
      expect(await page.locator("input[type='checkbox']:checked").count()).toBe(2);
      const question = page.locator("fieldset[data-max='2']");
      await question.getByText("Chọn nhiều nhất 2.").waitFor();
      await page.screenshot({ path: join(ARTIFACTS, "needs-survey-too-many.png") });
      // Taking one back lets her choose another, and the message goes.
      await page.getByRole("checkbox", { name: "Pháp luật" }).click();
      await third.click();
      expect(await third.isChecked()).toBe(true);
      expect(await question.getByText("Chọn nhiều nhất 2.").isVisible()).toBe(false);
    } finally {
      await phone.close();
    }
  });

  it("without JavaScript the same answers go by a plain form post", async ({ expect }) => {
    const phone = await launch({ javaScriptEnabled: false });
    try {
      const page = await phone.newPage();
      await page.goto(`${baseUrl()}/s/${survey.code}`);
      await answer(page);
      // A third tick is more than the question allows: the page comes back saying so, ticks kept.
      await page.getByRole("checkbox", { name: "Kỹ năng vận động hội viên" }).click();
      await page.getByRole("button", { name: "Gửi ý kiến" }).click();
      await page.getByText("Chọn nhiều nhất 2.").waitFor();
      expect(await page.locator("input[type='checkbox']:checked").count()).toBe(3);
      await page.getByRole("checkbox", { name: "Kỹ năng vận động hội viên" }).click();
      await page.getByRole("button", { name: "Gửi ý kiến" }).click();
      await page.getByRole("heading", { name: "Cảm ơn bạn!" }).waitFor();
      await expect.poll(() => responseCount(staff, survey.id)).toBe(2);
    } finally {
      await phone.close();
    }
  });

  it("the organiser's report lists every option with its count", async ({ expect }) => {
    const laptop = await launch({ viewport: LAPTOP });
    try {
      const page = await laptop.newPage();
      await signInAt(page, "tochuc@gopy.local", `/app/events/${survey.id}/report`);
      const blocks = page.getByTestId("question-report");
      await blocks.first().waitFor();
      // Two responses are under the threshold of five: the options are listed, their counts withheld.
      expect(await blocks.count()).toBe(4);
      await expect.poll(() => page.getByRole("rowheader", { name: "Chuyển đổi số" }).count()).toBe(1);
      await page.screenshot({ path: join(ARTIFACTS, "needs-survey-report.png"), fullPage: true });
    } finally {
      await laptop.close();
    }
  });
});

describe("paper sheets for members without a phone", () => {
  it("an organiser prints three sheets, one A4 page each with its serial, and types them in with the keyboard alone", async ({
    expect,
  }) => {
    const paper = await newEvent(staff, "survey", "Khảo sát kiểm thử: phiếu giấy", { form: FORM });
    const laptop = await launch({ viewport: LAPTOP });
    try {
      const page = await laptop.newPage();
      await signInAt(page, "tochuc@gopy.local", `/app/events/${paper.id}/sheets`);
      await page.getByLabel("Số tờ").fill("3");
      await expect.poll(() => page.getByTestId("paper-sheet").count()).toBe(3);
      const pages = await printedPages(page, "paper-sheets.pdf");
      expect(pages).toHaveLength(3);
      pages.forEach((text, i) => {
        expect(text).toContain(`${paper.code}-000${i + 1}`);
        expect(text).toContain("Chuyển đổi số");
      });

      await page.goto(`${baseUrl()}/app/events/${paper.id}/paper`);
      const sheetNumber = page.getByLabel("Số phiếu");
      await expect.poll(() => sheetNumber.inputValue()).toBe(`${paper.code}-0001`);
      // The first box has the keyboard as the page opens: no tabbing past the menu.
      const focusedType = () => page.evaluate(() => document.activeElement?.getAttribute("type"));
      await expect.poll(focusedType).toBe("search");
      for (const [n, topics, format, need] of [
        [1, "13", "2", "5"],
        [2, "1", "1", "4"],
        [3, "23", "2", "3"],
      ] as const) {
        // The unit as written on the sheet, typed without its marks: the list narrows to it and chooses it.
        await page.keyboard.type("ba vi");
        await page.keyboard.press("Tab");
        expect(
          await page.evaluate(() =>
            document.activeElement instanceof HTMLSelectElement
              ? document.activeElement.selectedOptions[0]?.text.trim()
              : null,
          ),
        ).toBe("Hội LHPN xã Ba Vì");
        await page.keyboard.press("Tab");
        await page.keyboard.type(topics);
        await page.keyboard.press("Tab");
        await page.keyboard.type(format);
        await page.keyboard.type(need);
        await page.keyboard.type("Cần tài liệu chữ to");
        await page.keyboard.press("Enter");
        // She looks up: the screen names the sheet just saved before she starts the next.
        await page.getByText(`Đã lưu phiếu ${paper.code}-000${n}.`).waitFor();
        await expect.poll(focusedType).toBe("search");
      }
      await expect.poll(() => page.getByTestId("paper-count").textContent()).toBe("Đã nhập 3 phiếu giấy");
      expect(await sheetNumber.inputValue()).toBe(`${paper.code}-0004`);
      await page.screenshot({ path: join(ARTIFACTS, "paper-entry.png"), fullPage: true });
      const detail = (await (await staff(`/api/events/${paper.id}`)).json()) as {
        responses: number;
        onPaper: number;
      };
      expect(detail).toMatchObject({ responses: 3, onPaper: 3 });
      // The next batch she prints goes on after the sheets typed in: no second sheet 0001.
      await page.goto(`${baseUrl()}/app/events/${paper.id}/sheets`);
      await expect
        .poll(() => page.getByTestId("paper-sheet").first().textContent())
        .toContain(`${paper.code}-0004`);
    } finally {
      await laptop.close();
    }
  });
});

describe("the demo needs survey's report on paper", () => {
  it("prints with no question's heading left at a page's foot", async ({ expect }) => {
    const found = (await (await staff("/api/events?kind=survey&q=KHNC47")).json()) as {
      items: { id: number }[];
    };
    const id = found.items[0]?.id;
    const laptop = await launch({ viewport: LAPTOP });
    try {
      const page = await laptop.newPage();
      await signInAt(page, "tochuc@gopy.local", `/app/events/${id}/report`);
      await page.getByTestId("question-report").first().waitFor();
      const pages = await printedPages(page, "needs-report.pdf");
      expect(pages.length).toBeGreaterThan(1);
      expect(await headingsAtFoot(page, pages)).toEqual([]);
    } finally {
      await laptop.close();
    }
  });
});

describe("needs across the hierarchy", () => {
  it("Hà Nội's unit page adds up the demo survey that used its template", async ({ expect }) => {
    const laptop = await launch({ viewport: LAPTOP });
    try {
      const page = await laptop.newPage();
      await signInAt(page, "tochuc@gopy.local", "/app/units");
      const needs = page.getByTestId("needs");
      await needs.waitFor();
      expect(
        await needs.getByRole("rowheader", { name: "Chuyển đổi số, dùng phần mềm quản lý hội viên" }).count(),
      ).toBe(1);
      await needs.screenshot({ path: join(ARTIFACTS, "needs-rollup.png") });
    } finally {
      await laptop.close();
    }
  });
});

describe("a long unit list on the phone", () => {
  it("narrows as she types without the marks, and a single match is chosen", async ({ expect }) => {
    const admin = await staffSession("admin@gopy.local");
    const national = await newEvent(admin, "survey", "Khảo sát toàn quốc: tìm đơn vị", {
      form: { title: "Phiếu", questions: [q("unit", "Đơn vị của chị")] },
    });
    const phone = await launch();
    try {
      const page = await phone.newPage();
      await page.goto(`${baseUrl()}/s/${national.code}`);
      const find = page.getByRole("searchbox", { name: "Gõ vài chữ để tìm đơn vị" });
      await find.fill("ba vi");
      const list = page.getByLabel("Đơn vị của chị", { exact: true });
      await expect
        .poll(() =>
          list.evaluate((s) =>
            s instanceof HTMLSelectElement ? s.selectedOptions[0]?.text.trim() : undefined,
          ),
        )
        .toBe("Hội LHPN xã Ba Vì");
      const visible = await list.evaluate((s) =>
        s instanceof HTMLSelectElement
          ? Array.from(s.options).filter((o) => !o.hidden && o.value !== "").length
          : 0,
      );
      expect(visible).toBe(1);
      await page.screenshot({ path: join(ARTIFACTS, "unit-search-phone.png") });
    } finally {
      await phone.close();
    }
  });
});
