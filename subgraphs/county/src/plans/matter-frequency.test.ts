import { describe, expect, it } from "vitest";
import { matterFrequencies } from "./matter-frequency.js";

const m = (code: string, yearlyFrequency?: number) =>
  ({
    department: "market",
    code,
    name: code,
    matterId: 1,
    version: 1,
    matterClass: "GENERAL",
    qualifications: [],
    expertRequired: false,
    appliesTo: [],
    yearlyFrequency,
  }) as const;

describe("matter frequencies", () => {
  it("counts plans per matter code, with the frequency of the latest plan's version", () => {
    const rows = matterFrequencies([
      { id: 2, matters: [m("SC-1", 2), m("SC-2")] },
      { id: 1, matters: [m("SC-1", 1)] },
    ]);
    expect(rows).toEqual([
      { department: "market", code: "SC-1", name: "SC-1", planned: 2, yearlyFrequency: 2 },
      { department: "market", code: "SC-2", name: "SC-2", planned: 1, yearlyFrequency: null },
    ]);
  });
});
