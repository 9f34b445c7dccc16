import { REGION_PATTERN } from "@ssj/shared";
import { AppError, ErrorCode, KEY_SECTOR_LABELS, RECORD_FIELDS, explainUsccError, normalizeUscc } from "@ssj/shared";
import type { FieldProblem, KeySector, RiskClass, SubjectRecordInput } from "@ssj/shared";

export type { FieldProblem, KeySector, RiskClass, SubjectRecordInput } from "@ssj/shared";
export { KEY_SECTOR_LABELS } from "@ssj/shared";

export const RISK_CLASSES: readonly RiskClass[] = ["A", "B", "C", "D"];
export const KEY_SECTORS: readonly KeySector[] = ["ENVIRONMENT", "FOOD_DRUG", "SAFETY"];

/** Chinese label of each field, as used in messages. */
export const SUBJECT_FIELD_LABELS: Readonly<Record<keyof SubjectRecordInput, string>> = {
  uscc: "统一社会信用代码",
  name: "名称",
  category: "行业类别",
  address: "地址",
  legalRepresentative: "法定代表人（负责人）",
  region: "行政区划代码",
  supervisionTypes: "监管类型",
  riskClass: "信用风险分类",
  abnormalList: "经营异常名录标记",
  dishonest: "失信标记",
  seriousViolation: "严重违法失信标记",
  keySectors: "重点领域",
};

/** Field order, used to report problems in a stable order. */
export const SUBJECT_FIELDS: readonly (keyof SubjectRecordInput)[] = RECORD_FIELDS;

/** Length limits (characters), matching the storage columns. */
export const SUBJECT_TEXT_LIMITS = {
  name: 200,
  category: 100,
  address: 300,
  legalRepresentative: 100,
  supervisionType: 100,
} as const;
export const MAX_SUPERVISION_TYPES = 50;

const SECTOR_BY_NAME = new Map<string, KeySector>();
for (const s of KEY_SECTORS) {
  SECTOR_BY_NAME.set(s, s);
  SECTOR_BY_NAME.set(KEY_SECTOR_LABELS[s], s);
}

/** `ENVIRONMENT` / `environment` / `环境保护` → `ENVIRONMENT`; anything else → null. */
export function parseKeySector(value: string): KeySector | null {
  const v = value.trim();
  return SECTOR_BY_NAME.get(v) ?? SECTOR_BY_NAME.get(v.toUpperCase()) ?? null;
}

/** 6 (county), 9 (town/street) or 12 (village/community) digits. */

type Input = Partial<Record<keyof SubjectRecordInput, unknown>>;

/**
 * Check one supervision record without throwing: the normalised record if every field is fine, and
 * every problem found (one per field at most, in field order). Unknown extra properties are ignored.
 *
 * Normalisation: text trimmed; USCC upper-cased (full-width → half-width); risk class upper-cased;
 * supervision types trimmed, empty entries dropped, duplicates removed (first occurrence kept); key
 * sectors accepted as enum names or Chinese labels, de-duplicated; the three flags default to false.
 */
export function checkSubjectRecord(input: Input): { record?: SubjectRecordInput; problems: FieldProblem[] } {
  const problems: FieldProblem[] = [];
  const problem = (field: keyof SubjectRecordInput, code: ErrorCode, reason: string) => {
    problems.push({ field, code, reason });
  };

  // uscc
  let uscc = "";
  {
    const v = input.uscc;
    if (v === undefined || v === null || (typeof v === "string" && v.trim() === "")) {
      problem("uscc", ErrorCode.REQUIRED_FIELD, "统一社会信用代码不能为空");
    } else {
      const reason = explainUsccError(v);
      if (reason !== null) problem("uscc", ErrorCode.INVALID_USCC, reason);
      else uscc = normalizeUscc(v as string);
    }
  }

  const text = (field: "name" | "category" | "address" | "legalRepresentative"): string => {
    const v = input[field];
    const label = SUBJECT_FIELD_LABELS[field];
    if (v !== undefined && v !== null && typeof v !== "string") {
      problem(field, ErrorCode.BAD_USER_INPUT, `${label}应为文本`);
      return "";
    }
    const t = (v ?? "").trim();
    if (!t) {
      problem(field, ErrorCode.REQUIRED_FIELD, `${label}不能为空`);
      return "";
    }
    const max = SUBJECT_TEXT_LIMITS[field];
    if (t.length > max) {
      problem(field, ErrorCode.BAD_USER_INPUT, `${label}过长（最多 ${max} 个字符，实际 ${t.length} 个）`);
      return "";
    }
    return t;
  };
  const name = text("name");
  const category = text("category");
  const address = text("address");
  const legalRepresentative = text("legalRepresentative");

  // region
  let region = "";
  {
    const v = input.region;
    const t = typeof v === "string" ? v.trim() : typeof v === "number" && Number.isInteger(v) ? String(v) : v;
    if (t === undefined || t === null || t === "") {
      problem("region", ErrorCode.REQUIRED_FIELD, "行政区划代码不能为空");
    } else if (typeof t !== "string" || !REGION_PATTERN.test(t)) {
      problem("region", ErrorCode.INVALID_REGION, `行政区划代码应为 6、9 或 12 位数字，收到“${String(t)}”`);
    } else {
      region = t;
    }
  }

  // supervisionTypes
  let supervisionTypes: string[] = [];
  {
    const v = input.supervisionTypes;
    const label = SUBJECT_FIELD_LABELS.supervisionTypes;
    if (v !== undefined && v !== null && (!Array.isArray(v) || v.some((x) => typeof x !== "string"))) {
      problem("supervisionTypes", ErrorCode.BAD_USER_INPUT, `${label}应为文本列表`);
    } else {
      const list = [...new Set(((v as string[] | null | undefined) ?? []).map((x) => x.trim()).filter(Boolean))];
      const tooLong = list.find((x) => x.length > SUBJECT_TEXT_LIMITS.supervisionType);
      if (list.length === 0) {
        problem("supervisionTypes", ErrorCode.REQUIRED_FIELD, `${label}至少填写一项`);
      } else if (tooLong) {
        problem(
          "supervisionTypes",
          ErrorCode.BAD_USER_INPUT,
          `${label}“${tooLong.slice(0, 20)}…”过长（每项最多 ${SUBJECT_TEXT_LIMITS.supervisionType} 个字符）`,
        );
      } else if (list.length > MAX_SUPERVISION_TYPES) {
        problem("supervisionTypes", ErrorCode.BAD_USER_INPUT, `${label}最多 ${MAX_SUPERVISION_TYPES} 项，实际 ${list.length} 项`);
      } else {
        supervisionTypes = list;
      }
    }
  }

  // riskClass
  let riskClass: RiskClass = "A";
  {
    const v = input.riskClass;
    const t = typeof v === "string" ? v.trim().toUpperCase() : v;
    if (t === undefined || t === null || t === "") {
      problem("riskClass", ErrorCode.REQUIRED_FIELD, "信用风险分类不能为空");
    } else if (typeof t !== "string" || !(RISK_CLASSES as readonly string[]).includes(t)) {
      problem("riskClass", ErrorCode.BAD_USER_INPUT, `信用风险分类应为 A、B、C 或 D，收到“${String(v)}”`);
    } else {
      riskClass = t as RiskClass;
    }
  }

  const flag = (field: "abnormalList" | "dishonest" | "seriousViolation"): boolean => {
    const v = input[field];
    if (v === undefined || v === null) return false;
    if (typeof v !== "boolean") {
      problem(field, ErrorCode.BAD_USER_INPUT, `${SUBJECT_FIELD_LABELS[field]}应为是或否`);
      return false;
    }
    return v;
  };
  const abnormalList = flag("abnormalList");
  const dishonest = flag("dishonest");
  const seriousViolation = flag("seriousViolation");

  // keySectors
  let keySectors: KeySector[] = [];
  {
    const v = input.keySectors;
    if (v !== undefined && v !== null) {
      if (!Array.isArray(v) || v.some((x) => typeof x !== "string")) {
        problem("keySectors", ErrorCode.BAD_USER_INPUT, "重点领域应为文本列表");
      } else {
        const parsed: KeySector[] = [];
        const unknown: string[] = [];
        for (const raw of v as string[]) {
          if (!raw.trim()) continue;
          const s = parseKeySector(raw);
          if (s === null) unknown.push(raw.trim());
          else if (!parsed.includes(s)) parsed.push(s);
        }
        if (unknown.length) {
          problem("keySectors", ErrorCode.BAD_USER_INPUT, `重点领域“${unknown.join("、")}”无法识别，应为环境保护、食品药品或安全生产`);
        } else {
          keySectors = parsed;
        }
      }
    }
  }

  if (problems.length) return { problems };
  return {
    record: {
      uscc,
      name,
      category,
      address,
      legalRepresentative,
      region,
      supervisionTypes,
      riskClass,
      abnormalList,
      dishonest,
      seriousViolation,
      keySectors,
    },
    problems,
  };
}

/**
 * The normalised record, or an AppError carrying the first problem's code and reason, with
 * `extensions.field` (first problem's field) and `extensions.problems` (all of them).
 */
export function validateSubjectRecord(input: Input): SubjectRecordInput {
  const { record, problems } = checkSubjectRecord(input);
  if (record) return record;
  const first = problems[0]!;
  throw new AppError(first.code, first.reason, { field: first.field, problems });
}
