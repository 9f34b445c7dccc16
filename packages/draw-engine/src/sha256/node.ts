/**
 * SHA-256 for Node: `node:crypto`'s one-shot `hash()`, the fastest path there is (the ticket loop of a
 * 1,000,000-subject draw is dominated by it). The browser gets ./browser.ts instead, chosen by the
 * `browser` condition of this package's `#sha256` import (package.json "imports").
 */
import { createHash, hash } from "node:crypto";
import type { Sha256 } from "./types.js";

/** Lowercase hex SHA-256 of the UTF-8 encoding of `text`. */
export function sha256HexOf(text: string): string {
  return hash("sha256", text, "hex");
}

/**
 * The raw digest of the UTF-8 encoding of `text`, read with {@link digestByte}. A latin1 string here:
 * `hash(…, "binary")` is about twice as fast as `hash(…, "buffer")` in the ticket loop.
 */
export function sha256RawOf(text: string): string {
  return hash("sha256", text, "binary");
}

/** Byte `i` (0…31) of a digest from {@link sha256RawOf}. */
export function digestByte(raw: string, i: number): number {
  return raw.charCodeAt(i);
}

/** An incremental hash, for canonical texts built chunk by chunk. */
export function createSha256(): Sha256 {
  const h = createHash("sha256");
  return {
    update(chunk: string) {
      h.update(chunk, "utf8");
    },
    hex: () => h.digest("hex"),
  };
}
