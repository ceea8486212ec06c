// Checks a unit-tree CSV line by line and turns it into new units; nothing is imported while any line is wrong.
import { LEVEL_RANK, type Level } from "./terms";

export const IMPORT_COLUMNS = [
  "code",
  "name",
  "level",
  "parent_code",
  "valid_from",
  "valid_to",
  "successor_code",
] as const;
type Column = (typeof IMPORT_COLUMNS)[number];
export const IMPORT_MAX_LINES = 5000;
export const UNIT_CODE = /^[A-Za-z0-9_.-]{1,40}$/;
export const DATE = /^\d{4}-(0[1-9]|1[0-2])-(0[1-9]|[12]\d|3[01])$/;

const LEVEL_WORDS: Record<string, Level> = {
  central: "central",
  province: "province",
  district: "district",
  commune: "commune",
  "trung ương": "central",
  tỉnh: "province",
  huyện: "district",
  xã: "commune",
};

export interface ExistingUnit {
  id: number;
  level: Level;
  active: boolean;
}

export interface ImportedUnit {
  line: number;
  id: number;
  code: string;
  name: string;
  level: Level;
  parentId: number | null;
  validFrom: string | null;
  validTo: string | null;
  successorId: number | null;
  active: boolean;
}

/** field → catalogue key per line; lines count from 1 with the header as line 1. */
export type LineErrors = Map<number, Partial<Record<Column | "line", string>>>;

export function checkImport(
  rows: readonly (readonly string[])[],
  /** Units a line may name as parent or successor (the importer's scope). */
  existing: ReadonlyMap<string, ExistingUnit>,
  /** Every code already used, in scope or not. */
  taken: ReadonlySet<string>,
  firstId: number,
  today: string,
  /** Whether the importer's scope is the whole tree: only then may a line have no parent. */
  rootAllowed = true,
): { ok: true; units: ImportedUnit[] } | { ok: false; errors: LineErrors } {
  const errors: LineErrors = new Map();
  const fail = (line: number, field: Column | "line", key: string) => {
    const e = errors.get(line) ?? {};
    if (!e[field]) e[field] = key;
    errors.set(line, e);
  };
  const header = (rows[0] ?? []).map((h) => h.trim().toLowerCase());
  const index = new Map<Column, number>();
  for (const c of IMPORT_COLUMNS) {
    const i = header.indexOf(c);
    if (i >= 0) index.set(c, i);
    else if (c === "code" || c === "name" || c === "level" || c === "parent_code")
      fail(1, c, "import.missing_column");
  }
  if (rows.length > IMPORT_MAX_LINES + 1) fail(1, "line", "import.too_many_lines");
  if (errors.size > 0) return { ok: false, errors };

  const get = (r: readonly string[], c: Column) => {
    const i = index.get(c);
    return i === undefined ? "" : (r[i] ?? "").trim();
  };
  // First pass: codes, so parents and successors may appear later in the file.
  const units: ImportedUnit[] = [];
  const byCode = new Map<string, { id: number; level: Level | null; line: number }>();
  rows.slice(1).forEach((r, i) => {
    const line = i + 2;
    if (r.every((cell) => cell.trim() === "")) return;
    const code = get(r, "code");
    if (!UNIT_CODE.test(code)) fail(line, "code", code === "" ? "field.required" : "import.bad_code");
    else if (taken.has(code) || byCode.has(code)) fail(line, "code", "import.code_taken");
    const level = LEVEL_WORDS[get(r, "level").toLowerCase()] ?? null;
    const id = firstId + units.length;
    if (UNIT_CODE.test(code) && !byCode.has(code)) byCode.set(code, { id, level, line });
    units.push({
      line,
      id,
      code,
      name: get(r, "name"),
      level: level ?? "commune",
      parentId: null,
      validFrom: null,
      validTo: null,
      successorId: null,
      active: true,
    });
    if (level === null) fail(line, "level", "import.bad_level");
  });
  const levelOf = (code: string): { id: number; level: Level | null; active: boolean } | undefined => {
    const e = existing.get(code);
    if (e) return e;
    const f = byCode.get(code);
    return f && { id: f.id, level: f.level, active: true };
  };
  units.forEach((u, i) => {
    const r = rows[i + 1] ?? [];
    const line = u.line;
    if (u.name === "") fail(line, "name", "field.required");
    else if (u.name.length > 200) fail(line, "name", "import.too_long");
    const parentCode = get(r, "parent_code");
    if (parentCode === "") {
      if (u.level !== "central" || !rootAllowed) fail(line, "parent_code", "import.parent_required");
    } else {
      const p = levelOf(parentCode);
      if (!p) fail(line, "parent_code", "import.unknown_code");
      else if (p.level !== null && LEVEL_RANK[p.level] >= LEVEL_RANK[u.level]) {
        fail(line, "parent_code", "import.parent_level");
      } else u.parentId = p.id;
    }
    for (const c of ["valid_from", "valid_to"] as const) {
      const d = get(r, c);
      if (d !== "" && !DATE.test(d)) fail(line, c, "import.bad_date");
    }
    const from = get(r, "valid_from");
    const to = get(r, "valid_to");
    u.validFrom = DATE.test(from) ? from : null;
    u.validTo = DATE.test(to) ? to : null;
    if (u.validFrom && u.validTo && u.validTo <= u.validFrom) fail(line, "valid_to", "import.to_before_from");
    u.active = u.validTo === null || u.validTo > today;
    const successorCode = get(r, "successor_code");
    if (successorCode !== "") {
      const s = levelOf(successorCode);
      if (!s) fail(line, "successor_code", "import.unknown_code");
      else if (successorCode === u.code) fail(line, "successor_code", "import.self");
      else if (u.validTo === null) fail(line, "valid_to", "import.merge_date_required");
      else u.successorId = s.id;
    }
  });
  return errors.size > 0 ? { ok: false, errors } : { ok: true, units };
}
