import { SUBJECT_CSV_COLUMNS } from "./inputs.js";

/**
 * The Chinese header of each directory column, as the template (`GET /import/template.csv`) writes
 * it. The importer accepts these, the English names and a few common variants (README, "Importing
 * a directory").
 */
export const SUBJECT_CSV_CHINESE_HEADERS: Readonly<Record<(typeof SUBJECT_CSV_COLUMNS)[number], string>> = {
  uscc: "统一社会信用代码",
  name: "名称",
  category: "行业类别",
  address: "地址",
  legalRepresentative: "法定代表人",
  region: "行政区划代码",
  supervisionTypes: "监管类型",
  riskClass: "风险等级",
  abnormalList: "经营异常",
  dishonest: "失信",
  seriousViolation: "严重违法失信",
  keySectors: "重点领域",
};

/** The template's text: the Chinese header line only, CRLF-terminated as spreadsheets write it. */
export function subjectCsvTemplate(): string {
  return SUBJECT_CSV_COLUMNS.map((c) => SUBJECT_CSV_CHINESE_HEADERS[c]).join(",") + "\r\n";
}
