import compression from "compression";
import express, { type Express } from "express";
import { existsSync } from "node:fs";
import { join } from "node:path";
import { fileURLToPath } from "node:url";

export const DEFAULT_WEB_DIR = fileURLToPath(new URL("../../web/dist", import.meta.url));

/** Paths that are the gateway's own, never the web app's pages. */
const API = /^\/(graphql|ide|auth|import|healthz|readyz|metrics)(\/|$)|^\/draws\/[^/]+\/record\.json$/;

/**
 * The web app (web/, built by `npm run build`) at `/`: its hashed assets cached for a year, every other
 * GET that is not an API path answered with index.html (the app's router draws the page).
 *
 * Compressed (brotli or gzip, as the browser accepts, by the `compression` middleware) because the public
 * portal's first load is what a citizen on a slow county line waits for (docs/web.md, "Performance"). Only
 * the web's files go through it: the API answers and the record downloads keep their own handling.
 */
export function mountWebApp(app: Express, dir = DEFAULT_WEB_DIR): void {
  const index = join(dir, "index.html");
  const compress = compression({ threshold: 1024 });
  app.use("/assets", compress, express.static(join(dir, "assets"), { immutable: true, maxAge: "365d", fallthrough: false }));
  app.use((req, res, next) => (API.test(req.path) ? next() : compress(req, res, next)));
  app.use(express.static(dir, { index: false }));
  app.get(/.*/, (req, res, next) => {
    if (API.test(req.path) || !req.accepts("html")) return next();
    if (!existsSync(index))
      return void res.status(503).type("text/plain").send("网页尚未构建：请运行 npm run build / the web app is not built");
    res.setHeader("cache-control", "no-cache");
    res.sendFile(index);
  });
}
