// A labelled form field that shows the server's message for that field.
import type { ComponentChildren } from "preact";

export function Field(props: {
  id: string;
  label: string;
  error?: string;
  hint?: string;
  children: ComponentChildren;
}) {
  return (
    <div class={`field${props.error ? " bad" : ""}`}>
      <label for={props.id}>{props.label}</label>
      {props.children}
      {props.hint ? <small>{props.hint}</small> : null}
      {props.error ? (
        <span class="field-error" id={`${props.id}-error`} role="alert">
          {props.error}
        </span>
      ) : null}
    </div>
  );
}
