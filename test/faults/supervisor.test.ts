import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { startProcess } from "../../scripts/src/lib/processes.js";
import { Supervisor } from "../../scripts/src/lib/supervisor.js";

const dir = mkdtempSync(join(tmpdir(), "ssj-supervisor-"));
const script = (name: string, body: string) => {
  const file = join(dir, `${name}.mjs`);
  writeFileSync(file, body);
  return file;
};
const until = async (check: () => boolean, ms: number) => {
  const end = Date.now() + ms;
  while (!check()) {
    if (Date.now() > end) throw new Error("timed out");
    await new Promise((r) => setTimeout(r, 50));
  }
};

/**
 * `npm start` as a supervisor (issue: any one service exiting stopped the whole federation), with real
 * processes: a service killed with SIGKILL is started again and logged; one that keeps crashing is given
 * up on, which is when `npm start` stops everything.
 */
describe("the supervisor of npm start", () => {
  const policy = { baseDelayMs: 50, maxDelayMs: 200, maxCrashes: 3, windowMs: 10_000 };
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it("restarts a killed service with a logged back-off, and stops it on request", async () => {
    const log: string[] = [];
    const giveUps: string[] = [];
    const s = new Supervisor(
      (name) => giveUps.push(name),
      policy,
      (l) => log.push(l),
    );
    const first = s.add("steady", () => startProcess("steady", script("steady", "setInterval(() => {}, 1000);"), {}));
    await new Promise((r) => setTimeout(r, 200));
    first.child.kill("SIGKILL");
    await until(() => s.process("steady") !== first && s.process("steady")!.child.pid !== undefined, 10_000);
    expect(log.join("\n")).toMatch(/steady exited \(signal SIGKILL\); restarting in 50 ms/);
    expect(giveUps).toEqual([]);
    const second = s.process("steady")!;
    await s.stop();
    expect(second.child.exitCode !== null || second.child.signalCode !== null).toBe(true);
  }, 30_000);

  it("gives up on a service that keeps crashing", async () => {
    const log: string[] = [];
    const giveUps: string[] = [];
    const s = new Supervisor(
      (name) => giveUps.push(name),
      policy,
      (l) => log.push(l),
    );
    s.add("broken", () => startProcess("broken", script("broken", "process.exit(3);"), {}));
    await until(() => giveUps.length > 0, 20_000);
    expect(giveUps).toEqual(["broken"]);
    expect(log.filter((l) => /restarting in/.test(l))).toHaveLength(3);
    expect(log.at(-1)).toMatch(/broken exited \(code 3\), 4 times within 10 s: giving up/);
    await s.stop();
  }, 30_000);
});
