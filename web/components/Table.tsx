// Every staff table: on a phone it scrolls sideways inside itself, so a keyboard can reach and scroll it too.
import type { ComponentChildren } from "preact";

export function Table(props: { class: string; children: ComponentChildren; "data-testid"?: string }) {
  return (
    // biome-ignore lint/a11y/noNoninteractiveTabindex: a table that scrolls sideways on a phone must take focus to be scrolled by keyboard (WCAG 2.1.1, axe scrollable-region-focusable)
    <table class={props.class} data-testid={props["data-testid"]} tabIndex={0}>
      {props.children}
    </table>
  );
}
