import { describe, expect, it } from "vitest";
import { ENFORCEMENT_CATEGORIES, matchCategoryCode, toCategoryCodes } from "./enforcement-categories.js";

describe("the shared enforcement categories", () => {
  it("has unique codes and unique Chinese names", () => {
    expect(new Set(ENFORCEMENT_CATEGORIES.map((c) => c.code)).size).toBe(ENFORCEMENT_CATEGORIES.length);
    expect(new Set(ENFORCEMENT_CATEGORIES.map((c) => c.name)).size).toBe(ENFORCEMENT_CATEGORIES.length);
  });

  it("accepts a code or the exact Chinese name, and nothing close to them", () => {
    expect(toCategoryCodes(["特种设备安全", " SPECIAL_EQUIPMENT ", "食品安全"], "categories")).toEqual([
      "SPECIAL_EQUIPMENT",
      "FOOD_SAFETY",
    ]);
    expect(matchCategoryCode("特种设备")).toBeUndefined();
    expect(matchCategoryCode("special_equipment")).toBeUndefined();
  });

  it("refuses an unknown category with UNKNOWN_CATEGORY and a Chinese message naming it", () => {
    try {
      toCategoryCodes(["食品安全", "特种设备"], "qualifications");
      expect.unreachable();
    } catch (e: any) {
      expect(e.extensions).toMatchObject({ code: "UNKNOWN_CATEGORY", field: "qualifications", value: "特种设备" });
      expect(e.message).toMatch(/执法类别「特种设备」不在共享的执法类别表中/);
    }
  });
});
