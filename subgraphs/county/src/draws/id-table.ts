/**
 * Byte strings → dense indices 0, 1, 2… in the order they were first added: an open-addressing hash table
 * (linear probing, power-of-two capacity, grown at three quarters full) whose keys are copied into one growing byte arena.
 *
 * Why: a freeze folds a million candidate lines into 600,000 subjects, and keying them by a `Map<string, number>`
 * made a string of every line's id only to hash it and mostly throw it away (4 of 5 lines are for a subject already
 * seen): `SubjectTally.add` was the top self time of the county's freeze, with the garbage behind it
 * (docs/performance.md). Here a line's id is looked up by the bytes it arrived as, in place in the network buffer,
 * so a subject already seen costs a hash of a few bytes and one comparison, and no allocation at all.
 *
 * Pure: no I/O. Keys are compared byte for byte, so two keys are the same key exactly when their bytes are equal;
 * a string is looked up by its UTF-8 bytes (`indexOfString`).
 */
export class IdTable {
  /**
   * Slot s → `slots[2s]`: index + 1 (0: empty), `slots[2s + 1]`: the key's hash, beside it so that a probe reads one
   * place in memory and rejects most other keys without their bytes (at 600,000 keys the table is far larger than
   * the caches: each further array read per look-up is a likely cache miss).
   */
  private slots = new Int32Array(2048);
  private mask = 1023;
  /** Index → its key's hash (so that growing rehashes nothing). */
  private hashes = new Int32Array(512);
  /** Index i → its key is `arena[offsets[i], offsets[i + 1])` (the keys sit one after the other). */
  private offsets = new Uint32Array(513);
  private arena = new Uint8Array(16384);
  private used = 0;
  private count = 0;
  /** UTF-8 bytes of the last string asked about (see `bytesOf`). */
  private scratch = Buffer.alloc(256);

  get size(): number {
    return this.count;
  }

  /** The index of the key `bytes[start, end)`, or -1. */
  indexOf(bytes: Uint8Array, start: number, end: number): number {
    const hash = this.hash(bytes, start, end) | 0;
    const { slots, mask } = this;
    for (let slot = hash & mask; ; slot = (slot + 1) & mask) {
      const found = slots[2 * slot]! - 1;
      if (found < 0) return -1;
      if (slots[2 * slot + 1] === hash && this.equals(found, bytes, start, end)) return found;
    }
  }

  /** The index of the key `bytes[start, end)`, added (as index `size`) if it is new; `bytes` is not kept. */
  add(bytes: Uint8Array, start: number, end: number): number {
    const hash = this.hash(bytes, start, end) | 0;
    const { slots, mask } = this;
    let slot = hash & mask;
    for (; ; slot = (slot + 1) & mask) {
      const found = slots[2 * slot]! - 1;
      if (found < 0) break;
      if (slots[2 * slot + 1] === hash && this.equals(found, bytes, start, end)) return found;
    }
    const index = this.count;
    if (index === this.hashes.length) this.growKeys();
    const length = end - start;
    if (this.used + length > this.arena.length) this.growArena(this.used + length);
    this.arena.set(bytes.subarray(start, end), this.used);
    this.used += length;
    this.offsets[index + 1] = this.used;
    this.hashes[index] = hash;
    slots[2 * slot] = index + 1;
    slots[2 * slot + 1] = hash;
    this.count = index + 1;
    // at most three quarters full, so that a probe ends soon at an empty slot (a probe's next slots are mostly in the
    // same cache line; a sparser table is larger, and each growth rehashes every key)
    if (this.count * 4 > (mask + 1) * 3) this.growSlots();
    return index;
  }

  indexOfString(key: string): number {
    const length = this.bytesOf(key);
    return this.indexOf(this.scratch, 0, length);
  }

  /** The key's hash (a method so that a test can make keys collide). */
  protected hash(bytes: Uint8Array, start: number, end: number): number {
    return hashOf(bytes, start, end);
  }

  private equals(index: number, bytes: Uint8Array, start: number, end: number): boolean {
    const from = this.offsets[index]!;
    const length = end - start;
    if (this.offsets[index + 1]! - from !== length) return false;
    const arena = this.arena;
    for (let k = 0; k < length; k++) if (arena[from + k] !== bytes[start + k]) return false;
    return true;
  }

  /** Writes `key`'s UTF-8 bytes into `scratch`; returns their length. */
  private bytesOf(key: string): number {
    if (key.length * 3 > this.scratch.length) this.scratch = Buffer.alloc(key.length * 3);
    return this.scratch.write(key, 0, "utf8");
  }

  private growKeys(): void {
    const n = this.hashes.length * 2;
    const hashes = new Int32Array(n);
    hashes.set(this.hashes);
    this.hashes = hashes;
    const offsets = new Uint32Array(n + 1);
    offsets.set(this.offsets);
    this.offsets = offsets;
  }

  private growArena(least: number): void {
    let n = this.arena.length * 2;
    while (n < least) n *= 2;
    const arena = new Uint8Array(n);
    arena.set(this.arena.subarray(0, this.used));
    this.arena = arena;
  }

  private growSlots(): void {
    const slots = new Int32Array(this.slots.length * 2);
    const mask = slots.length / 2 - 1;
    for (let i = 0; i < this.count; i++) {
      const hash = this.hashes[i]!;
      let slot = hash & mask;
      while (slots[2 * slot] !== 0) slot = (slot + 1) & mask;
      slots[2 * slot] = i + 1;
      slots[2 * slot + 1] = hash;
    }
    this.slots = slots;
    this.mask = mask;
  }
}

/** 32-bit FNV-1a over `bytes[start, end)`, with a final mix so that the low bits, which pick the slot, vary. */
export function hashOf(bytes: Uint8Array, start: number, end: number): number {
  let h = 0x811c9dc5;
  for (let i = start; i < end; i++) h = Math.imul(h ^ bytes[i]!, 0x01000193);
  h ^= h >>> 16;
  h = Math.imul(h, 0x85ebca6b);
  h ^= h >>> 13;
  return h >>> 0;
}
