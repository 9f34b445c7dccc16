import { describe, expect, it } from "vitest";
import { SubjectSnapshot } from "./subject-snapshot.js";

describe("the subjects' snapshot at the freeze", () => {
  it("takes the city's own record over a unit's, and the first unit in registry order, whatever order the streams answer in", () => {
    // ranks: city 0 (the plan's department), then its units anyue 1 and lezhi 2
    const lines: [string, string, string, number][] = [
      ["U1", "乐至某店", "lezhi", 2],
      ["U1", "安岳某店", "anyue", 1],
      ["U2", "资阳某店", "lezhi", 2],
      ["U2", "资阳某店（市）", "city", 0],
      ["U3", "乐至另一店", "lezhi", 2],
    ];
    for (const order of [lines, [...lines].reverse()]) {
      const s = new SubjectSnapshot(true);
      for (const [uscc, name, source, rank] of order) s.add(uscc, name, "city", source, rank);
      expect(s.facts("U1")).toEqual({ name: "安岳某店", directories: { city: "anyue" } });
      expect(s.facts("U2")).toEqual({ name: "资阳某店（市）", directories: null });
      expect(s.facts("U3")).toEqual({ name: "乐至另一店", directories: { city: "lezhi" } });
      expect(JSON.parse(s.serialise(["U1", "U2"]))).toEqual({ U1: ["安岳某店", { city: "anyue" }], U2: ["资阳某店（市）", null] });
    }
  });

  it("keeps no directory for a plan drawing only its departments' own directories, and no name a department did not send", () => {
    const s = new SubjectSnapshot(false);
    s.add("U1", "某店", "market", "market", 0);
    s.add("U1", "某店（卫健）", "health", "health", 1);
    s.add("U2", undefined, "market", "market", 0);
    expect(s.facts("U1")).toEqual({ name: "某店", directories: null });
    expect(s.facts("U2")).toEqual({ name: null, directories: null });
  });
});
