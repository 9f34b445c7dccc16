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

  it("escapes every value as JSON.stringify of the whole object does (quotes, backslashes, lone surrogates, dates)", () => {
    const record = {
      uscc: "91510100MA61234567",
      name: '引号"与\\反斜杠',
      category: "\ud800孤立代理项",
      address: "换行\n制表\t",
      legalRepresentative: "</script>\u2028",
      region: "512002",
      supervisionTypes: ['带"引号', "第二项"],
      riskClass: "A",
      abnormalList: true,
      dishonest: false,
      seriousViolation: true,
      keySectors: [],
      removedAt: new Date(Date.UTC(2026, 11, 1, 5, 6, 7, 89)),
    };
    const expected = JSON.stringify(Object.fromEntries([...RECORD_FIELDS.map((f) => [f, record[f]]), ["removedAt", record.removedAt]]));
    expect(snapshotOf(record)).toBe(expected);
    expect(snapshotOf(record, JSON.stringify(record.supervisionTypes), "[]")).toBe(expected);
  });
});
