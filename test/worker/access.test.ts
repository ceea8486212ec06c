// The access matrix: every staff endpoint × every role × a unit inside and outside the caller's province.
import { beforeAll, describe, it } from "vitest";
import type { Role } from "../../worker/db/schema";
import { routes } from "../../worker/index";
import {
  answersFor,
  call,
  createClass,
  createTree,
  createUnit,
  createWorkshop,
  db,
  postJson,
  signIn,
  unique,
} from "./helpers";

type Staff = Awaited<ReturnType<typeof signIn>>;
type Tree = Awaited<ReturnType<typeof createTree>>;

/** What one endpoint needs to exist: a class, a workshop with two proposals and a group, two communes. */
interface Place {
  province: { id: number; code: string };
  classId: number;
  classCode: string;
  workshopId: number;
  workshopCode: string;
  p1: number;
  p2: number;
  groupId: number;
  commune: { id: number; code: string };
  commune2: { id: number; code: string };
  /** A staff account at the place, for the account endpoints. */
  userId: number;
  /** A survey template of the commune. */
  templateId: number;
  /** A phrase an organiser added to the grouping lexicon for the commune. */
  termId: number;
  /** A proposal placed by hand in the group: a lesson for the commune's later workshops. */
  lessonId: number;
  /** A complete set of answers to the class's form, as a paper sheet carries them. */
  paperAnswers: Record<string, number>;
  /** A person in the commune's officer register. */
  personId: number;
  /** A programme run by the province. */
  programmeId: number;
  /** One of its targets. */
  targetId: number;
}

let tree: Tree;
let national: Staff;
const staff = {} as Record<Role, Staff>;
const ROLES: Role[] = ["admin", "organiser", "inspector", "leader"];

async function place(province: { id: number; code: string; path: string }, merged = false): Promise<Place> {
  const commune = await createUnit(`Hội LHPN xã ${unique("A")}`, "commune", province);
  const commune2 = await createUnit(`Hội LHPN xã ${unique("B")}`, "commune", province);
  const cls = await createClass(national, commune);
  const paperAnswers = await answersFor(cls.code, 4);
  const ws = await createWorkshop(national, commune, [
    "Mở lớp tin học cho hội viên",
    "Mở thêm lớp tin học cho chị em",
    "Lập tổ công nghệ số ở mỗi thôn",
  ]);
  const [p1 = 0, p2 = 0, p3 = 0] = ws.proposalIds;
  const group = await (
    await postJson(`/api/events/${ws.id}/groups`, { label: "Nhóm thử", proposalIds: [p3] }, national.headers)
  ).json<{ id: number }>();
  if (merged) {
    await postJson(`/api/events/${ws.id}/merges`, { targetId: p1, sourceIds: [p2] }, national.headers);
  }
  const account = await db()
    .insertInto("users")
    .values({
      email: `${unique("account")}@gopy.test`,
      password_hash: "pbkdf2-sha256$100000$AAAA$BBBB",
      role: "leader",
      unit_id: commune.id,
      created_at: new Date().toISOString(),
    })
    .returning("id")
    .executeTakeFirstOrThrow();
  const template = await (
    await postJson(
      "/api/templates",
      { unitId: commune.id, title: "Mẫu thử", questions: eventForm.questions },
      national.headers,
    )
  ).json<{ id: number }>();
  const term = await db()
    .insertInto("lexicon_phrases")
    .values({
      unit_id: commune.id,
      kind: "proposal",
      topic: "digital",
      phrase: unique("cụm từ "),
      created_at: new Date().toISOString(),
    })
    .returning("id")
    .executeTakeFirstOrThrow();
  const person = await db()
    .insertInto("people")
    .values({
      name: "Nguyễn Thị Thử",
      name_key: unique("nguyễn thị thử "),
      search: "nguyen thi thu",
      birth_year: 1980,
      position: "branch_head",
      unit_id: commune.id,
      created_at: new Date().toISOString(),
      updated_at: new Date().toISOString(),
    })
    .returning("id")
    .executeTakeFirstOrThrow();
  const programme = await (
    await postJson(
      "/api/programmes",
      {
        name: unique("Đề án "),
        unitId: province.id,
        startsOn: "2026-01-01",
        endsOn: "2027-12-31",
        categories: [],
      },
      national.headers,
    )
  ).json<{ id: number }>();
  const target = await (
    await postJson(
      `/api/programmes/${programme.id}/targets`,
      { position: "branch_head", share: 0.7, by: "2027-12-31", baseline: 3 },
      national.headers,
    )
  ).json<{ id: number }>();
  return {
    programmeId: programme.id,
    targetId: target.id,
    personId: person.id,
    termId: term.id,
    lessonId: p3,
    paperAnswers: Object.fromEntries(Object.entries(paperAnswers).map(([k, v]) => [k, Number(v)])),
    templateId: template.id,
    userId: account.id,
    province,
    classId: cls.id,
    classCode: cls.code,
    workshopId: ws.id,
    workshopCode: ws.code,
    p1,
    p2,
    groupId: group.id,
    commune,
    commune2,
  };
}

interface Endpoint {
  method: "GET" | "POST" | "PUT" | "PATCH" | "DELETE";
  path: (p: Place) => string;
  body?: (p: Place) => unknown;
  csv?: (p: Place) => string;
  /** Roles allowed; the others get 403. */
  roles: readonly Role[];
  /** Status inside the caller's scope, and outside it. */
  ok: number;
  out: number;
  /** Changes the place for good (delete, merge): each call gets a fresh one. */
  fresh?: "plain" | "merged";
}

const all = ROLES;
const organisers: Role[] = ["admin", "organiser"];
const today = () => new Date().toISOString().slice(0, 10);
const eventForm = {
  title: "Phiếu riêng",
  questions: [
    {
      type: "rating",
      criterion: "content",
      labelVi: "Nội dung",
      labelEn: "",
      required: true,
      options: null,
      maxLength: null,
    },
  ],
};

const ENDPOINTS: Record<string, Endpoint> = {
  "GET /api/auth/me": { method: "GET", path: () => "/api/auth/me", roles: all, ok: 200, out: 200 },
  "GET /api/events": { method: "GET", path: () => "/api/events", roles: all, ok: 200, out: 200 },
  "POST /api/events": {
    method: "POST",
    path: () => "/api/events",
    body: (p) => ({
      kind: "class",
      title: "Lớp mới",
      unitId: p.commune.id,
      startsAt: new Date().toISOString(),
      endsAt: new Date(Date.now() + 3600_000).toISOString(),
      expectedParticipants: 20,
    }),
    roles: organisers,
    ok: 201,
    out: 403,
  },
  "GET /api/events/:id": {
    method: "GET",
    path: (p) => `/api/events/${p.classId}`,
    roles: all,
    ok: 200,
    out: 404,
  },
  "PUT /api/events/:id/form": {
    method: "PUT",
    path: (p) => `/api/events/${p.classId}/form`,
    body: () => eventForm,
    roles: organisers,
    ok: 200,
    out: 404,
  },
  "PATCH /api/events/:id": {
    method: "PATCH",
    path: (p) => `/api/events/${p.classId}`,
    body: () => ({ expectedParticipants: 35 }),
    roles: organisers,
    ok: 200,
    out: 404,
  },
  "POST /api/events/:id/paper-responses": {
    method: "POST",
    path: (p) => `/api/events/${p.classId}/paper-responses`,
    body: (p) => ({ sheet: `${p.classCode}-0001`, answers: p.paperAnswers }),
    roles: organisers,
    ok: 201,
    out: 404,
    fresh: "plain",
  },
  "POST /api/events/:id/paper-printed": {
    method: "POST",
    path: (p) => `/api/events/${p.classId}/paper-printed`,
    body: () => ({ from: 1, count: 10 }),
    roles: organisers,
    ok: 200,
    out: 404,
  },
  "POST /api/events/:id/close": {
    method: "POST",
    path: (p) => `/api/events/${p.classId}/close`,
    roles: organisers,
    ok: 200,
    out: 404,
  },
  "GET /api/events/:id/report": {
    method: "GET",
    path: (p) => `/api/events/${p.classId}/report`,
    roles: all,
    ok: 200,
    out: 404,
  },
  "GET /api/events/:id/report.xlsx": {
    method: "GET",
    path: (p) => `/api/events/${p.classId}/report.xlsx`,
    roles: all,
    ok: 200,
    out: 404,
  },
  "GET /api/events/:id/answers.csv": {
    method: "GET",
    path: (p) => `/api/events/${p.classId}/answers.csv`,
    roles: organisers,
    ok: 200,
    out: 404,
  },
  "GET /api/events/:id/answers.xlsx": {
    method: "GET",
    path: (p) => `/api/events/${p.classId}/answers.xlsx`,
    roles: organisers,
    ok: 200,
    out: 404,
  },
  "GET /api/events/:id/report.csv": {
    method: "GET",
    path: (p) => `/api/events/${p.classId}/report.csv`,
    roles: all,
    ok: 200,
    out: 404,
  },
  "GET /api/events/:id/export.json": {
    method: "GET",
    path: (p) => `/api/events/${p.classId}/export.json`,
    roles: organisers,
    ok: 200,
    out: 404,
  },
  "DELETE /api/events/:id": {
    method: "DELETE",
    path: (p) => `/api/events/${p.classId}`,
    body: (p) => ({ confirm: p.classCode }),
    roles: organisers,
    ok: 200,
    out: 404,
    fresh: "plain",
  },
  "GET /api/events/:id/groups": {
    method: "GET",
    path: (p) => `/api/events/${p.workshopId}/groups`,
    roles: all,
    ok: 200,
    out: 404,
  },
  "GET /api/events/:id/board": {
    method: "GET",
    path: (p) => `/api/events/${p.workshopId}/board`,
    roles: all,
    ok: 200,
    out: 404,
  },
  "PATCH /api/events/:id/proposals/:pid": {
    method: "PATCH",
    path: (p) => `/api/events/${p.workshopId}/proposals/${p.p1}`,
    body: () => ({ followStatus: "received" }),
    roles: ["admin", "organiser", "leader"],
    ok: 200,
    out: 404,
  },
  "POST /api/events/:id/merges": {
    method: "POST",
    path: (p) => `/api/events/${p.workshopId}/merges`,
    body: (p) => ({ targetId: p.p1, sourceIds: [p.p2] }),
    roles: organisers,
    ok: 200,
    out: 404,
    fresh: "plain",
  },
  "DELETE /api/events/:id/merges/:pid": {
    method: "DELETE",
    path: (p) => `/api/events/${p.workshopId}/merges/${p.p2}`,
    roles: organisers,
    ok: 200,
    out: 404,
    fresh: "merged",
  },
  "POST /api/events/:id/duplicates/dismiss": {
    method: "POST",
    path: (p) => `/api/events/${p.workshopId}/duplicates/dismiss`,
    body: (p) => ({ a: p.p1, b: p.p2 }),
    roles: organisers,
    ok: 200,
    out: 404,
  },
  "POST /api/events/:id/groups": {
    method: "POST",
    path: (p) => `/api/events/${p.workshopId}/groups`,
    body: () => ({ label: "Nhóm mới" }),
    roles: organisers,
    ok: 201,
    out: 404,
  },
  "PATCH /api/events/:id/groups/:gid": {
    method: "PATCH",
    path: (p) => `/api/events/${p.workshopId}/groups/${p.groupId}`,
    body: () => ({ label: "Đổi tên" }),
    roles: organisers,
    ok: 200,
    out: 404,
  },
  "POST /api/events/:id/agenda": {
    method: "POST",
    path: (p) => `/api/events/${p.workshopId}/agenda`,
    body: () => ({ labels: ["Vốn vay"] }),
    roles: organisers,
    ok: 201,
    out: 404,
  },
  "PUT /api/events/:id/lessons-shared": {
    method: "PUT",
    path: (p) => `/api/events/${p.workshopId}/lessons-shared`,
    body: () => ({ share: true }),
    roles: organisers,
    ok: 200,
    out: 404,
  },
  "POST /api/events/:id/regroup": {
    method: "POST",
    path: (p) => `/api/events/${p.workshopId}/regroup`,
    roles: organisers,
    ok: 200,
    out: 404,
  },
  "GET /api/events/:id/proposals.csv": {
    method: "GET",
    path: (p) => `/api/events/${p.workshopId}/proposals.csv`,
    roles: all,
    ok: 200,
    out: 404,
  },
  "GET /api/events/:id/proposals.xlsx": {
    method: "GET",
    path: (p) => `/api/events/${p.workshopId}/proposals.xlsx`,
    roles: all,
    ok: 200,
    out: 404,
  },
  "GET /api/events/:id/observations": {
    method: "GET",
    path: (p) => `/api/events/${p.classId}/observations`,
    roles: all,
    ok: 200,
    out: 404,
  },
  "PUT /api/events/:id/observation": {
    method: "PUT",
    path: (p) => `/api/events/${p.classId}/observation`,
    body: () => ({ scores: { content: 4 }, observedOn: today() }),
    roles: ["admin", "inspector"],
    ok: 200,
    out: 404,
  },
  "GET /api/units": { method: "GET", path: () => "/api/units", roles: all, ok: 200, out: 200 },
  "GET /api/units/:id/needs": {
    method: "GET",
    path: (p) => `/api/units/${p.province.id}/needs`,
    roles: all,
    ok: 200,
    out: 404,
  },
  "GET /api/units/:id/scores": {
    method: "GET",
    path: (p) => `/api/units/${p.province.id}/scores`,
    roles: all,
    ok: 200,
    out: 404,
  },
  "GET /api/units/:id/scores.csv": {
    method: "GET",
    path: (p) => `/api/units/${p.province.id}/scores.csv`,
    roles: all,
    ok: 200,
    out: 404,
  },
  "GET /api/units/:id/comments": {
    method: "GET",
    path: (p) => `/api/units/${p.province.id}/comments`,
    roles: all,
    ok: 200,
    out: 404,
  },
  "GET /api/units/:id/comments.csv": {
    method: "GET",
    path: (p) => `/api/units/${p.province.id}/comments.csv`,
    roles: all,
    ok: 200,
    out: 404,
  },
  "GET /api/units/:id/classes.xlsx": {
    method: "GET",
    path: (p) => `/api/units/${p.province.id}/classes.xlsx`,
    roles: all,
    ok: 200,
    out: 404,
  },
  "POST /api/units": {
    method: "POST",
    path: () => "/api/units",
    body: (p) => ({ code: unique("X"), name: "Hội LHPN xã Mới", level: "commune", parentId: p.province.id }),
    roles: ["admin"],
    ok: 201,
    out: 400,
  },
  "PATCH /api/units/:id": {
    method: "PATCH",
    path: (p) => `/api/units/${p.commune.id}`,
    body: () => ({ name: "Hội LHPN xã Đổi Tên" }),
    roles: ["admin"],
    ok: 200,
    out: 404,
  },
  "POST /api/units/:id/merge": {
    method: "POST",
    path: (p) => `/api/units/${p.commune2.id}/merge`,
    body: (p) => ({ successorId: p.commune.id, date: today() }),
    roles: ["admin"],
    ok: 200,
    out: 404,
    fresh: "plain",
  },
  "POST /api/units/import": {
    method: "POST",
    path: () => "/api/units/import",
    csv: (p) => `code,name,level,parent_code\n${unique("I")},Hội LHPN xã Nhập,commune,${p.province.code}\n`,
    roles: ["admin"],
    ok: 201,
    out: 400,
  },
  "GET /api/programmes": { method: "GET", path: () => "/api/programmes", roles: all, ok: 200, out: 200 },
  "GET /api/programmes/:id/progress": {
    method: "GET",
    path: (p) => `/api/programmes/${p.programmeId}/progress`,
    roles: all,
    ok: 200,
    out: 404,
  },
  "GET /api/programmes/:id/progress.xlsx": {
    method: "GET",
    path: (p) => `/api/programmes/${p.programmeId}/progress.xlsx`,
    roles: all,
    ok: 200,
    out: 404,
  },
  "POST /api/programmes/:id/targets": {
    method: "POST",
    path: (p) => `/api/programmes/${p.programmeId}/targets`,
    body: () => ({ position: "branch_head", share: 0.7, by: "2027-12-31", minDays: 2 }),
    roles: organisers,
    ok: 201,
    out: 404,
  },
  "DELETE /api/programmes/:id/targets/:targetId": {
    method: "DELETE",
    path: (p) => `/api/programmes/${p.programmeId}/targets/${p.targetId}`,
    roles: organisers,
    ok: 200,
    out: 404,
    fresh: "plain",
  },
  "PUT /api/programmes/:id/plan": {
    method: "PUT",
    path: (p) => `/api/programmes/${p.programmeId}/plan`,
    body: () => ({ years: [{ year: 2026, classes: 2, trainees: 40 }] }),
    roles: organisers,
    ok: 200,
    out: 404,
  },
  "GET /api/people": {
    method: "GET",
    path: (p) => `/api/people?unit=${p.commune.id}`,
    roles: all,
    ok: 200,
    out: 404,
  },
  "GET /api/people/people.csv": {
    method: "GET",
    path: (p) => `/api/people/people.csv?unit=${p.commune.id}`,
    roles: all,
    ok: 200,
    out: 404,
  },
  "GET /api/people/people.xlsx": {
    method: "GET",
    path: (p) => `/api/people/people.xlsx?unit=${p.commune.id}`,
    roles: all,
    ok: 200,
    out: 404,
  },
  "POST /api/people": {
    method: "POST",
    path: () => "/api/people",
    body: (p) => ({
      name: unique("Trần Thị Mới "),
      birthYear: 1985,
      position: "branch_head",
      unitId: p.commune.id,
    }),
    roles: organisers,
    ok: 201,
    out: 400,
  },
  "PATCH /api/people/:id": {
    method: "PATCH",
    path: (p) => `/api/people/${p.personId}`,
    body: () => ({ position: "commune_vice_chair" }),
    roles: organisers,
    ok: 200,
    out: 404,
  },
  "GET /api/events/:id/attendance": {
    method: "GET",
    path: (p) => `/api/events/${p.classId}/attendance`,
    roles: all,
    ok: 200,
    out: 404,
  },
  "PUT /api/events/:id/attendance": {
    method: "PUT",
    path: (p) => `/api/events/${p.classId}/attendance`,
    body: (p) => ({ personIds: [p.personId] }),
    roles: organisers,
    ok: 200,
    out: 404,
  },
  "POST /api/people/import": {
    method: "POST",
    path: () => "/api/people/import",
    csv: (p) =>
      `name,birth_year,position,unit_code\n${unique("Lê Thị Nhập ")},1979,branch_head,${p.commune.code}\n`,
    roles: organisers,
    ok: 201,
    out: 422,
  },
  "POST /api/events/:id/attendance/import": {
    method: "POST",
    path: (p) => `/api/events/${p.classId}/attendance/import`,
    csv: (p) =>
      `name,birth_year,position,unit_code\n${unique("Lê Thị Dự ")},1981,branch_head,${p.commune.code}\n`,
    roles: organisers,
    ok: 201,
    out: 404,
  },
  "POST /api/programmes": {
    method: "POST",
    path: () => "/api/programmes",
    body: (p) => ({
      name: "Chương trình",
      unitId: p.province.id,
      startsOn: "2026-01-01",
      endsOn: "2026-12-31",
    }),
    roles: organisers,
    ok: 201,
    out: 400,
  },
  "GET /api/lexicon": { method: "GET", path: () => "/api/lexicon", roles: all, ok: 200, out: 200 },
  "POST /api/lexicon": {
    method: "POST",
    path: () => "/api/lexicon",
    body: (p) => ({ kind: "proposal", topic: "digital", phrase: unique("từ "), unitId: p.commune.id }),
    roles: organisers,
    ok: 201,
    out: 403,
  },
  "GET /api/lexicon/explain": {
    method: "GET",
    path: () => "/api/lexicon/explain?text=M%E1%BB%9F%20l%E1%BB%9Bp%20tin%20h%E1%BB%8Dc",
    roles: all,
    ok: 200,
    out: 200,
  },
  "GET /api/lexicon/lessons": {
    method: "GET",
    path: () => "/api/lexicon/lessons",
    roles: all,
    ok: 200,
    out: 200,
  },
  "DELETE /api/lexicon/lessons/:id": {
    method: "DELETE",
    path: (p) => `/api/lexicon/lessons/${p.lessonId}`,
    roles: organisers,
    ok: 200,
    out: 404,
    fresh: "plain",
  },
  "PUT /api/lexicon/promotions": {
    method: "PUT",
    path: () => "/api/lexicon/promotions",
    body: (p) => ({ unitId: p.commune.id, scopeUnitId: p.province.id }),
    roles: ["admin"],
    ok: 200,
    out: 400,
  },
  "DELETE /api/lexicon/:id": {
    method: "DELETE",
    path: (p) => `/api/lexicon/${p.termId}`,
    roles: organisers,
    ok: 200,
    out: 404,
    fresh: "plain",
  },
  "GET /api/audit": { method: "GET", path: () => "/api/audit", roles: ["admin"], ok: 200, out: 200 },
  "GET /api/templates": { method: "GET", path: () => "/api/templates", roles: all, ok: 200, out: 200 },
  "POST /api/templates": {
    method: "POST",
    path: () => "/api/templates",
    body: (p) => ({ unitId: p.commune.id, title: "Mẫu mới", questions: eventForm.questions }),
    roles: organisers,
    ok: 201,
    out: 400,
  },
  "PATCH /api/templates/:id": {
    method: "PATCH",
    path: (p) => `/api/templates/${p.templateId}`,
    body: () => ({ title: "Mẫu đổi tên" }),
    roles: organisers,
    ok: 200,
    out: 404,
  },
  "GET /api/users": { method: "GET", path: () => "/api/users", roles: ["admin"], ok: 200, out: 200 },
  "POST /api/users": {
    method: "POST",
    path: () => "/api/users",
    body: (p) => ({
      email: `${unique("moi")}@gopy.test`,
      name: "Người mới",
      role: "leader",
      unitId: p.commune.id,
    }),
    roles: ["admin"],
    ok: 201,
    out: 400,
  },
  "PATCH /api/users/:id": {
    method: "PATCH",
    path: (p) => `/api/users/${p.userId}`,
    body: () => ({ name: "Tên mới" }),
    roles: ["admin"],
    ok: 200,
    out: 404,
  },
  "POST /api/users/:id/reset": {
    method: "POST",
    path: (p) => `/api/users/${p.userId}/reset`,
    body: () => ({}),
    roles: ["admin"],
    ok: 200,
    out: 404,
  },
  "POST /api/users/:id/unlock": {
    method: "POST",
    path: (p) => `/api/users/${p.userId}/unlock`,
    body: () => ({}),
    roles: ["admin"],
    ok: 200,
    out: 404,
  },
};

let inside: Place;
let outside: Place;

beforeAll(async () => {
  tree = await createTree();
  national = await signIn("admin", tree.central);
  for (const role of ROLES) staff[role] = await signIn(role, tree.hanoi);
  inside = await place(tree.hanoi);
  outside = await place(tree.thaiNguyen);
});

function send(e: Endpoint, p: Place, headers: Record<string, string>): Promise<Response> {
  const body = e.csv ? e.csv(p) : e.body ? JSON.stringify(e.body(p)) : undefined;
  return call(e.path(p), {
    method: e.method,
    headers:
      body === undefined ? headers : { ...headers, "Content-Type": e.csv ? "text/csv" : "application/json" },
    body,
  });
}

async function placeFor(e: Endpoint, scope: "in" | "out"): Promise<Place> {
  const province = scope === "in" ? tree.hanoi : tree.thaiNguyen;
  if (e.fresh) return place(province, e.fresh === "merged");
  return scope === "in" ? inside : outside;
}

describe("every staff endpoint × every role × inside and outside the caller's province", () => {
  for (const [name, e] of Object.entries(ENDPOINTS)) {
    it(name, async ({ expect }) => {
      const got: Record<string, number> = {};
      const want: Record<string, number> = {};
      for (const role of ROLES) {
        for (const scope of ["in", "out"] as const) {
          const key = `${role} ${scope}`;
          want[key] = e.roles.includes(role) ? (scope === "in" ? e.ok : e.out) : 403;
          got[key] = (await send(e, await placeFor(e, scope), staff[role].headers)).status;
        }
      }
      want.anonymous = 401;
      got.anonymous = (await send(e, await placeFor(e, "in"), {})).status;
      if (e.method !== "GET") {
        // The same call from another site, with a valid session cookie: refused before anything runs.
        const hostile = {
          ...staff.admin.headers,
          Origin: "https://evil.example",
          "Sec-Fetch-Site": "cross-site",
        };
        want["cross-site"] = 403;
        got["cross-site"] = (await send(e, await placeFor(e, "in"), hostile)).status;
      }
      expect(got).toEqual(want);
    });
  }
});

describe("the matrix itself", () => {
  it("lists every staff endpoint the Worker routes (a new one cannot skip it)", ({ expect }) => {
    const own = new Set(["POST /api/auth/login", "POST /api/auth/logout", "POST /api/auth/set-password"]);
    // The one-time link names its account to whoever holds the link: tested in accounts.test.ts.
    own.add("GET /api/auth/set-password");
    // Each caller's own account: no unit or role to check, tested in accounts.test.ts.
    for (const mine of ["POST /api/auth/password", "POST /api/auth/logout-all"]) own.add(mine);
    const routed = new Set(
      routes
        .filter(
          (r) => r.path.startsWith("/api/") && !r.path.startsWith("/api/public") && !r.path.includes("*"),
        )
        .filter((r) => r.method !== "ALL")
        // The unit exports share one route: /:file stands for scores.csv and its kin.
        .map((r) => `${r.method} ${r.path.replace(/:file$/, "scores.csv")}`)
        .filter((k) => !own.has(k)),
    );
    expect([...routed].filter((k) => !(k in ENDPOINTS)).sort()).toEqual([]);
  });
});
