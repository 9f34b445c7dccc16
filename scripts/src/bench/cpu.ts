import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";

/** CPU time a process has used so far (user + system), ms, from /proc (Linux); null elsewhere. */
export function cpuMs(pid: number | undefined): number | null {
  try {
    // fields after the command name "(…)": state is field 3, utime 14, stime 15 (clock ticks, 100 per second)
    const stat = readFileSync(`/proc/${pid}/stat`, "utf8");
    const fields = stat.slice(stat.lastIndexOf(")") + 2).split(" ");
    return (Number(fields[11]) + Number(fields[12])) * 10;
  } catch {
    return null;
  }
}

/** Where the gateway's CPU goes, by the code a sample was taken in (first match wins). */
const CATEGORIES: [string, RegExp][] = [
  ["query planning", /@apollo\/(query-planner|federation-internals)|\/gateway\/dist\/.*plan/],
  ["identity signing", /\/gateway\/dist\/auth\/|\/shared\/dist\/auth\/|internal\/crypto|jose/],
  ["sharding", /\/gateway\/dist\/sharding\//],
  ["merging and execution", /@apollo\/gateway\/|graphql\/execution|\/gateway\/dist\//],
  ["parsing and validation", /graphql\/(language|validation|utilities)/],
  ["HTTP and JSON", /undici|internal\/http|internal\/streams|express|body-parser|JSON|@apollo\/server/],
  ["garbage collection", /^\(garbage collector\)$/],
];

interface ProfileNode {
  id: number;
  callFrame: { functionName: string; url: string };
}
interface Profile {
  nodes: ProfileNode[];
  samples: number[];
  timeDeltas: number[];
}

/**
 * Shares of a V8 CPU profile (`node --cpu-prof`) by category, from each sample's own frame (self time).
 * Idle time is left out, so the shares are of the time the process was busy.
 */
export function profileShares(file: string): { category: string; share: number; top: string[] }[] {
  const profile = JSON.parse(readFileSync(file, "utf8")) as Profile;
  const byId = new Map(profile.nodes.map((n) => [n.id, n]));
  const time = new Map<string, number>();
  const places = new Map<string, Map<string, number>>();
  let busy = 0;
  profile.samples.forEach((id, i) => {
    const frame = byId.get(id)!.callFrame;
    if (frame.functionName === "(idle)" || frame.functionName === "(program)") return;
    const where = frame.url || frame.functionName;
    const category = CATEGORIES.find(([, re]) => re.test(where))?.[0] ?? "other";
    const dt = profile.timeDeltas[i] ?? 0;
    time.set(category, (time.get(category) ?? 0) + dt);
    const place = `${frame.functionName || "(anonymous)"} ${frame.url.replace(/^.*node_modules\//, "").replace(/^file:\/\/.*\/(dist|src)\//, "")}`;
    if (!places.has(category)) places.set(category, new Map());
    const p = places.get(category)!;
    p.set(place, (p.get(place) ?? 0) + dt);
    busy += dt;
  });
  const top = (category: string) =>
    [...(places.get(category) ?? new Map<string, number>()).entries()]
      .sort((a, b) => b[1] - a[1])
      .slice(0, 5)
      .map(([place, t]) => `${place} ${((t / (busy || 1)) * 100).toFixed(1)} %`);
  return [...time.entries()]
    .map(([category, t]) => ({ category, share: t / (busy || 1), top: top(category) }))
    .sort((a, b) => b.share - a.share);
}

/** The profile a process with this pid wrote into `dir` (Node names them CPU.<date>.<pid>.<tid>.<n>.cpuprofile). */
export function profileOf(dir: string, pid: number | undefined): string | null {
  const name = readdirSync(dir).find((f) => f.includes(`.${pid}.`) && f.endsWith(".cpuprofile"));
  return name ? join(dir, name) : null;
}

/**
 * The functions a V8 CPU profile spent the most self time in (busy time only: idle and "(program)" left out),
 * with their share of the busy time — what to look at first when a service is slow.
 */
export function topSelfTime(file: string, n = 15): { place: string; ms: number; share: number }[] {
  const profile = JSON.parse(readFileSync(file, "utf8")) as Profile;
  const byId = new Map(profile.nodes.map((node) => [node.id, node]));
  const time = new Map<string, number>();
  let busy = 0;
  profile.samples.forEach((id, i) => {
    const frame = byId.get(id)!.callFrame;
    if (frame.functionName === "(idle)" || frame.functionName === "(program)") return;
    const dt = profile.timeDeltas[i] ?? 0;
    const place = `${frame.functionName || "(anonymous)"} ${frame.url.replace(/^.*node_modules\//, "").replace(/^file:\/\/.*\/(dist|src)\//, "")}`;
    time.set(place, (time.get(place) ?? 0) + dt);
    busy += dt;
  });
  return [...time.entries()]
    .sort((a, b) => b[1] - a[1])
    .slice(0, n)
    .map(([place, us]) => ({ place, ms: us / 1000, share: us / (busy || 1) }));
}
