import { spawn, type ChildProcess } from "node:child_process";

/** A service process of the local federation. */
export interface ServiceProcess {
  name: string;
  child: ChildProcess;
  exited: Promise<number | null>;
}

/**
 * Starts `node <script>` with `env`, prefixing its output lines with the service name. Node flags that
 * NODE_OPTIONS refuses (`--cpu-prof`, used by the benchmarks) come from SSJ_SERVICE_NODE_FLAGS.
 */
export function startProcess(name: string, script: string, env: Record<string, string>): ServiceProcess {
  const flags = (process.env.SSJ_SERVICE_NODE_FLAGS ?? "").split(" ").filter(Boolean);
  const child = spawn(process.execPath, [...flags, script], { env: { ...process.env, ...env }, stdio: ["ignore", "pipe", "pipe"] });
  const prefix = (stream: NodeJS.WritableStream) => (chunk: Buffer) => {
    for (const line of chunk.toString("utf8").split("\n")) if (line.trim()) stream.write(`[${name}] ${line}\n`);
  };
  child.stdout!.on("data", prefix(process.stdout));
  child.stderr!.on("data", prefix(process.stderr));
  const exited = new Promise<number | null>((resolve) => child.once("exit", (code) => resolve(code)));
  return { name, child, exited };
}

/** Waits until `url` answers 200, or fails when the process exits or the time is up (3 min: five services starting at once on a loaded 2-core machine took over one). */
export async function waitReady(p: ServiceProcess, url: string, timeoutMs = 180_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  let exited = false;
  void p.exited.then(() => (exited = true));
  while (Date.now() < deadline) {
    if (exited) throw new Error(`${p.name} exited during start-up`);
    const ok = await fetch(url, { signal: AbortSignal.timeout(1000) })
      .then((r) => r.ok)
      .catch(() => false);
    if (ok) return;
    await new Promise((r) => setTimeout(r, 150));
  }
  throw new Error(`${p.name} not ready at ${url} after ${timeoutMs} ms`);
}

/** Stops processes (SIGTERM, then SIGKILL after a grace period), last started first. */
export async function stopAll(processes: ServiceProcess[], graceMs = 5000): Promise<void> {
  await Promise.all(
    [...processes].reverse().map(async (p) => {
      if (p.child.exitCode !== null || p.child.signalCode !== null) return;
      p.child.kill("SIGTERM");
      const timer = setTimeout(() => p.child.kill("SIGKILL"), graceMs);
      await p.exited;
      clearTimeout(timer);
    }),
  );
}
