/**
 * The ratio of our tickets to Rivest's Python `consistent-sampler` on the same ids and seed (issue 13):
 * the package is the reference implementation the tickets are digit for digit equal to (sampler.ts), so
 * its speed is the yardstick. Shells out to `python3` when the package is importable; otherwise says
 * "not installed" rather than guessing a figure. Two ratios: the full ticket strings (what Python computes,
 * like for like) and the ticket table a draw builds (ticket-table.ts: the 15-digit keys that give the same order,
 * full strings only for ties and winners), which is the work a draw really does per subject.
 */

import { spawnSync } from "node:child_process";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { firstFraction, sha256Hex } from "../sampler.js";
import { TicketTable } from "../ticket-table.js";

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
    const full = (performance.now() - t0) / 1000;
    const t1 = performance.now();
    const table = new TicketTable(ids, seed);
    const keys = (performance.now() - t1) / 1000;
    const same =
      first === mine && table.ticketOf(0) === mine ? "same first ticket" : `DIFFERENT first ticket: Python ${first}, ours ${mine}`;
    const python = Number(seconds);
    return (
      `Python consistent-sampler: ${ids.length.toLocaleString()} tickets in ${python.toFixed(2)} s; ` +
      `ours, full ticket strings ${full.toFixed(2)} s → ${(python / full).toFixed(1)}×, ` +
      `the draw's ticket table ${keys.toFixed(2)} s → ${(python / keys).toFixed(1)}× faster (${same})`
    );
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
