// Six-character event codes people can read aloud and type: no 0/O, 1/I/L, 2/Z, 5/S, 8/B, 6/G, Q/O.
export const CODE_ALPHABET = "ACDEFHJKMNPRTUVWXY3479";
export const CODE_LENGTH = 6;

export function generateEventCode(random: (n: number) => Uint8Array = randomBytes): string {
  const bytes = random(CODE_LENGTH * 2);
  let code = "";
  for (const b of bytes) {
    // Rejection sampling keeps every character equally likely.
    if (b >= 256 - (256 % CODE_ALPHABET.length)) continue;
    code += CODE_ALPHABET[b % CODE_ALPHABET.length];
    if (code.length === CODE_LENGTH) return code;
  }
  return generateEventCode(random);
}

/** What a person typed ("abc 4-7k") to the canonical code, or null if it cannot be one. */
export function normaliseEventCode(input: string): string | null {
  const code = input.toUpperCase().replace(/[\s-]/g, "");
  if (code.length !== CODE_LENGTH) return null;
  for (const ch of code) if (!CODE_ALPHABET.includes(ch)) return null;
  return code;
}

function randomBytes(n: number): Uint8Array {
  return crypto.getRandomValues(new Uint8Array(n));
}
