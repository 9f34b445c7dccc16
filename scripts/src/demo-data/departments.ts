import type { DepartmentInput } from "@ssj/shared";
import { CITY } from "./regions.js";

export type DemoDepartmentCode = "market" | "ecology" | "emergency" | "health" | "agriculture";

/** The five city-level departments of the demo, in a fixed order. */
export const DEPARTMENTS: readonly (DepartmentInput & { code: DemoDepartmentCode })[] = [
  { code: "market", name: "资阳市市场监督管理局", kind: "MARKET_SUPERVISION", region: CITY.code, level: "CITY" },
  { code: "ecology", name: "资阳市生态环境局", kind: "OTHER", region: CITY.code, level: "CITY" },
  { code: "emergency", name: "资阳市应急管理局", kind: "OTHER", region: CITY.code, level: "CITY" },
  { code: "health", name: "资阳市卫生健康委员会", kind: "OTHER", region: CITY.code, level: "CITY" },
  { code: "agriculture", name: "资阳市农业农村局", kind: "OTHER", region: CITY.code, level: "CITY" },
];

export const DEPARTMENT_CODES: readonly DemoDepartmentCode[] = DEPARTMENTS.map((d) => d.code);

/** Prefix of each department's matter codes (SCJG-2027-001 …). */
export const MATTER_PREFIX: Readonly<Record<DemoDepartmentCode, string>> = {
  market: "SCJG",
  ecology: "STHJ",
  emergency: "YJGL",
  health: "WSJK",
  agriculture: "NYNC",
};

export function department(code: string): DepartmentInput & { code: DemoDepartmentCode } {
  const d = DEPARTMENTS.find((x) => x.code === code);
  if (!d) throw new RangeError(`unknown demo department ${code}`);
  return d;
}

/** Alias of `DEPARTMENTS` (the name the start script uses). */
export const DEMO_DEPARTMENTS = DEPARTMENTS;
