// The board's pure logic: every proposal once, why it is where it is, the groups offered for the unsorted, duplicate suggestions.
import { describe, it } from "vitest";
import {
  assembleBoard,
  type BoardGroupRow,
  type BoardRow,
  suggestedDuplicates,
} from "../../../worker/domain/board";
import { analyse, Lexicon } from "../../../worker/domain/grouping";
import { PROPOSAL_TOPICS } from "../../../worker/domain/lexicon";

const lexicon = new Lexicon(PROPOSAL_TOPICS);

function row(id: number, text: string, groupId: number | null, over: Partial<BoardRow> = {}): BoardRow {
  return {
    id,
    text,
    originalText: null,
    addressee: null,
    suggestedAddressee: "union",
    authorName: null,
    authorUnit: null,
    hidden: 0,
    hiddenReason: null,
    duplicateOf: null,
    groupId,
    groupLocked: 0,
    supports: 0,
    followStatus: null,
    followNote: null,
    followUnitId: null,
    createdAt: "2026-12-07T02:00:00Z",
    ...over,
  };
}

describe("the facilitator's board", () => {
  it("shows every visible proposal in exactly one group; one in no known group is unsorted; hidden ones in none", ({
    expect,
  }) => {
    const groups: BoardGroupRow[] = [{ id: 1, key: "credit", label: null, manual: 0 }];
    const rows = [
      row(10, "Cho chị em vay vốn ưu đãi để chăn nuôi", 1),
      row(11, "Tổ chức hội thi văn nghệ ngày 20/10", 99),
      row(12, "Nội dung đã ẩn", 1, { hidden: 1 }),
    ];
    const { groups: board } = assembleBoard(rows, groups, lexicon, "vi", false);
    const ids = board.flatMap((g) => g.items.map((i) => i.id)).sort();
    expect(ids).toEqual([10, 11]);
    expect(board.find((g) => g.items.some((i) => i.id === 11))?.key).toBe("unsorted");
    expect(board.at(-1)?.key).toBe("unsorted");
  });

  it("says why each is where it is, in its own words: the theme's phrases, or the words of the group's name", ({
    expect,
  }) => {
    const groups: BoardGroupRow[] = [
      { id: 1, key: "credit", label: null, manual: 0 },
      { id: 2, key: null, label: "Việc của thôn Đoài", manual: 1 },
    ];
    const rows = [
      row(10, "Cho chị em vay vốn ưu đãi để chăn nuôi", 1),
      row(11, "Sửa đường vào thôn Đoài", 2),
    ];
    const { groups: board } = assembleBoard(rows, groups, lexicon, "vi", false);
    const item = (id: number) => board.flatMap((g) => g.items).find((i) => i.id === id);
    expect(item(10)?.why).toEqual(["vay vốn ưu đãi"]);
    expect(item(11)?.why).toEqual(expect.arrayContaining(["thôn Đoài"]));
  });

  it("with an agenda, each unsorted proposal is offered at most two of the room's groups; without one, none", ({
    expect,
  }) => {
    const agenda: BoardGroupRow[] = [
      { id: 1, key: null, label: "Cảnh báo sớm và sơ tán dân", manual: 1 },
      { id: 2, key: null, label: "Gia cố nhà ở trước mùa bão", manual: 1 },
      { id: 3, key: null, label: "Trồng cây chống sạt lở", manual: 1 },
      { id: 4, key: "unsorted", label: null, manual: 0 },
    ];
    const rows = [
      row(10, "Lắp loa cảnh báo ở xóm ven sông", 1),
      row(11, "Chằng chống mái nhà trước mùa bão cho hộ nghèo", 2),
      row(12, "Cần thêm áo phao và xuồng cho các nhà ven sông để sơ tán", 4),
    ];
    const { groups: board } = assembleBoard(rows, agenda, lexicon, "vi", true);
    const offered = board.find((g) => g.key === "unsorted")?.items[0]?.suggest ?? [];
    expect(offered.length).toBeGreaterThan(0);
    expect(offered.length).toBeLessThanOrEqual(2);
    expect(offered[0]?.label).toBe("Cảnh báo sớm và sơ tán dân");

    const cold: BoardGroupRow[] = [
      { id: 5, key: "credit", label: null, manual: 0 },
      { id: 6, key: "unsorted", label: null, manual: 0 },
    ];
    const { groups: plain } = assembleBoard(
      [row(20, "Vay vốn ưu đãi", 5), row(21, "Hội thi văn nghệ", 6)],
      cold,
      lexicon,
      "vi",
      true,
    );
    expect(plain.find((g) => g.key === "unsorted")?.items[0]?.suggest).toBeUndefined();
  });

  it("suggests near-duplicates among unmerged proposals, never a pair the facilitator dismissed", ({
    expect,
  }) => {
    const rows = [
      row(1, "Tăng phụ cấp cho chi hội trưởng", null),
      row(2, "tang phu cap cho chi hoi truong", null),
      row(3, "Tăng mức phụ cấp chi hội trưởng", null, { duplicateOf: 1 }),
    ];
    const analyses = rows.map((r) => analyse(r.text, lexicon));
    expect(suggestedDuplicates(rows, analyses, new Set()).map((p) => [p.a, p.b])).toEqual([[1, 2]]);
    expect(suggestedDuplicates(rows, analyses, new Set(["1-2"]))).toEqual([]);
  });
});
