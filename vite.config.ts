// Builds the staff app (web/) and the phone survey script into dist/, served by Workers Static Assets.
import preact from "@preact/preset-vite";
import { defineConfig } from "vite";

export default defineConfig({
  root: "web",
  publicDir: "public",
  plugins: [preact()],
  build: {
    outDir: "../dist",
    emptyOutDir: true,
    rollupOptions: {
      input: { app: "web/index.html", survey: "web/phone/survey.ts", workshop: "web/phone/workshop.ts" },
      output: {
        // Phone pages link /p/survey.js and /p/workshop.js by fixed names (cache-busted by a version query).
        entryFileNames: (chunk) =>
          chunk.name === "survey" || chunk.name === "workshop"
            ? `p/${chunk.name}.js`
            : "assets/[name]-[hash].js",
      },
    },
  },
  server: { proxy: { "/api": "http://127.0.0.1:8787", "/s": "http://127.0.0.1:8787" } },
});
