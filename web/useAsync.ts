// Loads data for a page and exposes loading/error state plus a reload for polling.
import { useCallback, useEffect, useState } from "preact/hooks";

export interface AsyncState<T> {
  data: T | undefined;
  error: string | undefined;
  reload: () => Promise<void>;
}

export function useAsync<T>(load: () => Promise<T>, deps: readonly unknown[]): AsyncState<T> {
  const [data, setData] = useState<T | undefined>(undefined);
  const [error, setError] = useState<string | undefined>(undefined);
  const reload = useCallback(async () => {
    try {
      setData(await load());
      setError(undefined);
    } catch (e) {
      setError(e instanceof Error ? e.message : String(e));
    }
  }, deps);
  useEffect(() => {
    void reload();
  }, [reload]);
  return { data, error, reload };
}
