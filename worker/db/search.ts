// Searching names and titles as people type them, with or without diacritics, through the folded `search` columns.
import { fold } from "../domain/text";

/**
 * A LIKE pattern over a `search` column (schema/0021 folds it as `fold` does): "binh dang gioi"
 * finds "Bình đẳng giới"; wildcards are escaped, so "50%" finds "50%", not everything.
 */
export function searchPattern(q: string): string {
  return `%${fold(q.trim()).replace(/[\\%_]/g, "\\$&")}%`;
}
