import { describe, expect, it } from "vitest";
import { reportDeadlineDays } from "./report-deadline.js";

const matter = (department: string, matterId: number, reportDeadlineWorkingDays?: number | null) => ({
  department,
  matterId,
  reportDeadlineWorkingDays,
});

describe("a department's report deadline on a visit", () => {
  const visit = ["market:1", "market:2", "health:3"];

  it("is 3 working days when no matter names its own", () => {
    expect(reportDeadlineDays([matter("market", 1), matter("market", 2, null)], "market", visit)).toBe(3);
  });

  it("is the matter's own deadline when it is the department's only matter", () => {
    expect(reportDeadlineDays([matter("market", 1, 5)], "market", ["market:1"])).toBe(5);
  });

  it("is the shortest among the department's matters, a matter without one counting as 3", () => {
    expect(reportDeadlineDays([matter("market", 1, 5), matter("market", 2, 10)], "market", visit)).toBe(5);
    expect(reportDeadlineDays([matter("market", 1, 5), matter("market", 2)], "market", visit)).toBe(3);
    expect(reportDeadlineDays([matter("market", 1, 2), matter("market", 2)], "market", visit)).toBe(2);
  });

  it("ignores other departments' matters and the plan's matters not on this visit", () => {
    const plan = [matter("market", 1, 7), matter("market", 9, 1), matter("health", 3, 1)];
    expect(reportDeadlineDays(plan, "market", visit)).toBe(7);
    expect(reportDeadlineDays(plan, "health", visit)).toBe(1);
  });
});
