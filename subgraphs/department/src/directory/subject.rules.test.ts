import { describe, expect, it } from "vitest";
import { AppError, usccCheckDigit } from "@ssj/shared";
import { checkSubjectRecord, parseKeySector, validateSubjectRecord } from "./subject.rules.js";

const USCC = "91512002MA62A1234" + usccCheckDigit("91512002MA62A1234");

const good = () => ({
  uscc: USCC,
  name: "资阳市雁江区恒达机械制造有限公司",
  category: "机械制造",
  address: "四川省资阳市雁江区莲花街道建设路 12 号",
  legalRepresentative: "王建国",
  region: "512002001",
  supervisionTypes: ["特种设备使用", "工业产品生产"],
  riskClass: "B",
  abnormalList: false,
  dishonest: false,
  seriousViolation: false,
  keySectors: ["SAFETY"],
});

describe("checkSubjectRecord", () => {
  it("accepts and normalises a good record", () => {
    const { record, problems } = checkSubjectRecord({
      ...good(),
      uscc: ` ${USCC.toLowerCase()} `,
      name: "  资阳市雁江区恒达机械制造有限公司 ",
      supervisionTypes: [" 特种设备使用", "工业产品生产", "特种设备使用", ""],
      riskClass: "b",
      keySectors: ["安全生产", "SAFETY", "食品药品"],
      abnormalList: undefined,
    });
    expect(problems).toEqual([]);
    expect(record).toEqual({
      ...good(),
      supervisionTypes: ["特种设备使用", "工业产品生产"],
      keySectors: ["SAFETY", "FOOD_DRUG"],
    });
  });

  it("defaults flags and key sectors", () => {
    const { record } = checkSubjectRecord({
      ...good(),
      abnormalList: undefined,
      dishonest: null,
      seriousViolation: undefined,
      keySectors: undefined,
    });
    expect(record).toMatchObject({ abnormalList: false, dishonest: false, seriousViolation: false, keySectors: [] });
  });

  it("accepts 6, 9 and 12 digit regions", () => {
    for (const region of ["512000", "512021100", "512021100201"]) {
      expect(checkSubjectRecord({ ...good(), region }).problems).toEqual([]);
    }
  });

  it("reports every problem, one per field, in field order", () => {
    const { record, problems } = checkSubjectRecord({
      uscc: "91512002MA62A12340",
      name: "  ",
      category: "x".repeat(101),
      address: undefined,
      legalRepresentative: 42,
      region: "51200",
      supervisionTypes: [],
      riskClass: "E",
      abnormalList: "yes",
      keySectors: ["国防"],
    });
    expect(record).toBeUndefined();
    expect(problems.map((p) => [p.field, p.code])).toEqual([
      ["uscc", "INVALID_USCC"],
      ["name", "REQUIRED_FIELD"],
      ["category", "BAD_USER_INPUT"],
      ["address", "REQUIRED_FIELD"],
      ["legalRepresentative", "BAD_USER_INPUT"],
      ["region", "INVALID_REGION"],
      ["supervisionTypes", "REQUIRED_FIELD"],
      ["riskClass", "BAD_USER_INPUT"],
      ["abnormalList", "BAD_USER_INPUT"],
      ["keySectors", "BAD_USER_INPUT"],
    ]);
    expect(problems[0]!.reason).toMatch(/^统一社会信用代码/);
    expect(problems[1]!.reason).toBe("名称不能为空");
    expect(problems[2]!.reason).toContain("行业类别过长（最多 100 个字符");
    expect(problems[5]!.reason).toBe("行政区划代码应为 6、9 或 12 位数字，收到“51200”");
    expect(problems[7]!.reason).toContain("应为 A、B、C 或 D");
    expect(problems[9]!.reason).toContain("国防");
  });

  it("requires uscc, region and riskClass", () => {
    const { problems } = checkSubjectRecord({ ...good(), uscc: "", region: undefined, riskClass: " " });
    expect(problems.map((p) => [p.field, p.code])).toEqual([
      ["uscc", "REQUIRED_FIELD"],
      ["region", "REQUIRED_FIELD"],
      ["riskClass", "REQUIRED_FIELD"],
    ]);
  });

  it("parses key sectors in either language", () => {
    expect(parseKeySector("环境保护")).toBe("ENVIRONMENT");
    expect(parseKeySector(" food_drug ")).toBe("FOOD_DRUG");
    expect(parseKeySector("安全")).toBeNull();
  });
});

describe("validateSubjectRecord", () => {
  it("returns the record", () => {
    expect(validateSubjectRecord(good()).uscc).toBe(USCC);
  });

  it("throws the first problem with all problems attached", () => {
    try {
      validateSubjectRecord({ ...good(), region: "abc", riskClass: "Z" });
      expect.unreachable();
    } catch (e) {
      expect(e).toBeInstanceOf(AppError);
      const err = e as AppError;
      expect(err.code).toBe("INVALID_REGION");
      expect(err.message).toBe("行政区划代码应为 6、9 或 12 位数字，收到“abc”");
      expect(err.extensions.field).toBe("region");
      expect((err.extensions.problems as unknown[]).length).toBe(2);
    }
  });

  it("wrong check digit → INVALID_USCC naming the right digit", () => {
    const wrong = USCC.slice(0, 17) + (USCC[17] === "0" ? "1" : "0");
    expect(() => validateSubjectRecord({ ...good(), uscc: wrong })).toThrow(`校验码错误，应为 ${USCC[17]}`);
  });
});
