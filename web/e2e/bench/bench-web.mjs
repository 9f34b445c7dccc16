/**
 * `npm run bench:web` — prints figures, asserts nothing (docs/web.md):
 *  1. JavaScript transferred for the public portal's first load (goal ≤ 300 KB gzip), and which chunks;
 *  2. time to first render of the portal;
 *  3. time to "已验证" for a 600,000-candidate record (built here with the draw engine, served to the page);
 *  4. frame times while 5,000 visits stream into the live draw table (graphql-ws events played to the page).
 * Chromium: /usr/bin/chromium or CHROMIUM_PATH. The federation: e2e/support/federation.mjs, on free ports.
 */
import { chromium } from "@playwright/test";
import { publicView, runDraw, viewDigest } from "@ssj/draw-engine";
import { execFileSync, spawn } from "node:child_process";
import { createServer, get } from "node:http";
import { fileURLToPath } from "node:url";
import { syntheticCounty } from "../../../packages/draw-engine/dist/bench/synthetic.js";

const CANDIDATES = Number(process.env.BENCH_WEB_CANDIDATES ?? 600_000);
const VISITS = Number(process.env.BENCH_WEB_VISITS ?? 5_000);
console.log(
  `load average at start: ${(await import("node:os"))
    .loadavg()
    .map((x) => x.toFixed(2))
    .join(" ")} (2 cores shared: figures are noisy)`,
);
const kb = (n) => `${(n / 1024).toFixed(1)} KB`;

/** Bytes on the wire when a client asks for gzip only (the goal is stated in gzip; Chromium asks for brotli). */
const gzipBytes = (url) =>
  new Promise((resolve, reject) => {
    get(url, { headers: { "accept-encoding": "gzip" } }, (res) => {
      let n = 0;
      res.on("data", (c) => (n += c.length));
      res.on("end", () => resolve({ bytes: n, encoding: res.headers["content-encoding"] ?? "none" }));
    }).on("error", reject);
  });

/**
 * Resident memory (KB) of this run's Chromium renderer processes (a tab's renderer holds its page and its
 * dedicated workers): only descendants of this process, other people's browsers on the machine are not counted.
 */
function rendererRssKb() {
  const rows = execFileSync("ps", ["-eo", "pid=,ppid=,rss=,args="], { encoding: "utf8", maxBuffer: 1 << 24 })
    .split("\n")
    .map((l) => l.trim().match(/^(\d+)\s+(\d+)\s+(\d+)\s+(.*)$/))
    .filter(Boolean)
    .map((m) => ({ pid: Number(m[1]), ppid: Number(m[2]), rss: Number(m[3]), args: m[4] }));
  const mine = new Set([process.pid]);
  for (let grew = true; grew;) {
    grew = false;
    for (const r of rows)
      if (!mine.has(r.pid) && mine.has(r.ppid)) {
        mine.add(r.pid);
        grew = true;
      }
  }
  return rows.filter((r) => mine.has(r.pid) && r.args.includes("--type=renderer")).reduce((m, r) => Math.max(m, r.rss), 0);
}

const child = spawn(process.execPath, [fileURLToPath(new URL("../support/federation.mjs", import.meta.url)), "100"], {
  stdio: ["ignore", "pipe", "inherit"],
});
const ready = await new Promise((resolve, reject) => {
  let out = "";
  child.stdout.on("data", (c) => {
    out += c;
    const line = out.split("\n").find((l) => l.startsWith("READY "));
    if (line) resolve(JSON.parse(line.slice(6)));
  });
  child.once("exit", (code) => reject(new Error(`federation exited (${code})`)));
});
const browser = await chromium.launch({ executablePath: process.env.CHROMIUM_PATH ?? "/usr/bin/chromium", args: ["--no-sandbox"] });
try {
  // 1 + 2: the portal's first load, cold cache.
  {
    const context = await browser.newContext();
    const page = await context.newPage();
    const cdp = await context.newCDPSession(page);
    await cdp.send("Network.enable");
    const js = new Map();
    cdp.on("Network.responseReceived", (e) => {
      if (e.response.mimeType.includes("javascript"))
        js.set(e.requestId, {
          url: e.response.url,
          encoding: Object.entries(e.response.headers).find(([k]) => k.toLowerCase() === "content-encoding")?.[1] ?? "none",
        });
    });
    cdp.on("Network.loadingFinished", (e) => {
      const r = js.get(e.requestId);
      if (r) r.bytes = e.encodedDataLength;
    });
    const t0 = Date.now();
    await page.goto(ready.baseUrl + "/");
    await page.getByRole("heading", { name: "随机抽查事项清单" }).waitFor();
    const firstRender = Date.now() - t0;
    await page.waitForLoadState("networkidle");
    const total = [...js.values()].reduce((n, r) => n + (r.bytes ?? 0), 0);
    console.log(`portal first load: ${kb(total)} of JavaScript transferred in ${js.size} files (goal ≤ 300 KB gzip)`);
    for (const r of js.values()) console.log(`  ${kb(r.bytes ?? 0).padStart(10)}  ${r.encoding.padEnd(5)} ${new URL(r.url).pathname}`);
    const gzip = await Promise.all([...js.values()].map((r) => gzipBytes(r.url)));
    const gzipTotal = gzip.reduce((n, r) => n + r.bytes, 0);
    const encodings = [...new Set(gzip.map((r) => r.encoding))].join(", ");
    console.log(`the same files asked for as gzip: ${kb(gzipTotal)} (content-encoding: ${encodings}; goal ≤ 300 KB gzip)`);
    console.log(`  dashboard or chart chunks loaded: ${[...js.values()].some((r) => /Dashboard|echarts/i.test(r.url)) ? "yes" : "no"}`);
    console.log(`time to first render (portal heading visible, cold cache): ${firstRender} ms`);
    await context.close();
  }

  // 3: verifying a 600,000-candidate record.
  {
    const t = Date.now();
    const county = syntheticCounty({ subjects: CANDIDATES, inspectors: 2_000, experts: 100 });
    const record = runDraw({
      pools: { candidates: county.candidates, inspectors: county.inspectors, experts: county.experts },
      rules: { ratios: { FLAGGED: 0.5, D: 0.3, C: 0.1, B: 0.02, A: 0.01 }, cap: 5_000, minInspectors: 2, matters: county.matters },
      ceremonyValues: ["福彩3D 2027001 期 123"],
    });
    // The public file (docs/draw-record.md) as a citizen downloads it once the draw is disclosed: the view (every
    // candidate's ticket and stratum commitment, the selection) and the digest the draw committed to. The page
    // recomputes the digest, the seed, every ticket, the counts and the selection from 600,000 rows.
    const salts = Object.fromEntries(county.candidates.map((c, i) => [c.subjectId, i.toString(16).padStart(32, "0")]));
    const view = publicView(record, county.candidates, salts);
    const body = JSON.stringify({
      format: "ssj-public-draw/2",
      disclosure: { policy: "IMMEDIATE", disclosed: true, viewDigest: viewDigest(view) },
      view,
      chain: { name: "draw:bench", checkpoints: [], keys: [] },
    });
    console.log(
      `record of ${CANDIDATES.toLocaleString("en")} candidates: ${(body.length / 1e6).toFixed(1)} MB (built in ${Date.now() - t} ms, not measured)`,
    );
    const context = await browser.newContext();
    const page = await context.newPage();
    // The record comes over real HTTP from a server of this script: fulfilling 100 MB through Playwright's route
    // (base64 over the browser's debugging pipe) crashed the whole browser, which an earlier run took for the tab
    // running out of memory. context.route (the page's worker fetches it) only redirects the request.
    const recordServer = createServer((_req, res) => res.writeHead(200, { "content-type": "application/json" }).end(body));
    await new Promise((resolve) => recordServer.listen(0, "127.0.0.1", resolve));
    const recordUrl = `http://127.0.0.1:${recordServer.address().port}/record.json`;
    await context.route("**/draws/bench/record.json", (route) => route.continue({ url: recordUrl }));
    let peakKb = 0;
    const sampler = setInterval(() => (peakKb = Math.max(peakKb, rendererRssKb())), 250);
    const t0 = Date.now();
    try {
      await page.goto(ready.baseUrl + "/verify?draw=bench");
      await page.getByText("已验证", { exact: true }).or(page.getByText("未通过验证")).waitFor({ timeout: 600_000 });
      const ok = await page.getByText("已验证", { exact: true }).isVisible();
      console.log(
        `time to "${ok ? "已验证" : "未通过验证"}" for ${CANDIDATES.toLocaleString("en")} candidates (download + recompute): ${Date.now() - t0} ms`,
      );
      peakKb = Math.max(peakKb, rendererRssKb());
    } catch (e) {
      // printed, not hidden: the figure is missing and why (e.g. the tab ran out of memory)
      console.log(
        `verifying ${CANDIDATES.toLocaleString("en")} candidates FAILED after ${Date.now() - t0} ms: ${e.message.split("\n")[0]}`,
      );
    }
    clearInterval(sampler);
    recordServer.close();
    console.log(`peak memory of the tab (renderer resident set, worker included, sampled every 250 ms): ${(peakKb / 1024).toFixed(0)} MB`);
    await context.close().catch(() => {});
  }

  // 4: 5,000 visits streaming into the live draw table.
  {
    const context = await browser.newContext();
    const page = await context.newPage();
    const drawJson = {
      id: "1",
      sequence: 1,
      status: "DRAWN",
      visitCount: VISITS,
      seed: "0".repeat(64),
      ceremonyValues: ["x"],
      plan: { id: "1", name: "帧时间测试", departments: ["market", "health"], __typename: "Plan" },
      digests: { candidates: "a", inspectors: "b", experts: "c", __typename: "PoolDigests" },
      counts: { candidates: VISITS * 10, inspectors: 200, experts: 10, __typename: "PoolCounts" },
      __typename: "Draw",
    };
    await page.route("**/graphql", async (route) => {
      const op = route.request().postDataJSON()?.operationName;
      if (op === "Hall") return route.fulfill({ json: { data: { draw: drawJson } } });
      if (op === "HallVisits")
        return route.fulfill({
          json: {
            data: {
              draw: {
                id: "1",
                __typename: "Draw",
                visits: {
                  __typename: "VisitConnection",
                  pageInfo: { hasNextPage: false, endCursor: null, __typename: "PageInfo" },
                  nodes: [],
                },
              },
            },
          },
        });
      return route.continue();
    });
    const visit = (i) => ({
      __typename: "Visit",
      id: `v${i}`,
      rank: i + 1,
      uscc: `91512000MA${String(i).padStart(8, "0")}`,
      draw: { id: "1", __typename: "Draw" },
      subject: { __typename: "Subject", records: [{ __typename: "SupervisionRecord", name: `测试餐饮有限公司 ${i}` }] },
      teams: ["market", "health"].map((d) => ({
        __typename: "VisitTeam",
        department: d,
        matters: [
          { __typename: "Matter", name: "食品经营许可" },
          { __typename: "Matter", name: "公共场所卫生" },
        ],
        inspectors: [
          { __typename: "Inspector", name: "王某" },
          { __typename: "Inspector", name: "李某" },
        ],
      })),
    });
    await page.routeWebSocket(/\/graphql$/, (ws) => {
      ws.onMessage((m) => {
        const msg = JSON.parse(String(m));
        if (msg.type === "connection_init") ws.send(JSON.stringify({ type: "connection_ack" }));
        if (msg.type === "subscribe" && msg.payload.operationName === "HallVisitEvents") {
          let i = 0;
          const burst = () => {
            for (let k = 0; k < 50 && i < VISITS; k++, i++)
              ws.send(
                JSON.stringify({
                  id: msg.id,
                  type: "next",
                  payload: { data: { visitChanged: { __typename: "VisitChange", kind: "CREATED", visit: visit(i) } } },
                }),
              );
            if (i < VISITS) setTimeout(burst, 10);
          };
          burst();
        }
      });
    });
    await page.goto(ready.baseUrl + "/hall/1");
    await page.getByTestId("hall-rows").waitFor();
    const frames = await page.evaluate(async (n) => {
      const times = [];
      let last = performance.now();
      const start = last;
      await new Promise((resolve) => {
        const tick = (t) => {
          times.push(t - last);
          last = t;
          const shown = Number(document.querySelector(".ant-statistic-content-value")?.textContent?.replace(/\D/g, "") ?? 0);
          if (shown >= n || t - start > 120_000) resolve();
          else requestAnimationFrame(tick);
        };
        requestAnimationFrame(tick);
      });
      return { times, total: performance.now() - start };
    }, VISITS);
    const sorted = [...frames.times].sort((a, b) => a - b);
    const q = (p) => sorted[Math.min(sorted.length - 1, Math.floor(p * sorted.length))].toFixed(1);
    console.log(
      `live draw table, ${VISITS.toLocaleString("en")} visits streamed in ${frames.total.toFixed(0)} ms: ${sorted.length} frames, frame time median ${q(0.5)} ms, p95 ${q(0.95)} ms, max ${q(1 - 1e-9)} ms`,
    );
    await context.close();
  }
} finally {
  await browser.close();
  child.kill("SIGTERM");
}
