// CSV for Excel: UTF-8 with a BOM, RFC 4180 quoting, and formula-looking cells neutralised.
import { dateText, vietnamMinute } from "./time";

/**
 * A moment (an ISO instant) shown in Vietnam time: a real date in XLSX, day-first text in CSV.
 * `day` shows the date alone, `minute` the date and time.
 */
export interface DateCell {
  at: string;
  show: "day" | "minute";
}

export type Cell = string | number | null | DateCell;

export const dateCell = (at: string, show: DateCell["show"] = "minute"): DateCell => ({ at, show });

/** The date as people in Vietnam write it, in Vietnam time: what a CSV holds. */
export const dateCellText = (d: DateCell): string =>
  dateText(vietnamMinute(d.at), d.show === "day" ? "date" : "datetime");

/** A table handed out as a file: its file name (without extension), sheet name, and rows. */
export interface Table {
  name: string;
  sheet: string;
  rows: Cell[][];
}

/**
 * A cell Excel would evaluate (= + - @, or a leading tab/CR) gets a leading apostrophe, and so
 * does one where such a part follows a separator: Excel set to split on semicolons would make
 * `abc;=1+1` two cells, the second a formula.
 */
export function neutralise(value: string): string {
  return /(^|[;,\t])\s*[=+\-@]|^[\t\r]/.test(value) ? `'${value}` : value;
}

function cell(value: Cell): string {
  if (value === null) return "";
  if (typeof value === "number") return String(value);
  if (typeof value === "object") return dateCellText(value);
  const safe = neutralise(value);
  // Quoted whenever it holds any separator Excel may use, so it stays one cell whatever the locale.
  return /[",;\t\r\n]/.test(safe) ? `"${safe.replace(/"/g, '""')}"` : safe;
}

export function toCsv(rows: readonly (readonly Cell[])[]): string {
  return `\uFEFF${rows.map((r) => r.map(cell).join(",")).join("\r\n")}\r\n`;
}

/**
 * RFC 4180 reader (quotes, doubled quotes, CRLF or LF, a leading BOM). The separator is a comma,
 * or a semicolon when the header uses them (Excel's choice where the comma is the decimal mark).
 */
export function parseCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let cellText = "";
  let quoted = false;
  const s = text.replace(/^\uFEFF/, "");
  const header = s.slice(0, s.search(/\r|\n|$/));
  const sep = header.includes(";") && !header.includes(",") ? ";" : ",";
  for (let i = 0; i < s.length; i++) {
    const ch = s[i];
    if (quoted) {
      if (ch === '"' && s[i + 1] === '"') {
        cellText += '"';
        i++;
      } else if (ch === '"') {
        quoted = false;
      } else {
        cellText += ch;
      }
    } else if (ch === '"' && cellText === "") {
      quoted = true;
    } else if (ch === sep) {
      row.push(cellText);
      cellText = "";
    } else if (ch === "\n" || ch === "\r") {
      if (ch === "\r" && s[i + 1] === "\n") i++;
      row.push(cellText);
      rows.push(row);
      row = [];
      cellText = "";
    } else {
      cellText += ch;
    }
  }
  if (cellText !== "" || row.length > 0) {
    row.push(cellText);
    rows.push(row);
  }
  return rows;
}
