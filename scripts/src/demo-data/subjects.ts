import { fmix32 } from "@ssj/draw-engine";
import { USCC_CHARSET, usccCheckDigit } from "@ssj/shared";
import type { RiskClass, SubjectRecordInput } from "@ssj/shared";
import { CATEGORIES, type CategoryDef, type DeptRule, type EntityKind } from "./categories.js";
import { DEPARTMENT_CODES, type DemoDepartmentCode } from "./departments.js";
import { ownerNickname, personName, tradeName } from "./names.js";
import { Rng } from "./random.js";
import { CITY, DISTRICTS, ROADS, VILLAGES, type District, type Town } from "./regions.js";

export { CATEGORIES, type EntityKind } from "./categories.js";

const TYPE_CODE: Record<EntityKind, string> = { enterprise: "91", individual: "92", cooperative: "93" };

const RISK: [RiskClass, number][] = [
  ["A", 40],
  ["B", 35],
  ["C", 18],
  ["D", 7],
];
const RISK_ORDER: RiskClass[] = ["A", "B", "C", "D"];
const atLeast = (r: RiskClass, min: RiskClass): RiskClass => (RISK_ORDER.indexOf(r) < RISK_ORDER.indexOf(min) ? min : r);

/** 31^6: how many distinct subject identifiers the generator can make. */
export const MAX_DEMO_SUBJECTS = 31 ** 6;

const GB11714_WEIGHTS = [3, 7, 9, 10, 5, 8, 4, 2];
/** The check character of an 8-character organisation code body (GB 11714): 0-9 or X. */
export function orgCodeCheck(body8: string): string {
  let sum = 0;
  for (let i = 0; i < 8; i++) {
    const c = body8.charCodeAt(i);
    const v = c >= 48 && c <= 57 ? c - 48 : c - 55; // A = 10 … Z = 35
    sum += v * GB11714_WEIGHTS[i]!;
  }
  const r = 11 - (sum % 11);
  return r === 11 ? "0" : r === 10 ? "X" : String(r);
}

/**
 * The USCC of subject number `index`: 9 + type + district code + "MA" + 6 scrambled characters + the
 * GB 11714 check + the GB 32100 check. Distinct indexes give distinct codes: the scramble is a keyed
 * Feistel permutation of 0 … 31^6 − 1 (two halves of 31^3), so codes look random yet never collide.
 */
export function demoUscc(seed: string, index: number, kind: EntityKind, districtCode: string): string {
  let x = permute(index, feistelKeys(seed));
  let body = "";
  for (let i = 0; i < 6; i++) {
    body = USCC_CHARSET[x % 31]! + body;
    x = Math.floor(x / 31);
  }
  const org = "MA" + body;
  const first17 = TYPE_CODE[kind] + districtCode + org + orgCodeCheck(org);
  return first17 + usccCheckDigit(first17);
}

const HALF = 31 ** 3;

function permute(x: number, keys: readonly number[]): number {
  let l = Math.floor(x / HALF);
  let r = x % HALF;
  for (const k of keys) {
    const next = (l + (fmix32(r ^ k) % HALF)) % HALF;
    l = r;
    r = next;
  }
  return l * HALF + r;
}

const keyCache = new Map<string, number[]>();
function feistelKeys(seed: string): number[] {
  let keys = keyCache.get(seed);
  if (!keys) {
    const rng = new Rng(`${seed}/uscc`);
    keys = [rng.uint32(), rng.uint32(), rng.uint32(), rng.uint32()];
    keyCache.set(seed, keys);
  }
  return keys;
}

export interface DemoSubject {
  index: number;
  uscc: string;
  name: string;
  category: string;
  kind: EntityKind;
  /** the record each supervising department keeps (1–4 departments) */
  departments: Partial<Record<DemoDepartmentCode, SubjectRecordInput>>;
}

export interface DemoSubjectOptions {
  seed: string;
  count: number;
}

const CATEGORY_WEIGHTS = CATEGORIES.map((c) => [c, c.weight] as const);
const DISTRICT_WEIGHTS = DISTRICTS.map((d) => [d, d.weight] as const);

function fill(template: string, owner: string, town: Town): string {
  return template.replace("{o}", owner).replace("{t}", town.name);
}

function subjectName(rng: Rng, def: CategoryDef, kind: EntityKind, district: District, town: Town, owner: string): string {
  const ending = rng.pick(def.names[kind] ?? def.names.enterprise ?? ["有限公司"]);
  const districtLabel = district.name === "高新区" ? "资阳高新区" : district.name;
  if (kind === "individual") {
    const shop = fill(ending, owner, town);
    if (ending.includes("{o}")) return `${districtLabel}${town.name}${shop}`;
    const who = rng.chance(0.6) ? ownerNickname(rng, owner) : tradeName(rng);
    return `${districtLabel}${town.name}${who}${shop}`;
  }
  if (kind === "cooperative") return `${districtLabel}${town.name}${tradeName(rng)}${fill(ending, owner, town)}`;
  const prefix = rng.weighted([
    [CITY.name, 4],
    [district.name === "高新区" ? CITY.name : `${CITY.name}${district.name}`, 3],
    [district.name === "高新区" ? "资阳高新区" : district.name, 2],
    ["四川", 1],
  ] as const);
  return `${prefix}${tradeName(rng)}${fill(ending, owner, town)}`;
}

function subjectAddress(rng: Rng, def: CategoryDef, district: District, town: Town): string {
  const base = `${CITY.province}${CITY.name}${district.name}${town.name}`;
  if (!town.urban && rng.chance(def.rural)) return `${base}${rng.pick(VILLAGES)}村${rng.int(1, 12)}组`;
  const no = rng.int(1, 300);
  return rng.chance(0.2) ? `${base}${rng.pick(ROADS)}${no}号附${rng.int(1, 9)}号` : `${base}${rng.pick(ROADS)}${no}号`;
}

function departmentTypes<D extends DemoDepartmentCode>(rng: Rng, rule: DeptRule<D>): string[] {
  const types: string[] = [...rule.always];
  for (const [t, p] of rule.optional ?? []) if (rng.chance(p) && !types.includes(t)) types.push(t);
  if (types.length === 0 && rule.optional?.length) types.push(rng.pick(rule.optional)[0]);
  return types;
}

/** Subject number `index` of the universe for `seed` (pure: the same arguments give the same subject). */
export function demoSubject(seed: string, index: number): DemoSubject {
  const rng = new Rng(`${seed}/subject/${index}`);
  const def = rng.weighted(CATEGORY_WEIGHTS);
  const kind = rng.weighted(def.kinds);
  const district = rng.weighted(DISTRICT_WEIGHTS);
  const town = rng.pick(district.towns);
  const owner = personName(rng);
  const name = subjectName(rng, def, kind, district, town, owner);
  const address = subjectAddress(rng, def, district, town);
  const uscc = demoUscc(seed, index, kind, district.code);

  // Facts shared by every department's record: public credit lists and a baseline risk.
  const seriousViolation = rng.chance(0.005);
  const dishonest = seriousViolation || rng.chance(0.015);
  const abnormalList = rng.chance(0.04);
  const baseRisk = rng.weighted(RISK);

  const departments: Partial<Record<DemoDepartmentCode, SubjectRecordInput>> = {};
  const chosen = DEPARTMENT_CODES.filter((d) => {
    const rule = def.departments[d];
    return rule !== undefined && rng.chance(rule.p);
  });
  if (chosen.length === 0) chosen.push(def.departments.market ? "market" : DEPARTMENT_CODES.find((d) => def.departments[d])!);

  for (const d of chosen) {
    const rule = def.departments[d] as DeptRule<DemoDepartmentCode>;
    let supervisionTypes = departmentTypes(rng, rule);
    if (d === "market") supervisionTypes = [kind === "individual" ? "个体工商户年报" : "企业公示信息", ...supervisionTypes];
    let riskClass = rng.chance(0.6) ? baseRisk : rng.weighted(RISK);
    if (seriousViolation) riskClass = "D";
    else if (dishonest) riskClass = atLeast(riskClass, "C");
    else if (abnormalList && rng.chance(0.5)) riskClass = atLeast(riskClass, "B");
    // A key-sector designation (重点领域) marks a subject for a higher ratio: a minority of the trade, not all of it.
    const keySectors = (rule.sectors ?? []).filter(() => rng.chance(0.08));
    departments[d] = {
      uscc,
      name,
      category: def.category,
      address,
      legalRepresentative: owner,
      region: town.code,
      supervisionTypes,
      riskClass,
      abnormalList,
      dishonest,
      seriousViolation,
      keySectors,
    };
  }
  return { index, uscc, name, category: def.category, kind, departments };
}

/**
 * The universe of demo market subjects, generated one at a time (a generator: 1,000,000 subjects take
 * constant memory). Subject i depends only on (seed, i).
 */
export function* demoSubjects(opts: DemoSubjectOptions): Generator<DemoSubject, void, undefined> {
  if (!Number.isInteger(opts.count) || opts.count < 0 || opts.count > MAX_DEMO_SUBJECTS) {
    throw new RangeError(`subject count must be an integer in [0, ${MAX_DEMO_SUBJECTS}]`);
  }
  for (let i = 0; i < opts.count; i++) yield demoSubject(opts.seed, i);
}

/** One department's directory: the records of the subjects of the universe it supervises, in order. */
export function* departmentSubjects(dept: DemoDepartmentCode, opts: DemoSubjectOptions): Generator<SubjectRecordInput, void, undefined> {
  for (const s of demoSubjects(opts)) {
    const r = s.departments[dept];
    if (r) yield r;
  }
}
