import { describe, expect, it } from "vitest";
import { levelOf, parentOf, RegionTable } from "./region-table.js";

const table = RegionTable.parse("code,name\n512000,资阳市\n512021,安岳县\n512021100,岳阳镇\n512021101,石羊镇\n512022,乐至县\n", "test");

describe("the region table", () => {
  it("knows levels and parents from the code's shape", () => {
    expect([levelOf("510000"), levelOf("512000"), levelOf("512021"), levelOf("512021100"), levelOf("512021100001")]).toEqual([
      "PROVINCE",
      "CITY",
      "COUNTY",
      "TOWN",
      "VILLAGE",
    ]);
    expect([parentOf("512021100001"), parentOf("512021100"), parentOf("512021"), parentOf("512000"), parentOf("510000")]).toEqual([
      "512021100",
      "512021",
      "512000",
      "510000",
      null,
    ]);
  });
  it("lists children of a parent and full names", () => {
    expect(table.select("512021", null).map((e) => e.name)).toEqual(["岳阳镇", "石羊镇"]);
    expect(table.select(null, ["512022", "999999"]).map((e) => e.code)).toEqual(["512022"]);
    expect(table.fullName("512021100")).toBe("资阳市安岳县岳阳镇");
  });
  it("refuses a malformed file, naming the line", () => {
    expect(() => RegionTable.parse("code,name\n5120,资阳\n", "f.csv")).toThrow(/f\.csv line 2/);
    expect(() => RegionTable.parse("512000,a\n512000,b\n", "f.csv")).toThrow(/line 2/);
  });
});
