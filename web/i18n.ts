// The staff app's language (chosen per browser) and how it shows texts, times and scores; the texts are the shared catalogue.
import { type AppMessageKey, fill, type Lang } from "../worker/domain/i18n";
import { en, enApp } from "../worker/domain/messages/en";
import { vi, viApp } from "../worker/domain/messages/vi";
import { fromVietnamMinute, VIETNAM_TZ, vietnamDay, vietnamMinute } from "../worker/domain/time";

export type { Lang } from "../worker/domain/i18n";
/** Any text the staff app shows: the Worker's and its own. */
export type MessageKey = AppMessageKey;

function initialLang(): Lang {
  try {
    return localStorage.getItem("gy:lang") === "en" ? "en" : "vi";
  } catch {
    return "vi";
  }
}

export const lang = { value: initialLang() };

export function switchLang(): void {
  try {
    localStorage.setItem("gy:lang", lang.value === "vi" ? "en" : "vi");
  } catch {}
  location.reload();
}

const catalogue: Record<AppMessageKey, string> =
  lang.value === "en" ? { ...en, ...enApp } : { ...vi, ...viApp };

/** The text of `key` in the language the person chose. */
export function t(key: MessageKey, params?: Record<string, string | number>): string {
  return fill(catalogue[key], params);
}

export function formatTime(iso: string): string {
  return new Intl.DateTimeFormat(lang.value === "en" ? "en-GB" : "vi-VN", {
    timeZone: VIETNAM_TZ,
    dateStyle: "short",
    timeStyle: "short",
  }).format(new Date(iso));
}

/** The days a class runs, in Vietnam: 30/11/2026, or 28/11/2026 – 30/11/2026. */
export function formatDays(startIso: string, endIso: string): string {
  const day = (iso: string) => formatDay(vietnamDay(iso));
  const [a, b] = [day(startIso), day(endIso)];
  return a === b ? a : `${a} – ${b}`;
}

/** A calendar day ('YYYY-MM-DD', no time of day) as people read it: 30/11/2026. */
export function formatDay(day: string): string {
  const [y, m, d] = day.split("-");
  return y && m && d ? `${d}/${m}/${y}` : day;
}

/** A month ('YYYY-MM') or quarter ('YYYY-Qn') as people read it: 12/2024, Q1/2025. */
export function formatMonth(period: string): string {
  const m = /^(\d{4})-(\d{2}|Q\d)$/.exec(period);
  return m ? `${m[2]}/${m[1]}` : period;
}

/** `datetime-local` values are wall-clock times in Vietnam. */
export const vnLocalToIso = fromVietnamMinute;
export const isoToVnLocal = vietnamMinute;

export function formatScore(x: number | null): string {
  return x === null
    ? "–"
    : x.toLocaleString(lang.value === "en" ? "en-GB" : "vi-VN", {
        minimumFractionDigits: 2,
        maximumFractionDigits: 2,
      });
}
