// The trainee's phone pages without JavaScript: code box, survey, plain form post, thanks, already answered.
import { exports } from "cloudflare:workers";
import { beforeAll, describe, it } from "vitest";
import { call, createClass, createTree, db, postJson, publicForm, signIn } from "./helpers";

let code: string;
let eventId: number;
let staff: Awaited<ReturnType<typeof signIn>>;
let tree: Awaited<ReturnType<typeof createTree>>;

beforeAll(async () => {
  tree = await createTree();
  staff = await signIn("organiser", tree.hanoi);
  ({ code, id: eventId } = await createClass(staff, tree.bachMai, { title: "Lớp <b>kỹ năng</b> số" }));
});

const cookieOf = (res: Response) =>
  res.headers
    .getSetCookie()
    .map((c) => c.split(";")[0])
    .join("; ");

describe("phone pages", () => {
  it("/ offers a box to type a code, and a typed code leads to the survey", async ({ expect }) => {
    const home = await call("/");
    expect(home.status).toBe(200);
    const html = await home.text();
    expect(html).toContain('lang="vi"');
    expect(html).toContain('name="code"');
    const go = await call(`/s?code=${code.toLowerCase()}`, { redirect: "manual" });
    expect(go.status).toBe(303);
    expect(go.headers.get("Location")).toBe(`/s/${code}`);
  });

  it("the survey page labels every rating button, escapes the title, and posts without JavaScript", async ({
    expect,
  }) => {
    const res = await call(`/s/${code}`);
    expect(res.status).toBe(200);
    const html = await res.text();
    expect(html).toContain("Lớp &lt;b&gt;kỹ năng&lt;/b&gt; số");
    expect(html).toContain(`<form method="post" action="/s/${code}"`);
    expect(html.match(/type="radio" name="a\d+"/g)).toHaveLength(30);
    expect(html).toContain("Rất không hài lòng");
    expect(html).toContain("Rất hài lòng");
    expect(html).toContain("Kiến nghị, đề xuất");
  });

  it("in local development the survey page says what it cost the Worker; from the internet it says nothing", async ({
    expect,
  }) => {
    const local = await exports.default.fetch(new Request(`http://127.0.0.1:8787/s/${code}`));
    expect(local.status).toBe(200);
    expect(local.headers.get("Server-Timing")).toMatch(
      /^db;dur=[\d.]+;desc="\d+ queries, rows_read=\d+.*app;dur=\d+$/,
    );
    const internet = await call(`/s/${code}`);
    expect(internet.headers.get("Server-Timing")).toBeNull();
  });

  it("switches to English and remembers it", async ({ expect }) => {
    const res = await call(`/s/${code}?lang=en`);
    const html = await res.text();
    expect(html).toContain('lang="en"');
    expect(html).toContain("Very satisfied");
    expect(res.headers.get("Set-Cookie")).toContain("gy_lang=en");
  });

  it("a plain form post with a missing answer comes back with the message and the chosen answers kept", async ({
    expect,
  }) => {
    const page = await call(`/s/${code}`);
    const cookie = cookieOf(page);
    const html = await page.text();
    const clientId = html.match(/name="clientId" value="([^"]+)"/)?.[1] ?? "";
    const form = await publicForm(code);
    const first = form.questions[0]?.id ?? 0;
    const body = new URLSearchParams({ clientId, role: "trainee", [`a${first}`]: "4" });
    const res = await call(`/s/${code}`, {
      method: "POST",
      headers: { "Content-Type": "application/x-www-form-urlencoded", Cookie: cookie },
      body,
    });
    expect(res.status).toBe(400);
    const again = await res.text();
    expect(again).toContain("Vui lòng trả lời các câu còn thiếu");
    expect(again).toContain(`name="a${first}" value="4" checked`);
    expect(
      await db().selectFrom("responses").select("id").where("client_id", "=", clientId).executeTakeFirst(),
    ).toBeUndefined();
  });

  it("a complete plain form post shows thanks, and a second visit says already answered", async ({
    expect,
  }) => {
    const page = await call(`/s/${code}`);
    const cookie = cookieOf(page);
    const clientId = (await page.text()).match(/name="clientId" value="([^"]+)"/)?.[1] ?? "";
    const form = await publicForm(code);
    const body = new URLSearchParams({ clientId, role: "trainee" });
    for (const q of form.questions)
      body.set(`a${q.id}`, q.type === "rating" ? "5" : "Cần thêm tài liệu <b>in</b>");
    const res = await call(`/s/${code}`, {
      method: "POST",
      headers: { "Content-Type": "application/x-www-form-urlencoded", Cookie: cookie },
      body,
      redirect: "manual",
    });
    expect(res.status).toBe(303);
    const thanks = await call(res.headers.get("Location") ?? "", { headers: { Cookie: cookie } });
    expect(await thanks.text()).toContain("Cảm ơn bạn!");
    const second = await call(`/s/${code}`, { headers: { Cookie: cookie } });
    expect(await second.text()).toContain("Bạn đã trả lời rồi");
    // posting the same form again stores nothing new
    await call(`/s/${code}`, {
      method: "POST",
      headers: { "Content-Type": "application/x-www-form-urlencoded", Cookie: cookie },
      body,
      redirect: "manual",
    });
    expect(
      (await db().selectFrom("responses").select("id").where("event_id", "=", eventId).execute()).length,
    ).toBe(1);
  });

  it("an unknown code shows a 404 page with the code box again", async ({ expect }) => {
    const res = await call("/s/QQQQQQ");
    expect(res.status).toBe(404);
    const html = await res.text();
    expect(html).toContain("Không tìm thấy mã này");
    expect(html).toContain('value="QQQQQQ"');
  });

  it("a closed class shows a friendly page with 410", async ({ expect }) => {
    const tree = await createTree();
    const organiser = await signIn("organiser", tree.hanoi);
    const cls = await createClass(organiser, tree.hanoi);
    await postJson(`/api/events/${cls.id}/close`, {}, organiser.headers);
    const res = await call(`/s/${cls.code}`);
    expect(res.status).toBe(410);
    expect(await res.text()).toContain("Khảo sát đã đóng");
  });
});

describe("a phone shared by two trainees", () => {
  it("after the first answers, the next one starts her own response on the same phone, without JavaScript", async ({
    expect,
  }) => {
    const { code: shared, id } = await createClass(staff, tree.bachMai);
    const first = await call(`/s/${shared}`);
    const cookie = cookieOf(first);
    const form = await publicForm(shared);
    const send = async (clientId: string, rating: string, cookies: string) => {
      const body = new URLSearchParams({ clientId, role: "trainee" });
      for (const q of form.questions) if (q.type === "rating") body.set(`a${q.id}`, rating);
      return call(`/s/${shared}`, {
        method: "POST",
        headers: { "Content-Type": "application/x-www-form-urlencoded", Cookie: cookies },
        body,
        redirect: "manual",
      });
    };
    const idOf = (html: string) => html.match(/name="clientId" value="([^"]+)"/)?.[1] ?? "";
    const firstId = idOf(await first.text());
    expect((await send(firstId, "5", cookie)).status).toBe(303);
    const again = await (await call(`/s/${shared}`, { headers: { Cookie: cookie } })).text();
    expect(again).toContain("Bạn đã trả lời rồi");
    expect(again).toContain(`href="/s/${shared}?another=1"`);
    expect(again).toContain("Người khác trả lời trên máy này");

    const next = await call(`/s/${shared}?another=1`, { headers: { Cookie: cookie } });
    const nextHtml = await next.text();
    expect(nextHtml).toContain('id="survey"');
    const secondId = idOf(nextHtml);
    expect(secondId).not.toBe(firstId);
    expect((await send(secondId, "3", cookie)).status).toBe(303);
    const stored = await db()
      .selectFrom("responses")
      .select("client_id")
      .where("event_id", "=", id)
      .execute();
    expect(stored.map((r) => r.client_id).sort()).toEqual([firstId, secondId].sort());
  });
});
