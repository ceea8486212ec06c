// What a feature can refuse, in the product's words; the HTTP layer maps each kind onto a status and a page.
import type { MessageKey } from "./i18n";
import type { LimitKind } from "./limits";

export interface FieldError {
  key: MessageKey;
  params?: Record<string, string | number>;
}

export type FieldErrors = Record<string, FieldError>;

/** A refusal the person can act on: a stable `code`, a message key, and the fields it concerns. */
export abstract class DomainError extends Error {
  constructor(
    readonly code: string,
    readonly messageKey: MessageKey,
    readonly fields?: FieldErrors,
  ) {
    super(code);
  }
}

/** The thing does not exist, or lies outside the caller's scope (both look the same). */
export class NotFound extends DomainError {
  constructor(code = "not_found", key: MessageKey = "error.not_found", fields?: FieldErrors) {
    super(code, key, fields);
  }
}

/** The survey or workshop takes no more answers. */
export class Closed extends DomainError {
  constructor() {
    super("event_closed", "error.event_closed");
  }
}

/** The request is well formed but clashes with what is stored (wrong kind, locked form, children left). */
export class Conflict extends DomainError {}

/** The same clientId came back with other content: the first one stands. */
export class Mismatch extends DomainError {
  constructor(code = "client_id_reused", key: MessageKey = "error.client_id_reused", fields?: FieldErrors) {
    super(code, key, fields);
  }
}

/** A limit is reached; `retryAfter` seconds until it lifts (0: it does not lift by waiting). */
export class LimitReached extends DomainError {
  constructor(
    readonly kind: LimitKind | "login_locked",
    readonly retryAfter: number,
  ) {
    super(
      kind === "login_locked" ? kind : `limit_${kind}`,
      kind === "login_locked" ? "error.login_locked" : `error.limit_${kind}`,
    );
  }
}

/** Input the rules refuse, field by field. */
export class Invalid extends DomainError {
  constructor(fields: FieldErrors, code = "invalid_body", key: MessageKey = "error.invalid_body") {
    super(code, key, fields);
  }
}

/** Signed in, but this role (or this unit) may not do it. */
export class Forbidden extends DomainError {
  constructor(code = "forbidden", key: MessageKey = "error.forbidden", fields?: FieldErrors) {
    super(code, key, fields);
  }
}

/** Not signed in, or wrong credentials. */
export class Unauthenticated extends DomainError {
  constructor(code = "unauthenticated", key: MessageKey = "error.unauthenticated") {
    super(code, key);
  }
}

/** A request body too large to read. */
export class TooLarge extends DomainError {
  constructor() {
    super("body_too_large", "error.body_too_large", { body: { key: "error.body_too_large" } });
  }
}

/** A list refused whole: every wrong line with its field (the import contract's `errors`). */
export class ImportRefused extends DomainError {
  constructor(
    readonly lines: readonly {
      line: number;
      field: string;
      key: MessageKey;
      params?: Record<string, string | number>;
    }[],
    key: MessageKey = "people.import_failed",
  ) {
    super("import_failed", key);
  }
}
