/**
 * Sorting keys that are all ASCII of one length — what subject ids (18-character USCCs) are — by a radix sort.
 *
 * Why: freeze sorts 600,000 subject ids by code point; a comparison sort calls a comparator (or at least compares two
 * strings) some 11 million times, ≈ 1.1 s of the county's CPU (docs/performance.md, "The draw at county scale"). For
 * ASCII, code point order is byte order, and keys of one length sort with a handful of counting passes over their
 * bytes, two characters at a time, from the last to the first (LSD radix sort): a few tens of milliseconds. The sort
 * is stable, as `Array.prototype.sort` is, so equal keys keep their order and the result is the comparison sort's.
 */

/** Longest key sorted this way: the copy of the keys' bytes stays small, and longer keys are no subject ids. */
const MAX_LENGTH = 64;
const BITS = 7;
const BUCKETS = 1 << (2 * BITS);

/**
 * The permutation that sorts `keys` by code point order (stable): `keys[order[0]] ≤ keys[order[1]] ≤ …`; `null` when
 * the keys are not all ASCII of one length (≤ 64), for the caller's general sort.
 */
export function fixedAsciiOrder(keys: readonly string[]): Uint32Array | null {
  const n = keys.length;
  const length = n ? keys[0]!.length : 0;
  if (length === 0 || length > MAX_LENGTH) return n ? null : new Uint32Array(0);
  const bytes = asciiBytes(keys, length);
  if (!bytes) return null;
  let order = new Uint32Array(n);
  for (let i = 0; i < n; i++) order[i] = i;
  let spare = new Uint32Array(n);
  const counts = new Uint32Array(BUCKETS);
  const digits = new Uint16Array(n);
  // positions from the last pair of characters to the first; an odd length ends with the first character alone
  for (let p = length - 2; p > -2; p -= 2) {
    if (pass(bytes, length, Math.max(p, 0), p >= 0, order, spare, counts, digits)) [order, spare] = [spare, order];
  }
  return order;
}

/** The keys' characters in one buffer (key i at i × length), or `null` if a key has another length or a non-ASCII unit. */
function asciiBytes(keys: readonly string[], length: number): Uint8Array | null {
  const bytes = new Uint8Array(keys.length * length);
  for (let i = 0, at = 0; i < keys.length; i++) {
    const k = keys[i]!;
    if (k.length !== length) return null;
    for (let j = 0; j < length; j++, at++) {
      const c = k.charCodeAt(j);
      if (c >= 0x80) return null;
      bytes[at] = c;
    }
  }
  return bytes;
}

/**
 * One stable counting pass on the digit at position `p` (two characters, or one when `pair` is false) from `from`
 * into `to`. Returns false, having moved nothing, when every key has the same digit there (a shared prefix: the
 * region code of a county's USCCs). The digits are read once, in key order, into `digits`; the scatter reads them
 * from there rather than from the keys' bytes in the order of the last pass.
 */
function pass(
  bytes: Uint8Array,
  length: number,
  p: number,
  pair: boolean,
  from: Uint32Array,
  to: Uint32Array,
  counts: Uint32Array,
  digits: Uint16Array,
): boolean {
  const n = from.length;
  counts.fill(0);
  if (pair) for (let i = 0, at = p; i < n; i++, at += length) counts[(digits[i] = (bytes[at]! << BITS) | bytes[at + 1]!)]!++;
  else for (let i = 0, at = p; i < n; i++, at += length) counts[(digits[i] = bytes[at]!)]!++;
  if (counts[digits[0]!] === n) return false;
  for (let d = 0, sum = 0; d < BUCKETS; d++) {
    const c = counts[d]!;
    counts[d] = sum;
    sum += c;
  }
  for (let k = 0; k < n; k++) {
    const i = from[k]!;
    to[counts[digits[i]!]!++] = i;
  }
  return true;
}
