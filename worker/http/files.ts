// Tables handed out as files: CSV (UTF-8 with BOM) or XLSX, formulas neutralised by the writers.
import type { Context } from "hono";
import { type Table, toCsv } from "../domain/csv";
import { toXlsx } from "../domain/xlsx";
import type { AppEnv } from "./env";

export function sendTable(c: Context<AppEnv>, format: "csv" | "xlsx", table: Table): Response {
  if (format === "csv") {
    return c.body(toCsv(table.rows), 200, {
      "Content-Type": "text/csv; charset=utf-8",
      "Content-Disposition": `attachment; filename="${table.name}.csv"`,
    });
  }
  return c.body(toXlsx(table.sheet, table.rows).slice().buffer, 200, {
    "Content-Type": "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
    "Content-Disposition": `attachment; filename="${table.name}.xlsx"`,
  });
}
