// The one subtree filter, on a real D1: a unit's subtree by a range on its path, in either tree, never a sibling that shares a prefix.
import { describe, it } from "vitest";
import { aboveOrAt, inSubtree, unitPaths } from "../../worker/db/subtree";
import { db } from "./helpers";

describe("inSubtree", () => {
  it("takes the unit and all below it in the scope's tree, not '/…/10/' for '/…/1/'; `below` leaves the unit out", async ({
    expect,
  }) => {
    // Paths as a merge leaves them: 995003 sat under 995001 at the time and under 995002 today.
    const rows = [
      { id: 995001, path: "/9950/1/", now_path: "/9950/1/" },
      { id: 995002, path: "/9950/10/", now_path: "/9950/10/" },
      { id: 995003, path: "/9950/1/3/", now_path: "/9950/10/3/" },
      { id: 995004, path: "/9950/1/3/4/", now_path: "/9950/10/3/4/" },
    ];
    await db()
      .insertInto("units")
      .values(
        rows.map((r) => ({ ...r, code: `ST${r.id}`, name: `Đơn vị ${r.id}`, level: "commune" as const })),
      )
      .execute();
    const ids = async (tree: "now" | "then", path: string, below = false) =>
      (
        await db()
          .selectFrom("units")
          .select("id")
          .where(inSubtree({ tree, path }, unitPaths(), below))
          .orderBy("id")
          .execute()
      ).map((r) => r.id);
    expect(await ids("then", "/9950/1/")).toEqual([995001, 995003, 995004]);
    expect(await ids("now", "/9950/1/")).toEqual([995001]);
    expect(await ids("now", "/9950/10/")).toEqual([995002, 995003, 995004]);
    expect(await ids("now", "/9950/10/", true)).toEqual([995003, 995004]);
    expect(await ids("then", "/9950/1/3/4/")).toEqual([995004]);
    // Joined under an alias, as the list queries use it.
    const joined = await db()
      .selectFrom("units as u")
      .select("u.id")
      .where(inSubtree({ tree: "then", path: "/9950/1/3/" }, unitPaths("u")))
      .orderBy("u.id")
      .execute();
    expect(joined.map((r) => r.id)).toEqual([995003, 995004]);
  });

  it("aboveOrAt: the unit and those above it in the scope's tree, never '/…/1/' for '/…/10/'", async ({
    expect,
  }) => {
    const rows = [
      { id: 996001, path: "/9960/1/", now_path: "/9960/1/" },
      { id: 996002, path: "/9960/10/", now_path: "/9960/10/" },
      { id: 996003, path: "/9960/1/3/", now_path: "/9960/10/3/" },
    ];
    await db()
      .insertInto("units")
      .values(
        rows.map((r) => ({ ...r, code: `SA${r.id}`, name: `Đơn vị ${r.id}`, level: "commune" as const })),
      )
      .execute();
    const ids = async (tree: "now" | "then", path: string) =>
      (
        await db()
          .selectFrom("units as u")
          .select("u.id")
          .where("u.id", ">=", 996001)
          .where(aboveOrAt({ tree, path }, unitPaths("u")))
          .orderBy("u.id")
          .execute()
      ).map((r) => r.id);
    expect(await ids("then", "/9960/1/3/")).toEqual([996001, 996003]);
    expect(await ids("now", "/9960/10/3/")).toEqual([996002, 996003]);
    expect(await ids("now", "/9960/10/")).toEqual([996002]);
    expect(await ids("then", "/9960/10/")).toEqual([996002]);
    expect(await ids("now", "/")).toEqual([]);
  });
});
