import { RECORD_FIELDS } from "@ssj/shared";
import { describe, expect, it } from "vitest";
import { snapshotOf } from "./record.service.js";

describe("snapshotOf", () => {
  it("writes the record's fields in RECORD_FIELDS order, then removedAt (history entries stay byte-identical)", () => {
    const record = {
      uscc: "91510100MA61234567",
      name: "某某餐馆",
      category: "餐饮服务",
      address: "雁江区某路 1 号",
      legalRepresentative: "张三",
      region: "512002",
      supervisionTypes: ["食品经营"],
      riskClass: "B",
      abnormalList: false,
      dishonest: true,
      seriousViolation: false,
      keySectors: ["FOOD_DRUG"],
      removedAt: null,
    };
    const text = snapshotOf(record);
    expect(Object.keys(JSON.parse(text))).toEqual([...RECORD_FIELDS, "removedAt"]);
    expect(text).toBe(JSON.stringify(Object.fromEntries([...RECORD_FIELDS.map((f) => [f, record[f]]), ["removedAt", null]])));
  });
});
