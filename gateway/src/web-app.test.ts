import express from "express";
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import type { AddressInfo } from "node:net";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { mountWebApp } from "./web-app.js";

describe("the web app's static files", () => {
  const dir = mkdtempSync(join(tmpdir(), "ssj-webapp-"));
  let server: ReturnType<ReturnType<typeof express>["listen"]>;
  let base: string;
  const script = `console.log(${JSON.stringify("一公开".repeat(2000))});`;

  beforeAll(async () => {
    mkdirSync(join(dir, "assets"));
    writeFileSync(join(dir, "index.html"), `<!doctype html><html><body>${"<div>双随机</div>".repeat(200)}</body></html>`);
    writeFileSync(join(dir, "assets", "index-Ab12Cd34.js"), script);
    const app = express();
    app.get("/graphql", (_req, res) => void res.json({ data: "x".repeat(5000) }));
    mountWebApp(app, dir);
    server = app.listen(0, "127.0.0.1");
    await new Promise((r) => server.once("listening", r));
    base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  });
  afterAll(() => {
    server.close();
    rmSync(dir, { recursive: true, force: true });
  });

  // fetch would decode transparently; node's fetch sends its own accept-encoding, so ask explicitly and read raw.
  const get = (path: string, encoding: string) => fetch(base + path, { headers: { "accept-encoding": encoding, accept: "text/html,*/*" } });

  it("sends hashed assets brotli-compressed when the browser accepts it, cached for a year as immutable", async () => {
    const r = await get("/assets/index-Ab12Cd34.js", "br, gzip");
    expect(r.headers.get("content-encoding")).toBe("br");
    expect(r.headers.get("cache-control")).toBe("public, max-age=31536000, immutable");
    expect(await r.text()).toBe(script);
  });

  it("falls back to gzip, and to plain bytes for a client that accepts neither", async () => {
    expect((await get("/assets/index-Ab12Cd34.js", "gzip")).headers.get("content-encoding")).toBe("gzip");
    expect((await get("/assets/index-Ab12Cd34.js", "identity")).headers.get("content-encoding")).toBeNull();
  });

  it("compresses the page itself but never caches it (a new build must reach the browser)", async () => {
    const r = await get("/draws/12", "gzip");
    expect(r.headers.get("content-encoding")).toBe("gzip");
    expect(r.headers.get("cache-control")).toBe("no-cache");
    expect(await r.text()).toContain("双随机");
  });

  it("leaves the API's answers alone", async () => {
    const r = await get("/graphql", "gzip, br");
    expect(r.headers.get("content-encoding")).toBeNull();
  });
});
