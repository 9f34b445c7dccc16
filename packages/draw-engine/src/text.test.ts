import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { compareCodePoints, isStrictlyIncreasing } from "./text.js";

/** Strings mixing ASCII, CJK, the units around the surrogates and characters above U+FFFF: where `<` and code point order part. */
const text = fc
  .array(fc.constantFrom("a", "b", "9", "\u4e00", "\ud7ff", "\ue000", "\uff5e", "\ufffd", "\u{1f600}", "\u{20000}", "\ud800", "\udfff"), {
    maxLength: 4,
  })
  .map((units) => units.join(""));

describe("isStrictlyIncreasing", () => {
  it("says what pairwise compareCodePoints says, with or without units from U+D800 up", () => {
    fc.assert(
      fc.property(fc.array(text, { maxLength: 8 }), (keys) => {
        const expected = keys.every((k, i) => i === 0 || compareCodePoints(keys[i - 1]!, k) < 0);
        expect(isStrictlyIncreasing(keys, (k) => k)).toBe(expected);
      }),
      { numRuns: 5000 },
    );
  });

  it("refuses a pair that UTF-16 order accepts and code point order does not", () => {
    // U+FF5E is below U+1F600 by code point; its single unit is above the surrogate pair's first unit
    expect("\u{1f600}" < "\uff5e").toBe(true);
    expect(isStrictlyIncreasing(["\u{1f600}", "\uff5e"], (k) => k)).toBe(false);
    expect(isStrictlyIncreasing(["\uff5e", "\u{1f600}"], (k) => k)).toBe(true);
    expect(isStrictlyIncreasing(["91a", "91a"], (k) => k)).toBe(false);
    expect(isStrictlyIncreasing([], (k: string) => k)).toBe(true);
  });
});
