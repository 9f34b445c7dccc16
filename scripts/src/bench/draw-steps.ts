/**
 * `node scripts/dist/bench/draw-steps.js --db <seeded.sqlite>` — prints figures, asserts nothing.
 * Times a draw's execute and publish alone, in this process (no HTTP, no departments), again and again on fresh
 * copies of a county database holding a seeded draw (`bench:joint --keep-seeded <file>` makes one). Why: a full
 * `bench:joint` spends minutes importing and freezing before the two steps it ends with; here each run costs only
 * them, and the CPU time of this process is the steps' own (SQLite works in-process), so runs of two builds can be
 * compared back to back. Each run prints wall and CPU seconds per step, the heap after each, and the digests the
 * audit chain signs (record, view) and a digest of the visits written: identical inputs must give identical values.
 * Options: --runs 3, --draw <id> (default: the seeded draw), --profile <dir> (a V8 CPU profile per step, and its
 * top self-time functions), --gc (a full collection before each step, as the county does for large draws anyway).
 */
import { countyDatabase, executeDraw, publishDraw, startCounty } from "@ssj/county";
import { generateSigningKey, openDatabase, publicKeySet } from "@ssj/shared";
import { createHash } from "node:crypto";
import { copyFileSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { Session } from "node:inspector/promises";
import { loadavg, tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { parseArgs } from "node:util";
import { topSelfTime } from "./cpu.js";

const { values: args } = parseArgs({
  options: {
    db: { type: "string" },
    draw: { type: "string" },
    runs: { type: "string", default: "3" },
    profile: { type: "string" },
  },
});
if (!args.db) throw new Error("--db <file>: a county database with a seeded draw (bench:joint --keep-seeded <file>)");
const source = resolve(args.db);
const profileDir = args.profile ? resolve(args.profile) : undefined;
if (profileDir) mkdirSync(profileDir, { recursive: true });
const keys = { keys: [generateSigningKey()] };
const work = mkdtempSync(join(tmpdir(), "ssj-draw-steps-"));
const session = profileDir ? new Session() : undefined;
if (session) {
  session.connect();
  await session.post("Profiler.enable");
}

/** The seeded draw's id: given, or the one draw in SEEDED state. */
async function seededDraw(file: string): Promise<number> {
  if (args.draw) return Number(args.draw);
  const orm = await openDatabase({ ...countyDatabase(file), migrate: false });
  try {
    const rows = (await orm.em.getConnection().execute("select id from draw where status = 'SEEDED'")) as { id: number }[];
    if (rows.length !== 1) throw new Error(`${file} holds ${rows.length} seeded draws: name one with --draw`);
    return rows[0]!.id;
  } finally {
    await orm.close();
  }
}

/** What must not change between builds: the signed digests of record and view, and the visits written. */
async function outputs(file: string, drawId: number): Promise<string> {
  const orm = await openDatabase({ ...countyDatabase(file), migrate: false });
  try {
    const conn = orm.em.getConnection();
    const audit = (await conn.execute("select action, payload from audit_event where chain = ? order by seq", [`draw:${drawId}`])) as {
      action: string;
      payload: string;
    }[];
    const payload = (action: string) => JSON.parse(audit.find((a) => a.action === action)?.payload ?? "{}") as Record<string, string>;
    const visits = await conn.execute(
      "select uscc, subject_name, directories, stratum, ticket, rank, matters, matter_codes, inspectors, inspectors_key, departments_key, experts, status from visit where draw_id = ? order by id",
      [drawId],
    );
    const events = (await conn.execute("select topic, kind, entity_key, data from county_event order by id")) as unknown[];
    const h = (v: unknown) => createHash("sha256").update(JSON.stringify(v)).digest("hex").slice(0, 16);
    return `record ${payload("DRAW_EXECUTED").recordDigest?.slice(0, 16)}, view ${payload("DRAW_PUBLISHED").viewDigest?.slice(0, 16)}, visits ${visits.length} ${h(visits)}, events ${events.length}`;
  } finally {
    await orm.close();
  }
}

/** Runs one step, timed; with --profile, under the inspector's CPU profiler. */
async function timed(name: string, run: number, step: () => Promise<unknown>): Promise<{ wall: number; cpu: number }> {
  if (session) await session.post("Profiler.start");
  const c0 = process.cpuUsage();
  const t0 = performance.now();
  await step();
  const wall = (performance.now() - t0) / 1000;
  const c = process.cpuUsage(c0);
  const cpu = (c.user + c.system) / 1e6;
  if (session) {
    const { profile } = await session.post("Profiler.stop");
    const file = join(profileDir!, `${name}-${run}.cpuprofile`);
    writeFileSync(file, JSON.stringify(profile));
    if (run === 1) {
      console.log(`  ${name}: top self time (${file})`);
      for (const { place, ms, share } of topSelfTime(file, 20))
        console.log(`  ${(share * 100).toFixed(1).padStart(5)} %  ${(ms / 1000).toFixed(2).padStart(6)} s  ${place}`);
    }
  }
  const heap = process.memoryUsage();
  console.log(
    `  ${name.padEnd(8)} ${wall.toFixed(2)} s wall, ${cpu.toFixed(2)} s CPU; heap ${(heap.heapUsed / 2 ** 20).toFixed(0)} MiB, RSS ${(heap.rss / 2 ** 20).toFixed(0)} MiB; load ${loadavg()[0]!.toFixed(2)}`,
  );
  return { wall, cpu };
}

try {
  const drawId = await seededDraw(source);
  const runs = Number(args.runs);
  const figures: Record<string, number[]> = { execute: [], publish: [] };
  for (let run = 1; run <= runs; run++) {
    const file = join(work, `county-${run}.sqlite`);
    copyFileSync(source, file);
    console.log(`run ${run}: draw ${drawId} of a copy of ${source}`);
    const county = await startCounty({ databaseUrl: file, port: 0, keys, gatewayKeys: publicKeySet(keys) });
    try {
      figures.execute!.push((await timed("execute", run, () => executeDraw(county.orm.em.fork(), drawId, "bench"))).cpu);
      figures.publish!.push((await timed("publish", run, () => publishDraw(county.orm.em.fork(), drawId, "bench"))).cpu);
    } finally {
      await county.stop();
    }
    console.log(`  ${await outputs(file, drawId)}`);
    rmSync(file, { force: true });
  }
  const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[xs.length >> 1]!;
  console.log(
    `median CPU over ${runs} runs: execute ${median(figures.execute!).toFixed(2)} s, publish ${median(figures.publish!).toFixed(2)} s`,
  );
} finally {
  session?.disconnect();
  rmSync(work, { recursive: true, force: true });
}
