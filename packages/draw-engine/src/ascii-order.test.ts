import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { fixedAsciiOrder } from "./ascii-order.js";
import { codePointOrder, compareCodePoints, sortedByCodePoints } from "./text.js";

/** The comparison sort the radix sort stands in for: stable, by code point. */
const generalOrder = (keys: readonly string[]) => Array.from(keys, (_, i) => i).sort((a, b) => compareCodePoints(keys[a]!, keys[b]!));

const ascii = (length: number) =>
  fc.string({ minLength: length, maxLength: length, unit: fc.integer({ min: 0, max: 0x7f }).map((c) => String.fromCharCode(c)) });
const USCC_CHARS = "0123456789ABCDEFGHJKLMNPQRTUWXY";
const uscc = fc.array(fc.constantFrom(...USCC_CHARS), { minLength: 18, maxLength: 18 }).map((c) => `91${c.slice(2).join("")}`);

describe("the radix sort of ids that are ASCII of one length", () => {
  it("gives the comparison sort's permutation, equal keys in their order, at any length (odd or even)", () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 9 }).chain((length) => fc.array(ascii(length), { maxLength: 300 })),
        (keys) => {
          // duplicates on purpose: the sort must be stable
          const withDupes = [...keys, ...keys.slice(0, keys.length >> 2)];
          expect(Array.from(fixedAsciiOrder(withDupes)!)).toEqual(generalOrder(withDupes));
        },
      ),
    );
  });

  it("sorts USCC-like ids with a shared prefix as the comparison sort does", () => {
    fc.assert(
      fc.property(fc.array(uscc, { maxLength: 2000 }), (keys) => {
        expect(Array.from(fixedAsciiOrder(keys)!)).toEqual(generalOrder(keys));
      }),
      { numRuns: 30 },
    );
  });

  it("leaves to the general sort what is not ASCII of one length, and sorts nothing or one key", () => {
    expect(fixedAsciiOrder(["AB", "ABC"])).toBeNull();
    expect(fixedAsciiOrder(["AB", "é1"])).toBeNull();
    expect(fixedAsciiOrder(["AB", "\u{1F600}"])).toBeNull();
    expect(fixedAsciiOrder(["", ""])).toBeNull();
    expect(fixedAsciiOrder(["x".repeat(65), "y".repeat(65)])).toBeNull();
    expect(Array.from(fixedAsciiOrder([])!)).toEqual([]);
    expect(Array.from(fixedAsciiOrder(["Z"])!)).toEqual([0]);
    // every key alike: every pass is skipped
    expect(Array.from(fixedAsciiOrder(["AAA", "AAA", "AAA"])!)).toEqual([0, 1, 2]);
  });
});

describe("codePointOrder and sortedByCodePoints", () => {
  it("agree with the comparison sort on any strings, ASCII of one length or not (surrogates included)", () => {
    fc.assert(
      fc.property(
        fc.oneof(fc.array(fc.string({ unit: "grapheme" })), fc.array(fc.string({ unit: "binary" })), fc.array(ascii(18))),
        (keys) => {
          expect(Array.from(codePointOrder(keys))).toEqual(generalOrder(keys));
          const items = keys.map((k, i) => ({ k, i }));
          expect(sortedByCodePoints(items, (x) => x.k).map((x) => x.i)).toEqual(generalOrder(keys));
        },
      ),
    );
  });
});
