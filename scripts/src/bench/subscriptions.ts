/**
 * `npm run bench:subscriptions` — prints figures, asserts nothing.
 * 1,000 concurrent subscribers (one WebSocket each) through one gateway to `departmentChanged`, each
 * event selecting federated fields (`publishedMatterCount` comes from the department instance). For each
 * event: time from its publication (the county stamps `at` when it records the event, just before the
 * commit) to its delivery at each subscriber — p50, p99, max — and the gateway's memory per subscriber.
 * Options: --subscribers 1000 --events 20 --redis redis://127.0.0.1:6379 (county event bus; default in-process)
 *          --postgres postgres://… (default: embedded SQLite)
 *          --distinct (each subscriber signs in with its own identity and x-request-id — 1,000 people in
 *          four identity classes: coordinator, market admin, market reviewer, auditor; the gateway shares
 *          one upstream subscription and one completion per class, gateway/src/subscriptions/groups.ts).
 */
import { createSubscriptionClient, Role, webSocketUrl, type Identity, type SubscriptionClient } from "@ssj/shared";
import { mkdtempSync, rmSync } from "node:fs";
import { loadavg, tmpdir } from "node:os";
import { join } from "node:path";
import { parseArgs } from "node:util";
import { DEPARTMENTS } from "../demo-data/index.js";
import { launchFederation } from "../lib/federation.js";
import { gql } from "../lib/graphql-client.js";
import { metric, peakRssMiB, percentile } from "../lib/measure.js";
import type { Topology } from "../lib/topology.js";
import { bearer, DEMO_USERS, loadSecrets } from "../lib/secrets.js";

const { values: args } = parseArgs({
  options: {
    subscribers: { type: "string", default: "1000" },
    events: { type: "string", default: "20" },
    redis: { type: "string" },
    postgres: { type: "string" },
    distinct: { type: "boolean", default: false },
  },
});
const subscribers = Number(args.subscribers);
const events = Number(args.events);
if (args.redis) process.env.REDIS_URL = args.redis;

const dir = mkdtempSync(join(tmpdir(), "ssj-bench-subs-"));
const topology: Topology = {
  dataDir: dir,
  gatewayPort: 4800,
  countyPort: 4801,
  departments: DEPARTMENTS.slice(0, 1).map((d, i) => ({ ...d, port: 4810 + i })),
  postgresUrl: args.postgres,
};
const mib = (bytes: number) => (bytes / 1024 / 1024).toFixed(1);
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

async function waitMetric(url: string, name: string, want: number, timeoutMs = 60_000) {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const v = await metric(url, name, secrets.metricsToken);
    if (v >= want) return v;
    if (Date.now() > deadline) throw new Error(`${name} at ${url} is ${v} after ${timeoutMs} ms, wanted ${want}`);
    await sleep(100);
  }
}

const secrets = loadSecrets(dir);
const federation = await launchFederation(topology, secrets);
const admin = await bearer(secrets, { sub: "bench.market", role: "department_admin", department: "market" });
const coordinator = await bearer(secrets, DEMO_USERS[0]!);
const gatewayUrl = federation.gatewayUrl;
const clients: SubscriptionClient[] = [];
try {
  await gql(
    gatewayUrl,
    'mutation($i: MatterInput!) { createMatter(department: "market", input: $i) { id } }',
    {
      i: {
        code: "BENCH-001",
        name: "食品经营许可事项检查",
        legalBasis: "《中华人民共和国食品安全法》第八十七条",
        implementingBody: "资阳市市场监督管理局",
        objectType: "食品经营者",
        subItem: "食品贮存条件",
        content: "检查食品贮存场所、设施和温度控制",
        matterClass: "KEY",
        defaultRatio: 0.05,
        yearlyFrequency: 1,
        qualifications: ["食品安全"],
        appliesTo: ["食品经营"],
      },
    },
    admin,
  );
  await gql(gatewayUrl, 'mutation { publishMatter(department: "market", code: "BENCH-001") { status } }', {}, admin);

  await sleep(500);
  const rssBefore = await metric(gatewayUrl, "process_resident_memory_bytes", secrets.metricsToken);
  const heapBefore = await metric(gatewayUrl, "nodejs_heap_used_bytes", secrets.metricsToken);

  console.log(
    `\n== ${subscribers.toLocaleString()} subscribers through one gateway, ${events} events (${args.redis ? "Redis" : "in-process"} event bus, ${args.postgres ? "PostgreSQL" : "SQLite"}${args.distinct ? ", every subscriber a distinct context" : ""}) ==`,
  );
  const query = 'subscription { departmentChanged(code: "market") { id kind at department { code name publishedMatterCount } } }';
  /** receipt[event id] = delivery times (ms since epoch) */
  const receipts = new Map<string, number[]>();
  const publishedAt = new Map<string, number>();
  let errors = 0;
  let firstError: unknown;
  const t0 = performance.now();
  const classes: Omit<Identity, "sub">[] = [
    { role: Role.COUNTY_COORDINATOR, region: "512000" },
    { role: Role.DEPARTMENT_ADMIN, department: "market" },
    { role: Role.DEPARTMENT_REVIEWER, department: "market" },
    { role: Role.AUDITOR },
  ];
  for (let i = 0; i < subscribers; i++) {
    const connectionParams = args.distinct
      ? {
          headers: {
            "x-request-id": `bench-${i}`,
            ...(await bearer(secrets, { sub: `bench.person.${i}`, ...classes[i % classes.length]! })),
          },
        }
      : undefined;
    const client = createSubscriptionClient({ url: webSocketUrl(gatewayUrl), lazy: true, retryAttempts: 0, connectionParams });
    clients.push(client);
    client.subscribe<{ departmentChanged: { id: string; at: string; department: { publishedMatterCount: number } } }>(
      { query },
      {
        next: (r) => {
          const now = Date.now();
          const e = r.data?.departmentChanged;
          if (!e || r.errors?.length || e.department.publishedMatterCount !== 1) {
            errors++;
            firstError ??= r;
            return;
          }
          publishedAt.set(e.id, Date.parse(e.at));
          let list = receipts.get(e.id);
          if (!list) receipts.set(e.id, (list = []));
          list.push(now);
        },
        error: (e) => {
          errors++;
          firstError ??= e;
        },
        complete: () => undefined,
      },
    );
  }
  await waitMetric(gatewayUrl, "gateway_subscriptions", subscribers);
  const groups = await metric(gatewayUrl, "gateway_upstream_subscriptions", secrets.metricsToken);
  await waitMetric(federation.countyUrl, "event_bus_subscribers", groups + 1); // + the gateway's own registry watch
  console.log(`subscribed        ${subscribers} in ${((performance.now() - t0) / 1000).toFixed(1)} s, ${groups} upstream subscriptions`);
  await sleep(1000);
  const rssWith = await metric(gatewayUrl, "process_resident_memory_bytes", secrets.metricsToken);
  const heapWith = await metric(gatewayUrl, "nodejs_heap_used_bytes", secrets.metricsToken);

  const latencies: number[] = [];
  const lastDelivery: number[] = [];
  for (let n = 0; n < events; n++) {
    const before = new Set(receipts.keys());
    await gql(
      gatewayUrl,
      'mutation($name: String!) { updateDepartment(code: "market", input: { name: $name }) { code } }',
      { name: `资阳市市场监督管理局（${n + 1}）` },
      coordinator,
    );
    const deadline = Date.now() + 60_000;
    let id: string | undefined;
    for (;;) {
      id ??= [...receipts.keys()].find((k) => !before.has(k));
      if (id && receipts.get(id)!.length >= subscribers) break;
      if (Date.now() > deadline) break;
      await sleep(5);
    }
    if (!id) {
      console.log(`event ${n + 1}: not delivered within 60 s`);
      continue;
    }
    const at = publishedAt.get(id)!;
    const times = receipts.get(id)!;
    for (const t of times) latencies.push(t - at);
    lastDelivery.push(Math.max(...times) - at);
    if (times.length < subscribers) console.log(`event ${n + 1}: delivered to ${times.length} of ${subscribers} within 60 s`);
  }
  const rssAfter = await metric(gatewayUrl, "process_resident_memory_bytes", secrets.metricsToken);
  latencies.sort((a, b) => a - b);
  lastDelivery.sort((a, b) => a - b);
  console.log(
    `deliveries        ${latencies.length.toLocaleString()} (${events} events × ${subscribers} subscribers), errors ${errors}${firstError ? ` — first: ${JSON.stringify(firstError).slice(0, 300)}` : ""}`,
  );
  console.log(
    `publication → delivery   p50 ${percentile(latencies, 50)} ms, p99 ${percentile(latencies, 99)} ms, max ${latencies.at(-1)} ms`,
  );
  console.log(`last subscriber served   p50 ${percentile(lastDelivery, 50)} ms, max ${lastDelivery.at(-1)} ms after publication`);
  console.log(
    `gateway memory   RSS ${mib(rssBefore)} → ${mib(rssWith)} MiB with ${subscribers} idle subscribers (${((rssWith - rssBefore) / subscribers / 1024).toFixed(1)} KiB each), ${mib(rssAfter)} MiB after the events`,
  );
  console.log(
    `                 JS heap ${mib(heapBefore)} → ${mib(heapWith)} MiB (${((heapWith - heapBefore) / subscribers / 1024).toFixed(1)} KiB each, before GC)`,
  );
  const peak = (name: string) => peakRssMiB(federation.process(name).child.pid);
  console.log(`peak RSS         gateway ${peak("gateway")} MiB, county ${peak("county")} MiB, market ${peak("market")} MiB`);
  console.log(
    `load average     ${loadavg()
      .map((l) => l.toFixed(1))
      .join(" ")} (2 cores shared: a loaded machine gives slower figures)`,
  );
  const upstream = await metric(gatewayUrl, "gateway_upstream_subscriptions", secrets.metricsToken);
  await Promise.all(clients.splice(0).map((c) => c.dispose()));
  // leaving takes a moment for a thousand sockets on a loaded machine: wait up to 10 s for the upstream to be released
  for (let t = Date.now(); Date.now() - t < 10_000; await sleep(100))
    if ((await metric(gatewayUrl, "gateway_upstream_subscriptions", secrets.metricsToken)) === 0) break;
  console.log(
    `upstream subs    ${upstream} while subscribed, ${await metric(gatewayUrl, "gateway_upstream_subscriptions", secrets.metricsToken)} after all clients left`,
  );
} finally {
  await Promise.all(clients.map((c) => c.dispose()));
  await federation.stop();
  rmSync(dir, { recursive: true, force: true });
}
