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
 */
export function mountWebApp(app: Express, dir = DEFAULT_WEB_DIR): void {
  const index = join(dir, "index.html");
  app.use("/assets", express.static(join(dir, "assets"), { immutable: true, maxAge: "365d", fallthrough: false }));
  app.use(express.static(dir, { index: false }));
  app.get(/.*/, (req, res, next) => {
    if (API.test(req.path) || !req.accepts("html")) return next();
    if (!existsSync(index))
      return void res.status(503).type("text/plain").send("网页尚未构建：请运行 npm run build / the web app is not built");
    res.setHeader("cache-control", "no-cache");
    res.sendFile(index);
  });
}
