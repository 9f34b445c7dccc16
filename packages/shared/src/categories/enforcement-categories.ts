import { AppError, ErrorCode } from "../errors.js";

/** One entry of the shared vocabulary: a stable code, its Chinese name (the one clerks type) and an English name. */
export interface EnforcementCategoryEntry {
  readonly code: string;
  readonly name: string;
  readonly nameEn: string;
}

/**
 * 执法类别: the one controlled vocabulary every department uses for what a matter requires of an inspector and
 * what an inspector is qualified for. Departments used to type free text, and "特种设备" never matched
 * "特种设备安全"; matching is now exact on the code (docs/rules.md "Enforcement categories"). The entries follow
 * the fields of the national random-inspection matter lists (全国市场监管部门随机抽查事项清单 and the other
 * departments' lists); a code, once published, is never renamed or reused, since draw records carry it.
 */
export const ENFORCEMENT_CATEGORIES: readonly EnforcementCategoryEntry[] = [
  { code: "MARKET_GENERAL", name: "市场监管综合", nameEn: "General market supervision" },
  { code: "REGISTRATION", name: "登记注册", nameEn: "Business registration" },
  { code: "DISCLOSURE", name: "企业信息公示", nameEn: "Enterprise information disclosure" },
  { code: "FOOD_SAFETY", name: "食品安全", nameEn: "Food safety" },
  { code: "DRUG", name: "药品监管", nameEn: "Drug supervision" },
  { code: "MEDICAL_DEVICE", name: "医疗器械监管", nameEn: "Medical device supervision" },
  { code: "COSMETICS", name: "化妆品监管", nameEn: "Cosmetics supervision" },
  { code: "SPECIAL_EQUIPMENT", name: "特种设备安全", nameEn: "Special equipment safety" },
  { code: "PRODUCT_QUALITY", name: "产品质量", nameEn: "Product quality" },
  { code: "METROLOGY", name: "计量", nameEn: "Metrology" },
  { code: "STANDARDIZATION", name: "标准化", nameEn: "Standardization" },
  { code: "CERTIFICATION", name: "认证认可", nameEn: "Certification and accreditation" },
  { code: "INSPECTION_BODY", name: "检验检测", nameEn: "Inspection and testing bodies" },
  { code: "PRICE", name: "价格监管", nameEn: "Price supervision" },
  { code: "ADVERTISING", name: "广告监管", nameEn: "Advertising supervision" },
  { code: "FAIR_COMPETITION", name: "反不正当竞争", nameEn: "Unfair competition" },
  { code: "ONLINE_TRADE", name: "网络交易监管", nameEn: "Online trade supervision" },
  { code: "INTELLECTUAL_PROPERTY", name: "知识产权", nameEn: "Intellectual property" },
  { code: "CONSUMER_PROTECTION", name: "消费者权益保护", nameEn: "Consumer protection" },
  { code: "WORK_SAFETY", name: "安全生产", nameEn: "Work safety" },
  { code: "HAZARDOUS_CHEMICALS", name: "危险化学品", nameEn: "Hazardous chemicals" },
  { code: "FIREWORKS", name: "烟花爆竹", nameEn: "Fireworks" },
  { code: "GAS_SAFETY", name: "燃气安全", nameEn: "Gas safety" },
  { code: "FIRE_SAFETY", name: "消防安全", nameEn: "Fire safety" },
  { code: "ECOLOGY", name: "生态环境", nameEn: "Ecology and environment" },
  { code: "ENVIRONMENTAL_MONITORING", name: "环境监测", nameEn: "Environmental monitoring" },
  { code: "SOLID_WASTE", name: "固体废物", nameEn: "Solid waste" },
  { code: "PUBLIC_HEALTH", name: "公共卫生", nameEn: "Public health" },
  { code: "HEALTH_SUPERVISION", name: "卫生监督", nameEn: "Health supervision" },
  { code: "OCCUPATIONAL_HEALTH", name: "职业卫生", nameEn: "Occupational health" },
  { code: "AGRICULTURE", name: "农业综合执法", nameEn: "Agricultural law enforcement" },
  { code: "AGRICULTURAL_PRODUCTS", name: "农产品质量安全", nameEn: "Agricultural product quality and safety" },
  { code: "ANIMAL_HEALTH", name: "动物卫生监督", nameEn: "Animal health supervision" },
  { code: "COMPREHENSIVE", name: "综合执法", nameEn: "Comprehensive law enforcement" },
  { code: "TRANSPORT", name: "交通运输", nameEn: "Transport" },
  { code: "CULTURAL_MARKET", name: "文化市场", nameEn: "Cultural market" },
];

const byCode = new Map(ENFORCEMENT_CATEGORIES.map((c) => [c.code, c]));
const byName = new Map(ENFORCEMENT_CATEGORIES.map((c) => [c.name, c]));

/** The entry of a code, or undefined. */
export function enforcementCategory(code: string): EnforcementCategoryEntry | undefined {
  return byCode.get(code);
}

/** The code a value names exactly (a code or the shared Chinese name), or undefined: no fuzzy guess. */
export function matchCategoryCode(value: string): string | undefined {
  return (byCode.get(value) ?? byName.get(value))?.code;
}

/**
 * Validates a list of categories as a clerk types them (codes or exact shared Chinese names, trimmed, duplicates
 * dropped) into codes; an unknown one is refused with UNKNOWN_CATEGORY, naming it.
 */
export function toCategoryCodes(values: readonly string[], field: string): string[] {
  const codes: string[] = [];
  for (const raw of values) {
    const value = raw.trim();
    if (!value) continue;
    const code = matchCategoryCode(value);
    if (!code) {
      throw new AppError(
        ErrorCode.UNKNOWN_CATEGORY,
        `执法类别「${value}」不在共享的执法类别表中，请填写表中的编码或中文名称（可通过 enforcementCategories 查询）`,
        { field, value },
      );
    }
    if (!codes.includes(code)) codes.push(code);
  }
  return codes;
}

/**
 * Moving stored free text onto the vocabulary (the data migrations of both services): each value that names a
 * shared category exactly (its code or Chinese name) becomes that code; the others are kept as labels, never
 * dropped and never guessed ("特种设备" stays a label: it is not "特种设备安全").
 */
export function splitLegacyCategories(values: readonly string[]): { codes: string[]; labels: string[] } {
  const codes: string[] = [];
  const labels: string[] = [];
  for (const raw of values) {
    const value = raw.trim();
    if (!value) continue;
    const code = matchCategoryCode(value);
    if (code) {
      if (!codes.includes(code)) codes.push(code);
    } else if (!labels.includes(value)) labels.push(value);
  }
  return { codes, labels };
}
