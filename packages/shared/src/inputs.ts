import type { ErrorCode } from "./errors.js";

/**
 * Plain input shapes shared by the department subgraph (validation, CSV import) and the demo-data
 * generator in `scripts/`. Types, plus two constants (key-sector labels, CSV column order); no decorators, no logic.
 * The department's `@InputType` classes of the same names implement these interfaces, so the generator's data
 * and the API's inputs cannot drift apart.
 */

/** 信用风险分类: A low … D high, kept per department. */
export type RiskClass = "A" | "B" | "C" | "D";

/** 重点领域: 环境保护 / 食品药品 / 安全生产. */
export type KeySector = "ENVIRONMENT" | "FOOD_DRUG" | "SAFETY";

/** Chinese label of each key sector (accepted as input beside the enum names, written in CSV files). */
export const KEY_SECTOR_LABELS: Readonly<Record<KeySector, string>> = {
  ENVIRONMENT: "环境保护",
  FOOD_DRUG: "食品药品",
  SAFETY: "安全生产",
};

/** One market subject's supervision record as one department keeps it (市场主体名录库 row). */
export interface SubjectRecordInput {
  /** 统一社会信用代码, normalised (upper-case, 18 chars, valid check digit). */
  uscc: string;
  /** 名称 */
  name: string;
  /** 行业（经营）类别 */
  category: string;
  /** 地址 / 住所 */
  address: string;
  /** 法定代表人 / 负责人 */
  legalRepresentative: string;
  /** 行政区划代码: 6 (county), 9 (town) or 12 (village) digits. */
  region: string;
  /** 监管类型 (matched against a matter's `appliesTo`); non-empty, unique. */
  supervisionTypes: string[];
  riskClass: RiskClass;
  /** 列入经营异常名录 */
  abnormalList: boolean;
  /** 失信 */
  dishonest: boolean;
  /** 严重违法失信 */
  seriousViolation: boolean;
  keySectors: KeySector[];
}

/**
 * The fields of a supervision record, in their one order: the columns of a subject CSV file (English header
 * names, as written by the demo generator), the order problems are reported in, and the keys of a record's
 * history snapshot. Listed once here so the department's rules, import and history cannot drift apart.
 */
export const RECORD_FIELDS = [
  "uscc",
  "name",
  "category",
  "address",
  "legalRepresentative",
  "region",
  "supervisionTypes",
  "riskClass",
  "abnormalList",
  "dishonest",
  "seriousViolation",
  "keySectors",
] as const satisfies readonly (keyof SubjectRecordInput)[];

/** Compile-time proof that RECORD_FIELDS names every field of SubjectRecordInput. */
const recordFieldsComplete: Exclude<keyof SubjectRecordInput, (typeof RECORD_FIELDS)[number]> extends never ? true : never = true;
void recordFieldsComplete;

/** Column order of a subject CSV file: the record's fields. */
export const SUBJECT_CSV_COLUMNS = RECORD_FIELDS;

/** One problem with one field of an input; `reason` is Chinese, for the clerk. */
export interface FieldProblem {
  field: string;
  code: ErrorCode;
  reason: string;
}

export type MatterClassName = "KEY" | "GENERAL";

/** 随机抽查事项 (one entry of a department's 随机抽查事项清单). */
export interface MatterInput {
  /** e.g. "SCJG-2027-001" */
  code: string;
  /** 抽查事项 */
  name: string;
  /** 抽查子项 */
  subItem: string;
  /** 抽查依据 */
  legalBasis: string;
  /** 抽查主体 */
  implementingBody: string;
  /** 抽查对象 */
  objectType: string;
  /** 抽查内容及要求 */
  content: string;
  /** KEY 重点 / GENERAL 一般 */
  matterClass: MatterClassName;
  /** in (0, 1] */
  defaultRatio: number;
  /** integer ≥ 1 */
  yearlyFrequency: number;
  /**
   * 执法类别 an inspector needs to check this matter: codes or exact Chinese names of the shared vocabulary
   * (`ENFORCEMENT_CATEGORIES`), e.g. "FOOD_SAFETY" or "特种设备安全"; stored as codes.
   */
  qualifications: string[];
  /** the department's own wording of the matter's category (a label only; matching uses the codes) */
  categoryLabel?: string | null;
  /** whether a third-party expert should join the visit */
  expertRequired: boolean;
  /** the subject supervision types this matter applies to */
  appliesTo: string[];
  /** 法定报告期限: working days after the inspection's end the report is due, when a statute names one (1–60); else 3. */
  reportDeadlineWorkingDays?: number | null;
}

/** 执法检查人员 (one entry of 执法检查人员名录库). */
export interface InspectorInput {
  name: string;
  /** 执法证号, unique */
  certificateNo: string;
  /** 执法类别: codes or exact Chinese names of the shared vocabulary; stored as codes. */
  categories: string[];
  /** 行政区划代码 of the inspector's post */
  region: string;
  /** expertise tags */
  expertise: string[];
  phone?: string | null;
}

/** 专家 (third-party expert, 政府购买服务). */
export interface ExpertInput {
  name: string;
  organization: string;
  expertise: string[];
  region: string;
  phone?: string | null;
}

export type DepartmentKindName = "MARKET_SUPERVISION" | "OTHER";
export type DepartmentLevelName = "CITY" | "COUNTY";

/** A department as the county registry knows it (without its URL). */
export interface DepartmentInput {
  code: string;
  name: string;
  kind: DepartmentKindName;
  region: string;
  level: DepartmentLevelName;
}
