// The phone pages' side of their contract with the phone scripts: data attributes written safely, the error body read.
// The names themselves live in surveyContract.ts and workshopContract.ts, which the scripts bundle.

const escapes: Record<string, string> = {
  "&": "&amp;",
  "<": "&lt;",
  ">": "&gt;",
  '"': "&quot;",
  "'": "&#39;",
};

/** ` data-x-y="…"` attributes from dataset names, values escaped; for the server's pages. */
export function dataAttributes<K extends string>(values: Record<K, string>): string {
  return Object.entries<string>(values)
    .map(
      ([k, v]) =>
        ` data-${k.replace(/[A-Z]/g, (c) => `-${c.toLowerCase()}`)}="${v.replace(/[&<>"']/g, (c) => escapes[c] ?? c)}"`,
    )
    .join("");
}

/** The brief's error body, as the scripts read it. */
export interface ErrorBody {
  error?: { code?: string; message?: string; fields?: Record<string, string> };
}
