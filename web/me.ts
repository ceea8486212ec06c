// Who is signed in, fetched once per page load and shared by every screen (the header, role-aware buttons).
import type { InferResponseType } from "hono/client";
import { ORGANISERS, type Role } from "../worker/domain/terms";
import { api, ok } from "./api";
import { useAsync } from "./useAsync";

export type Me = InferResponseType<typeof api.api.auth.me.$get, 200>;

let pending: Promise<Me> | null = null;

/** The signed-in account (undefined while it loads). The server still checks every call. */
export function useMe(): Me | undefined {
  return useAsync(() => {
    pending ??= (async () => ok(await api.api.auth.me.$get()))().catch((err: unknown) => {
      pending = null;
      throw err;
    });
    return pending;
  }, []).data;
}

/** Forget the account (after signing in or out). */
export function forgetMe(): void {
  pending = null;
}

export const isOrganiser = (me: Me | undefined) =>
  me !== undefined && (ORGANISERS as readonly Role[]).includes(me.role);
export const isAdmin = (me: Me | undefined) => me?.role === "admin";
