// Messages by key in the reader's language: one catalogue per language, shared by the Worker and the staff app.
import { en } from "./messages/en";
import type { viApp } from "./messages/vi";
import { vi } from "./messages/vi";

export type Lang = "vi" | "en";

/** A text the Worker says (and the staff app too). */
export type MessageKey = keyof typeof vi;
/** Any text of the catalogue, the staff app's own included (they are not in the Worker's bundle). */
export type AppMessageKey = MessageKey | keyof typeof viApp;

export function isMessageKey(s: string): s is MessageKey {
  return Object.hasOwn(vi, s);
}

const catalogues: Record<Lang, Record<MessageKey, string>> = { vi, en };

/** Fills `{name}` placeholders. */
export function fill(text: string, params?: Record<string, string | number>): string {
  if (!params) return text;
  return text.replace(/\{(\w+)\}/g, (m, name: string) => String(params[name] ?? m));
}

export function t(lang: Lang, key: MessageKey, params?: Record<string, string | number>): string {
  return fill(catalogues[lang][key], params);
}

/** Vietnamese unless the client clearly prefers English. */
export function langFromAcceptLanguage(header: string | undefined): Lang {
  if (!header) return "vi";
  const first = header.split(",")[0]?.trim().toLowerCase() ?? "";
  return first.startsWith("en") ? "en" : "vi";
}
