// A QR code drawn as inline SVG (uqr: small, no canvas), scalable for print.
import { renderSVG } from "uqr";

export function Qr(props: { text: string; label: string; class?: string }) {
  const svg = renderSVG(props.text, { ecc: "M", border: 2 });
  // The SVG is generated from our own URL, not user input.
  return (
    <div class={props.class} role="img" aria-label={props.label} dangerouslySetInnerHTML={{ __html: svg }} />
  );
}
