import { randomFillSync } from "node:crypto";

let lastMs = 0;
let seq = 0;

/**
 * Random bytes for ids, drawn 4 KiB at a time: a draw records an event per visit (5,000 at county scale), and
 * two `randomBytes` calls per event were ≈ 0.1 s of an execute (docs/performance.md).
 */
const pool = Buffer.alloc(4096);
let used = pool.length;
const scratch = Buffer.alloc(16);
function random(n: number): Buffer {
  if (used + n > pool.length) {
    randomFillSync(pool);
    used = 0;
  }
  used += n;
  return pool.subarray(used - n, used);
}

/**
 * A UUIDv7 (RFC 9562): 48 bits of Unix milliseconds, then random bits, so ids sort by time of
 * creation on one instance and never collide across instances. Within one millisecond a 12-bit
 * counter keeps them increasing.
 */
export function eventId(now = Date.now()): string {
  if (now === lastMs) seq = (seq + 1) & 0xfff;
  else {
    lastMs = now;
    seq = random(2).readUInt16BE(0) & 0x7ff;
  }
  const b = scratch; // overwritten whole here, then read into the id string
  random(16).copy(b);
  b.writeUIntBE(now, 0, 6);
  b[6] = 0x70 | (seq >> 8);
  b[7] = seq & 0xff;
  b[8] = 0x80 | (b[8]! & 0x3f);
  const h = b.toString("hex");
  return `${h.slice(0, 8)}-${h.slice(8, 12)}-${h.slice(12, 16)}-${h.slice(16, 20)}-${h.slice(20)}`;
}
