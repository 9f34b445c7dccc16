/**
 * Text primitives shared by the canonical forms, the sampler and the assignment.
 *
 * Why: a draw must give the same bytes and the same order on any machine and in any language.
 * JavaScript's default string order compares UTF-16 code units, which differs from Unicode code point
 * order (Python, Go, SQL `COLLATE BINARY` on UTF-8) for characters above U+FFFF. Every order the engine
 * publishes is code point order, implemented here once.
 */

import { fixedAsciiOrder } from "./ascii-order.js";
import { InvalidInputError } from "./errors.js";

const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;
const HIGH_UNIT = /[\uD800-\uFFFF]/;

/** `String.prototype.isWellFormed` (ES2024) where the runtime has it: native, far cheaper than the regex on a million ids. */
const nativeWellFormed = (String.prototype as { isWellFormed?: (this: string) => boolean }).isWellFormed;

/** True when the string can be encoded as UTF-8 (no lone surrogate). */
export function isWellFormed(s: string): boolean {
  return nativeWellFormed ? nativeWellFormed.call(s) : !LONE_SURROGATE.test(s);
}

/** Throw INVALID_INPUT unless `s` is a non-empty, well-formed string. */
export function requireText(s: unknown, what: string): string {
  if (typeof s !== "string" || s.length === 0) throw new InvalidInputError(`${what} 必须是非空字符串`, { what, value: s });
  if (!isWellFormed(s)) throw new InvalidInputError(`${what} 含有无法编码为 UTF-8 的字符`, { what, value: s });
  return s;
}

/** Map a UTF-16 code unit so that unit order equals code point order (surrogates above U+E000–U+FFFF). */
function fixUnit(u: number): number {
  return u >= 0xe000 ? u - 0x800 : u >= 0xd800 ? u + 0x2000 : u;
}

/** Compare two strings by Unicode code point (= UTF-8 byte order). */
export function compareCodePoints(a: string, b: string): number {
  if (a === b) return 0;
  const n = Math.min(a.length, b.length);
  for (let i = 0; i < n; i++) {
    const x = a.charCodeAt(i);
    const y = b.charCodeAt(i);
    if (x !== y) return fixUnit(x) - fixUnit(y);
  }
  return a.length - b.length;
}

/** True if native `<` may disagree with code point order for this string. */
export function needsCodePointCompare(s: string): boolean {
  return HIGH_UNIT.test(s);
}

/**
 * Whether the keys are in strictly increasing code point order (then sorting would change nothing). Native `<`
 * (UTF-16 order) agrees with code point order between strings without a unit from U+D800 up, which subject ids never
 * have: a frozen pool of 600,000 candidates is checked three times, and the loop of `compareCodePoints` cost ≈ 0.1 s a
 * time (docs/performance.md, "Eighth pass").
 */
export function isStrictlyIncreasing<T>(items: readonly T[], key: (item: T) => string): boolean {
  if (items.length < 2) return true;
  let prev = key(items[0]!);
  let prevHigh = HIGH_UNIT.test(prev);
  for (let i = 1; i < items.length; i++) {
    const next = key(items[i]!);
    const high = HIGH_UNIT.test(next);
    if (prevHigh || high ? compareCodePoints(prev, next) >= 0 : !(prev < next)) return false;
    prev = next;
    prevHigh = high;
  }
  return true;
}

/**
 * The permutation that sorts `keys` by code point order, stably: `keys[order[0]] ≤ keys[order[1]] ≤ …`. Keys that are
 * all ASCII of one length (subject ids) go through a radix sort (ascii-order.ts), anything else a comparison sort.
 */
export function codePointOrder(keys: readonly string[]): Uint32Array {
  const fixed = fixedAsciiOrder(keys);
  if (fixed) return fixed;
  const order = Array.from(keys, (_, i) => i);
  if (keys.some(needsCodePointCompare)) order.sort((a, b) => compareCodePoints(keys[a]!, keys[b]!));
  else order.sort((a, b) => (keys[a]! < keys[b]! ? -1 : keys[a]! > keys[b]! ? 1 : 0));
  return Uint32Array.from(order);
}

/**
 * A copy sorted by `key` in code point order (stable), with native `<` when no key needs the slower comparison, and
 * a radix sort when every key is ASCII of one length (ascii-order.ts).
 */
export function sortedByCodePoints<T>(items: readonly T[], key: (item: T) => string): T[] {
  if (isStrictlyIncreasing(items, key)) return [...items];
  return Array.from(codePointOrder(items.map(key)), (i) => items[i]!);
}

/** Sorted (code point order), de-duplicated copy of a list of strings. */
export function sortedSet(items: readonly string[]): string[] {
  return [...new Set(items)].sort(compareCodePoints);
}

/** Escape one field of a canonical line: `\` → `\\`, TAB → `\t`, LF → `\n`, CR → `\r`. */
export function escapeField(s: string): string {
  return s.replace(/[\\\t\n\r]/g, (c) => (c === "\\" ? "\\\\" : c === "\t" ? "\\t" : c === "\n" ? "\\n" : "\\r"));
}

/** Escape one item of a list field: as {@link escapeField}, and `,` → `\,`. */
export function escapeItem(s: string): string {
  return escapeField(s).replace(/,/g, "\\,");
}

/** A list field: items sorted by code point, duplicates removed, escaped, joined by `,`. */
export function listField(items: readonly string[]): string {
  return sortedSet(items).map(escapeItem).join(",");
}
