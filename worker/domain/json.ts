// Finds a key repeated inside one JSON object, or one that names an object's prototype: we refuse such bodies.

/** Keys that reach an object's prototype in JavaScript: never data, so refused wherever they appear. */
const PROTOTYPE_KEYS = new Set(["__proto__", "constructor", "prototype"]);

/** What is wrong with a body's keys: the dotted path and whether the key repeats or names a prototype. */
export interface BadKey {
  path: string;
  problem: "duplicate" | "prototype";
}

/** The dotted path of the first repeated key, or null; may throw on text that is not JSON. */
export function duplicateKey(text: string): string | null {
  const bad = badKey(text);
  return bad?.problem === "duplicate" ? bad.path : null;
}

/** The first repeated or prototype-naming key, or null; may throw on text that is not JSON. */
export function badKey(text: string): BadKey | null {
  const frames: { keys: Set<string> | null; key: string }[] = [];
  let expectKey = false;
  for (let i = 0; i < text.length; i++) {
    const ch = text[i];
    if (ch === '"') {
      let j = i + 1;
      while (j < text.length && text[j] !== '"') j += text[j] === "\\" ? 2 : 1;
      const top = frames.at(-1);
      if (expectKey && top?.keys) {
        const key = String(JSON.parse(text.slice(i, j + 1)));
        const path = () => [...frames.slice(0, -1).map((f) => f.key), key].filter((k) => k !== "").join(".");
        if (PROTOTYPE_KEYS.has(key)) return { path: path(), problem: "prototype" };
        if (top.keys.has(key)) return { path: path(), problem: "duplicate" };
        top.keys.add(key);
        top.key = key;
        expectKey = false;
      }
      i = j;
    } else if (ch === "{") {
      frames.push({ keys: new Set(), key: "" });
      expectKey = true;
    } else if (ch === "[") {
      frames.push({ keys: null, key: "" });
      expectKey = false;
    } else if (ch === "}" || ch === "]") {
      frames.pop();
      expectKey = false;
    } else if (ch === ",") {
      expectKey = Boolean(frames.at(-1)?.keys);
    }
  }
  return null;
}
