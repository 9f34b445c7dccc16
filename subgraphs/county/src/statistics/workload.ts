/** 人均检查户数: the spread of visits per inspector, over the inspectors who took part in at least one visit. */
export interface WorkloadFigures {
  inspectors: number;
  min: number;
  median: number;
  max: number;
}

/** Min, median (mean of the two middle values for an even count) and max of per-inspector visit counts. */
export function workloadOf(counts: number[]): WorkloadFigures {
  if (!counts.length) return { inspectors: 0, min: 0, median: 0, max: 0 };
  const s = [...counts].sort((a, b) => a - b);
  const mid = s.length >> 1;
  return { inspectors: s.length, min: s[0], median: s.length % 2 ? s[mid] : (s[mid - 1] + s[mid]) / 2, max: s[s.length - 1] };
}
