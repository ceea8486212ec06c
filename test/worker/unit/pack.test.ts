// The projector's pages: every proposal placed once and whole, a group named again where it goes on, no page turned while the next block fits.
import { describe, it } from "vitest";
import { type Block, packPages } from "../../../web/pages/Projector/pack";

const head = (group: number, height = 60): Block => ({
  head: true,
  group,
  height,
  continuedHeight: height + 10,
});
const item = (group: number, height: number): Block => ({ head: false, group, height });

describe("projector pages", () => {
  it("fills each column before the next and each page before turning; a group going on is named again; a name is never left alone at a column's foot", ({
    expect,
  }) => {
    const blocks = [
      head(1),
      item(1, 300),
      item(1, 300),
      item(1, 100),
      head(2),
      item(2, 200),
      item(2, 500),
      head(3),
      item(3, 50),
    ];
    const pages = packPages(blocks, 2, 700);
    expect(pages).toEqual([
      [
        [
          { index: 0, continued: false },
          { index: 1, continued: false },
          { index: 2, continued: false },
        ],
        [
          { index: 0, continued: true },
          { index: 3, continued: false },
          { index: 4, continued: false },
          { index: 5, continued: false },
        ],
      ],
      [
        [
          { index: 4, continued: true },
          { index: 6, continued: false },
          { index: 7, continued: false },
          { index: 8, continued: false },
        ],
      ],
    ]);
    // Each block once, apart from the names said again.
    const placed = pages
      .flat(2)
      .filter((p) => !p.continued)
      .map((p) => p.index);
    expect(placed).toEqual(blocks.map((_, i) => i));
  });

  it("a name line that fits only without its first proposal goes to the next column with it", ({
    expect,
  }) => {
    const pages = packPages([head(1), item(1, 580), head(2), item(2, 100)], 3, 700);
    expect(pages[0]?.map((c) => c.map((p) => p.index))).toEqual([
      [0, 1],
      [2, 3],
    ]);
  });

  it("a proposal taller than a column gets a column of its own; nothing at all is one empty page", ({
    expect,
  }) => {
    const pages = packPages([head(1), item(1, 100), item(1, 2000), item(1, 100)], 3, 700);
    expect(pages[0]?.map((c) => c.map((p) => p.index))).toEqual([
      [0, 1],
      [0, 2],
      [0, 3],
    ]);
    expect(packPages([], 3, 700)).toEqual([[]]);
  });
});
