// Browser tests: Debian's Chromium (playwright-core) against `wrangler dev` on a fresh local D1.
import { defineConfig } from "vitest/config";

export default defineConfig({
  test: {
    include: ["test/browser/**/*.test.ts"],
    globalSetup: ["test/browser/server.ts"],
    testTimeout: 60_000,
    hookTimeout: 180_000,
    fileParallelism: false,
    // One known flake: the needs survey's report page sometimes never shows within 30 s on a loaded
    // machine (2 full runs in 8 on 30/11/2026, never alone). A test that fails twice still fails.
    retry: 1,
  },
});
