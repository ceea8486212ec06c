// Messages by key in the reader's language: one catalogue per language, shared by the Worker and the staff app.
import { en } from "./messages/en";
import { vi } from "./messages/vi";

export type Lang = "vi" | "en";

export type MessageKey = keyof typeof vi;

export function isMessageKey(s: string): s is MessageKey {
  return Object.hasOwn(vi, s);
}

const catalogues: Record<Lang, Record<MessageKey, string>> = { vi, en };

export function t(lang: Lang, key: MessageKey, params?: Record<string, string | number>): string {
  const text = catalogues[lang][key];
  if (!params) return text;
  return text.replace(/\{(\w+)\}/g, (m, name: string) => String(params[name] ?? m));
}

/** Vietnamese unless the client clearly prefers English. */
export function langFromAcceptLanguage(header: string | undefined): Lang {
  if (!header) return "vi";
  const first = header.split(",")[0]?.trim().toLowerCase() ?? "";
  return first.startsWith("en") ? "en" : "vi";
}
