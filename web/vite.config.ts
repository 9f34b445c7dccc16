import react from "@vitejs/plugin-react";
import { fileURLToPath } from "node:url";
import { defineConfig } from "vite";

/**
 * The web is served by the gateway at `/` (API at /graphql), so in development Vite proxies the API to a
 * running `npm start`. Everything is bundled: no CDN, no network fonts (a county intranet has neither).
 */
export default defineConfig({
  plugins: [react()],
  resolve: {
    // The browser verifies a record with exactly the file check `npm run verify-draw` runs.
    alias: { "@ssj/verify-file": fileURLToPath(new URL("../scripts/src/verify/verify-file-core.ts", import.meta.url)) },
  },
  build: {
    outDir: "dist",
    emptyOutDir: true,
    chunkSizeWarningLimit: 1500,
  },
  worker: { format: "es" },
  server: {
    proxy: {
      "/graphql": { target: "http://127.0.0.1:4000", ws: true },
      "/auth": "http://127.0.0.1:4000",
      "/draws": "http://127.0.0.1:4000",
      "/import": "http://127.0.0.1:4000",
      "/visits": "http://127.0.0.1:4000",
    },
  },
});
