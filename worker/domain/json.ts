// Finds a key repeated inside one JSON object: parsers keep the last copy silently, we refuse the body.

/** The dotted path of the first repeated key, or null; may throw on text that is not JSON. */
export function duplicateKey(text: string): string | null {
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
        if (top.keys.has(key)) {
          return [...frames.slice(0, -1).map((f) => f.key), key].filter((k) => k !== "").join(".");
        }
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
