import { AppError, ErrorCode, REGION_PATTERN } from "@ssj/shared";

export type RegionLevel = "PROVINCE" | "CITY" | "COUNTY" | "TOWN" | "VILLAGE";

export interface RegionEntry {
  code: string;
  name: string;
  level: RegionLevel;
  /** the enclosing division's code (town → county, county → city, city → province), whether or not the table names it */
  parentCode: string | null;
}

/** Level from the code's shape (GB/T 2260 for 6 digits, then 3 digits per town and 3 per village). */
export function levelOf(code: string): RegionLevel {
  if (code.length === 12) return "VILLAGE";
  if (code.length === 9) return "TOWN";
  if (code.endsWith("0000")) return "PROVINCE";
  if (code.endsWith("00")) return "CITY";
  return "COUNTY";
}

export function parentOf(code: string): string | null {
  if (code.length === 12) return code.slice(0, 9);
  if (code.length === 9) return code.slice(0, 6);
  const level = levelOf(code);
  if (level === "COUNTY") return code.slice(0, 4) + "00";
  if (level === "CITY") return code.slice(0, 2) + "0000";
  return null;
}

/**
 * The region names a deployment configures, as an immutable table ordered by code. Read from a
 * `code,name` CSV (an optional `code,name` header; `#` lines are comments): the file is small (a county's towns
 * and villages), so it is read whole, once.
 */
export class RegionTable {
  readonly entries: readonly RegionEntry[];
  private readonly byCode: Map<string, RegionEntry>;

  constructor(entries: RegionEntry[]) {
    this.entries = [...entries].sort((a, b) => a.code.localeCompare(b.code));
    this.byCode = new Map(this.entries.map((e) => [e.code, e]));
  }

  static parse(text: string, source: string): RegionTable {
    const entries: RegionEntry[] = [];
    const seen = new Set<string>();
    text.split(/\r?\n/).forEach((raw, i) => {
      const line = raw.replace(/^\uFEFF/, "").trim();
      if (!line || line.startsWith("#") || /^code\s*,\s*name$/i.test(line)) return;
      const [code = "", ...rest] = line.split(",").map((s) => s.trim());
      const name = rest.join(",").trim();
      if (!REGION_PATTERN.test(code) || !name || seen.has(code)) {
        throw new Error(`${source} line ${i + 1}: expected "code,name" with a 6-, 9- or 12-digit code seen once, got "${line}"`);
      }
      seen.add(code);
      entries.push({ code, name, level: levelOf(code), parentCode: parentOf(code) });
    });
    return new RegionTable(entries);
  }

  get(code: string): RegionEntry | undefined {
    return this.byCode.get(code);
  }

  /** Entries under `parent` (direct children only), or every entry; then restricted to `codes` when given. */
  select(parent: string | null | undefined, codes: readonly string[] | null | undefined): RegionEntry[] {
    if (parent != null && !REGION_PATTERN.test(parent)) {
      throw new AppError(ErrorCode.INVALID_REGION, `行政区划代码应为 6、9 或 12 位数字，收到“${parent}”`, { field: "parent" });
    }
    const wanted = codes?.length ? new Set(codes) : null;
    return this.entries.filter((e) => (parent == null || e.parentCode === parent) && (!wanted || wanted.has(e.code)));
  }

  /** "资阳市安岳县岳阳镇": the names of the enclosing divisions the table knows, outermost first. */
  fullName(code: string): string {
    const names: string[] = [];
    for (let c: string | null = code; c; c = parentOf(c)) {
      const e = this.byCode.get(c);
      if (e) names.unshift(e.name);
    }
    return names.join("");
  }
}
