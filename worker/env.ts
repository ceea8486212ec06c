// Hono environment: bindings plus what middleware puts on the context.
import type { DB } from "./db";
import type { Role } from "./db/schema";
import type { Lang } from "./i18n";

export interface StaffUser {
  id: number;
  email: string;
  name: string;
  role: Role;
  unitId: number;
  unitPath: string;
}

export interface AppEnv {
  Bindings: Env;
  Variables: {
    db: DB;
    lang: Lang;
    user: StaffUser;
  };
}
