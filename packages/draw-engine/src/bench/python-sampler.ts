/**
 * The ratio of our tickets to Rivest's Python `consistent-sampler` on the same ids and seed (issue 13):
 * the package is the reference implementation the tickets are digit for digit equal to (sampler.ts), so
 * its speed is the yardstick. Shells out to `python3` when the package is importable; otherwise says
 * "not installed" rather than guessing a figure.
 */

import { spawnSync } from "node:child_process";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { firstFraction, sha256Hex } from "../sampler.js";

const PYTHON = `
import sys, time
from consistent_sampler import first_fraction
ids = open(sys.argv[1], encoding="utf-8").read().split("\\n")
seed = sys.argv[2]
t = time.perf_counter()
tickets = [first_fraction(i, seed) for i in ids]
print(time.perf_counter() - t)
print(tickets[0])
`;

/** Times the tickets of `ids` here and in Python; returns the line to print. */
export function comparePythonSampler(ids: readonly string[], seed: string): string {
  const probe = spawnSync("python3", ["-c", "import consistent_sampler"], { encoding: "utf8" });
  if (probe.error || probe.status !== 0) return `Python consistent-sampler: not installed (python3 -c "import consistent_sampler" failed)`;
  const dir = mkdtempSync(join(tmpdir(), "ssj-sampler-"));
  try {
    writeFileSync(join(dir, "ids.txt"), ids.join("\n"));
    const py = spawnSync("python3", ["-c", PYTHON, join(dir, "ids.txt"), seed], { encoding: "utf8", maxBuffer: 1 << 20 });
    if (py.status !== 0) return `Python consistent-sampler: failed (${py.stderr.trim().split("\n").at(-1)})`;
    const [seconds, first] = py.stdout.trim().split("\n");
    const seedHash = sha256Hex(seed);
    const t0 = performance.now();
    let mine = "";
    for (const id of ids) {
      const t = firstFraction(id, seed, seedHash);
      if (mine === "") mine = t;
    }
    const ours = (performance.now() - t0) / 1000;
    const same = first === mine ? "same first ticket" : `DIFFERENT first ticket: Python ${first}, ours ${mine}`;
    return `Python consistent-sampler: ${ids.length.toLocaleString()} tickets in ${Number(seconds).toFixed(2)} s, ours ${ours.toFixed(2)} s → ${(Number(seconds) / ours).toFixed(1)}× faster (${same})`;
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
