// The lexicon's integrity: no phrase twice in a theme, none in two themes unless declared shared.
import { describe, it } from "vitest";
import {
  COMMENT_TOPICS,
  PROPOSAL_TOPICS,
  SHARED_PHRASES,
  type TopicDef,
} from "../../../worker/domain/lexicon";

const phrasesOf = (t: TopicDef) => [
  ...Object.values(t.concepts ?? {}).flat(),
  ...(t.strong ?? []),
  ...t.weak,
];
const key = (p: string) => p.normalize("NFC").toLowerCase();

/** Every phrase of a list → the themes that list it (one entry per listing). */
function themesByPhrase(topics: readonly TopicDef[]): Map<string, string[]> {
  const where = new Map<string, string[]>();
  for (const t of topics)
    for (const p of phrasesOf(t)) where.set(key(p), [...(where.get(key(p)) ?? []), t.key]);
  return where;
}

describe.each([
  ["proposal", PROPOSAL_TOPICS],
  ["comment", COMMENT_TOPICS],
] as const)("the %s lexicon", (kind, topics) => {
  const where = themesByPhrase(topics);
  const shared = SHARED_PHRASES[kind];

  it("lists no phrase twice in one theme", ({ expect }) => {
    const twice = [...where].filter(([, themes]) => new Set(themes).size < themes.length);
    expect(twice).toEqual([]);
  });

  it("puts a phrase in two themes only where that is declared, and every declaration is still true", ({
    expect,
  }) => {
    const inSeveral = Object.fromEntries(
      [...where]
        .filter(([, themes]) => new Set(themes).size > 1)
        .map(([p, themes]) => [p, [...themes].sort()]),
    );
    const declared = Object.fromEntries(
      Object.entries(shared).map(([p, themes]) => [key(p), [...themes].sort()]),
    );
    expect(inSeveral).toEqual(declared);
  });

  it("has unique theme keys and a name in both languages for each", ({ expect }) => {
    expect(new Set(topics.map((t) => t.key)).size).toBe(topics.length);
    expect(topics.filter((t) => t.vi.trim() === "" || t.en.trim() === "")).toEqual([]);
  });
});
