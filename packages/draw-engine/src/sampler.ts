/**
 * Rivest's consistent sampler — digit for digit the same as the Python package `consistent-sampler`
 * 1.0.10 (github.com/ron-rivest/consistent_sampler, `pkg/consistent_sampler/consistent_sampler.py`).
 *
 * Why this method: a subject's ticket depends only on the public seed and the subject's own id, so
 * anybody can recompute it, each department can compute tickets locally, and a subject supervised by
 * two departments gets the same ticket in both. Arlo (election audits) uses the same package, so an
 * independent implementation exists in another language to check us against.
 *
 * The Python definitions, reproduced exactly:
 *   sha256_hex(x)       = lowercase hex SHA-256 of the UTF-8 bytes of str(x)
 *   sha256_uniform(x)   = "0." + reversed("{:064d}".format(int(sha256_hex(x), 16)))
 *                         (decimal digits of the 256-bit integer, zero-padded on the left to at least
 *                         64 digits, then reversed: 64 to 78 digits after the point)
 *   first_fraction(id, seed) = sha256_uniform(sha256_hex(seed) + str(id))
 *   next_fraction(x)    = keep the leading run of 9s of x, append the digits of
 *                         sha256_uniform(x + ":" + str(i)) for i = 1, 2, … until the result is > x
 *   trim(x, d)          = x cut after the leading run of 9s plus d digits (truncation, default d = 9)
 * Tickets are decimal *strings* (never floats). They are compared as strings of equal length (the
 * shorter padded with "0" on the right), which is exactly Python's string order for these values.
 * Ties (only possible for equal ticket strings) fall back to the id, then the generation, as Python's
 * tuple order on `Ticket(ticket_number, id, generation)` does.
 *
 * Speed: the first 15 digits of a ticket are the reversed low 15 decimal digits of the SHA-256 integer,
 * which we compute from the raw digest with exact double arithmetic (no BigInt). Selection orders by
 * that 15-digit key and only builds full ticket strings (BigInt, once per ticket) for the winners and
 * for the rare key ties.
 */

import { sha256HexOf } from "#sha256";
import { DuplicateIdError, InvalidInputError } from "./errors.js";
import { compareCodePoints, isWellFormed } from "./text.js";

/** Version of the Python package this module reproduces. */
export const CONSISTENT_SAMPLER_VERSION = "1.0.10";

/** `sha256_hex(s)`: lowercase hex SHA-256 of the UTF-8 encoding of `s`. */
export function sha256Hex(s: string): string {
  if (!isWellFormed(s)) throw new InvalidInputError("待哈希的字符串含有无法编码为 UTF-8 的字符", { value: s });
  return sha256HexOf(s);
}

/** The ticket string for a SHA-256 digest given in hex: "0." + reversed zero-padded decimal digits. */
export function uniformFromHex(hex: string): string {
  const dec = BigInt("0x" + hex).toString();
  const n = dec.length;
  const codes = new Array<number>(Math.max(n, 64) + 2);
  codes[0] = 48; // "0"
  codes[1] = 46; // "."
  for (let i = 0; i < n; i++) codes[i + 2] = dec.charCodeAt(n - 1 - i);
  for (let i = n; i < 64; i++) codes[i + 2] = 48;
  // one flat string (a `+=` loop would keep a 78-node rope alive per stored ticket)
  return String.fromCharCode(...codes);
}

/** `sha256_uniform(s)`: the SHA-256 of `s` as a decimal fraction string in (0, 1). */
export function sha256Uniform(s: string): string {
  return uniformFromHex(sha256Hex(s));
}

/** `first_fraction(id, seed)`: the generation-1 ticket number of `id`. Pass `seedHash` to save one hash. */
export function firstFraction(id: string, seed: string, seedHash: string = sha256Hex(seed)): string {
  return sha256Uniform(seedHash + id);
}

/** The (generation-1) ticket of `id` under `seed`; the number that orders subjects in a draw. */
export function ticket(id: string, seed: string): string {
  return firstFraction(id, seed);
}

function firstNon9(x0: string): number {
  let p = 2;
  while (p < x0.length && x0.charCodeAt(p) === 57) p++;
  return p;
}

/** `next_fraction(x)`: a pseudo-random ticket in (x, 1), used for sampling with replacement. */
export function nextFraction(x: string): string {
  if (!x.startsWith("0.")) throw new InvalidInputError("票号必须以 0. 开头", { value: x });
  const x0 = x + "0";
  const p = firstNon9(x0);
  let y = "0.";
  let i = 0;
  while (y <= x0) {
    i += 1;
    y = x0.slice(0, p) + sha256Uniform(x + ":" + String(i)).slice(2);
  }
  return y;
}

/** `trim(x, digits)`: keep the leading 9s after "0." and then `digits` digits (truncation). */
export function trim(x: string, digits = 9): string {
  const p = firstNon9(x + "0");
  return x.slice(0, p + digits);
}

/** Compare two ticket strings as decimal fractions (equal-length string comparison). */
export function compareTickets(a: string, b: string): number {
  const n = Math.max(a.length, b.length);
  for (let i = 0; i < n; i++) {
    const x = i < a.length ? a.charCodeAt(i) : 48;
    const y = i < b.length ? b.charCodeAt(i) : 48;
    if (x !== y) return x - y;
  }
  return 0;
}

/** One ticket of the Python sampler: `Ticket(ticket_number, id, generation)`. */
export interface SamplerTicket {
  ticketNumber: string;
  id: string;
  generation: number;
}

/** Options of {@link sampler}; same meaning and defaults as the Python `sampler(...)` arguments. */
export interface SamplerOptions {
  withReplacement?: boolean;
  drop?: number;
  take?: number;
  /** Significant digits kept by `trim` in the yielded tickets (Python default 9; Infinity = untrimmed). */
  digits?: number;
}

function compareSamplerTickets(a: SamplerTicket, b: SamplerTicket): number {
  return compareTickets(a.ticketNumber, b.ticketNumber) || compareCodePoints(a.id, b.id) || a.generation - b.generation;
}

/** A minimal binary min-heap; the engine cannot use any dependency. */
class MinHeap<T> {
  private readonly a: T[] = [];
  constructor(private readonly cmp: (x: T, y: T) => number) {}
  get size(): number {
    return this.a.length;
  }
  push(v: T): void {
    const a = this.a;
    a.push(v);
    let i = a.length - 1;
    while (i > 0) {
      const p = (i - 1) >> 1;
      if (this.cmp(a[i]!, a[p]!) >= 0) break;
      [a[i], a[p]] = [a[p]!, a[i]!];
      i = p;
    }
  }
  pop(): T | undefined {
    const a = this.a;
    if (a.length === 0) return undefined;
    const top = a[0]!;
    const last = a.pop()!;
    if (a.length > 0) {
      a[0] = last;
      let i = 0;
      for (;;) {
        const l = 2 * i + 1;
        const r = l + 1;
        let m = i;
        if (l < a.length && this.cmp(a[l]!, a[m]!) < 0) m = l;
        if (r < a.length && this.cmp(a[r]!, a[m]!) < 0) m = r;
        if (m === i) break;
        [a[i], a[m]] = [a[m]!, a[i]!];
        i = m;
      }
    }
    return top;
  }
}

export function assertDistinct(ids: readonly string[], pool: string): void {
  const seen = new Set<string>();
  const dupes = new Set<string>();
  for (const id of ids) {
    if (typeof id !== "string") throw new InvalidInputError("编号必须是字符串", { value: id });
    if (seen.has(id)) dupes.add(id);
    seen.add(id);
  }
  if (dupes.size > 0) throw new DuplicateIdError(pool, [...dupes].sort(compareCodePoints));
}

/**
 * The Python `sampler(id_list, seed, with_replacement, drop, take, digits)` generator: yields tickets
 * in increasing ticket order; with replacement a drawn id gets its next ticket and goes back. For
 * large pools without replacement use {@link sampleWithoutReplacement}, which is much faster.
 */
export function* sampler(ids: readonly string[], seed: string, options: SamplerOptions = {}): Generator<SamplerTicket> {
  const { withReplacement = false, drop = 0, take = Infinity, digits = 9 } = options;
  assertDistinct(ids, "id_list");
  const seedHash = sha256Hex(seed);
  const heap = new MinHeap<SamplerTicket>(compareSamplerTickets);
  for (const id of ids) heap.push({ ticketNumber: firstFraction(id, seed, seedHash), id, generation: 1 });
  let count = 0;
  while (heap.size > 0) {
    const t = heap.pop()!;
    if (withReplacement) heap.push({ ticketNumber: nextFraction(t.ticketNumber), id: t.id, generation: t.generation + 1 });
    count += 1;
    if (drop < count && count <= drop + take) yield { ticketNumber: trim(t.ticketNumber, digits), id: t.id, generation: t.generation };
    else if (count > drop + take) return;
  }
}
