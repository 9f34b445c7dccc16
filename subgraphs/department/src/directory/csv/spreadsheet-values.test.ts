import { describe, expect, it } from "vitest";
import { readFlag, readRiskClass, splitList } from "./spreadsheet-values.js";

describe("spreadsheet values", () => {
  it.each(["B", "b", "B类", "B 类", "Ｂ类", "b级", " B "])("reads %j as risk class B", (cell) => expect(readRiskClass(cell)).toBe("B"));
  it.each(["E", "BB", "B类别", "乙"])("leaves %j for the record check to refuse", (cell) =>
    expect(readRiskClass(cell)).not.toMatch(/^[A-D]$/),
  );
  it.each([
    ["是", true],
    ["Y", true],
    ["1", true],
    ["TRUE", true],
    ["ｔｒｕｅ", true],
    ["否", false],
    ["n", false],
    ["0", false],
    ["False", false],
    ["", false],
  ])("reads %j as %s", (cell, value) => expect(readFlag(cell)).toBe(value));
  it("answers undefined for anything else", () => expect(readFlag("也许")).toBeUndefined());
  it("splits lists on 、，,;；|", () => expect(splitList("食品经营、药品经营，广告,工业产品;特种设备；医疗器械|化妆品 ")).toHaveLength(7));
});
