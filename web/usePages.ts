// A list that grows: its first page, the pages asked for after it, and its total ({items, total, next}).
import { useState } from "preact/hooks";
import { useAsync } from "./useAsync";

export interface Page<T> {
  items: T[];
  total: number;
  next: number | null;
}

/** Loads page one again whenever `deps` change; `more()` appends the next page. */
export function usePages<T>(load: (cursor: number | null) => Promise<Page<T>>, deps: readonly unknown[]) {
  const [later, setLater] = useState<T[]>([]);
  const [next, setNext] = useState<number | null>(null);
  const first = useAsync(async () => {
    const page = await load(null);
    setLater([]);
    setNext(page.next);
    return page;
  }, deps);
  return {
    /** Undefined until page one arrives. */
    items: first.data ? [...first.data.items, ...later] : undefined,
    total: first.data?.total,
    error: first.error,
    reload: first.reload,
    hasMore: next !== null,
    more: async () => {
      if (next === null) return;
      const page = await load(next);
      setLater([...later, ...page.items]);
      setNext(page.next);
    },
  };
}
