// Names the unit and dates at the top of every printed page (a CSS page margin box reads them).
import { useEffect } from "preact/hooks";

/** A CSS string literal: the value of `content` in the page margin box. */
function cssString(text: string): string {
  return `"${text.replace(/[\\"]/g, "\\$&").replace(/\s+/g, " ")}"`;
}

/**
 * While the page is shown, every printed page carries `text` in its top margin, and its number
 * below. Set through the CSSOM (the policy forbids inline styles, not this), cleared on leaving.
 */
export function usePrintHeader(text: string | null): void {
  useEffect(() => {
    if (text === null) return;
    const root = document.documentElement.style;
    root.setProperty("--print-head", cssString(text));
    return () => root.removeProperty("--print-head");
  }, [text]);
}
