// The shape of one theme of the lexicon: its names, its usual actor, its concept phrases.
import type { Addressee } from "../proposal";

export interface TopicDef {
  key: string;
  vi: string;
  en: string;
  /** Who usually acts on this theme when a delegate leaves it open. */
  addressee?: Addressee;
  /** Synonym sets that say the theme outright (weight 2); two texts sharing a concept may say the same thing. */
  concepts?: Readonly<Record<string, readonly string[]>>;
  /** Phrases that say the theme outright but name no finer concept (weight 2). */
  strong?: readonly string[];
  /** Phrases that lean towards the theme (weight 1). */
  weak: readonly string[];
}
