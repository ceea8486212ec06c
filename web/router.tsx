// Moving between the staff app's pages: links are plain anchors (preact-iso's LocationProvider in main.tsx takes the click).
import type { ComponentChildren } from "preact";

/** Goes to another page of the app from code (after a save, a sign-in or a deletion). */
export function navigate(to: string): void {
  history.pushState(null, "", to);
  dispatchEvent(new PopStateEvent("popstate"));
}

export function Link(props: { href: string; class?: string; children: ComponentChildren }) {
  return (
    <a href={props.href} class={props.class}>
      {props.children}
    </a>
  );
}
