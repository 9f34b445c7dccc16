import { readFileSync } from "node:fs";
import { serviceRoute } from "@ssj/shared";

/** Peak resident memory of a process so far (Linux VmHWM), in MiB; null where /proc is not available. */
export function peakRssMiB(pid: number | undefined): number | null {
  if (!pid) return null;
  try {
    const m = /VmHWM:\s+(\d+) kB/.exec(readFileSync(`/proc/${pid}/status`, "utf8"));
    return m ? Math.round(Number(m[1]) / 1024) : null;
  } catch {
    return null;
  }
}

/** A counter a service exposes at /metrics (read with the federation's scrape token). */
export async function metric(serviceUrl: string, name: string, scrapeToken: string): Promise<number> {
  const res = await fetch(serviceRoute(serviceUrl, "/metrics"), { headers: { authorization: `Bearer ${scrapeToken}` } });
  const text = await res.text();
  const m = new RegExp(`^${name} (\\d+(?:\\.\\d+)?)$`, "m").exec(text);
  if (!m) throw new Error(`metric ${name} not found at ${serviceUrl}`);
  return Number(m[1]);
}

export function percentile(sorted: number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))]!;
}
