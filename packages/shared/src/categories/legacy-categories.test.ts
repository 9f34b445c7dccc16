import { describe, expect, it } from "vitest";
import { splitLegacyCategories } from "./enforcement-categories.js";

describe("moving free-text categories onto the shared codes", () => {
  it("maps exact names and codes, keeps the rest as labels, drops nothing", () => {
    expect(splitLegacyCategories(["食品安全", "特种设备", "SPECIAL_EQUIPMENT", " 特种设备安全 ", "大型游乐设施"])).toEqual({
      codes: ["FOOD_SAFETY", "SPECIAL_EQUIPMENT"],
      labels: ["特种设备", "大型游乐设施"],
    });
  });
});
