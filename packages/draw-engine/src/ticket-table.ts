/**
 * The fast path of the sampler: a whole pool's tickets as 15-digit keys taken from the raw digest, with the
 * full ticket strings of sampler.ts computed only where two keys tie. Same order as the Python-compatible
 * sampler (sampler.ts), which the tests hold it to; kept apart so that the reference reads on its own.
 */
import { digestByte, sha256HexOf, sha256RawOf } from "#sha256";
import { assertDistinct, compareTickets, sha256Hex, uniformFromHex } from "./sampler.js";
import { InvalidInputError } from "./errors.js";
import { compareCodePoints, isWellFormed } from "./text.js";

const P8 = 1e8;
/** 2^(16k) mod 10^16, split into high and low base-10^8 limbs, for k = 0…15. */
const W_HI = new Float64Array(16);
const W_LO = new Float64Array(16);
{
  let w = 1n;
  const m16 = 10n ** 16n;
  for (let k = 0; k < 16; k++) {
    const m = w % m16;
    W_HI[k] = Number(m / 10n ** 8n);
    W_LO[k] = Number(m % 10n ** 8n);
    w *= 65536n;
  }
}
/** REV4[x] = the 4-digit zero-padded decimal of x, reversed, as a number. */
const REV4 = new Float64Array(10000);
for (let x = 0; x < 10000; x++) {
  const a = x % 10,
    b = Math.floor(x / 10) % 10,
    c = Math.floor(x / 100) % 10,
    d = Math.floor(x / 1000);
  REV4[x] = a * 1000 + b * 100 + c * 10 + d;
}
function rev8(x: number): number {
  const hi = Math.floor(x / 1e4);
  return REV4[x - hi * 1e4]! * 1e4 + REV4[hi]!;
}

/**
 * The first 15 digits of the ticket of `seedHash + id`, as an exact integer (< 10^15).
 * With N the SHA-256 integer: ticket digits 1…8 are the reversed N mod 10^8, digits 9…16 the reversed
 * ⌊N / 10^8⌋ mod 10^8. N mod 10^16 = Σ c_k · (2^(16k) mod 10^16) over the 16-bit chunks c_k of N,
 * accumulated in two base-10^8 limbs whose partial sums stay below 2^53.
 */
function ticketKey(seedHash: string, id: string): number {
  const h = sha256RawOf(seedHash + id);
  let sl = 0;
  let sh = 0;
  for (let k = 0; k < 16; k++) {
    const c = (digestByte(h, 30 - 2 * k) << 8) | digestByte(h, 31 - 2 * k);
    sl += c * W_LO[k]!;
    sh += c * W_HI[k]!;
  }
  const carry = Math.floor(sl / P8);
  const lo = sl - carry * P8;
  const u = sh + carry;
  const hi = u - Math.floor(u / P8) * P8;
  return rev8(lo) * 1e7 + Math.floor(rev8(hi) / 10);
}

/**
 * Tickets of a whole pool, held compactly: a 15-digit key per id, full ticket strings only on demand.
 * Internal to the engine (used by selection); the order it defines is the sampler's ticket order.
 */
export class TicketTable {
  readonly keys: Float64Array;
  readonly seedHash: string;
  private readonly full = new Map<number, string>();

  constructor(
    readonly ids: readonly string[],
    seed: string,
  ) {
    this.seedHash = sha256Hex(seed);
    const n = ids.length;
    const keys = new Float64Array(n);
    const sh = this.seedHash;
    for (let i = 0; i < n; i++) keys[i] = ticketKey(sh, ids[i]!);
    this.keys = keys;
  }

  /** The full ticket string of ids[i] (computed once, then cached). */
  ticketOf(i: number): string {
    let t = this.full.get(i);
    if (t === undefined) {
      t = uniformFromHex(sha256HexOf(this.seedHash + this.ids[i]!));
      this.full.set(i, t);
    }
    return t;
  }

  /** Sampler order of ids[i] and ids[j]: ticket, then id. */
  compare(i: number, j: number): number {
    const d = this.keys[i]! - this.keys[j]!;
    if (d !== 0) return d;
    return compareTickets(this.ticketOf(i), this.ticketOf(j)) || compareCodePoints(this.ids[i]!, this.ids[j]!);
  }

  /**
   * Sort indices into ticket order. Fast path: when their 15-digit keys are all distinct (the normal
   * case), sort the keys natively and map back; otherwise sort with the full comparison.
   */
  sortByTicket(indices: ArrayLike<number>): number[] {
    const n = indices.length;
    const ks = new Float64Array(n);
    const byKey = new Map<number, number>();
    let tie = false;
    for (let j = 0; j < n; j++) {
      const i = indices[j]!;
      const key = this.keys[i]!;
      if (byKey.has(key)) tie = true;
      byKey.set(key, i);
      ks[j] = key;
    }
    if (tie) return Array.from(indices).sort((a, b) => this.compare(a, b));
    ks.sort();
    const out = new Array<number>(n);
    for (let j = 0; j < n; j++) out[j] = byKey.get(ks[j]!)!;
    return out;
  }

  /**
   * For each group g (groupOf[i] in 0…k.length-1; other values = no group), the indices of the k[g]
   * smallest tickets of that group, in ticket order. Per group: quickselect the k-th smallest key
   * (O(n)), keep the indices whose key is at most that threshold (k of them, more only on key ties),
   * sort those and take k. The whole pool is never sorted.
   */
  smallestByGroup(groupOf: Uint8Array, k: readonly number[]): number[][] {
    const keys = this.keys;
    const n = this.ids.length;
    const groups = k.length;
    // counting sort of the indices by group
    const start = new Int32Array(groups + 1);
    for (let i = 0; i < n; i++) {
      const g = groupOf[i]!;
      if (g < groups) start[g + 1]!++;
    }
    for (let g = 0; g < groups; g++) start[g + 1]! += start[g]!;
    const members = new Int32Array(start[groups]!);
    const fill = start.slice(0, groups);
    for (let i = 0; i < n; i++) {
      const g = groupOf[i]!;
      if (g < groups) members[fill[g]!++] = i;
    }
    const out: number[][] = [];
    for (let g = 0; g < groups; g++) {
      const mine = members.subarray(start[g]!, start[g + 1]!);
      const want = k[g]!;
      if (want <= 0 || mine.length === 0) {
        out.push([]);
        continue;
      }
      let picked: ArrayLike<number> = mine;
      if (want < mine.length) {
        const gk = new Float64Array(mine.length);
        for (let j = 0; j < mine.length; j++) gk[j] = keys[mine[j]!]!;
        const threshold = quickselect(gk, want - 1);
        const p: number[] = [];
        for (let j = 0; j < mine.length; j++) if (keys[mine[j]!]! <= threshold) p.push(mine[j]!);
        picked = p;
      }
      const sorted = this.sortByTicket(picked);
      out.push(sorted.length > want ? sorted.slice(0, want) : sorted);
    }
    return out;
  }
}

/** The value of rank r (0-based) of `a` in ascending order; reorders `a`. Hoare partition, median of three. */
function quickselect(a: Float64Array, r: number): number {
  let lo = 0;
  let hi = a.length - 1;
  while (hi > lo) {
    const mid = (lo + hi) >> 1;
    const x = a[lo]!,
      y = a[mid]!,
      z = a[hi]!;
    const pivot = x < y ? (y < z ? y : x < z ? z : x) : x < z ? x : y < z ? z : y;
    let i = lo;
    let j = hi;
    while (i <= j) {
      while (a[i]! < pivot) i++;
      while (a[j]! > pivot) j--;
      if (i <= j) {
        const t = a[i]!;
        a[i] = a[j]!;
        a[j] = t;
        i++;
        j--;
      }
    }
    if (r <= j) hi = j;
    else if (r >= i) lo = i;
    else return a[r]!;
  }
  return a[r]!;
}

/** An id with its full ticket string. */
export interface TicketedId {
  id: string;
  ticket: string;
}

/**
 * Sampling without replacement: the first `take` ids in ticket order, each with its full ticket.
 * Same order as the Python `sampler(ids, seed)`; tickets are untrimmed.
 */
export function sampleWithoutReplacement(ids: readonly string[], seed: string, take = Infinity): TicketedId[] {
  assertDistinct(ids, "id_list");
  for (const id of ids) if (!isWellFormed(id)) throw new InvalidInputError("编号含有无法编码为 UTF-8 的字符", { id });
  const table = new TicketTable(ids, seed);
  const k = Math.min(ids.length, Math.max(0, Math.floor(take)));
  const [winners] = table.smallestByGroup(new Uint8Array(ids.length), [k]);
  return winners!.map((i) => ({ id: ids[i]!, ticket: table.ticketOf(i) }));
}
