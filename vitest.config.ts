// Worker tests: the real Worker in workerd against a local D1 built from the real migrations.
import { cloudflareTest, readD1Migrations } from "@cloudflare/vitest-plugin";
import { defineConfig } from "vitest/config";

export default defineConfig(async () => {
  const migrations = await readD1Migrations(`${import.meta.dirname}/schema`);
  return {
    plugins: [
      cloudflareTest({
        wrangler: { configPath: "./wrangler.toml" },
        miniflare: {
          // The secret phone ids are signed with, as `wrangler secret put DEVICE_SECRET` sets it when deployed.
          bindings: { TEST_MIGRATIONS: migrations, DEVICE_SECRET: "test-only-device-secret" },
          // An empty database of its own for the migration test, which builds it step by step.
          d1Databases: { DB: "gop-y", UPGRADE_DB: "upgrade-test" },
        },
      }),
    ],
    test: {
      include: ["test/worker/**/*.test.ts"],
      setupFiles: ["test/worker/setup.ts"],
    },
  };
});
