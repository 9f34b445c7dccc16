import { describe, expect, it } from "vitest";
import { requireStatisticsYear } from "@ssj/shared";
import { requireMatterTotal } from "./matter-total.rules.js";

const code = (f: () => unknown) => {
  try {
    f();
  } catch (e) {
    return (e as { extensions: { code: string } }).extensions.code;
  }
  return "none";
};

describe("matter total declaration rules", () => {
  it("accepts a year from 2015 to next year (China time)", () => {
    const today = new Date("2026-12-31T17:00:00Z"); // 2027-01-01 01:00 in Beijing
    expect(requireStatisticsYear(2015, today)).toBe(2015);
    expect(requireStatisticsYear(2028, today)).toBe(2028);
    expect(code(() => requireStatisticsYear(2029, today))).toBe("INVALID_YEAR");
    expect(code(() => requireStatisticsYear(2014, today))).toBe("INVALID_YEAR");
  });

  it("wants a positive whole number not below the published random-inspection matters", () => {
    expect(requireMatterTotal(10, 7)).toBe(10);
    expect(requireMatterTotal(7, 7)).toBe(7);
    expect(code(() => requireMatterTotal(6, 7))).toBe("MATTER_TOTAL_BELOW_PUBLISHED");
    expect(code(() => requireMatterTotal(0, 0))).toBe("INVALID_MATTER_TOTAL");
    expect(code(() => requireMatterTotal(2.5, 0))).toBe("INVALID_MATTER_TOTAL");
  });
});
