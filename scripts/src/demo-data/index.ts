import type { DepartmentInput, ExpertInput, InspectorInput, MatterInput, SubjectRecordInput } from "@ssj/shared";
import { DEPARTMENTS, DEPARTMENT_CODES, type DemoDepartmentCode } from "./departments.js";
import { demoExperts } from "./experts.js";
import { demoInspectors } from "./inspectors.js";
import { demoMatters } from "./matters.js";
import { CITY, DISTRICTS, type District } from "./regions.js";
import { demoSubjects, departmentSubjects, type DemoSubject } from "./subjects.js";

export * from "./random.js";
export * from "./names.js";
export * from "./regions.js";
export * from "./departments.js";
export * from "./matters.js";
export * from "./subjects.js";
export * from "./inspectors.js";
export * from "./experts.js";
export * from "./csv.js";

export const DEFAULT_DEMO_SEED = "ziyang-demo";
export const DEFAULT_DEMO_SUBJECTS = 3000;

export interface DemoOptions {
  seed?: string;
  /** size of the subject universe (each department gets the subset it supervises); up to 31^6 */
  subjects?: number;
}

export interface DemoData {
  seed: string;
  subjectCount: number;
  city: typeof CITY;
  districts: readonly District[];
  departments: DepartmentInput[];
  matters: Record<DemoDepartmentCode, MatterInput[]>;
  inspectors: Record<DemoDepartmentCode, InspectorInput[]>;
  experts: Record<DemoDepartmentCode, ExpertInput[]>;
  /** a fresh iterator over the whole universe each call (streamed) */
  subjects(): Iterable<DemoSubject>;
  /** a fresh iterator over one department's directory each call (streamed) */
  departmentSubjects(dept: DemoDepartmentCode): Iterable<SubjectRecordInput>;
}

const perDepartment = <T>(f: (d: DemoDepartmentCode) => T): Record<DemoDepartmentCode, T> =>
  Object.fromEntries(DEPARTMENT_CODES.map((d) => [d, f(d)])) as Record<DemoDepartmentCode, T>;

/**
 * The deterministic demo data set for 资阳市: the same options always give the same data, byte for byte.
 * Departments, matters, inspectors and experts are small and built eagerly; subjects are streamed.
 */
export function generateDemo(opts: DemoOptions = {}): DemoData {
  const seed = opts.seed ?? DEFAULT_DEMO_SEED;
  const count = opts.subjects ?? DEFAULT_DEMO_SUBJECTS;
  const subjectOpts = { seed, count };
  return {
    seed,
    subjectCount: count,
    city: CITY,
    districts: DISTRICTS,
    departments: DEPARTMENTS.map((d) => ({ ...d })),
    matters: perDepartment((d) => demoMatters(d)),
    inspectors: perDepartment((d) => demoInspectors(seed, d)),
    experts: perDepartment((d) => demoExperts(seed, d)),
    subjects: () => demoSubjects(subjectOpts),
    departmentSubjects: (dept) => departmentSubjects(dept, subjectOpts),
  };
}
