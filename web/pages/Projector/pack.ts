// Lays the projector's group names and proposals into pages of columns by their measured heights: every proposal whole, pages filled before turning.

/** A group's name line, or one of its proposals, as measured at the column's width. */
export interface Block {
  head: boolean;
  group: number;
  height: number;
  /** A name line's height when it says the group goes on. */
  continuedHeight?: number;
}

/** A block on a page; a name line `continued` when its group goes on from the column before. */
export interface Placed {
  index: number;
  continued: boolean;
}

/**
 * Greedy, in the board's order: a block goes in the current column when it fits, else the next
 * column starts (and after the last column, the next page). A name line is never left at a
 * column's foot without its first proposal, and a group going on in a new column is named again
 * at its top. A proposal taller than a whole column gets a column of its own (the page shrinks it).
 */
export function packPages(blocks: readonly Block[], columns: number, columnHeight: number): Placed[][][] {
  const headOf = new Map<number, number>();
  blocks.forEach((b, i) => {
    if (b.head) headOf.set(b.group, i);
  });
  const pages: Placed[][][] = [];
  let page: Placed[][] = [];
  let column: Placed[] = [];
  let used = 0;
  const nextColumn = () => {
    page.push(column);
    if (page.length === columns) {
      pages.push(page);
      page = [];
    }
    column = [];
    used = 0;
  };
  blocks.forEach((b, i) => {
    const next = blocks[i + 1];
    const need = b.head && next && !next.head ? b.height + next.height : b.height;
    if (column.length > 0 && used + need > columnHeight) nextColumn();
    if (!b.head && column.length === 0) {
      const head = headOf.get(b.group);
      if (head !== undefined) {
        column.push({ index: head, continued: true });
        const h = blocks[head];
        used += h?.continuedHeight ?? h?.height ?? 0;
      }
    }
    column.push({ index: i, continued: false });
    used += b.height;
  });
  if (column.length > 0) page.push(column);
  if (page.length > 0) pages.push(page);
  return pages.length > 0 ? pages : [[]];
}
