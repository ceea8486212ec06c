// Vietnam time (UTC+7, no daylight saving): how months, days and shown times are cut everywhere.

export const VIETNAM_OFFSET_MS = 7 * 3600_000;
export const DAY_MS = 86400_000;
export const VIETNAM_TZ = "Asia/Ho_Chi_Minh";

/** The instant shifted so that its UTC fields read as the wall clock in Vietnam. */
const local = (at: Date | string) => new Date(new Date(at).getTime() + VIETNAM_OFFSET_MS).toISOString();

/** 'YYYY-MM' of an instant in Vietnam. */
export const vietnamMonth = (at: Date | string): string => local(at).slice(0, 7);

/** 'YYYY-MM-DD' of an instant in Vietnam. */
export const vietnamDay = (at: Date | string): string => local(at).slice(0, 10);

/** 'YYYY-MM-DDTHH:MM' in Vietnam, as a datetime-local input shows it. */
export const vietnamMinute = (at: Date | string): string => local(at).slice(0, 16);

/** The instant of a 'YYYY-MM-DDTHH:MM' wall-clock time in Vietnam. */
export const fromVietnamMinute = (wall: string): string => new Date(`${wall}:00+07:00`).toISOString();

/** What a date field holds: a day (YYYY-MM-DD), a day and time (YYYY-MM-DDTHH:mm) or a month (YYYY-MM). */
/**
 * Whether an ISO text names a day (and time) the calendar has: "2026-02-31" or "T24:00" do not,
 * though Date.parse would roll them into March or the next day.
 */
export function isRealCalendarTime(iso: string): boolean {
  const m = /^(\d{4})-(\d{2})-(\d{2})(?:T(\d{2}):(\d{2})(?::(\d{2}))?)?/.exec(iso);
  if (!m) return false;
  const [y, mo, d, h = "0", mi = "0", s = "0"] = m.slice(1).map((x) => x ?? "0");
  const days = new Date(Date.UTC(Number(y), Number(mo), 0)).getUTCDate();
  return (
    Number(mo) >= 1 &&
    Number(mo) <= 12 &&
    Number(d) >= 1 &&
    Number(d) <= days &&
    Number(h) <= 23 &&
    Number(mi) <= 59 &&
    Number(s) <= 59
  );
}

export type DateKind = "date" | "datetime" | "month";

const pad2 = (n: number) => String(n).padStart(2, "0");

/** The value as people in Vietnam write it: 30/11/2026, 30/11/2026 08:00, 11/2026 ("" when unreadable). */
export function dateText(value: string, kind: DateKind): string {
  const m = /^(\d{4})-(\d{2})(?:-(\d{2}))?(?:T(\d{2}):(\d{2}))?/.exec(value);
  if (!m) return "";
  const [, y, mo, d, h, mi] = m;
  if (kind === "month") return `${mo}/${y}`;
  if (d === undefined) return "";
  return kind === "datetime" && h !== undefined ? `${d}/${mo}/${y} ${h}:${mi}` : `${d}/${mo}/${y}`;
}

/**
 * Reads what a person typed, day first whatever the browser's language: "30/11/2026",
 * "1.12.2026 8h30", "11/2026". Null when it is not a real date (31/02) or not complete (a
 * day and time needs its hour).
 */
export function parseDateText(text: string, kind: DateKind): string | null {
  const s = text.trim();
  const day = String.raw`(\d{1,2})\s*[/.\-]\s*`;
  const month = String.raw`(\d{1,2})\s*[/.\-]\s*(\d{4})`;
  const time = String.raw`(?:\s+|\s*,\s*)(\d{1,2})\s*[:hg]\s*(\d{2})?`;
  const m =
    kind === "month"
      ? new RegExp(`^()${month}$`, "i").exec(s)
      : new RegExp(`^${day}${month}${kind === "datetime" ? time : ""}$`, "i").exec(s);
  if (!m) return null;
  const [, d = "", mo = "", y = "", h, mi] = m;
  const year = Number(y);
  const mon = Number(mo);
  if (mon < 1 || mon > 12 || year < 1900 || year > 2200) return null;
  if (kind === "month") return `${year}-${pad2(mon)}`;
  const dd = Number(d);
  const last = new Date(Date.UTC(year, mon, 0)).getUTCDate();
  if (dd < 1 || dd > last) return null;
  const date = `${year}-${pad2(mon)}-${pad2(dd)}`;
  if (kind === "date") return date;
  const hour = Number(h);
  const minute = mi === undefined ? 0 : Number(mi);
  if (hour > 23 || minute > 59) return null;
  return `${date}T${pad2(hour)}:${pad2(minute)}`;
}
