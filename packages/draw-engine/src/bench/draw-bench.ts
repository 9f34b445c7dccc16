/**
 * Benchmark of the draw engine (issue 3): tickets and selection for a 1,000,000-subject pool
 * (target ≤ 1 s on one core) and their ratio to Python's consistent-sampler, assignment of 10,000 visits from 2,000 inspectors under all rules
 * (target ≤ 2 s), and peak memory.
 *
 * Why a module with `main()`: the build puts it in dist/bench/draw-bench.js; running that file runs
 * the benchmark, importing it does nothing.
 *
 *     npx tsc -p packages/draw-engine && node packages/draw-engine/dist/bench/draw-bench.js
 */

import { pathToFileURL } from "node:url";
import { assignInspectors } from "../assign.js";
import { checkAssignment } from "../check-assignment.js";
import { runDraw } from "../draw.js";
import { normalizeRules } from "../rules.js";
import { selectByStrata } from "../select.js";
import { stratumTargets } from "../strata.js";
import type { Stratum } from "../types.js";
import { comparePythonSampler } from "./python-sampler.js";
import { syntheticCounty } from "./synthetic.js";

const mb = (n: number) => `${(n / 1024 / 1024).toFixed(0)} MB`;

function memory(): string {
  const m = process.memoryUsage();
  return `rss ${mb(m.rss)}, heapUsed ${mb(m.heapUsed)}, peak rss ${mb(process.resourceUsage().maxRSS * 1024)}`;
}

interface Timing {
  wall: number;
  cpu: number;
  toString(): string;
}

/** Run f; return its value and its wall and CPU time. CPU time shows the cost when the machine is shared. */
function time<T>(f: () => T): [T, Timing] {
  const c0 = process.cpuUsage();
  const t0 = performance.now();
  const v = f();
  const wall = performance.now() - t0;
  const c = process.cpuUsage(c0);
  const cpu = (c.user + c.system) / 1000;
  return [v, { wall, cpu, toString: () => `${wall.toFixed(0)} ms wall (${cpu.toFixed(0)} ms cpu)` }];
}

const best = (ts: Timing[]) =>
  `best ${Math.min(...ts.map((t) => t.wall)).toFixed(0)} ms wall, ${Math.min(...ts.map((t) => t.cpu)).toFixed(0)} ms cpu`;

/** Run the benchmark and print the figures. */
export function main(): void {
  const ratios: Partial<Record<Stratum, number>> = { FLAGGED: 0.5, D: 0.3, C: 0.1, B: 0.02, A: 0.01 };
  console.log(`node ${process.version}, ${process.arch}`);

  const [county, tGen] = time(() => syntheticCounty({ subjects: 1_000_000, inspectors: 2_000, experts: 100 }));
  console.log(`generate 1,000,000 subjects + 2,000 inspectors: ${tGen} (not part of the draw)`);

  const sizes: Partial<Record<Stratum, number>> = {};
  for (const c of county.candidates) sizes[c.stratum] = (sizes[c.stratum] ?? 0) + 1;
  const plans = stratumTargets(sizes, ratios, null);
  const targets = Object.fromEntries(plans.map((p) => [p.stratum, p.target]));
  const seed = "0".repeat(64);
  const selTimes: Timing[] = [];
  for (let run = 1; run <= 5; run++) {
    const [selected, tSel] = time(() => selectByStrata(county.candidates, seed, targets));
    selTimes.push(tSel);
    console.log(`run ${run}: tickets + selection, 1,000,000 subjects → ${selected.length} drawn: ${tSel}`);
  }
  console.log(`  tickets + selection: ${best(selTimes)} (target ≤ 1 s)`);
  console.log(
    `  ${comparePythonSampler(
      county.candidates.map((c) => c.subjectId),
      seed,
    )} (target ≥ 7×)`,
  );
  console.log(`  strata: ${plans.map((p) => `${p.stratum} ${p.poolSize}→${p.target}`).join(", ")}`);
  console.log(`  memory: ${memory()}`);

  const rules = normalizeRules({
    ratios,
    minInspectors: 2,
    workloadCap: 25,
    expertWorkloadCap: 40,
    region: { eligibleRegions: ["5120"] },
    matters: county.matters,
  });
  const visits = county.candidates.slice(0, 10_000);
  const assTimes: Timing[] = [];
  for (let run = 1; run <= 5; run++) {
    const [assignment, tAss] = time(() => assignInspectors(visits, county.inspectors, county.experts, rules, seed));
    assTimes.push(tAss);
    if (run === 1) {
      const loads = new Map<string, number>();
      for (const a of assignment)
        for (const ids of Object.values(a.inspectors)) for (const id of ids) loads.set(id, (loads.get(id) ?? 0) + 1);
      const v = [...loads.values()];
      const violations = checkAssignment(assignment, { visits, inspectors: county.inspectors, experts: county.experts, rules });
      console.log(
        `  ${assignment.length} visits, ${v.reduce((a, b) => a + b, 0)} inspector slots over ${loads.size} inspectors, load min ${Math.min(...v)} max ${Math.max(...v)}; ` +
          `experts on ${assignment.filter((a) => a.experts.length > 0).length} visits; hard-rule violations: ${violations.length}`,
      );
    }
    console.log(`run ${run}: assignment, 10,000 visits from 2,000 inspectors: ${tAss}`);
  }
  console.log(`  assignment: ${best(assTimes)} (target ≤ 2 s)`);
  console.log(`  memory: ${memory()}`);

  const [record, tDraw] = time(() =>
    runDraw({
      pools: { candidates: county.candidates, inspectors: county.inspectors, experts: county.experts },
      rules: { ...rules, cap: 10_000 },
      ceremonyValues: ["20261127", "资阳-001"],
    }),
  );
  console.log(
    `full runDraw (1,000,000-subject pool, digests + seed + selection + assignment, cap 10,000): ${tDraw}, ${record.selected.length} visits`,
  );
  console.log(`  memory: ${memory()}`);
}

if (process.argv[1] !== undefined && import.meta.url === pathToFileURL(process.argv[1]).href) main();
