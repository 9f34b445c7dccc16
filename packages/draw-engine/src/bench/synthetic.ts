/**
 * Deterministic synthetic pools for the benchmark and the tests.
 *
 * Why: the benchmark needs a realistic million-subject county and a 2,000-person directory, and the
 * tests need many varied small pools; both must be reproducible, so they come from a fixed-seed
 * PRNG (mulberry32), never Math.random.
 */

import { buildCandidate } from "../strata.js";
import type { CandidateEntry, DepartmentRisk, ExpertEntry, InspectorEntry, MatterRule, PersonStatus, RiskClass } from "../types.js";

/** mulberry32: a tiny deterministic PRNG returning floats in [0, 1). */
export function mulberry32(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** Shape of a synthetic county. */
export interface SyntheticOptions {
  subjects: number;
  inspectors: number;
  experts?: number;
  departments?: string[];
  /** Categories per department (names are `<dept>-c<i>`). */
  categoriesPerDepartment?: number;
  regions?: string[];
  prngSeed?: number;
}

/** A synthetic county: pools plus matching matter rules. */
export interface SyntheticCounty {
  candidates: CandidateEntry[];
  inspectors: InspectorEntry[];
  experts: ExpertEntry[];
  matters: Record<string, MatterRule>;
}

/** Build a reproducible synthetic county. */
export function syntheticCounty(o: SyntheticOptions): SyntheticCounty {
  const rnd = mulberry32(o.prngSeed ?? 20261127);
  const depts = o.departments ?? ["market", "ecology", "safety", "health", "agri"];
  const ncat = o.categoriesPerDepartment ?? 4;
  const regions = o.regions ?? ["512002", "512021", "512022", "512081", "512099"];
  const pick = <T>(xs: readonly T[]): T => xs[Math.floor(rnd() * xs.length)]!;

  // 3 matters per department; the first needs one category, the third also an expert.
  const matters: Record<string, MatterRule> = {};
  for (const d of depts) {
    matters[`${d}:1`] = { department: d, categories: [`${d}-c0`], expertCategories: null };
    matters[`${d}:2`] = { department: d, categories: [], expertCategories: null };
    matters[`${d}:3`] = { department: d, categories: [`${d}-c1`], expertCategories: ["lab"] };
  }

  const candidates: CandidateEntry[] = new Array(o.subjects);
  const classes: RiskClass[] = ["A", "A", "A", "A", "A", "A", "B", "B", "B", "C", "D"];
  for (let i = 0; i < o.subjects; i++) {
    const id = "9151" + String((i * 7919) % 1e14).padStart(14, "0");
    const d1 = pick(depts);
    const risks: DepartmentRisk[] = [{ department: d1, riskClass: pick(classes), flags: rnd() < 0.01 ? { abnormal: true } : {} }];
    if (rnd() < 0.1) {
      const d2 = pick(depts);
      if (d2 !== d1) risks.push({ department: d2, riskClass: pick(classes) });
    }
    const ms = risks.map((r) => {
      const x = rnd();
      return `${r.department}:${x < 0.6 ? 1 : x < 0.97 ? 2 : 3}`;
    });
    candidates[i] = buildCandidate(id, risks, ms);
  }

  const statuses: PersonStatus[] = ["ACTIVE", "ACTIVE", "ACTIVE", "ACTIVE", "ACTIVE", "ACTIVE", "ACTIVE", "ACTIVE", "ACTIVE", "SUSPENDED"];
  const inspectors: InspectorEntry[] = [];
  for (let i = 0; i < o.inspectors; i++) {
    const d = depts[i % depts.length]!;
    const cats = new Set<string>([`${d}-c${i % ncat}`, `${d}-c${Math.floor(rnd() * ncat)}`]);
    const conflicts = rnd() < 0.2 ? [candidates[Math.floor(rnd() * candidates.length)]!.subjectId] : [];
    inspectors.push({
      id: `${d}:${i}`,
      department: d,
      categories: [...cats],
      region: pick(regions),
      status: pick(statuses),
      conflicts,
      lastVisitedSubject: rnd() < 0.3 ? candidates[Math.floor(rnd() * candidates.length)]!.subjectId : null,
      level: rnd() < 0.8 ? "county" : "city",
    });
  }
  const experts: ExpertEntry[] = [];
  for (let i = 0; i < (o.experts ?? 50); i++) {
    experts.push({
      id: `expert:${i}`,
      department: "expert",
      categories: rnd() < 0.7 ? ["lab"] : ["lab", "fire"],
      region: pick(regions),
      status: "ACTIVE",
      conflicts: [],
      lastVisitedSubject: null,
      level: null,
    });
  }
  return { candidates, inspectors, experts, matters };
}
