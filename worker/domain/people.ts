// The officer register's terms and the check of an imported list: positions, who is the same person, each wrong line named.
import type { MessageKey } from "./i18n";
import { fold } from "./text";

/** The positions the schemes set targets for: the trainee categories, and those the schemes add. */
export const POSITIONS = [
  "branch_head",
  "commune_chair",
  "commune_vice_chair",
  "successor",
  "full_time_officer",
] as const;
export type Position = (typeof POSITIONS)[number];

export const isPosition = (s: string): s is Position => (POSITIONS as readonly string[]).includes(s);

/** The words of a position, as lists and screens say it. */
export const positionKey = (p: Position): MessageKey => `position.${p}`;

/** The header an imported list starts with, as the API contract names its columns. */
export const PEOPLE_COLUMNS = ["name", "birth_year", "position", "unit_code"] as const;

/** At most this many lines a file: a province's list. */
export const PEOPLE_IMPORT_MAX = 5000;

export const NAME_MAX = 120;

/** Written tidily: trimmed, one space between words, composed marks (NFC). */
export const tidyName = (name: string): string => name.normalize("NFC").trim().replace(/\s+/g, " ");

/** Who is the same person on import: the tidy name in lowercase (with its marks: Hoa is not Hòa). */
export const nameKey = (name: string): string => tidyName(name).toLocaleLowerCase("vi");

/** The name as search reads it: "nguyen thi hoa" finds "Nguyễn Thị Hoa". */
export const nameSearch = (name: string): string => fold(tidyName(name));

/** The youngest and oldest birth years a serving officer can have in `year`. */
export function birthYearRange(year: number): { min: number; max: number } {
  return { min: year - 90, max: year - 16 };
}

/** A position as a list may write it: the key, or its Vietnamese words ("Chi hội trưởng"). */
const POSITION_WORDS: Readonly<Record<string, Position>> = {
  "chi hoi truong": "branch_head",
  "chu tich hoi co so": "commune_chair",
  "chu tich hoi lhpn xa": "commune_chair",
  "chu tich": "commune_chair",
  "pho chu tich hoi co so": "commune_vice_chair",
  "pho chu tich": "commune_vice_chair",
  "can bo nguon": "successor",
  "can bo chuyen trach": "full_time_officer",
};

export function positionOf(text: string): Position | null {
  const t = text.trim();
  if (isPosition(t)) return t;
  return POSITION_WORDS[fold(t).replace(/\s+/g, " ")] ?? null;
}

export interface ImportLine {
  line: number;
  name: string;
  nameKey: string;
  search: string;
  birthYear: number;
  position: Position;
  unitId: number;
}

export interface LineError {
  line: number;
  field: string;
  key: MessageKey;
  params?: Record<string, string | number>;
}

/**
 * Checks a list (header first): every wrong line named with its field, or the people it holds.
 * `units` are the codes the importer may use (her subtree's active units).
 */
export function checkPeopleImport(
  rows: readonly (readonly string[])[],
  units: ReadonlyMap<string, number>,
  year: number,
): { ok: true; lines: ImportLine[] } | { ok: false; errors: LineError[] } {
  const errors: LineError[] = [];
  const header = (rows[0] ?? []).map((h) => h.trim().toLowerCase());
  const at = Object.fromEntries(PEOPLE_COLUMNS.map((c) => [c, header.indexOf(c)])) as Record<
    (typeof PEOPLE_COLUMNS)[number],
    number
  >;
  for (const c of PEOPLE_COLUMNS)
    if (at[c] < 0) errors.push({ line: 1, field: c, key: "import.missing_column" });
  if (errors.length > 0) return { ok: false, errors };
  const body = rows
    .slice(1)
    .map((r, i) => ({ r, line: i + 2 }))
    .filter(({ r }) => r.some((v) => v.trim() !== ""));
  if (body.length > PEOPLE_IMPORT_MAX)
    return { ok: false, errors: [{ line: 1, field: "file", key: "import.too_many_lines" }] };
  const { min, max } = birthYearRange(year);
  const seen = new Map<string, number>();
  const lines: ImportLine[] = [];
  for (const { r, line } of body) {
    const cell = (c: (typeof PEOPLE_COLUMNS)[number]) => (r[at[c]] ?? "").trim();
    const before = errors.length;
    const name = tidyName(cell("name"));
    if (name === "") errors.push({ line, field: "name", key: "field.required" });
    else if (name.length > NAME_MAX)
      errors.push({ line, field: "name", key: "field.too_long", params: { max: NAME_MAX } });
    // A name is letters: one a spreadsheet would run as a formula is refused, not stored.
    else if (/^[=+\-@]/.test(name) || /[<>{}\\|;]/.test(name))
      errors.push({ line, field: "name", key: "people.bad_name" });
    const yearText = cell("birth_year");
    const birthYear = /^\d{4}$/.test(yearText) ? Number(yearText) : Number.NaN;
    if (!(birthYear >= min && birthYear <= max))
      errors.push({ line, field: "birth_year", key: "people.bad_birth_year", params: { min, max } });
    const position = positionOf(cell("position"));
    if (position === null) errors.push({ line, field: "position", key: "people.bad_position" });
    const unitId = units.get(cell("unit_code").toUpperCase());
    if (unitId === undefined) errors.push({ line, field: "unit_code", key: "people.unknown_unit" });
    if (errors.length > before || position === null || unitId === undefined) continue;
    const key = nameKey(name);
    const identity = `${unitId}|${key}|${birthYear}`;
    const first = seen.get(identity);
    if (first !== undefined) {
      errors.push({ line, field: "name", key: "people.same_as_line", params: { line: first } });
      continue;
    }
    seen.set(identity, line);
    lines.push({ line, name, nameKey: key, search: nameSearch(name), birthYear, position, unitId });
  }
  return errors.length > 0 ? { ok: false, errors } : { ok: true, lines };
}
