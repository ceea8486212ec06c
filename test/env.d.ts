// Test-only bindings added in vitest.config.ts.
declare namespace Cloudflare {
  interface Env {
    TEST_MIGRATIONS: import("@cloudflare/vitest-plugin").D1Migration[];
    /** Empty: the migration test builds it one migration at a time. */
    UPGRADE_DB: D1Database;
  }
}
