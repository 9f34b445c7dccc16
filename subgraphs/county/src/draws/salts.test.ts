import { sortedByCodePoints } from "@ssj/draw-engine";
import { describe, expect, it } from "vitest";
import { findSalt, saltCandidates, saltsOf, saltsText, saltsTextChunks, SALTS_FORMAT } from "./salts.js";

// ids with a quote, TAB, LF, backslash, a character above U+FFFF, and one that is an Object.prototype key
const ids = ["91512002MA6XYZ0001", '安岳县"某"店', "a\tb\nc\\d", "𠀀", "__proto__", "z"];
const salted = saltCandidates(
  sortedByCodePoints(
    ids.map((subjectId) => ({ subjectId, stratum: "A" as const, matters: [], departments: [] })),
    (c) => c.subjectId,
  ),
);

describe("the stored salts", () => {
  it("are a line per candidate in id order, in chunks that join to the same text, read back whole or one by one", () => {
    const text = saltsText(salted);
    expect(text.startsWith(`${SALTS_FORMAT}\n`)).toBe(true);
    expect(text.split("\n")).toHaveLength(ids.length + 2);
    const expected = Object.fromEntries(salted.map((c) => [c.subjectId, c.salt]));
    for (const size of [1, 2, 40, text.length, 1 << 20]) {
      const chunks = [...saltsTextChunks(salted, size)];
      expect(chunks.join("")).toBe(text);
      expect(saltsOf(chunks)).toEqual(expected);
      for (const c of salted) expect(findSalt(chunks, c.subjectId)).toBe(c.salt);
      expect(findSalt(chunks, "not-a-candidate")).toBeNull();
    }
    expect(Object.hasOwn(saltsOf(text), "__proto__")).toBe(true);
    expect(saltsOf(saltsText([]))).toEqual({});
  });

  it("still reads the JSON object that draws frozen before stored", () => {
    const old = JSON.stringify(Object.fromEntries(salted.map((c) => [c.subjectId, c.salt])));
    expect(saltsOf([old.slice(0, 7), old.slice(7)])).toEqual(JSON.parse(old));
    for (const c of salted) expect(findSalt([old], c.subjectId)).toBe(c.salt);
    expect(findSalt([old], "not-a-candidate")).toBeNull();
  });

  it("refuses a stored text with a broken line instead of reading past it", () => {
    expect(() => saltsOf([`${SALTS_FORMAT}\n`, "a\tb\n", "c"])).toThrow(/not "id TAB salt LF"/);
    expect(() => saltsOf([`${SALTS_FORMAT}\nno-tab\n`])).toThrow(/not "id TAB salt LF"/);
  });
});
