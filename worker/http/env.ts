// Hono environment: bindings plus what middleware puts on the context.
import type { Db } from "../db";
import type { AuditAction } from "../domain/audit";
import type { Lang } from "../domain/i18n";
import type { StaffUser } from "../domain/terms";

export type { StaffUser } from "../domain/terms";

export interface AppEnv {
  Bindings: Env;
  Variables: {
    db: Db;
    lang: Lang;
    user: StaffUser;
    /** Set by a route whose action the audit log should name (an account's email). */
    auditTarget: string;
    /** The action a route declared (`audited`). */
    auditAction: AuditAction;
    /** Who acted, where no session says it: the email tried at sign-in, the account that set its password or signed out. */
    auditActor: { id?: number; email: string };
    /** The event an action made (its id is only known after it). */
    auditEventId: number;
  };
}

declare global {
  namespace Cloudflare {
    interface Env {
      /** Signs phone ids (`wrangler secret put DEVICE_SECRET`); `wrangler dev` on this machine uses a local one. */
      DEVICE_SECRET?: string;
    }
  }
}
